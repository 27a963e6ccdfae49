"use client";
// PLAN-2: the author's steps (submit, new edition of an approved plan, automatic homework) and
// the reviewer's decision (approve / return with a comment).
import { reviewPlanAction, setAutoHomeworkAction, workflowAction } from "@/lib/plans/actions";
import { BindReportText } from "./bind-report";
import { useState } from "react";
import type { BindReport } from "@/lib/plans/binding";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Checkbox, Field, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function WorkflowButton({ planId, step, label }: { planId: number; step: "submit" | "reopen"; label: string }) {
  return (
    <ActionForm
      action={workflowAction}
      layout="inline"
      submitLabel={label}
      submitVariant={step === "submit" ? "primary" : "secondary"}
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="step" value={step} />
    </ActionForm>
  );
}

/** The reviewer's comment and «Утвердить» / «Вернуть на доработку» (plans and work programmes, PLAN-2 / PRG-1). */
export function ReviewDecisionFields() {
  return (
    <>
      <Field label="Комментарий (обязателен при возврате)" name="comment" className="max-w-2xl">
        <Textarea rows={2} maxLength={2000} />
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton name="decision" value="approve">
          Утвердить
        </SubmitButton>
        <SubmitButton variant="secondary" name="decision" value="return">
          Вернуть на доработку
        </SubmitButton>
        <FormStatus />
      </div>
    </>
  );
}

export function ReviewForm({ planId }: { planId: number }) {
  const [report, setReport] = useState<BindReport | null>(null);
  return (
    <ActionForm
      action={reviewPlanAction}
      status="manual"
      success="Решение сохранено"
      onResult={(r) => setReport(r.ok ? r.data : null)}
    >
      <input type="hidden" name="planId" value={planId} />
      <ReviewDecisionFields />
      {report && <BindReportText report={report} />}
    </ActionForm>
  );
}

export function AutoHomeworkForm({ planId, value }: { planId: number; value: boolean }) {
  return (
    <ActionForm
      action={setAutoHomeworkAction}
      layout="inline"
      submitLabel="Применить"
      submitVariant="secondary"
      success="Сохранено"
      resetOnSuccess={false}
    >
      <input type="hidden" name="planId" value={planId} />
      <Checkbox name="autoHomework" defaultChecked={value} label="Домашнее задание из плана автоматически" />
    </ActionForm>
  );
}
