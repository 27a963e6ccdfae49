"use client";
// PLAN-4: copy the plan into a new draft for another class with the same subject.
import { useActionState } from "react";
import { copyPlanAction } from "@/lib/plans/actions";
import { ActionStatus, secondaryButtonClass } from "./action-status";
import type { LoadChoice } from "./create-plan-form";

export function CopyForm({ planId, loads }: { planId: number; loads: LoadChoice[] }) {
  const [state, action, pending] = useActionState(copyPlanAction, null);
  if (loads.length === 0) return null;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="planId" value={planId} />
      <label className="text-sm">
        <span className="block text-slate-600">Копировать в класс</span>
        <select name="loadId" className="mt-1 rounded border border-slate-300 px-2 py-1">
          {loads.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        Копировать план
      </button>
      <ActionStatus state={state} />
    </form>
  );
}
