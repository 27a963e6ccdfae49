// Writes of the class journal's cells (JRN-3, JRN-4, JRN-7, NFR-3). Each save runs in one short
// transaction: lock the column's row (the assignment for a mark, the lesson for attendance) FOR NO
// KEY UPDATE, so saves of one cell are serialised; compare the version the client loaded with the
// stored one; write; append the change to JournalChange. A mismatch writes nothing and returns the
// current value. A re-created cell gets a version above every earlier one (1 + its number of
// changes), so an old version can never match a newer row (no ABA).
import { db } from "@/lib/db";
import { markLabel } from "@/lib/diary/rules";
import { notifyMark } from "@/lib/push/send";
import { Prisma } from "@/prisma/generated/prisma/client";
import type { AttendanceCodeName, MarkKindName } from "./rules";

export type MarkState = { kind: MarkKindName; value: number | null; isHospital: boolean; comment: string | null; version: number };
export type AttendanceState = { code: AttendanceCodeName; missedHours: number | null; version: number };

export type WriteResult<T> =
  | { ok: true; state: T | null; version: number; assignmentId?: number; unchanged?: boolean }
  | { ok: false; reason: "conflict"; state: T | null; version: number }
  | { ok: false; reason: "assignment" | "placeholder" };

export const markEntityKey = (assignmentId: number, studentId: number) => `mark:${assignmentId}:${studentId}`;
export const attendanceEntityKey = (lessonId: number, studentId: number) => `att:${lessonId}:${studentId}`;
export const lessonEntityKey = (lessonId: number) => `lesson:${lessonId}`;
/** Keyed by the homework row, as the plans' automatic homework is (lib/plans). */
export const homeworkEntityKey = (homeworkId: number) => `homework:${homeworkId}`;

type Tx = Prisma.TransactionClient;

function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined ? Prisma.DbNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

async function nextVersion(tx: Tx, organisationId: number, entity: "MARK" | "ATTENDANCE", entityKey: string): Promise<number> {
  const n = await tx.journalChange.count({ where: { organisationId, entity, entityKey } });
  return n + 1;
}

type MarkWrite = {
  organisationId: number;
  userId: number;
  lessonId: number;
  studentId: number;
  /** null: the lesson has no assignment yet — create its first one of `typeId` (fast entry). */
  assignmentId: number | null;
  typeId: number | null;
  /** null: remove the mark. */
  mark: { kind: MarkKindName; value: number | null; isHospital: boolean } | null;
  /** undefined: keep the stored comment. */
  comment: string | null | undefined;
  expectedVersion: number;
  reason: string | null;
  now: Date;
};

export async function writeMark(w: MarkWrite): Promise<WriteResult<MarkState>> {
  const result = await db.$transaction(async (tx) => {
    let assignmentId = w.assignmentId;
    let created = false;
    if (assignmentId === null) {
      await tx.$queryRaw`SELECT id FROM "Lesson" WHERE "organisationId" = ${w.organisationId} AND id = ${w.lessonId} FOR NO KEY UPDATE`;
      const existing = await tx.assignment.findFirst({ where: { organisationId: w.organisationId, lessonId: w.lessonId }, select: { id: true } });
      if (existing || w.typeId === null) return { ok: false, reason: "placeholder" } as const;
      const a = await tx.assignment.create({
        data: { organisationId: w.organisationId, lessonId: w.lessonId, typeId: w.typeId, createdAt: w.now },
        select: { id: true },
      });
      assignmentId = a.id;
      created = true;
      await tx.journalChange.create({
        data: {
          organisationId: w.organisationId, entity: "ASSIGNMENT", lessonId: w.lessonId, entityKey: `assignment:${a.id}`,
          newValue: json({ typeId: w.typeId }), userId: w.userId, at: w.now,
        },
      });
    }
    // Lock first, read after: in READ COMMITTED a later statement sees what the previous holder
    // of the lock committed (a join in the locking statement would not be re-read).
    const locked = await tx.$queryRaw<{ lessonId: number }[]>`
      SELECT "lessonId" FROM "Assignment" WHERE "organisationId" = ${w.organisationId} AND id = ${assignmentId} FOR NO KEY UPDATE`;
    if (locked[0]?.lessonId !== w.lessonId) return { ok: false, reason: "assignment" } as const;
    const row = await tx.mark.findUnique({
      where: { organisationId_assignmentId_studentId: { organisationId: w.organisationId, assignmentId, studentId: w.studentId } },
      select: { kind: true, value: true, isHospital: true, comment: true, version: true },
    });
    const current: MarkState | null = row ? { ...row, kind: row.kind as MarkKindName } : null;
    const currentVersion = current?.version ?? 0;
    if (!created && currentVersion !== w.expectedVersion) return { ok: false, reason: "conflict", state: current, version: currentVersion } as const;

    const key = markEntityKey(assignmentId, w.studentId);
    const comment = w.comment === undefined ? (current?.comment ?? null) : w.comment;
    const same =
      (current === null && w.mark === null) ||
      (current !== null && w.mark !== null && current.kind === w.mark.kind && current.value === w.mark.value &&
        current.isHospital === w.mark.isHospital && current.comment === comment);
    if (same) return { ok: true, state: current, version: currentVersion, assignmentId, unchanged: true } as const;

    const where = { organisationId_assignmentId_studentId: { organisationId: w.organisationId, assignmentId, studentId: w.studentId } };
    let next: MarkState | null;
    if (w.mark === null) {
      await tx.mark.delete({ where });
      next = null;
    } else if (current === null) {
      const version = await nextVersion(tx, w.organisationId, "MARK", key);
      await tx.mark.create({
        data: {
          organisationId: w.organisationId, lessonId: w.lessonId, assignmentId, studentId: w.studentId, ...w.mark, comment,
          version, createdById: w.userId, updatedById: w.userId, createdAt: w.now, updatedAt: w.now,
        },
      });
      next = { ...w.mark, comment, version };
    } else {
      const version = current.version + 1;
      await tx.mark.update({ where, data: { ...w.mark, comment, version, updatedById: w.userId, updatedAt: w.now } });
      next = { ...w.mark, comment, version };
    }
    await tx.journalChange.create({
      data: {
        organisationId: w.organisationId, entity: "MARK", lessonId: w.lessonId, studentId: w.studentId, entityKey: key,
        oldValue: json(current), newValue: json(next), reason: w.reason, userId: w.userId, at: w.now,
      },
    });
    return { ok: true, state: next, version: next?.version ?? 0, assignmentId } as const;
  });
  // API-4: after the commit, the family's opted-in devices; not awaited — it never fails or slows the save.
  if (result.ok && !("unchanged" in result) && result.state) void notifyMark(w.organisationId, w.lessonId, w.studentId, markLabel(result.state.kind, result.state.value));
  return result;
}

