"use client";
// PLAN-1: a new plan for one of the teacher loads (class × subject), or for its whole parallel.
import { useActionState } from "react";
import { createPlanAction } from "@/lib/plans/actions";
import { FormStatus } from "@/components/ui/action-form";
import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export type LoadChoice = { id: number; label: string };

export function CreatePlanForm({ loads }: { loads: LoadChoice[] }) {
  const [state, action] = useActionState(createPlanAction, null);
  if (loads.length === 0)
    return <p className="text-sm text-slate-500">Нет нагрузки (тарификации), для которой можно создать план.</p>;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block text-slate-600">Класс и предмет</span>
        <Select name="loadId" required options={loads.map((l) => ({ value: l.id, label: l.label }))} />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="parallel" /> на всю параллель
      </label>
      <SubmitButton>Создать план</SubmitButton>
      <FormStatus state={state} success={null} />
    </form>
  );
}
