// The two fields of the journal's and the finals' pickers (JRN-1, FIN-1): «Класс и предмет»
// grouped by class, and the study period with its dates.
import type { PeriodOption } from "@/lib/journal/data";
import { formatDate } from "@/lib/org/time";
import { Field, Select, type Option } from "@/components/ui/field";

export function ClassSubjectField<C extends { className: string }>(props: {
  name: string;
  college: boolean;
  choices: readonly C[];
  selected: string;
  option: (c: C) => Option;
}) {
  const byClass = new Map<string, Option[]>();
  for (const c of props.choices) byClass.set(c.className, [...(byClass.get(c.className) ?? []), props.option(c)]);
  return (
    <Field label={props.college ? "Группа и дисциплина" : "Класс и предмет"}>
      <Select
        className="min-w-72"
        name={props.name}
        defaultValue={props.selected}
        required
        placeholder="— выберите —"
        placeholderDisabled
        groups={[...byClass].map(([label, options]) => ({ label, options }))}
      />
    </Field>
  );
}

export function PeriodField({ name, periods, value }: { name: string; periods: PeriodOption[]; value: number | null }) {
  if (periods.length === 0) return null;
  return (
    <Field label="Период">
      <Select
        name={name}
        defaultValue={value ?? ""}
        options={periods.map((p) => ({
          value: p.id,
          label: `${p.name} (${formatDate(p.start)}–${formatDate(p.end)})`,
        }))}
      />
    </Field>
  );
}
