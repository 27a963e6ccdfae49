"use server";
// «Доска объявлений» (MSG-3): posting and removing announcements. Parse → gate (board.post;
// a class announcement also needs the class inside the poster's scope) → write → e-mail copies
// after the response (only a fixed text and a link).
import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { requireAccessForAction } from "@/lib/access/guard";
import { todayIn } from "@/lib/org/time";
import { announcementWindow } from "./rules";
import { idSchema, parseAnnouncementForm } from "./schema";
import { createAnnouncement, deleteAnnouncement } from "./mutations";
import { audienceUserIds } from "./data";
import { emailsOf } from "./mail/data";
import { newAnnouncementLetter, sendLetters, smtpConfigured } from "./notify/smtp";

export async function postAnnouncementAction(_prev: ActionResult<{ id: number }> | null, form: FormData): Promise<ActionResult<{ id: number }>> {
  const parsed = parseAnnouncementForm(form);
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message, parsed.fieldErrors);
  const input = parsed.data;
  const access = await requireAccessForAction(
    "board.post",
    input.audience === "CLASS" && input.classId !== null ? { kind: "class", classId: input.classId } : undefined,
  );
  if (!access.ok) return access;
  const { user } = access;
  const now = new Date();
  const window = announcementWindow(input.startsOn, input.expiresOn, user.timeZone, now);
  if (window.expiresAt && window.expiresAt.getTime() <= window.startsAt.getTime()) {
    return fail("INVALID_INPUT", "Срок показа уже закончился", { expiresOn: ["Срок показа уже закончился"] });
  }
  const id = await createAnnouncement({
    organisationId: user.organisationId,
    authorId: user.id,
    title: input.title,
    body: input.body,
    audience: input.audience,
    role: input.role,
    classId: input.classId,
    ...window,
  });
  if (smtpConfigured()) {
    after(async () => {
      const users = await audienceUserIds(user.organisationId, input, todayIn(user.timeZone));
      await sendLetters(await emailsOf(user.organisationId, users.filter((u) => u !== user.id)), newAnnouncementLetter());
    });
  }
  revalidatePath("/board");
  revalidatePath("/");
  return ok({ id });
}

const OVERSEERS = ["ADMIN", "DIRECTOR", "DEPUTY"] as const;

export async function deleteAnnouncementAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const id = idSchema.safeParse(form.get("id"));
  if (!id.success) return fail("INVALID_INPUT");
  const access = await requireAccessForAction("board.post");
  if (!access.ok) return access;
  const { user } = access;
  const anyAuthor = OVERSEERS.some((r) => user.roles.includes(r));
  const done = await deleteAnnouncement(user.organisationId, id.data, user.id, anyAuthor);
  if (!done) return fail("NOT_FOUND");
  revalidatePath("/board");
  revalidatePath("/");
  return ok(undefined);
}
