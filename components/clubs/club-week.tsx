// PRG-2: a student's clubs on the shown days — in the diary and in the timetable: the time, the club,
// its leader and room; once the session is written, its topic, the attendance and a mark.
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES } from "@/lib/journal/rules";
import type { ClubWeekEntry } from "@/lib/clubs/rules";
import { formatDate, weekdayName } from "@/lib/org/time";
import { clockLabel } from "@/lib/schedule/timetable/rules";
import { roomLabel } from "@/lib/schedule/room-label";
import { Card } from "@/components/ui/card";
import { MarkBadge } from "@/components/ui/mark-badge";

export function ClubWeek({ entries }: { entries: readonly ClubWeekEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <Card title="Внеурочная деятельность" padding="sm">
      <ul role="list" aria-label="Занятия объединений" className="divide-y divide-slate-100 text-sm">
        {entries.map((e) => (
          <li key={`${e.clubId}-${e.date.getTime()}-${e.start}`} className="flex flex-wrap items-baseline gap-x-3 py-1">
            <span className="w-44 text-slate-600">
              {weekdayName(e.date)}, {formatDate(e.date)} · {clockLabel(e.start)}–{clockLabel(e.end)}
            </span>
            <span className="font-medium">{e.clubName}</span>
            <span className="text-slate-500">
              {e.leaderName}
              {e.roomName ? `, ${roomLabel(e.roomName)}` : ""}
            </span>
            {e.topic && <span className="text-slate-700">Тема: {e.topic}</span>}
            {e.code && (
              <span title={ATTENDANCE_TITLES[e.code]} className="font-semibold text-red-700">
                {ATTENDANCE_LABELS[e.code]}
              </span>
            )}
            {e.mark !== null && <MarkBadge label={String(e.mark)} title="Отметка в объединении" />}
          </li>
        ))}
      </ul>
    </Card>
  );
}