type AttendanceWrite = {
  organisationId: number;
  userId: number;
  lessonId: number;
  studentId: number;
  next: { code: AttendanceCodeName; missedHours: number | null } | null;
  expectedVersion: number;
  /** The class teacher's reason (JRN-4): records reasonSetById. */
  asReason: boolean;
  /** Decides from the stored code whether the change is allowed (and may turn it into «keep»). */
  allow: (current: AttendanceCodeName | null) => "write" | "keep" | "deny";
  reason: string | null;
  now: Date;
};

export async function writeAttendance(w: AttendanceWrite): Promise<WriteResult<AttendanceState> | { ok: false; reason: "denied" }> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Lesson" WHERE "organisationId" = ${w.organisationId} AND id = ${w.lessonId} FOR NO KEY UPDATE`;
    const row = await tx.attendance.findUnique({
      where: { organisationId_lessonId_studentId: { organisationId: w.organisationId, lessonId: w.lessonId, studentId: w.studentId } },
      select: { code: true, missedHours: true, version: true },
    });
    const current: AttendanceState | null = row
      ? { code: row.code as AttendanceCodeName, missedHours: row.missedHours === null ? null : Number(row.missedHours), version: row.version }
      : null;
    const currentVersion = current?.version ?? 0;
    if (currentVersion !== w.expectedVersion) return { ok: false, reason: "conflict", state: current, version: currentVersion } as const;
    const verdict = w.allow(current?.code ?? null);
    if (verdict === "deny") return { ok: false, reason: "denied" } as const;
    // A reason changes the code only; the missed hours (college) stay as the teacher marked them.
    if (w.asReason && current && w.next) w.next = { ...w.next, missedHours: current.missedHours };
    const same =
      verdict === "keep" ||
      (current === null && w.next === null) ||
      (current !== null && w.next !== null && current.code === w.next.code && current.missedHours === w.next.missedHours);
    if (same) return { ok: true, state: current, version: currentVersion, unchanged: true } as const;

    const key = attendanceEntityKey(w.lessonId, w.studentId);
    const where = { organisationId_lessonId_studentId: { organisationId: w.organisationId, lessonId: w.lessonId, studentId: w.studentId } };
    let next: AttendanceState | null;
    if (w.next === null) {
      await tx.attendance.delete({ where });
      next = null;
    } else {
      const version = current === null ? await nextVersion(tx, w.organisationId, "ATTENDANCE", key) : current.version + 1;
      const data = {
        code: w.next.code, missedHours: w.next.missedHours, version, updatedById: w.userId, updatedAt: w.now,
        ...(w.asReason ? { reasonSetById: w.userId } : {}),
      };
      if (current === null) await tx.attendance.create({ data: { organisationId: w.organisationId, lessonId: w.lessonId, studentId: w.studentId, ...data } });
      else await tx.attendance.update({ where, data });
      next = { ...w.next, version };
    }
    await tx.journalChange.create({
      data: {
        organisationId: w.organisationId, entity: "ATTENDANCE", lessonId: w.lessonId, studentId: w.studentId, entityKey: key,
        oldValue: json(current), newValue: json(next), reason: w.reason, userId: w.userId, at: w.now,
      },
    });
    return { ok: true, state: next, version: next?.version ?? 0 } as const;
  });
}

/** «все присутствуют» (JRN-5): records that attendance of the lesson was taken; absences already marked stay. */
export async function markAttendanceTaken(organisationId: number, userId: number, lessonId: number, now: Date): Promise<void> {
  await db.journalChange.create({
    data: { organisationId, entity: "ATTENDANCE", lessonId, entityKey: `${lessonEntityKey(lessonId)}:attendance`, newValue: json({ allPresent: true }), userId, at: now },
  });
}
