"use client";
// New staff member with a login and a role (AUTH-2: ADMIN issues staff logins).
import { useActionState } from "react";
import { createStaffAction } from "@/lib/people/logins/actions";
import { STAFF_ROLES } from "@/lib/people/schema";
import { ROLE_LABELS } from "@/lib/access/roles";
import { Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function StaffCreateForm() {
  const [state, action] = useActionState(createStaffAction, null);
  const err = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const field = (name: string, label: string, required = false) => (
    <label className="block text-xs text-slate-600">
      {label}
      {required ? " *" : ""}
      <Input className="w-full" name={name} aria-invalid={err[name] ? true : undefined} />
      {err[name] && <span className="text-red-700">{err[name].join("; ")}</span>}
    </label>
  );
  return (
    <form action={action} noValidate className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <h2 className="font-semibold">Новый сотрудник</h2>
      <div className="grid gap-2 sm:grid-cols-3">
        {field("lastName", "Фамилия", true)}
        {field("firstName", "Имя", true)}
        {field("middleName", "Отчество")}
        {field("position", "Должность")}
        {field("phone", "Телефон")}
        {field("email", "E-mail")}
        <label className="block text-xs text-slate-600">
          Роль *
          <Select className="w-full" name="role" defaultValue="TEACHER">
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
          {err.role && <span className="text-red-700">{err.role.join("; ")}</span>}
        </label>
      </div>
      <div className="flex items-center gap-3">
        <SubmitButton>Создать</SubmitButton>
        <p role="status" className="text-sm">
          {state?.ok === true && (
            <span className="text-green-700">
              Сотрудник создан, логин {state.data.login}. Отметьте его ниже и распечатайте памятку.
            </span>
          )}
          {state?.ok === false && <span className="text-red-700">{state.message}</span>}
        </p>
      </div>
    </form>
  );
}
