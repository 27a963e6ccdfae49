// The date-specific changes of a week (SCH-2), as the class sees them.
import type { ChangeRow } from "@/lib/schedule/changes/data";
import { bellLabel } from "@/lib/schedule/week";
import { formatDate } from "@/lib/org/time";
import { roomLabel } from "@/lib/schedule/room-label";
import { ListCard } from "@/components/ui/card";
import { vocabulary } from "@/lib/org/vocabulary";

const CHANGE_LABELS = { REPLACE: "замена", CANCEL: "отмена", MOVE: "перенос" } as const;

/** A change's kind in the organisation's words (DAY-6): «добавлен урок» / «добавлено занятие». */
export function changeLabel(kind: keyof typeof CHANGE_LABELS | "ADD", college: boolean): string {
  return kind === "ADD" ? vocabulary(college).lessonAdded : CHANGE_LABELS[kind];
}

export function ChangeList({ changes, college }: { changes: ChangeRow[]; college: boolean }) {
  return (
    <ListCard
      title="Изменения в расписании"
      items={changes.map((c) => (
        <li key={c.id}>
          <span className="font-medium">{formatDate(c.date)}</span>
          {c.bellNumber ? `, ${bellLabel(c.bellNumber, college)}` : ""} · {c.className} · {changeLabel(c.kind, college)}
          {c.kind === "MOVE" && c.toDate ? ` на ${formatDate(c.toDate)}` : ""}
          {c.subjectName ? ` · ${c.subjectName}` : ""}
          {c.teacherName ? ` · ${c.teacherName}` : ""}
          {c.roomName ? ` · ${roomLabel(c.roomName)}` : ""}
          {c.note ? <span className="text-slate-600"> — {c.note}</span> : null}
        </li>
      ))}
    />
  );
}
