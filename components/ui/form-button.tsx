"use client";
// One button that posts fixed values (hidden inputs) to a FormData action — hide a post, revoke a
// token, turn a webhook off — as an inline form of the kit: pending with a spinner, a second click
// dropped, the refusal beside it (a success says nothing: the page refreshes). For an action with
// its ids bound on the server use `ActionButton`.
import type { ReactNode } from "react";
import { ActionForm, FormStatus, type FormAction } from "./action-form";
import type { ButtonSize, ButtonVariant } from "./button";
import { HiddenFields } from "./field";
import { SubmitButton } from "./submit-button";

export function FormButton<T>({
  action,
  values,
  variant = "secondary",
  size = "sm",
  statusClassName = "inline",
  "aria-label": ariaLabel,
  children,
}: {
  action: FormAction<T>;
  values: Record<string, string | number>;
  variant?: ButtonVariant;
  size?: ButtonSize;
  statusClassName?: string;
  "aria-label"?: string;
  children: ReactNode;
}) {
  return (
    <ActionForm action={action} layout="bare" status="manual" success={null} className="inline">
      <HiddenFields values={values} />
      <SubmitButton variant={variant} size={size} aria-label={ariaLabel}>
        {children}
      </SubmitButton>
      <FormStatus size="sm" className={statusClassName} />
    </ActionForm>
  );
}
