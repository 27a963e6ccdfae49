"use client";
// «Снять» an announcement (its author, or ADMIN / DIRECTOR / DEPUTY).
import { useActionState } from "react";
import { deleteAnnouncementAction } from "@/lib/messages/actions";
import { FormStatus } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";

export function DeleteAnnouncement({ id }: { id: number }) {
  const [state, action] = useActionState(deleteAnnouncementAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger" size="sm">
        Снять
      </SubmitButton>
      <FormStatus state={state} size="sm" success={null} />
    </form>
  );
}
