// Choosing a journal: class / group (and subgroup) × subject, and the period (JRN-1). A plain GET
// form, so it works without JavaScript and keeps the choice in the address.
import type { JournalChoice, PeriodOption, SubstituteLesson } from "@/lib/journal/data";
import { formatDate } from "@/lib/org/time";
import Link from "next/link";

export function choiceValue(c: { classId: number; subjectId: number; subgroupId: number | null }): string {
  return `${c.classId}:${c.subjectId}:${c.subgroupId ?? ""}`;
}

export function JournalPicker(props: {
  /** A year other than the current one (REC-3), kept when the choice changes. */
  yearId?: number | null;
  choices: JournalChoice[];
  selected: string | null;
  periods: PeriodOption[];
  periodId: number | null;
  substitutions: SubstituteLesson[];
  college: boolean;
}) {
  const byClass = new Map<string, JournalChoice[]>();
  for (const c of props.choices) byClass.set(c.className, [...(byClass.get(c.className) ?? []), c]);
  return (
    <div className="space-y-2">
      <form method="get" action="/journal" className="flex flex-wrap items-end gap-3 text-sm">
        {props.yearId ? <input type="hidden" name="year" value={props.yearId} /> : null}
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">{props.college ? "Группа и дисциплина" : "Класс и предмет"}</span>
          <select
            name="j"
            defaultValue={props.selected ?? ""}
            className="min-w-72 rounded border border-slate-300 bg-white px-2 py-1"
            required
          >
            <option value="" disabled>
              — выберите —
            </option>
            {[...byClass].map(([className, list]) => (
              <optgroup key={className} label={className}>
                {list.map((c) => (
                  <option key={choiceValue(c)} value={choiceValue(c)}>
                    {className} · {c.subjectName}
                    {c.subgroupName ? ` · ${c.subgroupName}` : ""} — {c.teacher}
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
              name="period"
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
      {props.substitutions.length > 0 && (
        <p className="text-xs text-slate-600">
          Замены:{" "}
          {props.substitutions.map((l, i) => (
            <span key={l.id}>
              {i > 0 && ", "}
              <Link href={`/journal?lesson=${l.id}`} className="text-blue-700 hover:underline">
                {formatDate(l.date)} {l.bellNumber}-й · {l.className} · {l.subjectName}
              </Link>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
