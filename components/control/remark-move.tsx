"use client";
// One move of a remark (CTL-2): the teacher's «Устранено» with a comment, the writer's
// «Закрыть» / «Вернуть в работу».
import { moveRemarkAction } from "@/lib/control/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function RemarkMove({
  remarkId,
  move,
  label,
  withNote,
  noteLabel = "Комментарий учителя",
}: {
  remarkId: number;
  move: "done" | "close" | "reopen";
  label: string;
  withNote?: boolean;
  /** DAY-6: «Комментарий преподавателя» at a college. */
  noteLabel?: string;
}) {
  return (
    <ActionForm action={moveRemarkAction} layout="inline" size="sm">
      <input type="hidden" name="remarkId" value={remarkId} />
      <input type="hidden" name="move" value={move} />
      {withNote && (
        <Input className="w-48" name="note" maxLength={2000} placeholder="Что исправлено" aria-label={noteLabel} />
      )}
      <SubmitButton variant="secondary" size="sm">
        {label}
      </SubmitButton>
    </ActionForm>
  );
}
