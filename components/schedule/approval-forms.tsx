"use client";
// PRG-3: the scheduler's «send for approval» and the director's decision on a submitted version.
import { approveTimetableAction, returnTimetableAction, submitTimetableAction } from "@/lib/schedule/approval/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Textarea } from "@/components/ui/field";

export function SubmitVersionForm() {
  return (
    <ActionForm
      action={submitTimetableAction}
      framed
      label="Отправить расписание на утверждение"
      submitLabel="Отправить на утверждение"
      success={(d) => d.message}
    >
      <Field label="Комментарий для директора" name="note" className="max-w-2xl">
        <Textarea rows={2} maxLength={1000} />
      </Field>
    </ActionForm>
  );
}

export function DecideVersionForms({ versionId, number }: { versionId: number; number: number }) {
  return (
    <div className="flex flex-col gap-3">
      <ActionForm
        action={approveTimetableAction}
        layout="inline"
        label={`Утвердить версию ${number}`}
        submitLabel={`Утвердить версию ${number}`}
        success={(d) => d.message}
      >
        <input type="hidden" name="versionId" value={versionId} />
      </ActionForm>
      <ActionForm
        action={returnTimetableAction}
        framed
        label={`Вернуть версию ${number}`}
        submitLabel="Вернуть на доработку"
        submitVariant="secondary"
        success={(d) => d.message}
      >
        <input type="hidden" name="versionId" value={versionId} />
        <Field label="Что исправить (обязательно при возврате)" name="comment" className="max-w-2xl">
          <Textarea rows={2} maxLength={2000} />
        </Field>
      </ActionForm>
    </div>
  );
}
