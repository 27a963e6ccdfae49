// One week of the schedule: weekdays × bells, each cell the lessons of that slot (SCH-2),
// with substitutions, cancellations and changes marked, and the week's events (SCH-1).
import type { WeekEvent, WeekLesson } from "@/lib/schedule/view/data";
import { bellLabel, weekDaysShown, WEEKDAY_SHORT, type StudyDays } from "@/lib/schedule/week";
import { formatDate, isoDate } from "@/lib/org/time";
import { roomLabel } from "@/lib/schedule/room-label";
import { ListCard } from "@/components/ui/card";
import { EventLine } from "./event-line";
import { cap, vocabulary } from "@/lib/org/vocabulary";

type Props = {
  monday: Date;
  lessons: WeekLesson[];
  events: WeekEvent[];
  showClass: boolean;
  college: boolean;
  timeZone: string;
  studyDays: StudyDays;
};

export function WeekGrid({ monday, lessons, events, showClass, college, timeZone, studyDays }: Props) {
  // DAY-4: the organisation's study week; a day outside it only when it has lessons.
  const days = weekDaysShown(monday, studyDays, (d) => lessons.some((l) => isoDate(l.date) === isoDate(d)));
  const bells = [...new Set(lessons.map((l) => l.bellNumber))].sort((a, b) => a - b);
  const timeOf = (bell: number) => lessons.find((l) => l.bellNumber === bell && l.startTime)?.startTime ?? "";
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full min-w-[48rem] table-fixed text-sm" aria-label="Расписание на неделю">
          <thead className="bg-slate-100">
            <tr>
              <th className="w-24 px-2 py-1 text-left font-medium">{cap(vocabulary(college).lesson.nom)}</th>
              {days.map((d) => (
                <th key={isoDate(d)} scope="col" className="px-2 py-1 text-left font-medium">
                  {WEEKDAY_SHORT[d.getUTCDay() || 7]}, {formatDate(d).slice(0, 5)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {bells.length === 0 && (
              <tr>
                <td colSpan={days.length + 1} className="px-2 py-4 text-center text-slate-500">
                  На этой неделе уроков нет.
                </td>
              </tr>
            )}
            {bells.map((bell) => (
              <tr key={bell} className="border-t border-slate-100 align-top">
                <th scope="row" className="px-2 py-1 text-left font-normal">
                  {bellLabel(bell, college)}
                  <span className="block text-xs text-slate-500">{timeOf(bell)}</span>
                </th>
                {days.map((d) => (
                  <td key={isoDate(d)} className="px-1 py-1">
                    {lessons
                      .filter((l) => l.bellNumber === bell && l.date.getTime() === d.getTime())
                      .map((l) => (
                        <div
                          key={l.key}
                          data-testid="week-lesson"
                          className={`mb-1 rounded px-1.5 py-1 ${l.cancelled ? "bg-slate-100 text-slate-400 line-through" : l.changed || l.substituteName ? "bg-amber-50" : "bg-blue-50"}`}
                        >
                          <span className="block font-medium">
                            {l.subjectName}
                            {l.subgroupName ? ` (${l.subgroupName})` : ""}
                          </span>
                          <span className="block text-xs text-slate-600">
                            {showClass ? `${l.className} · ` : ""}
                            {l.substituteName ? `замена: ${l.substituteName} (вместо ${l.teacherName})` : l.teacherName}
                            {l.roomName ? ` · ${roomLabel(l.roomName)}` : ""}
                          </span>
                          {l.cancelled && <span className="block text-xs no-underline">отменён</span>}
                          {!l.cancelled && l.changed && <span className="block text-xs text-amber-800">изменение</span>}
                        </div>
                      ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {events.length > 0 && (
        <ListCard
          title="Мероприятия недели"
          items={events.map((e) => (
            <EventLine key={e.id} event={e} timeZone={timeZone} />
          ))}
        />
      )}
    </div>
  );
}
