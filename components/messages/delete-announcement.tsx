"use client";
// «Снять» an announcement (its author, or ADMIN / DIRECTOR / DEPUTY).
import { deleteAnnouncementAction } from "@/lib/messages/actions";
import { FormButton } from "@/components/ui/form-button";

export function DeleteAnnouncement({ id }: { id: number }) {
  return (
    <FormButton action={deleteAnnouncementAction} values={{ id }} variant="danger">
      Снять
    </FormButton>
  );
}
