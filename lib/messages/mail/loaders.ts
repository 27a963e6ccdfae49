// Session-bound mail reads for the pages (MSG-1, MSG-2). The pages have passed mail.use.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { riddenUnreadCount, versionTag } from "@/lib/auth/version";
import { todayIn } from "@/lib/org/time";
import { ADMINISTRATION_ROLES, isFamilyOnly, mayWriteTo } from "../rules";
import { getFile } from "@/lib/storage/files";
import {
  attachmentForViewer,
  inboxOf,
  messageForViewer,
  sentBy,
  threadForViewer,
  unreadCountOf,
} from "../mailbox/data";
import { overdueParentQuestions, type OverdueQuestion } from "../overdue/questions";
import {
  classesOfTeacher,
  currentClasses,
  familiesOfClasses,
  familyDirectory,
  recipientFacts,
  senderFacts,
  staffDirectory,
  type DirectoryEntry,
} from "./data";
import { markRead } from "./mutations";
import { loadMyClasses } from "@/lib/people/loaders";
import { compareRu } from "@/lib/org/collation";

export const loadInbox = cache((user: CurrentUser) => inboxOf(user.organisationId, user.id));
export const loadSent = cache((user: CurrentUser) => sentBy(user.organisationId, user.id));
/**
 * The «Почта» badge's count (the header on every page, the mail pages' tabs): the one this request's
 * AccessVersion read carried (lib/auth/version.ts requestSessionVersion, issue 22 item 1), else a
 * statement of its own. Either way read in this request: a message received or read shows at the next one.
 */
export const loadUnreadCount = cache(
  async (user: CurrentUser): Promise<number> =>
    (await riddenUnreadCount(user.organisationId, user.id, versionTag(user))) ??
    unreadCountOf(user.organisationId, user.id),
);

/** A message and the visible part of its conversation; opening it records the read receipt. Null = not a party. */
export async function openMessage(user: CurrentUser, messageId: number) {
  const message = await messageForViewer(user.organisationId, messageId, user.id);
  if (!message) return null;
  const markedRead = message.recipients.some((r) => r.userId === user.id && r.readAt === null);
  if (markedRead) await markRead(user.organisationId, messageId, user.id, new Date());
  const thread = await threadForViewer(user.organisationId, message.threadKey, user.id);
  return { message, thread: thread.filter((m) => m.id !== message.id), markedRead };
}

export type ComposeOptions = {
  family: boolean;
  persons: DirectoryEntry[];
  roles: boolean;
  classes: { id: number; name: string }[];
};

const byName = (a: DirectoryEntry, b: DirectoryEntry) => compareRu(a.name, b.name);

/**
 * Whom the compose form offers: a family its teachers, class teachers and the administration
 * (exactly the rule's set); staff every colleague plus the families of their own classes, and
 * whole roles or classes. The server checks the rule again on sending.
 */
export const loadComposeOptions = cache(async (user: CurrentUser): Promise<ComposeOptions> => {
  const today = todayIn(user.timeZone);
  const sender = await senderFacts(user.organisationId, user.id, today);
  if (!sender) return { family: true, persons: [], roles: false, classes: [] };
  if (isFamilyOnly(sender.roles)) {
    const classIds = [...new Set([...sender.childClassIds, ...sender.ownClassIds])];
    const entries = await familyDirectory(user.organisationId, classIds, ADMINISTRATION_ROLES, user.orgKind);
    const facts = new Map(
      (
        await recipientFacts(
          user.organisationId,
          entries.map((e) => e.userId),
        )
      ).map((f) => [f.userId, f]),
    );
    const persons = entries.filter((e) => {
      const f = facts.get(e.userId);
      return f !== undefined && mayWriteTo(sender, f);
    });
    return { family: true, persons: persons.sort(byName), roles: false, classes: [] };
  }
  const ownClasses = await classesOfTeacher(user.organisationId, user.id);
  const [staff, families, classes] = await Promise.all([
    staffDirectory(user.organisationId, user.orgKind),
    familiesOfClasses(user.organisationId, ownClasses, today),
    currentClasses(user.organisationId),
  ]);
  const persons = [...staff.sort(byName), ...families.sort(byName)].filter((p) => p.userId !== user.id);
  return { family: false, persons, roles: true, classes };
});

/** A reply (replyToId set) or a message started to chosen people (null). */
export type ReplyDraft = { replyToId: number | null; people: { userId: number; name: string }[]; subject: string };

/** A reply's recipients and subject: the original's sender (or, for one's own message, its recipients). */
export async function loadReplyDraft(user: CurrentUser, replyToId: number): Promise<ReplyDraft | null> {
  const original = await messageForViewer(user.organisationId, replyToId, user.id);
  if (!original) return null;
  const people =
    original.senderId === user.id
      ? original.recipients.map((r) => ({ userId: r.userId, name: r.name }))
      : [{ userId: original.senderId, name: original.senderName }];
  const subject = /^re:/i.test(original.subject) ? original.subject : `Re: ${original.subject}`;
  return { replyToId, people, subject: subject.slice(0, 200) };
}

export type OverdueList = { scope: "own" | "all"; items: OverdueQuestion[] };

const OVERSEERS = ["DEPUTY", "DIRECTOR", "ADMIN"] as const;

/** MSG-2 list: DEPUTY (and the director, ADMIN) see the organisation's, a class teacher their own; others none. */
export async function loadOverdueQuestions(user: CurrentUser): Promise<OverdueList | null> {
  if (OVERSEERS.some((r) => user.roles.includes(r))) {
    return { scope: "all", items: await overdueParentQuestions(user.organisationId, user.timeZone, null) };
  }
  if (!user.roles.includes("TEACHER") || (await loadMyClasses(user)).length === 0) return null;
  const items = await overdueParentQuestions(user.organisationId, user.timeZone, user.id);
  return { scope: "own", items };
}

/** An attachment's bytes for a sender or recipient of its message; null for anyone else or a missing file. */
export async function loadAttachment(user: CurrentUser, attachmentId: number) {
  const row = await attachmentForViewer(user.organisationId, attachmentId, user.id);
  if (!row) return null;
  const bytes = await getFile(row.storageKey);
  return bytes ? { fileName: row.fileName, mimeType: row.mimeType, bytes } : null;
}
