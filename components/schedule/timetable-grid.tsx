// The scheduler's grid of a class (SCH-2): bells × weekdays; each cell shows its lessons with
// «изменить» / «удалить» and a form to add one.
import { isoDate } from "@/lib/org/time";
import type { EditGrid } from "@/lib/schedule/timetable/loaders";
import { bellLabel, WEEKDAY_NAMES, WEEKDAY_SHORT } from "@/lib/schedule/week";
import { EntryForm } from "./entry-form";
import { DeleteEntryButton } from "./delete-entry-button";
import { roomLabel } from "@/lib/schedule/room-label";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export function TimetableGrid({ classId, grid, college }: { classId: number; grid: EditGrid; college: boolean }) {
  const weekdays = grid.entries.some((e) => e.weekday === 6) || college ? [1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
  const fresh = {
    entryId: null,
    subjectId: null,
    teacherId: null,
    roomId: null,
    subgroupId: null,
    hours: college ? 2 : 1,
    validFrom: isoDate(grid.newFrom),
    validTo: isoDate(grid.yearEnd),
  };
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full min-w-[64rem] table-fixed text-sm" aria-label={`Расписание ${grid.className}`}>
        <thead className="bg-slate-100">
          <tr>
            <th className="w-24 px-2 py-1 text-left font-medium">{cap(vocabulary(college).lesson.nom)}</th>
            {weekdays.map((w) => (
              <th key={w} scope="col" className="px-2 py-1 text-left font-medium">
                <abbr title={WEEKDAY_NAMES[w]} className="no-underline">
                  {WEEKDAY_SHORT[w]}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.bells.map((b) => (
            <tr key={b.number} className="border-t border-slate-100 align-top">
              <th scope="row" className="px-2 py-1 text-left font-normal">
                {bellLabel(b.number, college)}
                <span className="block text-xs text-slate-500">
                  {b.startTime}–{b.endTime}
                </span>
              </th>
              {weekdays.map((w) => {
                const slot = `${WEEKDAY_NAMES[w]}, ${bellLabel(b.number, college)}`;
                // The slot's form props, the same for editing an entry and adding one.
                const slotForm = {
                  college,
                  classId,
                  weekday: w,
                  bellNumber: b.number,
                  slotLabel: slot,
                  options: grid.options,
                };
                const here = grid.entries.filter((e) => e.weekday === w && e.bellNumber === b.number);
                return (
                  <td key={w} className="px-1 py-1" data-testid={`cell-${w}-${b.number}`}>
                    {here.map((e) => (
                      <div key={e.id} className="mb-1 rounded bg-blue-50 px-1.5 py-1">
                        <span className="block font-medium">
                          {e.subjectName}
                          {e.subgroupName ? ` (${e.subgroupName})` : ""}
                        </span>
                        <span className="block text-xs text-slate-600">
                          {e.teacherName}
                          {e.roomName ? ` · ${roomLabel(e.roomName)}` : ""}
                        </span>
                        <details className="text-xs">
                          <summary className="cursor-pointer text-blue-700">изменить</summary>
                          <EntryForm
                            {...slotForm}
                            defaults={{
                              entryId: e.id!,
                              subjectId: e.subjectId,
                              teacherId: e.teacherId,
                              roomId: e.roomId,
                              subgroupId: e.subgroupId,
                              hours: e.hours,
                              validFrom: isoDate(e.validFrom),
                              validTo: isoDate(e.validTo),
                            }}
                          />
                        </details>
                        <DeleteEntryButton entryId={e.id!} classId={classId} label={`${e.subjectName}, ${slot}`} />
                      </div>
                    ))}
                    <details className="text-xs">
                      <summary className="cursor-pointer text-slate-500 hover:text-blue-700">+ добавить</summary>
                      <EntryForm {...slotForm} defaults={fresh} />
                    </details>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
