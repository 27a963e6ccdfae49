"use client";
// New staff member with a login and a role (AUTH-2: ADMIN issues staff logins).
import { createStaffAction } from "@/lib/people/logins/actions";
import { STAFF_ROLES } from "@/lib/people/schema";
import { roleOptions } from "@/components/access/role-options";
import type { OrgKindName } from "@/lib/org/vocabulary";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Input, Select } from "@/components/ui/field";

const TEXT_FIELDS: { name: string; label: string; required?: boolean }[] = [
  { name: "lastName", label: "Фамилия", required: true },
  { name: "firstName", label: "Имя", required: true },
  { name: "middleName", label: "Отчество" },
  { name: "position", label: "Должность" },
  { name: "phone", label: "Телефон" },
  { name: "email", label: "E-mail" },
];

export function StaffCreateForm({ kind = "SCHOOL" }: { kind?: OrgKindName }) {
  return (
    <ActionForm
      action={createStaffAction}
      noValidate
      framed
      label="Новый сотрудник"
      submitLabel="Создать"
      success={(d) => `Сотрудник создан, логин ${d.login}. Отметьте его ниже и распечатайте памятку.`}
    >
      <h2 className="font-semibold">Новый сотрудник</h2>
      <div className="grid gap-2 sm:grid-cols-3">
        {TEXT_FIELDS.map((f) => (
          <Field key={f.name} label={f.label} name={f.name} required={f.required}>
            <Input className="w-full" />
          </Field>
        ))}
        <Field label="Роль" name="role" required>
          <Select className="w-full" defaultValue="TEACHER" options={roleOptions(kind, STAFF_ROLES)} />
        </Field>
      </div>
    </ActionForm>
  );
}
