"use server";
// SCH-6: the user issues (or replaces) and revokes their own calendar link.
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { ok, type ActionResult } from "@/lib/errors";
import { issueFeed, revokeFeeds } from "./mutations";
import { feedPath, hashFeedSecret, newFeedSecret } from "./token";

export type FeedState = { path: string | null; live: boolean };

/** `intent=issue` returns the feed's path once (only its hash is kept); `intent=revoke` ends every live link. */
export async function feedAction(
  _prev: ActionResult<FeedState> | null,
  form: FormData,
): Promise<ActionResult<FeedState>> {
  const access = await requireAccessForAction("schedule.viewOwn");
  if (!access.ok) return access;
  const { organisationId, id } = access.user;
  if (form.get("intent") === "revoke") {
    await revokeFeeds(organisationId, id);
    revalidatePath("/schedule/feed");
    return ok({ path: null, live: false });
  }
  const secret = newFeedSecret();
  await issueFeed(organisationId, id, hashFeedSecret(secret));
  revalidatePath("/schedule/feed");
  return ok({ path: feedPath(organisationId, secret), live: true });
}
