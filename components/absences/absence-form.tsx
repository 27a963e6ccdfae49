"use client";
// DUT-3: one form for an absence over a date range from a document — a new one (student chosen)
// or an edit of an existing one (absenceId). The server applies it to every lesson of those days.
// On the kit (issue 19): a refusal keeps what was typed and the chosen file; the button shows it works.
import { recordAbsenceAction, updateAbsenceAction } from "@/lib/absences/actions";
import { ABSENCE_REASON_LABELS, ABSENCE_REASONS, DOCUMENT_KINDS } from "@/lib/absences/rules";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, FileInput, Input, Select } from "@/components/ui/field";
import { optionsOf } from "@/components/ui/options";

export type AbsenceDefaults = {
  absenceId: number;
  dateFrom: string;
  dateTo: string;
  reason: string;
  documentKind: string;
  documentNumber: string;
  documentDate: string;
};

const REASON_OPTIONS = ABSENCE_REASONS.map((r) => ({ value: r, label: ABSENCE_REASON_LABELS[r] }));
const KIND_OPTIONS = DOCUMENT_KINDS.map((k) => ({ value: k, label: k }));

export function AbsenceForm({
  students,
  today,
  edit,
}: {
  students?: { id: number; name: string }[];
  today: string;
  edit?: AbsenceDefaults;
}) {
  return (
    <ActionForm
      action={edit ? updateAbsenceAction : recordAbsenceAction}
      label={edit ? "Изменить отсутствие" : "Отметить отсутствие"}
      framed
      submitLabel={edit ? "Сохранить изменения" : "Отметить отсутствие"}
      className="p-4"
    >
      {!edit && <h2 className="font-semibold">Отметить отсутствие по документу</h2>}
      {edit && <input type="hidden" name="absenceId" value={edit.absenceId} />}
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {students && (
          <Field label="Обучающийся" name="studentId" className="lg:col-span-2">
            <Select required defaultValue="" placeholder="Выберите" placeholderDisabled options={optionsOf(students)} />
          </Field>
        )}
        <Field label="С" name="dateFrom">
          <DateInput required defaultValue={edit?.dateFrom ?? today} className="w-full" />
        </Field>
        <Field label="По" name="dateTo">
          <DateInput required defaultValue={edit?.dateTo ?? today} className="w-full" />
        </Field>
        <Field label="Причина" name="reason">
          <Select defaultValue={edit?.reason ?? "B"} options={REASON_OPTIONS} />
        </Field>
        <Field label="Документ" name="documentKind">
          <Select defaultValue={edit?.documentKind ?? DOCUMENT_KINDS[0]} options={KIND_OPTIONS} />
        </Field>
        <Field label="Номер документа" name="documentNumber">
          <Input maxLength={50} defaultValue={edit?.documentNumber ?? ""} />
        </Field>
        <Field label="Дата документа" name="documentDate">
          <DateInput defaultValue={edit?.documentDate ?? ""} className="w-full" />
        </Field>
        <Field label="Скан или фото (необязательно)" name="file">
          <FileInput accept="image/*,application/pdf" />
        </Field>
      </div>
      {!edit && (
        <p className="text-xs text-slate-500">
          Причина ставится на каждый урок этих дней: на «Н» учителя, а где посещаемость ещё не отмечена — ученик
          отмечается отсутствующим; отметку учителя «был на уроке» не меняет. Будущие дни отмечаются, когда наступят.
        </p>
      )}
    </ActionForm>
  );
}
