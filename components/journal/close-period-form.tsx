"use client";
// Closing a period (REC-1): the period, what to close (a class, a parallel, a department or the
// whole organisation) and the order it rests on. A refusal lists the missing finals.
import { closePeriodAction } from "@/lib/journal/closing/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Input, Select } from "@/components/ui/field";

export type Option = { value: string; label: string };

export function ClosePeriodForm(props: { periods: Option[]; targets: Option[] }) {
  return (
    <ActionForm
      action={closePeriodAction}
      label="Закрыть период"
      layout="inline"
      framed
      submitLabel="Закрыть период"
      success={(d) => (
        <>
          {d.message}
          {d.lines.map((l) => (
            <span key={l} className="block">
              {l}
            </span>
          ))}
        </>
      )}
    >
      <Field label="Период" name="periodId" required>
        <Select required defaultValue="" placeholder="выберите" placeholderDisabled options={props.periods} />
      </Field>
      <Field label="Для" name="target" required>
        <Select required defaultValue="" placeholder="выберите" placeholderDisabled options={props.targets} />
      </Field>
      <Field label="Основание (приказ, протокол педсовета)" name="basis" required className="min-w-64 flex-1">
        <Input required minLength={3} maxLength={200} placeholder="приказ № 112 от 28.12.2026" />
      </Field>
    </ActionForm>
  );
}
