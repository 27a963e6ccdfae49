"use client";
// One move of a remark (CTL-2): the teacher's «Устранено» with a comment, the writer's
// «Закрыть» / «Вернуть в работу».
import { useActionState } from "react";
import { moveRemarkAction } from "@/lib/control/actions";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function RemarkMove({
  remarkId,
  move,
  label,
  withNote,
}: {
  remarkId: number;
  move: "done" | "close" | "reopen";
  label: string;
  withNote?: boolean;
}) {
  const [state, action] = useActionState(moveRemarkAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="remarkId" value={remarkId} />
      <input type="hidden" name="move" value={move} />
      {withNote && (
        <Input
          className="w-48"
          name="note"
          maxLength={2000}
          placeholder="Что исправлено"
          aria-label="Комментарий учителя"
        />
      )}
      <SubmitButton variant="secondary" size="sm">
        {label}
      </SubmitButton>
      {state && (
        <span role="status" className={state.ok ? "text-xs text-emerald-700" : "text-xs text-red-700"}>
          {state.ok ? state.data.message : state.message}
        </span>
      )}
    </form>
  );
}
