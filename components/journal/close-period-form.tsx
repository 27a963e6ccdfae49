"use client";
// Closing a period (REC-1): the period, what to close (a class, a parallel, a department or the
// whole organisation) and the order it rests on. A refusal lists the missing finals.
import { useActionState } from "react";
import { closePeriodAction } from "@/lib/journal/closing/actions";

export type Option = { value: string; label: string };

const input = "rounded border border-slate-300 px-2 py-1 text-sm";

export function ClosePeriodForm(props: { periods: Option[]; targets: Option[] }) {
  const [state, action, pending] = useActionState(closePeriodAction, null);
  const missing = state && !state.ok ? (state.fieldErrors?.missing ?? []) : [];
  return (
    <form
      action={action}
      className="space-y-2 rounded border border-slate-200 bg-slate-50 p-3"
      aria-label="Закрыть период"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-slate-600">Период</span>
          <select name="periodId" required className={input} defaultValue="">
            <option value="" disabled>
              выберите
            </option>
            {props.periods.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-slate-600">Для</span>
          <select name="target" required className={input} defaultValue="">
            <option value="" disabled>
              выберите
            </option>
            {props.targets.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="min-w-64 flex-1 text-sm">
          <span className="block text-slate-600">Основание (приказ, протокол педсовета)</span>
          <input
            name="basis"
            required
            minLength={3}
            maxLength={200}
            placeholder="приказ № 112 от 28.12.2026"
            className={`${input} w-full`}
          />
        </label>
        <button
          disabled={pending}
          className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
        >
          Закрыть период
        </button>
      </div>
      {state && (
        <div
          role={state.ok ? "status" : "alert"}
          className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          <p>{state.ok ? state.data.message : state.message}</p>
          {state.ok && state.data.lines.map((l) => <p key={l}>{l}</p>)}
          {missing.length > 0 && (
            <ul className="mt-1 max-h-64 list-disc overflow-y-auto pl-5 text-slate-800" data-testid="missing-finals">
              {missing.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
