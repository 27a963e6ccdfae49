"use client";
import { useActionState } from "react";
import { decideUnlockAction } from "@/lib/journal/unlock/actions";

export function UnlockDecision({ requestId, label }: { requestId: number; label: string }) {
  const [state, action, pending] = useActionState(decideUnlockAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-label={`Решение: ${label}`}>
      <input type="hidden" name="requestId" value={requestId} />
      <input
        name="note"
        maxLength={500}
        placeholder="Комментарий"
        aria-label="Комментарий к решению"
        className="w-40 rounded border border-slate-300 px-2 py-0.5 text-sm"
      />
      <button
        name="decision"
        value="approve"
        disabled={pending}
        className="rounded bg-emerald-700 px-2 py-0.5 text-sm font-medium text-white hover:bg-emerald-800"
      >
        Открыть на 12 ч
      </button>
      <button
        name="decision"
        value="reject"
        disabled={pending}
        className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100"
      >
        Отклонить
      </button>
      {state && (
        <span className={state.ok ? "text-xs text-emerald-700" : "text-xs text-red-700"}>
          {state.ok ? state.data.message : state.message}
        </span>
      )}
    </form>
  );
}
