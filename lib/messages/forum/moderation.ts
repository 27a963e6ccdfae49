// Who may hide forum posts (MSG-4): a user with a ForumModerator row, or whoever holds
// forum.moderate (ADMIN by default — the one who appoints moderators).
import { authorize } from "@/lib/access/authorize";
import { isModerator } from "./data";

export async function canModerate(actor: { organisationId: number; id: number }): Promise<boolean> {
  if (await isModerator(actor.organisationId, actor.id)) return true;
  return (await authorize(actor, "forum.moderate")).allowed;
}
