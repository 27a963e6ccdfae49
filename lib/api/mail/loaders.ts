// Announcements and mail for /api/v1 (API-1) on the messages domain's own reads (lib/messages): the
// same recipient rules as the «Почта» page; the send is ./commands.ts. Routes have passed board.view / mail.use.
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { ADMINISTRATION_ROLES } from "@/lib/messages/rules";
import { announcementsFor, readerClassIds } from "@/lib/messages/data";
import { inboxOf, messageForViewer, sentBy } from "@/lib/messages/mailbox/data";
import { currentClasses } from "@/lib/messages/mail/data";
import { todayIn } from "@/lib/org/time";
import { instant, pageOf } from "../request";
import type { announcementsSchema, inboxSchema, messageSchema, sentSchema } from "./schema";

type Out<S extends z.ZodType> = z.input<S>;

/** The board holds at most this many current announcements for one reader. */
const BOARD_WINDOW = 500;

export async function announcementsPage(
  user: CurrentUser,
  page: number,
  limit: number,
): Promise<Out<typeof announcementsSchema>> {
  const seesAll = user.roles.some((r) => ADMINISTRATION_ROLES.includes(r));
  const classIds = seesAll
    ? (await currentClasses(user.organisationId)).map((c) => c.id)
    : await readerClassIds(user.organisationId, user.id, todayIn(user.timeZone));
  const rows = await announcementsFor(user.organisationId, user.roles, classIds, new Date(), BOARD_WINDOW);
  return pageOf(
    rows.map((a) => ({ ...a, startsAt: instant(a.startsAt) })),
    page,
    limit,
  );
}

export async function inboxPage(user: CurrentUser, page: number, limit: number): Promise<Out<typeof inboxSchema>> {
  const rows = await inboxOf(user.organisationId, user.id);
  return pageOf(
    rows.map((m) => ({ ...m, createdAt: instant(m.createdAt), readAt: m.readAt ? instant(m.readAt) : null })),
    page,
    limit,
  );
}

export async function sentPage(user: CurrentUser, page: number, limit: number): Promise<Out<typeof sentSchema>> {
  const rows = await sentBy(user.organisationId, user.id);
  return pageOf(
    rows.map((m) => ({ ...m, createdAt: instant(m.createdAt) })),
    page,
    limit,
  );
}

/** One message the caller sent or received; null otherwise. Reading it here records no receipt (GET is safe). */
export async function messageOf(user: CurrentUser, messageId: number): Promise<Out<typeof messageSchema> | null> {
  const m = await messageForViewer(user.organisationId, messageId, user.id);
  if (!m) return null;
  return {
    id: m.id,
    threadKey: m.threadKey,
    subject: m.subject,
    body: m.body,
    createdAt: instant(m.createdAt),
    sender: { id: m.senderId, name: m.senderName },
    recipients: m.recipients.map((r) => ({ id: r.userId, name: r.name, readAt: r.readAt ? instant(r.readAt) : null })),
    attachments: m.attachments,
  };
}
