"use client";
// ADMIN opens class × subject × dates for 12 hours with a reason (JRN-6, REC-1): the only way to
// correct a closed period. The server checks the permission, the year and the dates again.
import { useActionState } from "react";
import { openDatesAction } from "@/lib/journal/unlock/actions";

export type OpenDatesChoice = { value: string; label: string };

const input = "rounded border border-slate-300 px-2 py-1 text-sm";

export function OpenDatesForm({ choices }: { choices: OpenDatesChoice[] }) {
  const [state, action, pending] = useActionState(openDatesAction, null);
  return (
    <form
      action={(data: FormData) => {
        const [classId, subjectId] = String(data.get("pair") ?? "").split(":");
        data.set("classId", classId ?? "");
        data.set("subjectId", subjectId ?? "");
        action(data);
      }}
      className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-slate-50 p-3"
      aria-label="Открыть даты"
    >
      <label className="text-sm">
        <span className="block text-slate-600">Класс · предмет</span>
        <select name="pair" required className={input} defaultValue="">
          <option value="" disabled>
            выберите
          </option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">С даты</span>
        <input type="date" name="from" required className={input} />
      </label>
      <label className="text-sm">
        <span className="block text-slate-600">По дату</span>
        <input type="date" name="to" required className={input} />
      </label>
      <label className="min-w-64 flex-1 text-sm">
        <span className="block text-slate-600">Причина</span>
        <input name="reason" required minLength={5} maxLength={500} className={`${input} w-full`} />
      </label>
      <button
        disabled={pending}
        className="rounded bg-emerald-700 px-3 py-1 text-sm font-medium text-white hover:bg-emerald-800 disabled:opacity-50"
      >
        Открыть на 12 ч
      </button>
      {state && (
        <p
          role={state.ok ? "status" : "alert"}
          className={`w-full text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {state.ok ? state.data.message : state.message}
        </p>
      )}
    </form>
  );
}
