// The two fields of the journal's and the finals' pickers (JRN-1, FIN-1): «Класс и предмет»
// grouped by class, and the study period with its dates.
import type { PeriodOption } from "@/lib/journal/data";
import { formatDate } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { Field, Select, type Option, type OptionGroup } from "@/components/ui/field";

/**
 * DAY-3: with `mine`, the user's own journals (the subjects they teach) come first as «Мои классы»
 * («Мои группы»), the rest grouped by class under «Другие · 7Б».
 */
export function classSubjectGroups<C extends { className: string }>(
  choices: readonly C[],
  option: (c: C) => Option,
  mine: ((c: C) => boolean) | undefined,
  college: boolean,
): OptionGroup[] {
  const own = mine ? choices.filter(mine) : [];
  const rest = mine ? choices.filter((c) => !mine(c)) : choices;
  const byClass = new Map<string, Option[]>();
  for (const c of rest) byClass.set(c.className, [...(byClass.get(c.className) ?? []), option(c)]);
  const prefix = own.length > 0 ? "Другие · " : "";
  return [
    ...(own.length > 0 ? [{ label: `Мои ${vocabulary(college).class.nomPl}`, options: own.map(option) }] : []),
    ...[...byClass].map(([label, options]) => ({ label: `${prefix}${label}`, options })),
  ];
}

export function ClassSubjectField<C extends { className: string }>(props: {
  name: string;
  college: boolean;
  choices: readonly C[];
  selected: string;
  option: (c: C) => Option;
  /** The user's own journals, shown first (DAY-3). */
  mine?: (c: C) => boolean;
}) {
  return (
    <Field label={`${cap(vocabulary(props.college).class.nom)} и ${vocabulary(props.college).subject.nom}`}>
      <Select
        className="min-w-72"
        name={props.name}
        defaultValue={props.selected}
        required
        placeholder="— выберите —"
        placeholderDisabled
        groups={classSubjectGroups(props.choices, props.option, props.mine, props.college)}
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
