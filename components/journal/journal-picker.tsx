// Choosing a journal: class / group (and subgroup) × subject, and the period (JRN-1). A plain GET
// form, so it works without JavaScript and keeps the choice in the address. The substituted lessons'
// links are anchors in one SoftNav, opened on the client by the app's one listener (components/ui/soft-nav.tsx;
// issue 22 items 2 and 7).
import type { JournalChoice, PeriodOption, SubstituteLesson } from "@/lib/journal/data";
import { formatDate } from "@/lib/org/time";
import { ClassSubjectField, PeriodField } from "./choice-fields";
import { SoftNav } from "@/components/ui/soft-nav";
import { PickerForm } from "@/components/ui/picker-form";

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
  /** The signed-in user's id: journals they teach come first (DAY-3). */
  userId?: number;
}) {
  return (
    <div className="space-y-2">
      <PickerForm action="/journal" label="Выбор журнала" submitLabel="Открыть" primary>
        {props.yearId ? <input type="hidden" name="year" value={props.yearId} /> : null}
        <ClassSubjectField
          name="j"
          college={props.college}
          choices={props.choices}
          selected={props.selected ?? ""}
          mine={props.userId === undefined ? undefined : (c) => c.teacherId === props.userId}
          option={(c) => ({
            value: choiceValue(c),
            label: `${c.className} · ${c.subjectName}${c.subgroupName ? ` · ${c.subgroupName}` : ""} — ${c.teacher}`,
          })}
        />
        <PeriodField name="period" periods={props.periods} value={props.periodId} />
      </PickerForm>
      {props.substitutions.length > 0 && (
        <SoftNav as="p" className="text-xs text-slate-600">
          Замены:{" "}
          {props.substitutions.map((l, i) => (
            <span key={l.id}>
              {i > 0 && ", "}
              <a className="text-blue-700 hover:underline" href={`/journal?lesson=${l.id}`}>
                {formatDate(l.date)} {l.bellNumber}-й · {l.className} · {l.subjectName}
              </a>
            </span>
          ))}
        </SoftNav>
      )}
    </div>
  );
}
