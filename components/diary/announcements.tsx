// DRY-4: current announcements for the student's class and the reader's role, above the week.
import type { AnnouncementView } from "@/lib/messages/data";
import { formatDate } from "@/lib/org/time";

export function Announcements({ items }: { items: AnnouncementView[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-label="Объявления" className="rounded border border-slate-200 bg-white p-3">
      <h2 className="mb-1 text-sm font-semibold">Объявления</h2>
      <ul className="space-y-1">
        {items.map((a) => (
          <li key={a.id} className="min-w-0 text-sm">
            <details>
              <summary className="cursor-pointer break-words">
                <span className="text-xs text-slate-500">{formatDate(a.startsAt)}</span> {a.title}
                {a.className ? <span className="text-xs text-slate-500"> · {a.className}</span> : null}
              </summary>
              <p className="mt-1 whitespace-pre-line break-words text-slate-700">{a.body}</p>
              <p className="text-xs text-slate-500">{a.authorName}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
