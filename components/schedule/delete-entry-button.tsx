"use client";
// Removing a lesson from the weekly template (SCH-2).
import { useActionState } from "react";
import { deleteEntryAction } from "@/lib/schedule/timetable/actions";

export function DeleteEntryButton({ entryId, classId, label }: { entryId: number; classId: number; label: string }) {
  const [state, action, pending] = useActionState(deleteEntryAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="classId" value={classId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Удалить: ${label}`}
        className="text-xs text-red-700 hover:underline disabled:opacity-50"
      >
        удалить
      </button>
      {state?.ok === false && (
        <span role="alert" className="block text-xs text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
