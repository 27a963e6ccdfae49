"use client";
// «Снять» an announcement (its author, or ADMIN / DIRECTOR / DEPUTY).
import { useActionState } from "react";
import { deleteAnnouncementAction } from "@/lib/messages/actions";

export function DeleteAnnouncement({ id }: { id: number }) {
  const [state, action, pending] = useActionState(deleteAnnouncementAction, null);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="text-xs text-red-700 hover:underline disabled:opacity-50">
        Снять
      </button>
      {state?.ok === false && <span className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
