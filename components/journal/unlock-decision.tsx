"use client";
import { decideUnlockAction } from "@/lib/journal/unlock/actions";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function UnlockDecision({ requestId, label }: { requestId: number; label: string }) {
  return (
    <ActionForm action={decideUnlockAction} layout="bare" status="manual" label={`Решение: ${label}`}>
      <div className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="requestId" value={requestId} />
        <Input
          className="w-40"
          name="note"
          maxLength={500}
          placeholder="Комментарий"
          aria-label="Комментарий к решению"
        />
        <SubmitButton size="sm" name="decision" value="approve">
          Открыть на 12 ч
        </SubmitButton>
        <SubmitButton variant="secondary" size="sm" name="decision" value="reject">
          Отклонить
        </SubmitButton>
        <FormStatus size="sm" />
      </div>
    </ActionForm>
  );
}
