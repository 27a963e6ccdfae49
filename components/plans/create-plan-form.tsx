"use client";
// PLAN-1: a new plan for one of the teacher loads (class × subject), or for its whole parallel.
import { useActionState } from "react";
import { createPlanAction } from "@/lib/plans/actions";
import { ActionStatus, buttonClass } from "./action-status";

export type LoadChoice = { id: number; label: string };

export function CreatePlanForm({ loads }: { loads: LoadChoice[] }) {
  const [state, action, pending] = useActionState(createPlanAction, null);
  if (loads.length === 0)
    return <p className="text-sm text-slate-500">Нет нагрузки (тарификации), для которой можно создать план.</p>;
  return (
    <form action={action} className="flex flex-wrap items-end gap-3">
      <label className="text-sm">
        <span className="block text-slate-600">Класс и предмет</span>
        <select name="loadId" required className="mt-1 rounded border border-slate-300 px-2 py-1">
          {loads.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="parallel" /> на всю параллель
      </label>
      <button type="submit" disabled={pending} className={buttonClass}>
        Создать план
      </button>
      <ActionStatus state={state} />
    </form>
  );
}
