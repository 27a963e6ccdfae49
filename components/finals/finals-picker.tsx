// Choosing the finals sheet: class / group × subject and the period (FIN-1). A plain GET form; the
// page turns its choice into the address `/finals?classId=&subjectId=&periodId=`. The list warns
// about missing finals from three days before a period's end (FIN-4).
import Link from "next/link";
import type { FinalsChoice } from "@/lib/finals/loaders";
import type { PeriodOption } from "@/lib/journal/data";
import { formatDate } from "@/lib/org/time";

export function FinalsPicker(props: {
  /** A year other than the current one (REC-3), kept when the choice changes. */
  yearId?: number | null;
  choices: FinalsChoice[];
  classId: number | null;
  subjectId: number | null;
  periods: PeriodOption[];
  periodId: number | null;
  college: boolean;
}) {
  const selected = props.classId !== null && props.subjectId !== null ? `${props.classId}:${props.subjectId}` : "";
  const byClass = new Map<string, FinalsChoice[]>();
  for (const c of props.choices) byClass.set(c.className, [...(byClass.get(c.className) ?? []), c]);
  const warnings = props.choices.filter((c) => c.warning);
  return (
    <div className="space-y-2">
      <form
        method="get"
        action="/finals"
        className="flex flex-wrap items-end gap-3 text-sm"
        data-testid="finals-picker"
      >
        {props.yearId ? <input type="hidden" name="year" value={props.yearId} /> : null}
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">{props.college ? "Группа и дисциплина" : "Класс и предмет"}</span>
          <select
            name="pick"
            defaultValue={selected}
            className="min-w-72 rounded border border-slate-300 bg-white px-2 py-1"
            required
          >
            <option value="" disabled>
              — выберите —
            </option>
            {[...byClass].map(([className, list]) => (
              <optgroup key={className} label={className}>
                {list.map((c) => (
                  <option key={`${c.classId}:${c.subjectId}`} value={`${c.classId}:${c.subjectId}`}>
                    {className} · {c.subjectName}
                    {c.warning ? " ⚠" : ""}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        {props.periods.length > 0 && (
          <label className="flex flex-col">
            <span className="text-xs text-slate-500">Период</span>
            <select
              name="periodId"
              defaultValue={props.periodId ?? ""}
              className="rounded border border-slate-300 bg-white px-2 py-1"
            >
              {props.periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({formatDate(p.start)}–{formatDate(p.end)})
                </option>
              ))}
            </select>
          </label>
        )}
        <button className="rounded bg-blue-700 px-3 py-1 font-medium text-white hover:bg-blue-800">Открыть</button>
      </form>
      {warnings.length > 0 && (
        <ul
          className="space-y-0.5 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900"
          aria-label="Не выставленные итоговые отметки"
        >
          {warnings.map((c) => (
            <li key={`${c.classId}:${c.subjectId}`}>
              <Link className="underline" href={`/finals?classId=${c.classId}&subjectId=${c.subjectId}`}>
                {c.className} · {c.subjectName}
              </Link>{" "}
              — {c.warning}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
