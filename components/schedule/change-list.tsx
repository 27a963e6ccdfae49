// The date-specific changes of a week (SCH-2), as the class sees them.
import type { ChangeRow } from "@/lib/schedule/changes/data";
import { bellLabel } from "@/lib/schedule/week";
import { formatDate } from "@/lib/org/time";
import { roomLabel } from "@/lib/schedule/room-label";
import { ListCard } from "@/components/ui/card";

export const CHANGE_LABELS = { REPLACE: "замена", CANCEL: "отмена", MOVE: "перенос", ADD: "добавлен урок" } as const;

export function ChangeList({ changes, college }: { changes: ChangeRow[]; college: boolean }) {
  return (
    <ListCard
      title="Изменения в расписании"
      items={changes.map((c) => (
        <li key={c.id}>
          <span className="font-medium">{formatDate(c.date)}</span>
          {c.bellNumber ? `, ${bellLabel(c.bellNumber, college)}` : ""} · {c.className} · {CHANGE_LABELS[c.kind]}
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
