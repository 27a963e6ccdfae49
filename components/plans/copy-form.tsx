"use client";
// PLAN-4: copy the plan into a new draft for another class with the same subject.
import { useActionState } from "react";
import { copyPlanAction } from "@/lib/plans/actions";
import type { LoadChoice } from "./create-plan-form";
import { FormStatus } from "@/components/ui/action-form";
import { Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function CopyForm({ planId, loads }: { planId: number; loads: LoadChoice[] }) {
  const [state, action] = useActionState(copyPlanAction, null);
  if (loads.length === 0) return null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="planId" value={planId} />
      <label className="text-sm">
        <span className="block text-slate-600">Копировать в класс</span>
        <Select name="loadId" options={loads.map((l) => ({ value: l.id, label: l.label }))} />
      </label>
      <SubmitButton variant="secondary">Копировать план</SubmitButton>
      <FormStatus state={state} success={null} />
    </form>
  );
}
