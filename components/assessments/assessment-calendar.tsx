// PRG-4: the assessment schedule as a calendar — one block per week, the school days with their
// assessments; a day with more than one subject is framed amber (the one-a-day rule), a change
// since the published version is named beside the work. Server component; wraps on a phone.
import { byWeek, changeText, type ShownItem } from "@/lib/assessments/rules";
import { formatDate, isoDate, weekdayName } from "@/lib/org/time";

export function AssessmentCalendar({
  items,
  empty,
  warnDays = true,
}: {
  items: readonly ShownItem[];
  empty: string;
  /** Frame the days with more than one subject (staff); the family's diary shows the dates only. */
  warnDays?: boolean;
}) {
  if (!items.length) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol aria-label="Календарь оценочных процедур" className="space-y-3">
      {byWeek(items).map((week) => (
        <li key={isoDate(week.monday)}>
          <h3 className="mb-1 text-sm font-medium text-slate-600">Неделя с {formatDate(week.monday)}</h3>
          <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {week.days.map((day) => {
              const live = day.items.filter((i) => i.change?.kind !== "removed");
              const crowded = warnDays && new Set(live.map((i) => i.subject)).size > 1;
              return (
                <li
                  key={isoDate(day.date)}
                  data-date={isoDate(day.date)}
                  className={`rounded border p-2 text-sm ${crowded ? "border-amber-400 bg-amber-50" : "border-slate-200 bg-white"}`}
                >
                  <div className="flex items-baseline justify-between gap-2">
                    <span className="font-medium">{formatDate(day.date)}</span>
                    <span className="text-xs text-slate-500">{weekdayName(day.date)}</span>
                  </div>
                  {crowded && <p className="text-xs font-medium text-amber-800">Больше одной в день</p>}
                  <ul className="mt-1 space-y-1">
                    {day.items.map((i) => (
                      <li key={i.topicId} className={i.change?.kind === "removed" ? "text-slate-400 line-through" : ""}>
                        <span className="font-medium">{i.subject}</span>: {i.title}{" "}
                        <span className="text-slate-500">({i.kind})</span>
                        {i.change && (
                          <span className="ml-1 rounded bg-blue-100 px-1 text-xs text-blue-900 no-underline">
                            {changeText(i.change)}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
