// SCH-4: (re)generation of the journal's lessons for a period. Idempotent: the planner's
// lessons are diffed against the existing ones; missing lessons are created, lessons without
// journal data are updated or deleted, and a lesson holding marks, attendance, a topic or
// homework is never deleted or moved — it is kept and reported. Days of a closed period or a
// closed year (REC-1, REC-2: lib/journal/lock.ts, kind «schedule») are left exactly as they are.
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { auditChange } from "@/lib/audit/mutations";
import { journalLockContext } from "@/lib/journal/data";
import { journalLock, lockFactsOf, type Lock, type LockContext } from "@/lib/journal/lock";
import { serverNow } from "@/lib/org/clock";
import { isoDate, todayIn } from "@/lib/org/time";
import { desiredLesson, diffLessons, planLessons } from "../rules";
import { existingLessons, HOLDS_NO_DATA, lessonLabels, loadPlanInput } from "./data";
import { approvedClassIds } from "../approval/data";
import { compareRu } from "@/lib/org/collation";

export type KeptLesson = {
  lessonId: number;
  className: string;
  subjectName: string;
  date: Date;
  bellNumber: number;
  reason: "removed" | "changed";
};

export type GenerateReport = {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  kept: KeptLesson[];
  /** Days (class × date) of a closed period or year left untouched (REC-1, REC-2). */
  frozen?: number;
  /** Classes left untouched because no approved timetable version holds them yet (PRG-3). */
  unapproved?: number;
};

/**
 * The class × date pairs the schedule may not touch (REC-1, REC-2), decided by the one lock
 * (kind «schedule»: a closed year, a closed period of the class).
 */
export async function frozenDays(
  organisationId: number,
  classIds: readonly number[],
  now: Date = serverNow(),
): Promise<(classId: number, date: Date) => Extract<Lock, { open: false }> | null> {
  const contexts = new Map<number, LockContext | null>();
  for (const classId of new Set(classIds))
    contexts.set(classId, await journalLockContext(organisationId, classId, null, now));
  const today = new Map<string, Date>();
  const todayOf = (timeZone: string) =>
    today.get(timeZone) ?? today.set(timeZone, todayIn(timeZone, now)).get(timeZone)!;
  return (classId, date) => {
    const ctx = contexts.get(classId);
    if (!ctx || (!ctx.yearClosed && ctx.closed.length === 0)) return null;
    const lock = journalLock("schedule", lockFactsOf(ctx, date, { today: todayOf(ctx.timeZone), now }));
    return lock.open ? null : lock;
  };
}

/** Runs inside a transaction (the caller's or its own). `classIds` null = the whole organisation. */
export async function regenerateLessonsIn(
  tx: Prisma.TransactionClient,
  organisationId: number,
  actorId: number | null,
  period: { from: Date; to: Date; classIds: readonly number[] | null },
): Promise<GenerateReport> {
  const { from, to, classIds } = period;
  const input = await loadPlanInput(organisationId, from, to, classIds, tx);
  // PRG-3: only the classes of an approved timetable version get lessons; the others are left alone.
  const approved = await approvedClassIds(organisationId, tx);
  const unapproved = new Set<number>();
  const isApproved = (l: { classId: number }) => {
    if (approved.has(l.classId)) return true;
    unapproved.add(l.classId);
    return false;
  };
  const planned = planLessons(input).filter((l) => (!classIds || classIds.includes(l.classId)) && isApproved(l));
  const all = (await existingLessons(organisationId, from, to, classIds, tx)).filter(isApproved);
  const frozen = await frozenDays(
    organisationId,
    [...planned, ...all].map((l) => l.classId),
  );
  const frozenKeys = new Set<string>();
  const open = (l: { classId: number; date: Date }) => {
    if (!frozen(l.classId, l.date)) return true;
    frozenKeys.add(`${l.classId}:${l.date.getTime()}`);
    return false;
  };
  const desired = planned.filter(open);
  const existing = all.filter(open);
  const diff = diffLessons(desired, existing);

  if (diff.create.length)
    await tx.lesson.createMany({ data: diff.create.map((l) => ({ organisationId, ...desiredLesson(l) })) });
  for (const u of diff.update) {
    await tx.lesson.update({ where: { organisationId_id: { organisationId, id: u.id } }, data: desiredLesson(u.data) });
  }
  let deleted = 0;
  if (diff.remove.length) {
    // Checked again at delete time: a lesson that received data meanwhile stays.
    const r = await tx.lesson.deleteMany({ where: { organisationId, id: { in: diff.remove }, ...HOLDS_NO_DATA } });
    deleted = r.count;
  }
  const labels = await lessonLabels(
    organisationId,
    diff.kept.map((k) => k.lesson.id),
    tx,
  );
  const kept: KeptLesson[] = diff.kept
    .map((k) => ({
      lessonId: k.lesson.id,
      className: labels.get(k.lesson.id)?.className ?? "",
      subjectName: labels.get(k.lesson.id)?.subjectName ?? "",
      date: k.lesson.date,
      bellNumber: k.lesson.bellNumber,
      reason: k.reason,
    }))
    .sort(
      (a, b) =>
        a.date.getTime() - b.date.getTime() || compareRu(a.className, b.className) || a.bellNumber - b.bellNumber,
    );
  const report: GenerateReport = {
    created: diff.create.length,
    updated: diff.update.length,
    deleted,
    unchanged: diff.unchanged,
    kept,
    frozen: frozenKeys.size,
    unapproved: unapproved.size,
  };
  if (report.created || report.updated || report.deleted || report.kept.length) {
    await auditChange(tx, { organisationId, userId: actorId }, "lessons.generate", ["Lesson"], {
      from: isoDate(from),
      to: isoDate(to),
      classIds: classIds ? [...classIds] : null,
      created: report.created,
      updated: report.updated,
      deleted: report.deleted,
      kept: report.kept.map((k) => k.lessonId),
    });
  }
  return report;
}

export async function regenerateLessons(
  organisationId: number,
  actorId: number | null,
  period: { from: Date; to: Date; classIds: readonly number[] | null },
): Promise<GenerateReport> {
  return db.$transaction((tx) => regenerateLessonsIn(tx, organisationId, actorId, period), {
    timeout: 120_000,
    maxWait: 20_000,
  });
}
