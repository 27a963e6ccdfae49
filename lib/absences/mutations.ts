// Writes of absences (DUT-3): an absence is brought onto the lessons of its days inside the caller's
// transaction — the lessons' rows are locked FOR NO KEY UPDATE like every attendance save (so a
// concurrent cell save waits), the cells are read under that lock, each change asks the journal's
// one lock decision (lib/journal/lock.ts, kind «attendance»), then every cell is written with a new
// version and its JournalChange row (reason «Отсутствие по документу: …», JRN-7), and AbsenceLesson
// remembers what was there before, so an edit or a withdrawal undoes exactly this absence's work.
import { db, rawStatement } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { formatDate, isoDate } from "@/lib/org/time";
import { journalLockContext } from "@/lib/journal/data";
import { journalLock, lockFactsOf, type LockContext } from "@/lib/journal/lock";
import { attendanceEntityKey, nextVersion } from "@/lib/journal/mutations";
import type { AttendanceCodeName } from "@/lib/journal/rules";
import { Prisma } from "@/prisma/generated/prisma/client";
import type { StudentLesson } from "./data";
import {
  ABSENCE_CHANGE_REASON,
  applyStep,
  changeReason,
  undoReason,
  undoStep,
  type AbsenceReason,
  type CellFacts,
} from "./rules";
import { col } from "@/lib/sql";

type Tx = Prisma.TransactionClient;

export type AbsenceFacts = {
  id: number;
  studentId: number;
  reason: AbsenceReason;
  documentKind: string;
  documentNumber: string | null;
  documentDate: Date | null;
};

export type SyncArgs = {
  organisationId: number;
  /** Whose name the history carries: the user acting, or the absence's author for the daily job. */
  userId: number;
  now: Date;
  today: Date;
  absence: AbsenceFacts;
  /** The lessons of the absence's days up to today (empty when it is withdrawn). */
  lessons: readonly StudentLesson[];
  /** strict: a locked lesson refuses the whole change (a user's action); lenient: it is skipped (the daily job). */
  strict: boolean;
};

export type SyncResult = { ok: true; changed: number; skipped: number } | { ok: false; refusals: string[] };

/** Of the lessons, those whose register the teacher has taken; see takenLessons. */
export const TAKEN_LESSONS = rawStatement(
  { id: col.int },
  (organisationId: number, lessonIds: number[]) => Prisma.sql`
    SELECT l.id FROM "Lesson" l
     WHERE l."organisationId" = ${organisationId} AND l.id IN (${Prisma.join(lessonIds)})
       AND (EXISTS (SELECT 1 FROM "JournalChange" j
                     WHERE j."organisationId" = l."organisationId" AND j."lessonId" = l.id AND j.entity = 'ATTENDANCE'
                       AND (j.reason IS NULL OR j.reason NOT LIKE ${`${ABSENCE_CHANGE_REASON}%`}))
            OR EXISTS (SELECT 1 FROM "Attendance" a
                        WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id
                          AND NOT EXISTS (SELECT 1 FROM "AbsenceLesson" al
                                           WHERE al."organisationId" = a."organisationId" AND al."lessonId" = a."lessonId"
                                             AND al."studentId" = a."studentId" AND al."previousCode" IS NULL)))`,
);

/** Lessons whose register the lesson's teacher has taken: a saved cell or «все присутствуют» not made by an absence. */
async function takenLessons(tx: Tx, organisationId: number, lessonIds: number[]): Promise<Set<number>> {
  if (lessonIds.length === 0) return new Set();
  const rows = await TAKEN_LESSONS.run(tx, organisationId, lessonIds);
  return new Set(rows.map((r) => r.id));
}

type Write =
  | { kind: "set"; code: AttendanceCodeName; previous: AttendanceCodeName | null }
  | { kind: "restore"; code: AttendanceCodeName }
  | { kind: "delete" }
  | { kind: "drop" };

/**
 * Brings the absence onto `lessons` and undoes it on the lessons it touched before that are no
 * longer among them. Runs inside the caller's transaction; a strict refusal writes nothing here
 * (the caller rolls back what it wrote itself).
 */
