"use client";
// A two-step form on the kit's ActionForm (imports, the year transition): the fields, «Проверить»
// (the `preview` intent) with the outcome line beside it, then the action's last answer drawn by
// `preview` — which offers the confirm intent (ImportConfirm) and a `clear` to forget it. The
// fields keep their values across both steps; a refusal clears the answer.
import { useState, type ReactNode } from "react";
import { ActionForm, FormStatus, type FormAction } from "./action-form";
import type { Success } from "./form-context";
import { SubmitButton } from "./submit-button";

export function PreviewForm<T>({
  action,
  label,
  success,
  onAnswer,
  preview,
  children,
}: {
  action: FormAction<T>;
  label: string;
  success?: Success<T>;
  /** Every answer (null after a refusal), for a caller that shows more than the preview. */
  onAnswer?: (answer: T | null) => void;
  preview: (answer: T, clear: () => void) => ReactNode;
  children: ReactNode;
}) {
  const [answer, setAnswer] = useState<T | null>(null);
  return (
    <ActionForm
      action={action}
      noValidate
      status="manual"
      resetOnSuccess={false}
      label={label}
      className="space-y-3"
      success={success}
      onResult={(r) => {
        const next = r.ok ? r.data : null;
        setAnswer(next);
        onAnswer?.(next);
      }}
    >
      {children}
      <div className="flex items-center gap-3">
        <SubmitButton variant="secondary" name="intent" value="preview">
          Проверить
        </SubmitButton>
        <FormStatus />
      </div>
      {answer !== null && preview(answer, () => setAnswer(null))}
    </ActionForm>
  );
}
