// Posting an announcement (MSG-3) once the board.post gate has passed: the display window in
// the organisation's zone, one transaction, then e-mail copies (a fixed text and a link only)
// to the audience that has an address. Called by the action and by the integration tests.
import { fail, ok, type ActionResult } from "@/lib/errors";
import { todayIn } from "@/lib/org/time";
import { announcementWindow } from "./rules";
import type { AnnouncementInput } from "./schema";
import { createAnnouncement } from "./mutations";
import { audienceUserIds } from "./data";
import { emailsOf } from "./mail/data";
import { newAnnouncementLetter, sendLetters, smtpConfigured } from "./notify/smtp";
import { sendLettersLater, type MailActor, type Scheduler } from "./mail/commands";

export async function postAnnouncement(
  actor: MailActor,
  input: AnnouncementInput,
  opts: { now?: Date; schedule?: Scheduler } = {},
): Promise<ActionResult<{ id: number }>> {
  const now = opts.now ?? new Date();
  const window = announcementWindow(input.startsOn, input.expiresOn, actor.timeZone, now);
  if (window.expiresAt && window.expiresAt.getTime() <= window.startsAt.getTime()) {
    return fail("INVALID_INPUT", "Срок показа уже закончился", { expiresOn: ["Срок показа уже закончился"] });
  }
  const id = await createAnnouncement({
    organisationId: actor.organisationId,
    authorId: actor.id,
    title: input.title,
    body: input.body,
    audience: input.audience,
    role: input.role,
    classId: input.classId,
    ...window,
  });
  if (smtpConfigured()) {
    await sendLettersLater(opts.schedule, async () => {
      const users = await audienceUserIds(actor.organisationId, input, todayIn(actor.timeZone, now));
      return sendLetters(
        await emailsOf(
          actor.organisationId,
          users.filter((u) => u !== actor.id),
        ),
        newAnnouncementLetter(),
      );
    });
  }
  return ok({ id });
}
