"use client";
// PLAN-1: a new plan for one of the teacher loads (class × subject), or for its whole parallel.
import { createPlanAction } from "@/lib/plans/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, Select } from "@/components/ui/field";

export type LoadChoice = { id: number; label: string };

export function CreatePlanForm({ loads }: { loads: LoadChoice[] }) {
  if (loads.length === 0)
    return <p className="text-sm text-slate-500">Нет нагрузки (тарификации), для которой можно создать план.</p>;
  return (
    <ActionForm action={createPlanAction} layout="inline" submitLabel="Создать план" success={null} label="Новый план">
      <Field label="Класс и предмет" name="loadId">
        <Select required options={loads.map((l) => ({ value: l.id, label: l.label }))} />
      </Field>
      <Checkbox name="parallel" label="на всю параллель" className="pb-1" />
    </ActionForm>
  );
}
