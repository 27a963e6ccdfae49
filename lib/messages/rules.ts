// Pure rules of the internal mail (SPEC §11). No I/O: `mail/data.ts` loads the facts from the
// database, `mail/commands.ts` and `mail/overdue.ts` apply these.
import { isoDate, wallTimeToInstant } from "@/lib/org/time";
import type { Role } from "@/lib/access/roles";

/** «Администрация»: the roles any parent or student may write to (MSG-1). */
export const ADMINISTRATION_ROLES: readonly Role[] = ["ADMIN", "DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "SECRETARY"];

const FAMILY_ROLES: readonly Role[] = ["STUDENT", "PARENT"];

/** What the database says about the sender. Class ids are the current classes. */
export type SenderFacts = {
  userId: number;
  roles: readonly Role[];
  /** Current classes of a parent's children. */
  childClassIds: readonly number[];
  /** A student's own current class(es). */
  ownClassIds: readonly number[];
};

/** What the database says about a possible recipient (an active user of the same organisation). */
export type RecipientFacts = {
  userId: number;
  roles: readonly Role[];
  /** Classes the user teaches by load (тарификация) in a year that is not closed. */
  teachesClassIds: readonly number[];
  /** Classes the user is class teacher / curator of in a year that is not closed. */
  leadsClassIds: readonly number[];
};

/** A user who holds only family roles (student and/or parent); anyone with a staff role is staff. */
export function isFamilyOnly(roles: readonly Role[]): boolean {
  return roles.length > 0 && roles.every((r) => FAMILY_ROLES.includes(r));
}

/**
 * MSG-1: staff write to anyone in the organisation; parents and students only to the teachers
 * of their children's / their own classes, the class teachers of those classes and the
 * administration. A reply to the sender of a message one received is always allowed (the
 * sender opened the conversation). Nobody writes to themselves.
 */
export function mayWriteTo(
  sender: SenderFacts,
  recipient: RecipientFacts,
  replyToSenderId: number | null = null,
): boolean {
  if (recipient.userId === sender.userId) return false;
  if (!isFamilyOnly(sender.roles)) return true;
  if (replyToSenderId !== null && recipient.userId === replyToSenderId) return true;
  if (recipient.roles.some((r) => ADMINISTRATION_ROLES.includes(r))) return true;
  const familyClasses = new Set([...sender.childClassIds, ...sender.ownClassIds]);
  return (
    recipient.teachesClassIds.some((c) => familyClasses.has(c)) ||
    recipient.leadsClassIds.some((c) => familyClasses.has(c))
  );
}

export type RecipientCheck = { ok: true } | { ok: false; refused: number[] };

/**
 * Checks every requested recipient. Ids without facts (unknown, inactive, another
 * organisation) are refused like any other recipient outside the rule.
 */
export function checkRecipients(
  sender: SenderFacts,
  requested: readonly number[],
  facts: readonly RecipientFacts[],
  replyToSenderId: number | null = null,
): RecipientCheck {
  const byId = new Map(facts.map((f) => [f.userId, f]));
  const refused = [...new Set(requested)].filter((id) => {
    const f = byId.get(id);
    return !f || !mayWriteTo(sender, f, replyToSenderId);
  });
  return refused.length === 0 ? { ok: true } : { ok: false, refused };
}

// ───────────── MSG-2: «ответ на вопрос родителей даётся в течение 3-х дней» ─────────────

/**
 * The answer window: 72 hours from the moment the question was sent (seed 002 §3.9 says
 * «в течение 3-х дней»; counted as elapsed time, so it does not depend on time zones or on
 * the hour the parent wrote).
 */
export const ANSWER_WINDOW_HOURS = 72;

/** A parent's message that opens a conversation with the class teacher of one of their children. */
export type ParentQuestion = {
  messageId: number;
  /** Root message id of the conversation (threadId ?? id). */
  threadKey: number;
  parentUserId: number;
  classTeacherId: number;
  createdAt: Date;
};

/** A message the class teacher sent (only its thread, recipients and time matter). */
export type TeacherMessage = { threadKey: number; senderId: number; recipientIds: readonly number[]; createdAt: Date };

/** Whether the teacher answered the question: a message of theirs in the same conversation to that parent, after it. */
export function isAnswered(q: ParentQuestion, teacherMessages: readonly TeacherMessage[]): boolean {
  return teacherMessages.some(
    (m) =>
      m.senderId === q.classTeacherId &&
      m.threadKey === q.threadKey &&
      m.recipientIds.includes(q.parentUserId) &&
      m.createdAt.getTime() > q.createdAt.getTime(),
  );
}

/** Whether the answer window of a question has passed at `now`. */
export function isOverdue(q: ParentQuestion, now: Date, windowHours = ANSWER_WINDOW_HOURS): boolean {
  return now.getTime() - q.createdAt.getTime() >= windowHours * 3_600_000;
}

/**
 * MSG-2: the questions still unanswered after the window, the oldest first; one per
 * conversation and class teacher (a follow-up in the same thread does not add a line).
 */
export function unansweredQuestions(
  questions: readonly ParentQuestion[],
  teacherMessages: readonly TeacherMessage[],
  now: Date,
  windowHours = ANSWER_WINDOW_HOURS,
): ParentQuestion[] {
  const open = questions
    .filter((q) => isOverdue(q, now, windowHours) && !isAnswered(q, teacherMessages))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.messageId - b.messageId);
  const seen = new Set<string>();
  return open.filter((q) => {
    const key = `${q.threadKey}:${q.classTeacherId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whole days a question has waited (for «ждёт N дн.»). */
export function daysWaiting(createdAt: Date, now: Date): number {
  return Math.floor((now.getTime() - createdAt.getTime()) / 86_400_000);
}

// ───────────── MSG-3: board dates ─────────────

/** The instant a calendar day (YYYY-MM-DD) begins in the organisation's time zone. */
export function startOfDayIn(day: string, timeZone: string): Date {
  return wallTimeToInstant(Date.parse(`${day}T00:00:00.000Z`), timeZone);
}

/**
 * An announcement's display window: from the start of `startsOn` (or now, when empty or today)
 * to the end of `expiresOn` (the whole last day is included), in the organisation's zone.
 */
export function announcementWindow(
  startsOn: string | null,
  expiresOn: string | null,
  timeZone: string,
  now: Date,
): { startsAt: Date; expiresAt: Date | null } {
  const start = startsOn ? startOfDayIn(startsOn, timeZone) : now;
  const startsAt = start.getTime() < now.getTime() ? now : start;
  let expiresAt: Date | null = null;
  if (expiresOn) {
    const next = isoDate(new Date(Date.parse(`${expiresOn}T00:00:00.000Z`) + 86_400_000));
    expiresAt = startOfDayIn(next, timeZone);
  }
  return { startsAt, expiresAt };
}

/** Whether an announcement is on the board at `now`. */
export function isShown(a: { startsAt: Date; expiresAt: Date | null }, now: Date): boolean {
  return a.startsAt.getTime() <= now.getTime() && (a.expiresAt === null || a.expiresAt.getTime() > now.getTime());
}