export async function syncAbsence(tx: Tx, a: SyncArgs): Promise<SyncResult> {
  const { organisationId, absence } = a;
  // One absence is brought onto its lessons by one transaction at a time (the daily job of two
  // processes, or a user's edit beside it): the absence's row is the lock.
  await tx.$queryRaw`SELECT id FROM "Absence" WHERE "organisationId" = ${organisationId} AND id = ${absence.id} FOR UPDATE`;
  const applied = await tx.absenceLesson.findMany({
    where: { organisationId, absenceId: absence.id },
    select: { lessonId: true, previousCode: true, appliedCode: true },
  });
  const wanted = new Set(a.lessons.map((l) => l.lessonId));
  const ids = [...new Set([...wanted, ...applied.map((x) => x.lessonId)])].sort((x, y) => x - y);
  if (ids.length === 0) return { ok: true, changed: 0, skipped: 0 };
  await tx.$queryRaw`SELECT id FROM "Lesson" WHERE "organisationId" = ${organisationId} AND id IN (${Prisma.join(ids)}) ORDER BY id FOR NO KEY UPDATE`;
  const [lessons, cells, taken] = await Promise.all([
    tx.lesson.findMany({
      where: { organisationId, id: { in: ids } },
      select: { id: true, date: true, classId: true, subjectId: true, subject: { select: { name: true } } },
    }),
    tx.attendance.findMany({
      where: { organisationId, studentId: absence.studentId, lessonId: { in: ids } },
      select: { lessonId: true, code: true, version: true, missedHours: true },
    }),
    takenLessons(tx, organisationId, ids),
  ]);
  const cellOf = new Map(cells.map((c) => [c.lessonId, c]));
  const appliedOf = new Map(applied.map((x) => [x.lessonId, x]));

  const plan: { lesson: (typeof lessons)[number]; write: Write }[] = [];
  for (const lesson of lessons) {
    const cell = cellOf.get(lesson.id);
    const before = appliedOf.get(lesson.id);
    const facts: CellFacts = {
      current: (cell?.code as AttendanceCodeName | undefined) ?? null,
      taken: taken.has(lesson.id),
      applied: before
        ? { previousCode: before.previousCode as AttendanceCodeName | null, appliedCode: before.appliedCode }
        : null,
    };
    if (wanted.has(lesson.id)) {
      const step = applyStep(facts, absence.reason);
      if (step.kind === "set") plan.push({ lesson, write: step });
      else if (!step.record && before) plan.push({ lesson, write: { kind: "drop" } });
    } else {
      const undo = undoStep(facts);
      plan.push({ lesson, write: undo.kind === "keep" ? { kind: "drop" } : undo });
    }
  }

  // JRN-6, REC-1, REC-2: every cell that changes asks the one lock decision.
  const contexts = new Map<string, LockContext | null>();
  const refusals: string[] = [];
  const writable: typeof plan = [];
  for (const p of plan) {
    if (p.write.kind === "drop") {
      writable.push(p);
      continue;
    }
    const key = `${p.lesson.classId}:${p.lesson.subjectId}`;
    if (!contexts.has(key))
      contexts.set(key, await journalLockContext(organisationId, p.lesson.classId, p.lesson.subjectId, a.now));
    const ctx = contexts.get(key);
    const lock = ctx
      ? journalLock(
          "attendance",
          lockFactsOf(ctx, p.lesson.date, { today: a.today, now: a.now, studentId: absence.studentId }),
        )
      : { open: false as const, code: "year" as const, reason: "Класс не найден" };
    if (lock.open) writable.push(p);
    else refusals.push(`${formatDate(p.lesson.date)}, ${p.lesson.subject.name}: ${lock.reason}`);
  }
  if (a.strict && refusals.length > 0) return { ok: false, refusals: [...new Set(refusals)] };

  let changed = 0;
  for (const { lesson, write } of writable) {
    if (write.kind === "drop") {
      await tx.absenceLesson.deleteMany({ where: { organisationId, absenceId: absence.id, lessonId: lesson.id } });
      continue;
    }
    const cell = cellOf.get(lesson.id) ?? null;
    const key = attendanceEntityKey(lesson.id, absence.studentId);
    const old = cell
      ? {
          code: cell.code,
          missedHours: cell.missedHours === null ? null : Number(cell.missedHours),
          version: cell.version,
        }
      : null;
    let next: { code: AttendanceCodeName; missedHours: number | null; version: number } | null;
    if (write.kind === "delete") {
      await tx.attendance.delete({
        where: {
          organisationId_lessonId_studentId: { organisationId, lessonId: lesson.id, studentId: absence.studentId },
        },
      });
      next = null;
    } else if (cell) {
      const version = cell.version + 1;
      await tx.attendance.update({
        where: {
          organisationId_lessonId_studentId: { organisationId, lessonId: lesson.id, studentId: absence.studentId },
        },
        data: { code: write.code, version, updatedById: a.userId, reasonSetById: a.userId, updatedAt: a.now },
      });
      next = { code: write.code, missedHours: old!.missedHours, version };
    } else {
      const version = await nextVersion(tx, organisationId, "ATTENDANCE", key);
      await tx.attendance.create({
        data: {
          organisationId,
          lessonId: lesson.id,
          studentId: absence.studentId,
          code: write.code,
          version,
          updatedById: a.userId,
          reasonSetById: a.userId,
          updatedAt: a.now,
        },
      });
      next = { code: write.code, missedHours: null, version };
    }
    await tx.journalChange.create({
      data: {
        organisationId,
        entity: "ATTENDANCE",
        lessonId: lesson.id,
        studentId: absence.studentId,
        entityKey: key,
        oldValue: old ?? Prisma.DbNull,
        newValue: next ?? Prisma.DbNull,
        reason: write.kind === "set" ? changeReason(absence, write.code) : undoReason(absence),
        userId: a.userId,
        at: a.now,
      },
    });
    if (write.kind === "set")
      await tx.absenceLesson.upsert({
        where: {
          organisationId_absenceId_lessonId: { organisationId, absenceId: absence.id, lessonId: lesson.id },
        },
        create: {
          organisationId,
          absenceId: absence.id,
          lessonId: lesson.id,
          studentId: absence.studentId,
          previousCode: write.previous,
          appliedCode: write.code,
        },
        update: { previousCode: write.previous, appliedCode: write.code },
      });
    else await tx.absenceLesson.deleteMany({ where: { organisationId, absenceId: absence.id, lessonId: lesson.id } });
    changed++;
  }
  return { ok: true, changed, skipped: refusals.length };
}

