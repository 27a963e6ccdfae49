"use client";
// The submit button of a form: disabled with a spinner while the form's action runs (inside an
// ActionForm from its state, elsewhere from React's useFormStatus), disabled with the reason
// linked (aria-describedby) when the form is disabled-with-reason.
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";
import { useActionFormState } from "./form-context";

export function SubmitButton({
  pending: own,
  disabled,
  "aria-describedby": describedBy,
  ...props
}: Omit<ButtonProps, "type">) {
  const ctx = useActionFormState();
  const status = useFormStatus();
  const pending = !!own || (ctx ? ctx.pending : status.pending);
  return (
    <Button
      type="submit"
      pending={pending}
      disabled={disabled || !!ctx?.disabledReason}
      aria-describedby={ctx?.disabledReason ? ctx.reasonId : describedBy}
      {...props}
    />
  );
}
