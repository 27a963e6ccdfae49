"use client";
// PLAN-4: copy the plan into a new draft for another class with the same subject.
import { copyPlanAction } from "@/lib/plans/actions";
import type { LoadChoice } from "./create-plan-form";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Select } from "@/components/ui/field";

export function CopyForm({ planId, loads }: { planId: number; loads: LoadChoice[] }) {
  if (loads.length === 0) return null;
  return (
    <ActionForm
      action={copyPlanAction}
      layout="inline"
      submitLabel="Копировать план"
      submitVariant="secondary"
      success={null}
      label="Копия плана"
    >
      <input type="hidden" name="planId" value={planId} />
      <Field label="Копировать в класс" name="loadId">
        <Select options={loads.map((l) => ({ value: l.id, label: l.label }))} />
      </Field>
    </ActionForm>
  );
}
