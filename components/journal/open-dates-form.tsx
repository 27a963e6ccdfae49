"use client";
// ADMIN opens class × subject × dates for 12 hours with a reason (JRN-6, REC-1): the only way to
// correct a closed period. The server checks the permission, the year and the dates again.
import { openDatesAction } from "@/lib/journal/unlock/actions";
import { ActionForm } from "@/components/ui/action-form";
import { DateRangeField, Field, Input, Select } from "@/components/ui/field";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export type OpenDatesChoice = { value: string; label: string };

/** The picker's «class:subject» becomes the action's classId and subjectId. */
const openDates: typeof openDatesAction = (prev, data) => {
  const [classId, subjectId] = String(data.get("pair") ?? "").split(":");
  data.set("classId", classId ?? "");
  data.set("subjectId", subjectId ?? "");
  return openDatesAction(prev, data);
};

export function OpenDatesForm({ choices, kind = "SCHOOL" }: { choices: OpenDatesChoice[]; kind?: OrgKindName }) {
  const v = vocabulary(kind);
  return (
    <ActionForm action={openDates} label="Открыть даты" layout="inline" framed submitLabel="Открыть на 12 ч">
      <Field label={`${cap(v.class.nom)} · ${v.subject.nom}`} name="pair" required>
        <Select required defaultValue="" placeholder="выберите" placeholderDisabled options={choices} />
      </Field>
      <DateRangeField from={{ name: "from", label: "С даты" }} to={{ name: "to", label: "По дату" }} />
      <Field label="Причина" name="reason" required className="min-w-64 flex-1">
        <Input required minLength={5} maxLength={500} />
      </Field>
    </ActionForm>
  );
}