// ───────────── the write flows, each one transaction ─────────────

/** An absence's document as it is stored and named in the history. */
export type AbsenceDocument = Omit<AbsenceFacts, "id" | "studentId">;
export type StoredFile = { fileName: string; fileType: string; fileKey: string } | null;

/** What one write does to the Absence row before its lessons follow. */
export type AbsenceOp =
  | { kind: "create"; studentId: number; from: Date; to: Date; document: AbsenceDocument; file: StoredFile }
  /** A parent's accepted notice becomes an absence (DUT-4): the notice is answered in the same transaction. */
  | {
      kind: "accept";
      noticeId: number;
      studentId: number;
      from: Date;
      to: Date;
      document: AbsenceDocument;
      file: StoredFile;
    }
  | {
      kind: "update";
      absenceId: number;
      studentId: number;
      from: Date;
      to: Date;
      document: AbsenceDocument;
      file: StoredFile;
    }
  | { kind: "withdraw"; absenceId: number; studentId: number; document: AbsenceDocument };

export type AbsenceWriteResult =
  { ok: true; id: number; changed: number } | { ok: false; code: "LOCKED" | "CONFLICT"; message: string };

/** Thrown inside the transaction to roll it back with a Russian refusal. */
class Refused extends Error {
  constructor(
    readonly code: "LOCKED" | "CONFLICT",
    message: string,
  ) {
    super(message);
  }
}

const ALREADY = { withdrawn: "Отсутствие уже отменено", answered: "На это сообщение уже ответили" };

function lockedMessage(refusals: string[], withdraw: boolean): string {
  const shown = refusals.slice(0, 5).join("; ");
  const more = refusals.length > 5 ? ` и ещё ${refusals.length - 5}` : "";
  return `Отсутствие не ${withdraw ? "отменено" : "записано"} — уроки закрыты для изменений: ${shown}${more}`;
}

/** The Absence row's part of a write; returns the absence's id. */
async function writeAbsenceRow(tx: Tx, organisationId: number, userId: number, now: Date, op: AbsenceOp) {
  switch (op.kind) {
    case "create":
    case "accept": {
      if (op.kind === "accept") {
        const r = await tx.absenceNotice.updateMany({
          where: { organisationId, id: op.noticeId, status: "PENDING" },
          data: { status: "ACCEPTED", decidedById: userId, decidedAt: now },
        });
        if (r.count !== 1) throw new Refused("CONFLICT", ALREADY.answered);
      }
      const created = await tx.absence.create({
        data: {
          organisationId,
          studentId: op.studentId,
          dateFrom: op.from,
          dateTo: op.to,
          ...op.document,
          fileName: op.file?.fileName ?? null,
          fileType: op.file?.fileType ?? null,
          fileKey: op.file?.fileKey ?? null,
          createdById: userId,
          createdAt: now,
          updatedAt: now,
        },
        select: { id: true },
      });
      if (op.kind === "accept")
        await tx.absenceNotice.update({
          where: { organisationId_id: { organisationId, id: op.noticeId } },
          data: { absenceId: created.id },
        });
      return created.id;
    }
    case "update": {
      const r = await tx.absence.updateMany({
        where: { organisationId, id: op.absenceId, status: "ACTIVE" },
        data: { dateFrom: op.from, dateTo: op.to, ...op.document, ...(op.file ?? {}), updatedAt: now },
      });
      if (r.count !== 1) throw new Refused("CONFLICT", ALREADY.withdrawn);
      return op.absenceId;
    }
    case "withdraw": {
      const r = await tx.absence.updateMany({
        where: { organisationId, id: op.absenceId, status: "ACTIVE" },
        data: { status: "WITHDRAWN", withdrawnAt: now, updatedAt: now },
      });
      if (r.count !== 1) throw new Refused("CONFLICT", ALREADY.withdrawn);
      return op.absenceId;
    }
  }
}

