"use client";
// Own password change (AUTH-3): current password, new password twice. Field messages in Russian.
import { changePasswordAction } from "@/lib/auth/actions";
import { PASSWORD_RULES_HINT } from "@/lib/auth/rules";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Input } from "@/components/ui/field";

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
  return (
    <ActionForm
      action={changePasswordAction}
      noValidate
      className="space-y-5"
      label="Смена пароля"
      submitLabel="Сменить пароль"
      success="Пароль изменён"
      resetOnSuccess={false}
      // The old session list is gone and the flag is cleared: continue to the home page.
      onSuccess={() => window.location.assign("/")}
    >
      {/* Lets password managers pair the new password with the (unchangeable) login. */}
      <input type="text" name="username" autoComplete="username" value={login} readOnly hidden />
      {FIELDS.map((field) => (
        <Field key={field.name} label={field.label} name={field.name} hint={field.hint}>
          <Input type="password" autoComplete={field.autoComplete} required />
        </Field>
      ))}
    </ActionForm>
  );
}
