"use client";
// DUT-4: a parent tells the class teacher their child will be (or was) absent — dates, reason, an
// optional photo of a note (the phone's camera). Built for a phone: one column, large controls.
// On the kit (issue 19): a refusal keeps the dates, the comment and the photo; the button shows it works.
import { fileNoticeAction } from "@/lib/absences/actions";
import { NOTICE_REASON_LABELS, NOTICE_REASONS } from "@/lib/absences/rules";
import { ActionForm } from "@/components/ui/action-form";
import { DateInput, Field, FileInput, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const REASON_OPTIONS = NOTICE_REASONS.map((r) => ({ value: r, label: NOTICE_REASON_LABELS[r] }));

export function NoticeForm({
  studentId,
  today,
  classTeacherDative = "классному руководителю",
}: {
  studentId: number;
  today: string;
  /** DAY-6: «классному руководителю» / «куратору» (lib/org/vocabulary.ts). */
  classTeacherDative?: string;
}) {
  return (
    <ActionForm action={fileNoticeAction} label="Сообщить об отсутствии" framed className="p-4" status="end">
      <input type="hidden" name="studentId" value={studentId} />
      <div className="grid grid-cols-2 gap-3">
        <Field label="С" name="dateFrom">
          <DateInput required defaultValue={today} className="w-full py-2 text-base" />
        </Field>
        <Field label="По" name="dateTo">
          <DateInput required defaultValue={today} className="w-full py-2 text-base" />
        </Field>
      </div>
      <Field label="Причина" name="reason">
        <Select defaultValue="B" options={REASON_OPTIONS} className="py-2 text-base" />
      </Field>
      <Field label="Комментарий (необязательно)" name="comment">
        <Textarea maxLength={1000} rows={3} className="text-base" />
      </Field>
      <Field label="Фото записки или справки (необязательно)" name="file">
        <FileInput accept="image/*,application/pdf" capture="environment" />
      </Field>
      <SubmitButton className="w-full py-2.5 text-base sm:w-auto">Отправить {classTeacherDative}</SubmitButton>
    </ActionForm>
  );
}
