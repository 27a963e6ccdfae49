// Choosing a journal: class / group (and subgroup) × subject, and the period (JRN-1). A plain GET
// form, so it works without JavaScript and keeps the choice in the address.
import type { JournalChoice, PeriodOption, SubstituteLesson } from "@/lib/journal/data";
import { formatDate } from "@/lib/org/time";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";

export function choiceValue(c: { classId: number; subjectId: number; subgroupId: number | null }): string {
  return `${c.classId}:${c.subjectId}:${c.subgroupId ?? ""}`;
}

export function JournalPicker(props: {
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
        <label className="flex flex-col">
          <span className="text-xs text-slate-500">{props.college ? "Группа и дисциплина" : "Класс и предмет"}</span>
          <Select className="min-w-72" name="j" defaultValue={props.selected ?? ""} required>
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
          </Select>
        </label>
        {props.periods.length > 0 && (
          <label className="flex flex-col">
            <span className="text-xs text-slate-500">Период</span>
            <Select name="period" defaultValue={props.periodId ?? ""}>
              {props.periods.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({formatDate(p.start)}–{formatDate(p.end)})
                </option>
              ))}
            </Select>
          </label>
        )}
        <Button type="submit">Открыть</Button>
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
