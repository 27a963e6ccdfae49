"use client";
// DUT-4: a parent tells the class teacher their child will be (or was) absent — dates, reason, an
// optional photo of a note (the phone's camera). Built for a phone: one column, large controls.
import { useActionState } from "react";
import { fileNoticeAction } from "@/lib/absences/actions";
import { NOTICE_REASON_LABELS, NOTICE_REASONS } from "@/lib/absences/rules";

const input = "mt-1 block w-full rounded border border-slate-300 bg-white px-3 py-2 text-base";

export function NoticeForm({ studentId, today }: { studentId: number; today: string }) {
  const [state, action, pending] = useActionState(fileNoticeAction, null);
  const err = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form
      action={action}
      className="space-y-3 rounded border border-slate-200 bg-white p-4"
      aria-label="Сообщить об отсутствии"
    >
      <input type="hidden" name="studentId" value={studentId} />
      <div className="grid grid-cols-2 gap-3">
        <label className="block text-sm">
          С
          <input type="date" name="dateFrom" required defaultValue={today} className={input} />
        </label>
        <label className="block text-sm">
          По
          <input type="date" name="dateTo" required defaultValue={today} className={input} />
        </label>
      </div>
      {(err("dateFrom") || err("dateTo")) && <p className="text-sm text-red-700">{err("dateFrom") ?? err("dateTo")}</p>}
      <label className="block text-sm">
        Причина
        <select name="reason" className={input} defaultValue="B">
          {NOTICE_REASONS.map((r) => (
            <option key={r} value={r}>
              {NOTICE_REASON_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm">
        Комментарий (необязательно)
        <textarea name="comment" maxLength={1000} rows={3} className={input} />
      </label>
      <label className="block text-sm">
        Фото записки или справки (необязательно)
        <input type="file" name="file" accept="image/*,application/pdf" capture="environment" className={input} />
        {err("file") && <span className="text-sm text-red-700">{err("file")}</span>}
      </label>
      <button
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2.5 text-base font-medium text-white sm:w-auto"
      >
        Отправить классному руководителю
      </button>
      {state && (
        <p
          role={state.ok ? "status" : "alert"}
          className={state.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}
        >
          {state.ok ? state.data.message : state.message}
        </p>
      )}
    </form>
  );
}