const AUDIT_ACTION: Record<AbsenceOp["kind"], string> = {
  create: "absence.record",
  accept: "absence.notice.accept",
  update: "absence.update",
  withdraw: "absence.withdraw",
};

/**
 * One user's write of an absence (DUT-3, DUT-4) as ONE transaction: the Absence row (and the
 * notice), its lessons (strict: a locked lesson refuses everything), the audit row. A refusal rolls
 * it all back and comes back as a value.
 */
export async function writeAbsence(w: {
  organisationId: number;
  userId: number;
  now: Date;
  today: Date;
  op: AbsenceOp;
  /** The lessons of the absence's days up to today (none for a withdrawal). */
  lessons: readonly StudentLesson[];
}): Promise<AbsenceWriteResult> {
  const { organisationId, userId, now, op } = w;
  try {
    return await db.$transaction(
      async (tx) => {
        const id = await writeAbsenceRow(tx, organisationId, userId, now, op);
        const synced = await syncAbsence(tx, {
          organisationId,
          userId,
          now,
          today: w.today,
          absence: { id, studentId: op.studentId, ...op.document },
          lessons: op.kind === "withdraw" ? [] : w.lessons,
          strict: true,
        });
        if (!synced.ok) throw new Refused("LOCKED", lockedMessage(synced.refusals, op.kind === "withdraw"));
        await auditChange(
          tx,
          { organisationId, userId },
          AUDIT_ACTION[op.kind],
          op.kind === "accept" ? ["AbsenceNotice", op.noticeId] : ["Absence", id],
          {
            absenceId: id,
            studentId: op.studentId,
            ...(op.kind === "withdraw" ? {} : { from: isoDate(op.from), to: isoDate(op.to) }),
            reason: op.document.reason,
            lessons: synced.changed,
          },
        );
        return { ok: true as const, id, changed: synced.changed };
      },
      { timeout: 30_000 },
    );
  } catch (e) {
    if (e instanceof Refused) return { ok: false, code: e.code, message: e.message };
    throw e;
  }
}

/** The daily job's step for one absence: today's lessons, a locked one skipped (nobody is there to answer). */
export async function applyAbsenceLeniently(
  organisationId: number,
  absence: AbsenceFacts & { createdById: number },
  lessons: readonly StudentLesson[],
  today: Date,
  now: Date,
): Promise<number> {
  const synced = await db.$transaction(
    (tx) =>
      syncAbsence(tx, { organisationId, userId: absence.createdById, now, today, absence, lessons, strict: false }),
    { timeout: 30_000 },
  );
  return synced.ok ? synced.changed : 0;
}

/** DUT-4: a parent's notice. */
export async function createNotice(n: {
  organisationId: number;
  studentId: number;
  authorId: number;
  from: Date;
  to: Date;
  reason: AbsenceReason;
  comment: string | null;
  file: StoredFile;
  now: Date;
}): Promise<number> {
  const created = await db.absenceNotice.create({
    data: {
      organisationId: n.organisationId,
      studentId: n.studentId,
      authorId: n.authorId,
      dateFrom: n.from,
      dateTo: n.to,
      reason: n.reason,
      comment: n.comment,
      fileName: n.file?.fileName ?? null,
      fileType: n.file?.fileType ?? null,
      fileKey: n.file?.fileKey ?? null,
      createdAt: n.now,
    },
    select: { id: true },
  });
  return created.id;
}

/** DUT-4: the class teacher declines a notice with a reason (audited); false when it was answered already. */
export async function declineNotice(
  organisationId: number,
  userId: number,
  noticeId: number,
  reason: string,
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const r = await tx.absenceNotice.updateMany({
      where: { organisationId, id: noticeId, status: "PENDING" },
      data: { status: "DECLINED", decidedById: userId, decidedAt: now, declineReason: reason },
    });
    if (r.count !== 1) return false;
    await auditChange(tx, { organisationId, userId }, "absence.notice.decline", ["AbsenceNotice", noticeId]);
    return true;
  });
}
