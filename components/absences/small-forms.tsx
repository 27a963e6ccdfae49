"use client";
// Small forms of the absence pages: withdraw an absence (DUT-3); accept or decline a parent's
// notice (DUT-4). Each shows the server's Russian answer next to it.
import { useActionState } from "react";
import { decideNoticeAction, withdrawAbsenceAction } from "@/lib/absences/actions";
import { ABSENCE_REASON_LABELS, ABSENCE_REASONS } from "@/lib/absences/rules";
import type { ActionResult } from "@/lib/errors";

function Status({ state }: { state: ActionResult<{ message: string }> | null }) {
  if (!state) return null;
  return (
    <span
      role={state.ok ? "status" : "alert"}
      className={state.ok ? "text-xs text-emerald-700" : "text-xs text-red-700"}
    >
      {state.ok ? state.data.message : state.message}
    </span>
  );
}

export function WithdrawAbsence({ absenceId }: { absenceId: number }) {
  const [state, action, pending] = useActionState(withdrawAbsenceAction, null);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="absenceId" value={absenceId} />
      <button disabled={pending} className="rounded border border-red-600 px-2 py-0.5 text-xs text-red-700">
        Отменить
      </button>
      <Status state={state} />
    </form>
  );
}

export function NoticeDecision({ noticeId, reason }: { noticeId: number; reason: string }) {
  const [accepted, accept, acceptPending] = useActionState(decideNoticeAction, null);
  const [declined, decline, declinePending] = useActionState(decideNoticeAction, null);
  return (
    <div className="flex flex-wrap items-end gap-4">
      <form action={accept} className="flex items-end gap-2" aria-label="Принять">
        <input type="hidden" name="noticeId" value={noticeId} />
        <input type="hidden" name="decision" value="accept" />
        <label className="text-xs">
          Причина
          <select
            name="reason"
            defaultValue={reason}
            className="mt-0.5 block rounded border border-slate-300 px-1 py-0.5 text-sm"
          >
            {ABSENCE_REASONS.map((r) => (
              <option key={r} value={r}>
                {ABSENCE_REASON_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <button disabled={acceptPending} className="rounded bg-emerald-700 px-2 py-1 text-xs font-medium text-white">
          Принять
        </button>
        <Status state={accepted} />
      </form>
      <form action={decline} className="flex items-end gap-2" aria-label="Отклонить">
        <input type="hidden" name="noticeId" value={noticeId} />
        <input type="hidden" name="decision" value="decline" />
        <label className="text-xs">
          Причина отказа
          <input
            name="declineReason"
            required
            minLength={3}
            maxLength={500}
            className="mt-0.5 block rounded border border-slate-300 px-1 py-0.5 text-sm"
          />
        </label>
        <button disabled={declinePending} className="rounded border border-red-600 px-2 py-1 text-xs text-red-700">
          Отклонить
        </button>
        <Status state={declined} />
      </form>
    </div>
  );
}
