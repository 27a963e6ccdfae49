// The daily duties on the home page: the teacher's lessons of today not yet filled by the
// organisation's deadline and the reminder the worker sent (DUT-1), and the parents' absence notices
// waiting for the class teacher (DUT-4).
import Link from "@/components/ui/link";
import type { loadMyDeadline } from "@/lib/control/deadline/loaders";
import { FILL_PART_LABELS } from "@/lib/control/deadline/rules";
import type { NoticeRow } from "@/lib/absences/data";
import { NOTICE_REASON_LABELS, rangeText } from "@/lib/absences/rules";
import { formatDateTime } from "@/lib/org/time";
import { Panel } from "./panel";
import { lessonNumber, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export function MyDeadline({
  state,
  timeZone,
  kind = "SCHOOL",
}: {
  state: Awaited<ReturnType<typeof loadMyDeadline>>;
  timeZone: string;
  /** DAY-6 (issue 22 round 24): a college's «занятия», «2-е занятие». */
  kind?: OrgKindName;
}) {
  if (state.lessons.length === 0 && !state.reminder) return null;
  const v = vocabulary(kind);
  return (
    <Panel title={`Заполнить журнал до ${state.deadline}`}>
      <div aria-label={`Незаполненные ${v.lesson.nomPl}`} className="space-y-2 text-sm">
        {state.reminder && (
          <p role="status" className="rounded border border-amber-300 bg-amber-50 px-2 py-1">
            Напоминание от {formatDateTime(state.reminder.sentAt, timeZone)}: {v.lesson.genPl} не заполнено —{" "}
            {state.reminder.lessons}.
          </p>
        )}
        {state.lessons.length === 0 ? (
          <p className="text-emerald-700">Все {v.lesson.nomPl} сегодня заполнены.</p>
        ) : (
          <>
            {state.passed && <p className="text-red-700">Срок прошёл — заполните {v.lesson.nomPl} как можно скорее.</p>}
            <ul className="space-y-1">
              {state.lessons.map((l) => (
                <li key={l.lessonId}>
                  <Link href={`/journal?lesson=${l.lessonId}`} className="text-blue-700 hover:underline">
                    {lessonNumber(v, l.bell)} · {l.className} · {l.subject}
                  </Link>{" "}
                  <span className="text-slate-500">нет: {l.missing.map((p) => FILL_PART_LABELS[p]).join(", ")}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </Panel>
  );
}

export function PendingNotices({ notices }: { notices: NoticeRow[] }) {
  if (notices.length === 0) return null;
  return (
    <Panel title="Родители сообщили об отсутствии">
      <ul aria-label="Сообщения об отсутствии" className="space-y-1 text-sm">
        {notices.map((n) => (
          <li key={n.id}>
            <Link href="/journal/absences" className="text-blue-700 hover:underline">
              {n.student}
            </Link>{" "}
            {rangeText(n.dateFrom, n.dateTo)} · {NOTICE_REASON_LABELS[n.reason]}{" "}
            <span className="text-slate-500">({n.author})</span>
          </li>
        ))}
      </ul>
    </Panel>
  );
}
