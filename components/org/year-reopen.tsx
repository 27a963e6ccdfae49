"use client";
// REC-2: a closed year is opened for corrections by ADMIN with a reason, and closed again — which
// writes a new archive edition beside the earlier ones.
import { closeYearAgainAction } from "@/lib/archive/actions";
import { reopenYearAction } from "@/lib/org/year/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field, Input } from "@/components/ui/field";

export function ReopenYearForm({ yearId, name }: { yearId: number; name: string }) {
  return (
    <ActionForm
      action={reopenYearAction}
      label={`Открыть год ${name} для исправлений`}
      layout="inline"
      submitLabel="Открыть год для исправлений"
      submitVariant="secondary"
    >
      <input type="hidden" name="yearId" value={yearId} />
      <Field label="Причина" name="reason" required className="min-w-72 flex-1">
        <Input required minLength={5} maxLength={500} />
      </Field>
    </ActionForm>
  );
}

export function CloseYearAgainForm({ yearId, name }: { yearId: number; name: string }) {
  return (
    <ActionForm
      action={closeYearAgainAction}
      label={`Закрыть год ${name}`}
      layout="inline"
      submitLabel="Закрыть год снова (новая редакция архива)"
    >
      <input type="hidden" name="yearId" value={yearId} />
    </ActionForm>
  );
}
