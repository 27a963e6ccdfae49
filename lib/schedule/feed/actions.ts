"use server";
// SCH-6: the user issues (or replaces) and revokes their own calendar link.
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { ok, type ActionResult } from "@/lib/errors";
import { issueFeed, revokeFeeds } from "./mutations";
import { feedPath, hashFeedSecret, newFeedSecret } from "./token";

/** Returns the feed's path once: only its hash is kept, so it cannot be shown again. */
export async function issueFeedAction(_prev: ActionResult<{ path: string } | null> | null, _form: FormData): Promise<ActionResult<{ path: string } | null>> {
  const access = await requireAccessForAction("schedule.viewOwn");
  if (!access.ok) return access;
  const secret = newFeedSecret();
  await issueFeed(access.user.organisationId, access.user.id, hashFeedSecret(secret));
  revalidatePath("/schedule/feed");
  return ok({ path: feedPath(access.user.organisationId, secret) });
}

export async function revokeFeedAction(_prev: ActionResult<{ path: string } | null> | null, _form: FormData): Promise<ActionResult<{ path: string } | null>> {
  const access = await requireAccessForAction("schedule.viewOwn");
  if (!access.ok) return access;
  await revokeFeeds(access.user.organisationId, access.user.id);
  revalidatePath("/schedule/feed");
  return ok(null);
}
