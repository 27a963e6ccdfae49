"use server";
// «Форум» (MSG-4): topics, posts, hiding posts (moderators), appointing moderators (ADMIN).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { requireAccessForAction } from "@/lib/access/guard";
import { hideSchema, moderatorSchema, parseForm, postSchema, topicSchema } from "../schema";
import { addPost, createTopic, setModerator, setPostHidden } from "./mutations";
import { topicOfPost } from "./data";
import { canModerate } from "./moderation";

export async function createTopicAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = parseForm(topicSchema, form);
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message, parsed.fieldErrors);
  const access = await requireAccessForAction("forum.use");
  if (!access.ok) return access;
  const id = await createTopic(access.user.organisationId, access.user.id, parsed.data.title, parsed.data.body);
  revalidatePath("/forum");
  redirect(`/forum/${id}`);
}

export async function addPostAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = parseForm(postSchema, form);
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message, parsed.fieldErrors);
  const access = await requireAccessForAction("forum.use");
  if (!access.ok) return access;
  const added = await addPost(access.user.organisationId, parsed.data.topicId, access.user.id, parsed.data.body);
  if (!added) return fail("NOT_FOUND");
  revalidatePath(`/forum/${parsed.data.topicId}`);
  revalidatePath("/forum");
  return ok(undefined);
}

export async function hidePostAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = parseForm(hideSchema, form);
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message);
  const access = await requireAccessForAction("forum.use");
  if (!access.ok) return access;
  if (!(await canModerate(access.user))) return fail("FORBIDDEN");
  const topicId = await topicOfPost(access.user.organisationId, parsed.data.postId);
  if (topicId === null) return fail("NOT_FOUND");
  await setPostHidden(access.user.organisationId, parsed.data.postId, parsed.data.hidden === "1", access.user.id);
  revalidatePath(`/forum/${topicId}`);
  return ok(undefined);
}

export async function moderatorAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = parseForm(moderatorSchema, form);
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message);
  const access = await requireAccessForAction("forum.moderate");
  if (!access.ok) return access;
  const done = await setModerator(
    access.user.organisationId,
    parsed.data.userId,
    parsed.data.appoint === "1",
    access.user.id,
  );
  if (!done) return fail("NOT_FOUND");
  revalidatePath("/forum/moderators");
  return ok(undefined);
}
