"use client";
// Removing a lesson from the weekly template (SCH-2).
import { deleteEntryAction } from "@/lib/schedule/timetable/actions";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";

export function DeleteEntryButton({ entryId, classId, label }: { entryId: number; classId: number; label: string }) {
  return (
    <ActionForm action={deleteEntryAction} layout="bare" status="manual" className="inline">
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="classId" value={classId} />
      <SubmitButton variant="danger" size="sm" aria-label={`Удалить: ${label}`}>
        удалить
      </SubmitButton>
      <FormStatus size="sm" className="inline" />
    </ActionForm>
  );
}
