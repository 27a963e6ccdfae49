// DRY-7: what is new since the previous visit of the diary.
import Link from "@/components/ui/link";
import type { VisitNews } from "@/lib/diary/marks/loaders";
import { formatDateTime } from "@/lib/org/time";

export function NewsBanner({ news, timeZone }: { news: VisitNews; timeZone: string }) {
  if (!news.since || news.marks + news.homework + news.messages === 0) return null;
  const parts = [
    news.marks ? `отметок: ${news.marks}` : null,
    news.homework ? `домашних заданий: ${news.homework}` : null,
    news.messages ? `сообщений: ${news.messages}` : null,
  ].filter(Boolean);
  return (
    <p
      role="status"
      data-testid="diary-news"
      className="rounded border border-emerald-300 bg-emerald-50 px-3 py-1 text-sm text-emerald-900"
    >
      Новое с прошлого посещения ({formatDateTime(news.since, timeZone)}): {parts.join(", ")}
      {news.messages > 0 && (
        <>
          {" "}
          ·{" "}
          <Link href="/mail" className="underline">
            Почта
          </Link>
        </>
      )}
      . Новые отметки и задания выделены.
    </p>
  );
}
