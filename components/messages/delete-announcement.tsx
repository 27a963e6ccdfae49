"use client";
// «Снять» an announcement (its author, or ADMIN / DIRECTOR / DEPUTY).
import { deleteAnnouncementAction } from "@/lib/messages/actions";
import { ActionForm, FormStatus } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";

export function DeleteAnnouncement({ id }: { id: number }) {
  return (
    <ActionForm action={deleteAnnouncementAction} layout="bare" status="manual" success={null} className="inline">
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger" size="sm">
        Снять
      </SubmitButton>
      <FormStatus size="sm" className="inline" />
    </ActionForm>
  );
}
