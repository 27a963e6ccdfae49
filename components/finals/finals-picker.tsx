// Choosing the finals sheet: class / group × subject and the period (FIN-1). A plain GET form; the
// page turns its choice into the address `/finals?classId=&subjectId=&periodId=`. The list warns
// about missing finals from three days before a period's end (FIN-4).
import Link from "@/components/ui/link";
import { ClassSubjectField, PeriodField } from "@/components/journal/choice-fields";
import type { FinalsChoice } from "@/lib/finals/loaders";
import type { PeriodOption } from "@/lib/journal/data";
import { PickerForm } from "@/components/ui/picker-form";

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
  const warnings = props.choices.filter((c) => c.warning);
  return (
    <div className="space-y-2">
      <PickerForm action="/finals" label="Выбор ведомости" submitLabel="Открыть" primary data-testid="finals-picker">
        {props.yearId ? <input type="hidden" name="year" value={props.yearId} /> : null}
        <ClassSubjectField
          name="pick"
          college={props.college}
          choices={props.choices}
          selected={selected}
          option={(c) => ({
            value: `${c.classId}:${c.subjectId}`,
            label: `${c.className} · ${c.subjectName}${c.warning ? " ⚠" : ""}`,
          })}
        />
        <PeriodField name="periodId" periods={props.periods} value={props.periodId} />
      </PickerForm>
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
