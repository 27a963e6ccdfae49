"use client";
// Removing a lesson from the weekly template (SCH-2).
import { useActionState } from "react";
import { deleteEntryAction } from "@/lib/schedule/timetable/actions";
import { FormStatus } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";

export function DeleteEntryButton({ entryId, classId, label }: { entryId: number; classId: number; label: string }) {
  const [state, action] = useActionState(deleteEntryAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="classId" value={classId} />
      <SubmitButton variant="danger" size="sm" aria-label={`Удалить: ${label}`}>
        удалить
      </SubmitButton>
      <FormStatus state={state} size="sm" />
    </form>
  );
}
