"use client";
// PLAN-1: a new plan for one of the teacher loads (class × subject), or for its whole parallel.
import { createPlanAction } from "@/lib/plans/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Checkbox, Field, Select } from "@/components/ui/field";

export type LoadChoice = { id: number; label: string };

/** A teacher's loads under the teacher's name (the administration's choice of every load: an <optgroup> each). */
export type LoadGroup = { label: string; loads: LoadChoice[] };

export function CreatePlanForm({ loads, groups }: { loads: LoadChoice[]; groups?: LoadGroup[] }) {
  if (loads.length === 0 && !groups?.length)
    return <p className="text-sm text-slate-500">Нет нагрузки (тарификации), для которой можно создать план.</p>;
  return (
    <ActionForm action={createPlanAction} layout="inline" submitLabel="Создать план" success={null} label="Новый план">
      <Field label="Класс и предмет" name="loadId">
        <Select
          required
          options={loads.map((l) => ({ value: l.id, label: l.label }))}
          groups={groups?.map((g) => ({
            label: g.label,
            options: g.loads.map((l) => ({ value: l.id, label: l.label })),
          }))}
        />
      </Field>
      <Checkbox name="parallel" label="на всю параллель" className="pb-1" />
    </ActionForm>
  );
}
