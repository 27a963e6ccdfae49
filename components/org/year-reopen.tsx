"use client";
// REC-2: a closed year is opened for corrections by ADMIN with a reason, and closed again — which
// writes a new archive edition beside the earlier ones.
import { useActionState } from "react";
import { closeYearAgainAction, reopenYearAction } from "@/lib/org/year/actions";

function Result({ state }: { state: { ok: boolean; data?: { message: string }; message?: string } | null }) {
  if (!state) return null;
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-sm ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state.ok ? state.data?.message : state.message}
    </p>
  );
}

export function ReopenYearForm({ yearId, name }: { yearId: number; name: string }) {
  const [state, action, pending] = useActionState(reopenYearAction, null);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2" aria-label={`Открыть год ${name} для исправлений`}>
      <input type="hidden" name="yearId" value={yearId} />
      <label className="min-w-72 flex-1 text-sm">
        <span className="block text-slate-600">Причина</span>
        <input
          name="reason"
          required
          minLength={5}
          maxLength={500}
          className="w-full rounded border border-slate-300 px-2 py-1 text-sm"
        />
      </label>
      <button
        disabled={pending}
        className="rounded border border-amber-600 px-3 py-1 text-sm text-amber-800 hover:bg-amber-50 disabled:opacity-50"
      >
        Открыть год для исправлений
      </button>
      <Result state={state} />
    </form>
  );
}

export function CloseYearAgainForm({ yearId, name }: { yearId: number; name: string }) {
  const [state, action, pending] = useActionState(closeYearAgainAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-label={`Закрыть год ${name}`}>
      <input type="hidden" name="yearId" value={yearId} />
      <button
        disabled={pending}
        className="rounded bg-blue-700 px-3 py-1 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50"
      >
        {pending ? "Закрываю и формирую архив…" : "Закрыть год снова (новая редакция архива)"}
      </button>
      <Result state={state} />
    </form>
  );
}
