"use client";
// «Снять» an announcement (its author, or ADMIN / DIRECTOR / DEPUTY).
import { useActionState } from "react";
import { deleteAnnouncementAction } from "@/lib/messages/actions";
import { SubmitButton } from "@/components/ui/submit-button";

export function DeleteAnnouncement({ id }: { id: number }) {
  const [state, action] = useActionState(deleteAnnouncementAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger" size="sm">
        Снять
      </SubmitButton>
      {state?.ok === false && <span className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
