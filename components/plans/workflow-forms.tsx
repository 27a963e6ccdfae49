"use client";
// PLAN-2: the author's steps (submit, new edition of an approved plan, automatic homework) and
// the reviewer's decision (approve / return with a comment).
import { useActionState } from "react";
import { reviewPlanAction, setAutoHomeworkAction, workflowAction } from "@/lib/plans/actions";
import { ActionStatus, buttonClass, secondaryButtonClass } from "./action-status";
import { BindReportText } from "./bind-report";

export function WorkflowButton({ planId, step, label }: { planId: number; step: "submit" | "reopen"; label: string }) {
  const [state, action, pending] = useActionState(workflowAction, null);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="step" value={step} />
      <button type="submit" disabled={pending} className={step === "submit" ? buttonClass : secondaryButtonClass}>
        {label}
      </button>
      <ActionStatus state={state} />
    </form>
  );
}

export function ReviewForm({ planId }: { planId: number }) {
  const [state, action, pending] = useActionState(reviewPlanAction, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="planId" value={planId} />
      <label className="block text-sm">
        <span className="block text-slate-600">Комментарий (обязателен при возврате)</span>
        <textarea
          name="comment"
          rows={2}
          maxLength={2000}
          className="mt-1 w-full max-w-2xl rounded border border-slate-300 px-2 py-1"
        />
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="decision" value="approve" disabled={pending} className={buttonClass}>
          Утвердить
        </button>
        <button type="submit" name="decision" value="return" disabled={pending} className={secondaryButtonClass}>
          Вернуть на доработку
        </button>
        <ActionStatus state={state} done={() => "Решение сохранено"} />
      </div>
      {state?.ok === true && state.data && <BindReportText report={state.data} />}
    </form>
  );
}

export function AutoHomeworkForm({ planId, value }: { planId: number; value: boolean }) {
  const [state, action, pending] = useActionState(setAutoHomeworkAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3 text-sm">
      <input type="hidden" name="planId" value={planId} />
      <label className="flex items-center gap-2">
        <input type="checkbox" name="autoHomework" defaultChecked={value} /> Домашнее задание из плана автоматически
      </label>
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        Применить
      </button>
      <ActionStatus state={state} done={() => "Сохранено"} />
    </form>
  );
}
