"use client";
// DAY-11: «Добавить ученика» — one student by hand into this class, with the admission order
// (PPL-3: the movement book records every admission). Written as an import of one row
// (lib/people/import/actions.ts#addStudentAction); a refusal keeps what was typed.
import Link from "@/components/ui/link";
import { useState } from "react";
import { addStudentAction } from "@/lib/people/import/actions";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, Input, Select } from "@/components/ui/field";
import { EnrolmentOrderFields } from "./enrolment-fields";

export function StudentAddForm({ classId, today, title }: { classId: number; today: string; title: string }) {
  const [added, setAdded] = useState<number | null>(null);
  return (
    <ActionForm
      action={addStudentAction}
      noValidate
      framed
      label={title}
      submitLabel="Добавить"
      onResult={(r) => setAdded(r.ok ? r.data.studentId : null)}
    >
      <input type="hidden" name="classId" value={classId} />
      <div className="grid gap-2 sm:grid-cols-3">
        <Field label="Фамилия" name="lastName" required>
          <Input autoComplete="off" />
        </Field>
        <Field label="Имя" name="firstName" required>
          <Input autoComplete="off" />
        </Field>
        <Field label="Отчество" name="middleName">
          <Input autoComplete="off" />
        </Field>
        <Field label="Дата рождения" name="birthDate" required>
          <DateInput />
        </Field>
        <Field label="Пол" name="sex">
          <Select
            placeholder="—"
            options={[
              { value: "MALE", label: "мужской" },
              { value: "FEMALE", label: "женский" },
            ]}
          />
        </Field>
        <Field label="Телефон" name="phone">
          <Input type="tel" />
        </Field>
        <Field label="E-mail" name="email">
          <Input type="email" />
        </Field>
        <EnrolmentOrderFields today={today} />
      </div>
      {added !== null && (
        <Link className="text-sm text-blue-700 hover:underline" href={`/people/students/${added}`}>
          Открыть карточку
        </Link>
      )}
    </ActionForm>
  );
}
