"use client";
// Own password change (AUTH-3): current password, new password twice. Field messages in Russian.
import { useActionState, useEffect } from "react";
import { changePasswordAction } from "@/lib/auth/actions";
import { PASSWORD_RULES_HINT } from "@/lib/auth/rules";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const FIELDS = [
  { name: "currentPassword", label: "Текущий пароль", autoComplete: "current-password", hint: null },
  {
    name: "newPassword",
    label: "Новый пароль",
    autoComplete: "new-password",
    hint: `${PASSWORD_RULES_HINT}; не совпадает с прежним паролем`,
  },
  { name: "confirmPassword", label: "Повторите новый пароль", autoComplete: "new-password", hint: null },
] as const;

export function ChangePasswordForm({ login }: { login: string }) {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const fieldErrors = state?.ok === false ? (state.fieldErrors ?? {}) : {};

  useEffect(() => {
    // The old session list is gone and the flag is cleared: continue to the home page.
    if (state?.ok) window.location.assign("/");
  }, [state]);

  return (
    <form action={action} className="space-y-5" noValidate>
      {/* Lets password managers pair the new password with the (unchangeable) login. */}
      <input type="text" name="username" autoComplete="username" value={login} readOnly hidden />
      {FIELDS.map((field) => {
        const errors = fieldErrors[field.name];
        const describedBy = [errors ? `${field.name}-error` : null, field.hint ? `${field.name}-hint` : null]
          .filter(Boolean)
          .join(" ");
        return (
          <div key={field.name}>
            <label htmlFor={field.name} className="block text-sm font-medium text-slate-700">
              {field.label}
            </label>
            <Input
              id={field.name}
              name={field.name}
              type="password"
              autoComplete={field.autoComplete}
              required
              aria-invalid={errors ? true : undefined}
              aria-describedby={describedBy || undefined}
            />
            {field.hint && (
              <p id={`${field.name}-hint`} className="mt-1 text-xs text-slate-500">
                {field.hint}
              </p>
            )}
            {errors && (
              <div id={`${field.name}-error`} className="mt-1 space-y-0.5 text-sm text-red-700">
                {errors.map((message) => (
                  <p key={message}>{message}</p>
                ))}
              </div>
            )}
          </div>
        );
      })}
      <div role="alert">
        {state?.ok === false && !state.fieldErrors && (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>
        )}
        {state?.ok === true && (
          <p className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            Пароль изменён
          </p>
        )}
      </div>
      <SubmitButton>{pending ? "Сохранение…" : "Сменить пароль"}</SubmitButton>
    </form>
  );
}
