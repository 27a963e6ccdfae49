// MSG-2 «Неотвеченные вопросы родителей»: questions to the class teacher unanswered for 72 hours.
import Link from "@/components/ui/link";
import type { OverdueList } from "@/lib/messages/mail/loaders";
import { formatDateTime } from "@/lib/org/time";

export function OverduePanel({ list, timeZone }: { list: OverdueList; timeZone: string }) {
  return (
    <section aria-labelledby="overdue-title" className="rounded border border-amber-300 bg-amber-50 p-3">
      <h2 id="overdue-title" className="font-semibold">
        Неотвеченные вопросы родителей
      </h2>
      <p className="text-xs text-slate-600">
        Ответ на вопрос родителей даётся в течение 3 дней (72 часов) с момента отправки.
      </p>
      {list.items.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">Нет вопросов без ответа дольше 3 дней.</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm">
          {list.items.map((q) => (
            <li key={`${q.messageId}:${q.teacherName}`}>
              {list.scope === "own" ? (
                <Link href={`/mail/${q.messageId}`} className="font-medium text-blue-700 hover:underline">
                  {q.subject}
                </Link>
              ) : (
                <span className="font-medium">{q.subject}</span>
              )}{" "}
              — {q.parentName}
              {list.scope === "all" && <> → {q.teacherName}</>} ({q.classNames.join(", ")}) ·{" "}
              <span className="tabular-nums">{formatDateTime(q.createdAt, timeZone)}</span> ·{" "}
              <span className="text-red-700">ждёт {q.daysWaiting} дн.</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
