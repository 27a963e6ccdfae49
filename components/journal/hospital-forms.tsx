"use client";
// REC-6: the class teacher records a hospital school's certificate, then transfers its marks onto the
// subjects' lessons of the stay. The server checks the permission, the lock and every mark again.
import { createCertificateAction, saveHospitalMarksAction } from "@/lib/journal/hospital/actions";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, DateRangeField, Field, Input, Select } from "@/components/ui/field";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { cap, vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export function CertificateForm({
  students,
  kind = "SCHOOL",
}: {
  students: { studentId: number; label: string }[];
  kind?: OrgKindName;
}) {
  const v = vocabulary(kind);
  return (
    <ActionForm
      action={createCertificateAction}
      label="Новая справка"
      layout="inline"
      framed
      submitLabel="Добавить справку"
    >
      <Field label={cap(v.student.nom)} name="studentId" required>
        <Select
          required
          defaultValue=""
          placeholder="выберите"
          placeholderDisabled
          options={students.map((s) => ({ value: String(s.studentId), label: s.label }))}
        />
      </Field>
      <Field label="№ справки" name="number" required>
        <Input required maxLength={40} className="w-28" />
      </Field>
      <Field label="Дата справки" name="issuedOn" required>
        <DateInput required />
      </Field>
      <DateRangeField from={{ name: "stayFrom", label: "Пребывание с" }} to={{ name: "stayTo", label: "по" }} />
      <Field label="Учреждение (необязательно)" name="institution" className="min-w-56 flex-1">
        <Input maxLength={200} className="w-full" />
      </Field>
    </ActionForm>
  );
}

export type StayRow = {
  lessonId: number;
  date: string;
  subject: string;
  topic: string | null;
  value: string;
};

export function HospitalMarksForm({ certificateId, rows }: { certificateId: number; rows: StayRow[] }) {
  return (
    <ActionForm
      action={saveHospitalMarksAction}
      label="Отметки из справки"
      submitLabel="Сохранить отметки из справки"
      resetOnSuccess={false}
      className="items-start"
    >
      <input type="hidden" name="certificateId" value={certificateId} />
      <Table label="Уроки пребывания" maxHeight="none" data-testid="stay-lessons">
        <thead>
          <tr>
            <Th>Дата</Th>
            <Th>Предмет</Th>
            <Th>Тема урока</Th>
            <Th>Отметка</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <Tr key={r.lessonId}>
              <Td className="tabular-nums">{r.date}</Td>
              <Td>{r.subject}</Td>
              <Td className="max-w-80 truncate text-slate-600">{r.topic ?? ""}</Td>
              <Td>
                <Input
                  name={`m:${r.lessonId}`}
                  defaultValue={r.value}
                  maxLength={5}
                  aria-label={`${r.date}, ${r.subject}`}
                  className="w-16 text-center"
                />
              </Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </ActionForm>
  );
}
