// Writes of the class journal's cells (JRN-3, JRN-4, JRN-7, NFR-3). Each save runs in one short
// transaction: lock the column's row (the assignment for a mark, the lesson for attendance) FOR NO
// KEY UPDATE, so saves of one cell are serialised; compare the version the client loaded with the
// stored one; write; append the change to JournalChange. A mismatch writes nothing and returns the
// current value. A re-created cell gets a version above every earlier one (1 + its number of
// changes), so an old version can never match a newer row (no ABA). Nothing here sends a push: a
// mark save given `push` by its command (lib/journal/commands.ts) queues the push job in the same
// statement as the mark (lib/push/jobs.ts), only when the mark is written and the family listens.
import { type MarkKindName } from "@/lib/journal/marks";
import { db, rawStatement, utcSql } from "@/lib/db";
import { col } from "@/lib/sql";
import { AttendanceCode, MarkKind } from "@/prisma/generated/prisma/enums";
import { familyListensSql } from "@/lib/push/data";
import type { PushEvent } from "@/lib/push/jobs";
import { pushOutboxSql } from "@/lib/push/mutations";
import { Prisma } from "@/prisma/generated/prisma/client";
import type { AttendanceCodeName } from "./rules";

export type MarkState = {
  kind: MarkKindName;
  value: number | null;
  isHospital: boolean;
  comment: string | null;
  version: number;
};
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

/** A value as the change log (JRN-7) stores it: plain JSON, SQL NULL for none. */
export function json(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null || value === undefined
    ? Prisma.DbNull
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}

/**
 * JRN-7: the history row of an assignment (a column of the grid) created, edited, removed or given
 * a protocol — written in the transaction that makes the change.
 */
export async function logAssignmentChange(
  tx: Tx,
  who: { organisationId: number; userId: number; now: Date },
  lessonId: number,
  assignmentId: number,
  change: { oldValue?: unknown; newValue?: unknown; reason?: string | null },
): Promise<void> {
  await tx.journalChange.create({
    data: {
      organisationId: who.organisationId,
      entity: "ASSIGNMENT",
      lessonId,
      entityKey: `assignment:${assignmentId}`,
      userId: who.userId,
      at: who.now,
      reason: change.reason ?? null,
      oldValue: json(change.oldValue),
      newValue: json(change.newValue),
    },
  });
}

/** The version of a (re-)created cell: 1 + its number of changes, so an old version never matches (no ABA). */
export async function nextVersion(
  tx: Tx,
  organisationId: number,
  entity: "MARK" | "ATTENDANCE",
  entityKey: string,
): Promise<number> {
  const n = await tx.journalChange.count({ where: { organisationId, entity, entityKey } });
  return n + 1;
}

/** nextVersion inside the one-statement saves: 1 + the number of the cell's changes (no ABA). */
function nextVersionSql(organisationId: number, entity: "MARK" | "ATTENDANCE", entityKey: string): Prisma.Sql {
  return Prisma.sql`1 + (SELECT count(*)::int FROM "JournalChange" j
                          WHERE j."organisationId" = ${organisationId} AND j.entity = ${Prisma.raw(`'${entity}'`)} AND j."entityKey" = ${entityKey})`;
}

/**
 * The `ins` CTE of a save that expects a stored cell (version > 0): it can never insert — a missing
 * row reads as version 0, which fails `fits` — so it is left out, and with it nextVersionSql's count
 * of the cell's JournalChange rows. Not for the plan's work (that branch never ran) but for its
 * choice (issue 22 item 6, round 16): costed with a parameter for the entity key, the count looked
 * expensive wherever a key has many changes (the bench school's cells: ≈ 1,600 each), so PostgreSQL
 * kept planning the save anew each time (a custom plan: ≈ 0.5 ms of its CPU per save, ≈ 1.5 ms for the
 * guarded write of a kept cell context) instead of reusing the prepared statement's generic plan.
 */
const NO_INSERT = Prisma.sql`ins AS (SELECT NULL::int AS version WHERE false)`;

/** The version written by the del/upd/ins CTEs once the JournalChange row (chg) is in; null when nothing was written. */
/**
 * The tail both single-statement writes share: `done` (the version the del / upd / ins step wrote)
 * and `chg`, the write's JournalChange row (JRN-8) with the stored and the new value.
 */
function changeLogSql(
  w: { organisationId: number; lessonId: number; studentId: number; reason: string | null; userId: number; now: Date },
  entity: "MARK" | "ATTENDANCE",
  key: string,
  oldValue: Prisma.Sql,
  newValue: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`, done AS (
      SELECT version FROM del UNION ALL SELECT version FROM upd UNION ALL SELECT version FROM ins
    ), chg AS (
      INSERT INTO "JournalChange" ("organisationId", entity, "lessonId", "studentId", "entityKey", "oldValue", "newValue", reason, "userId", at)
      SELECT ${w.organisationId}, ${Prisma.raw(`'${entity}'`)}, ${w.lessonId}, ${w.studentId}, ${key},
             ${oldValue},
             ${newValue},
             ${w.reason}::text, ${w.userId}, ${utcSql(w.now)}
        FROM v, done
      RETURNING 1
    )`;
}

const WRITTEN_SQL = Prisma.sql`(SELECT done.version FROM done, (SELECT count(*) FROM chg) c LIMIT 1) AS written`;

/**
 * The guard of a write on a cell context the process kept (issue 22 item 6; lib/journal/data.ts
 * cellContextGuardSql): `facts` — the lesson × student's facts read now have the kept fingerprint;
 * `version` — the organisation's AccessVersion is the one the session was kept under. Either false:
 * nothing is written and the row says which (factsOk / versionOk), the caller decides again on fresh facts.
 */
export type WriteGuard = { facts: Prisma.Sql; version: Prisma.Sql };

/** The guard's CTE (first in the statement), its condition in `fits`, and its two answer columns. */
function guardSql(guard: WriteGuard | undefined): { cte: Prisma.Sql; ok: Prisma.Sql; columns: Prisma.Sql } {
  if (!guard)
    return { cte: Prisma.empty, ok: Prisma.sql`true`, columns: Prisma.sql`true AS "factsOk", true AS "versionOk"` };
  return {
    cte: Prisma.sql`g AS MATERIALIZED (SELECT ${guard.facts} AS facts, ${guard.version} AS version), `,
    ok: Prisma.sql`(SELECT g.facts AND g.version FROM g)`,
    columns: Prisma.sql`(SELECT g.facts FROM g) AS "factsOk", (SELECT g.version FROM g) AS "versionOk"`,
  };
}

/** A guarded write that missed: nothing was written; `version` — the AccessVersion moved (else the facts did). */
export type GuardMiss = { ok: false; reason: "stale"; version: boolean };

const GUARD_COLUMNS = { factsOk: col.bool, versionOk: col.bool };

function guardMiss(row: { factsOk: boolean; versionOk: boolean }): GuardMiss | null {
  return row.factsOk && row.versionOk ? null : { ok: false, reason: "stale", version: !row.versionOk };
}

export type MarkWrite = {
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
  /** The family's push for this mark (API-4), queued with the write; absent or null: none. */
  push?: Extract<PushEvent, { event: "mark" }> | null;
  /** A write decided on a kept cell context: written only under it (WriteGuard). */
  guard?: WriteGuard;
};

/** The push job of a written (not removed) mark, when the family has a device opted into marks. */
function markOutboxSql(w: MarkWrite): Prisma.Sql {
  if (!w.push) return Prisma.empty;
  return Prisma.sql`, job AS (
      ${pushOutboxSql(w.organisationId, w.userId, w.push)}
        FROM done WHERE done.version > 0 AND ${familyListensSql(w.organisationId, w.studentId, "mark")}
      RETURNING 1
    )`;
}

/**
 * The save of a mark into an existing assignment as ONE statement (issue 10: a save was an
 * interactive transaction of 6–7 round trips). In order: lock the assignment row FOR NO KEY UPDATE
 * (it is the InitPlan of the mark's index scan, so it is taken before the mark is read; every
 * writer of the column's marks takes it, so they stay serialised), read the mark FOR NO KEY UPDATE
 * (a locking read returns the newest committed version of the row, not the statement's snapshot),
 * compare its version with the expected one, then insert / update / delete it and append the
 * JournalChange row with the old and new values. Nothing is written on a version mismatch, a wrong
 * lesson or an unchanged value.
 *
 * A locking read cannot see a row inserted after the statement's snapshot, nor count JournalChange
 * rows committed after it; both only matter when the cell is empty (expected version 0). That case
 * runs the same statement after taking the assignment lock in a statement of its own in the same
 * transaction (writeMark), so its snapshot is taken after the lock, exactly as before.
 */
export const MARK_SAVE = rawStatement(
  {
    /** The assignment's lesson (null: no such assignment). */
    lessonId: col.int.nullable(),
    /** The mark before (all null: the cell was empty). */
    id: col.int.nullable(),
    kind: col.enum(MarkKind).nullable(),
    value: col.int.nullable(),
    isHospital: col.bool.nullable(),
    comment: col.text.nullable(),
    version: col.int.nullable(),
    newComment: col.text.nullable(),
    same: col.bool.nullable(),
    /** The version written (0 for a removal); null when nothing was written. */
    written: col.int.nullable(),
    ...GUARD_COLUMNS,
  },
  (w: MarkWrite, assignmentId: number) => markSaveSql(w, assignmentId),
);

function markSaveSql(w: MarkWrite, assignmentId: number): Prisma.Sql {
  const key = markEntityKey(assignmentId, w.studentId);
  const kind = w.mark?.kind ?? null;
  const value = w.mark?.value ?? null;
  const hospital = w.mark?.isHospital ?? false;
  const keepComment = w.comment === undefined;
  const comment = w.comment ?? null;
  const guard = guardSql(w.guard);
  return Prisma.sql`
    WITH ${guard.cte}a AS MATERIALIZED (
      SELECT id, "lessonId" FROM "Assignment" WHERE "organisationId" = ${w.organisationId} AND id = ${assignmentId} FOR NO KEY UPDATE
    ), cur AS MATERIALIZED (
      SELECT m.id, m.kind::text AS kind, m.value, m."isHospital", m.comment, m.version
        FROM "Mark" m
       WHERE m."organisationId" = ${w.organisationId} AND m."assignmentId" = (SELECT id FROM a) AND m."studentId" = ${w.studentId}
         FOR NO KEY UPDATE
    ), d AS MATERIALIZED (
      SELECT (SELECT "lessonId" FROM a) AS "lessonId", c.id, c.kind, c.value, c."isHospital", c.comment, c.version,
             CASE WHEN ${keepComment}::boolean THEN c.comment ELSE ${comment}::text END AS "newComment"
        FROM (SELECT 1) one LEFT JOIN cur c ON true
    ), v AS MATERIALIZED (
      SELECT d.*,
             d."lessonId" IS NOT DISTINCT FROM ${w.lessonId}::int AND coalesce(d.version, 0) = ${w.expectedVersion}::int
               AND ${guard.ok} AS fits,
             (d.id IS NULL AND ${kind}::text IS NULL)
               OR (d.id IS NOT NULL AND ${kind}::text IS NOT NULL AND d.kind = ${kind}::text AND d.value IS NOT DISTINCT FROM ${value}::int
                   AND d."isHospital" = ${hospital}::boolean AND d.comment IS NOT DISTINCT FROM d."newComment") AS same
        FROM d
    ), del AS (
      DELETE FROM "Mark" m USING v
       WHERE v.fits AND NOT v.same AND ${kind}::text IS NULL AND m."organisationId" = ${w.organisationId} AND m.id = v.id
      RETURNING 0 AS version
    ), upd AS (
      UPDATE "Mark" m
         SET kind = ${kind}::text::"MarkKind", value = ${value}::int, "isHospital" = ${hospital}::boolean, comment = v."newComment",
             version = v.version + 1, "updatedById" = ${w.userId}::int, "updatedAt" = ${utcSql(w.now)}
        FROM v
       WHERE v.fits AND NOT v.same AND ${kind}::text IS NOT NULL AND v.id IS NOT NULL AND m."organisationId" = ${w.organisationId} AND m.id = v.id
      RETURNING m.version
    ), ${
      w.expectedVersion !== 0
        ? NO_INSERT
        : Prisma.sql`ins AS (
      INSERT INTO "Mark" ("organisationId", "lessonId", "assignmentId", "studentId", kind, value, "isHospital", comment, version,
                          "createdById", "updatedById", "createdAt", "updatedAt")
      SELECT ${w.organisationId}, ${w.lessonId}, ${assignmentId}, ${w.studentId}, ${kind}::text::"MarkKind", ${value}::int, ${hospital}::boolean,
             v."newComment",
             ${nextVersionSql(w.organisationId, "MARK", key)},
             ${w.userId}, ${w.userId}, ${utcSql(w.now)}, ${utcSql(w.now)}
        FROM v
       WHERE v.fits AND NOT v.same AND ${kind}::text IS NOT NULL AND v.id IS NULL
      ON CONFLICT ("organisationId", "assignmentId", "studentId") DO NOTHING
      RETURNING version
    )`
    }${changeLogSql(
      w,
      "MARK",
      key,
      Prisma.sql`CASE WHEN v.id IS NULL THEN NULL
                  ELSE jsonb_build_object('kind', v.kind, 'value', v.value, 'isHospital', v."isHospital", 'comment', v.comment, 'version', v.version) END`,
      Prisma.sql`CASE WHEN ${kind}::text IS NULL THEN NULL
                  ELSE jsonb_build_object('kind', ${kind}::text, 'value', ${value}::int, 'isHospital', ${hospital}::boolean, 'comment', v."newComment", 'version', done.version) END`,
    )}${markOutboxSql(w)}
    SELECT v."lessonId", v.id, v.kind, v.value, v."isHospital", v.comment, v.version, v."newComment", v.same,
           ${WRITTEN_SQL}, ${guard.columns}
      FROM v`;
}

/** The mark of a cell now (after a refused save, for the 409 answer). */
async function currentMark(organisationId: number, assignmentId: number, studentId: number): Promise<MarkState | null> {
  const row = await db.mark.findUnique({
    where: { organisationId_assignmentId_studentId: { organisationId, assignmentId, studentId } },
    select: { kind: true, value: true, isHospital: true, comment: true, version: true },
  });
  return row ? { ...row, kind: row.kind as MarkKindName } : null;
}

export async function writeMark(w: MarkWrite): Promise<WriteResult<MarkState> | GuardMiss> {
  if (w.assignmentId !== null) return writeMarkInto(w, w.assignmentId);
  // The fast entry's interactive transaction has no guard: a kept context never takes it (commands.ts).
  if (w.guard) throw new Error("writeMark: a guarded write needs the assignment");
  return writeMarkNewAssignment(w);
}

/** A save into an existing assignment: one statement, or lock + that statement when the cell is expected empty. */
async function writeMarkInto(w: MarkWrite, assignmentId: number): Promise<WriteResult<MarkState> | GuardMiss> {
  const [row] =
    w.expectedVersion === 0
      ? (
          await db.$transaction([
            db.$queryRaw`SELECT 1 FROM "Assignment" WHERE "organisationId" = ${w.organisationId} AND id = ${assignmentId} FOR NO KEY UPDATE`,
            MARK_SAVE.run(db, w, assignmentId),
          ])
        )[1]
      : await MARK_SAVE.run(db, w, assignmentId);
  const miss = row && guardMiss(row);
  if (miss) return miss;
  if (!row || row.lessonId !== w.lessonId) return { ok: false, reason: "assignment" };
  const before: MarkState | null =
    row.id === null
      ? null
      : {
          kind: row.kind!,
          value: row.value,
          isHospital: row.isHospital!,
          comment: row.comment,
          version: row.version!,
        };
  const beforeVersion = before?.version ?? 0;
  if (beforeVersion === w.expectedVersion && row.same)
    return { ok: true, state: before, version: beforeVersion, assignmentId, unchanged: true };
  if (beforeVersion !== w.expectedVersion || row.written === null) {
    // Refused (or beaten to an empty cell by a concurrent insert): answer with the cell as it is now.
    const now = await currentMark(w.organisationId, assignmentId, w.studentId);
    return { ok: false, reason: "conflict", state: now, version: now?.version ?? 0 };
  }
  const next: MarkState | null = w.mark === null ? null : { ...w.mark, comment: row.newComment, version: row.written };
  return { ok: true, state: next, version: next?.version ?? 0, assignmentId };
}

/** Fast entry into a lesson without an assignment: create its first one of `typeId` and the mark (interactive transaction, rare). */
async function writeMarkNewAssignment(w: MarkWrite): Promise<WriteResult<MarkState>> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Lesson" WHERE "organisationId" = ${w.organisationId} AND id = ${w.lessonId} FOR NO KEY UPDATE`;
    const existing = await tx.assignment.findFirst({
      where: { organisationId: w.organisationId, lessonId: w.lessonId },
      select: { id: true },
    });
    if (existing || w.typeId === null) return { ok: false, reason: "placeholder" } as const;
    const a = await tx.assignment.create({
      data: { organisationId: w.organisationId, lessonId: w.lessonId, typeId: w.typeId, createdAt: w.now },
      select: { id: true },
    });
    await logAssignmentChange(tx, w, w.lessonId, a.id, { newValue: { typeId: w.typeId } });
    if (w.mark === null) return { ok: true, state: null, version: 0, assignmentId: a.id } as const;
    const key = markEntityKey(a.id, w.studentId);
    const comment = w.comment ?? null;
    const version = await nextVersion(tx, w.organisationId, "MARK", key);
    await tx.mark.create({
      data: {
        organisationId: w.organisationId,
        lessonId: w.lessonId,
        assignmentId: a.id,
        studentId: w.studentId,
        ...w.mark,
        comment,
        version,
        createdById: w.userId,
        updatedById: w.userId,
        createdAt: w.now,
        updatedAt: w.now,
      },
    });
    const next: MarkState = { ...w.mark, comment, version };
    await tx.journalChange.create({
      data: {
        organisationId: w.organisationId,
        entity: "MARK",
        lessonId: w.lessonId,
        studentId: w.studentId,
        entityKey: key,
        oldValue: Prisma.DbNull,
        newValue: json(next),
        reason: w.reason,
        userId: w.userId,
        at: w.now,
      },
    });
    if (w.push)
      await tx.$executeRaw`${pushOutboxSql(w.organisationId, w.userId, w.push)}
        WHERE ${familyListensSql(w.organisationId, w.studentId, "mark")}`;
    return { ok: true, state: next, version, assignmentId: a.id } as const;
  });
}

export type AttendanceWrite = {
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
  /** A write decided on a kept cell context: written only under it (WriteGuard). */
  guard?: WriteGuard;
};

/** Every stored code a cell can hold; "-" stands for no row (present). */
const STORED_CODES: readonly (AttendanceCodeName | "-")[] = ["-", "N", "UP", "NP", "B", "OT", "OP"];

/**
 * An attendance save as ONE statement (issue 10), the same shape as markSaveSql: lock the lesson row
 * (InitPlan of the attendance's index scan, so it is taken first), read the cell with a locking read,
 * compare the version, apply the caller's verdict on the stored code (`allow`, decided in advance for
 * every code the cell can hold), write, append the JournalChange row. An expected-empty cell runs it
 * after locking the lesson in a statement of its own (writeAttendance), for a fresh snapshot.
 */
export const ATTENDANCE_SAVE = rawStatement(
  {
    /** The cell before (null: empty). */
    code: col.enum(AttendanceCode).nullable(),
    missedHours: col.float.nullable(),
    version: col.int.nullable(),
    /** The caller's verdict on the stored code. */
    verdict: col.enum({ write: "write", keep: "keep", deny: "deny" }),
    same: col.bool,
    newHours: col.float.nullable(),
    /** The version written (0 for a removal); null when nothing was written. */
    written: col.int.nullable(),
    ...GUARD_COLUMNS,
  },
  (w: AttendanceWrite) => attendanceSaveSql(w),
);

function attendanceSaveSql(w: AttendanceWrite): Prisma.Sql {
  const key = attendanceEntityKey(w.lessonId, w.studentId);
  const verdicts = STORED_CODES.map((c) => [c, w.allow(c === "-" ? null : c)] as const);
  const writeCodes = verdicts
    .filter(([, v]) => v === "write")
    .map(([c]) => c)
    .join(",");
  const keepCodes = verdicts
    .filter(([, v]) => v === "keep")
    .map(([c]) => c)
    .join(",");
  const code = w.next?.code ?? null;
  const hours = w.next?.missedHours ?? null;
  const guard = guardSql(w.guard);
  return Prisma.sql`
    WITH ${guard.cte}l AS MATERIALIZED (
      SELECT id FROM "Lesson" WHERE "organisationId" = ${w.organisationId} AND id = ${w.lessonId} FOR NO KEY UPDATE
    ), cur AS MATERIALIZED (
      SELECT a.code::text AS code, a."missedHours", a.version
        FROM "Attendance" a
       WHERE a."organisationId" = ${w.organisationId} AND a."lessonId" = (SELECT id FROM l) AND a."studentId" = ${w.studentId}
         FOR NO KEY UPDATE
    ), d AS MATERIALIZED (
      SELECT c.code, c."missedHours", c.version,
             CASE WHEN coalesce(c.code, '-') = ANY (string_to_array(${writeCodes}::text, ',')) THEN 'write'
                  WHEN coalesce(c.code, '-') = ANY (string_to_array(${keepCodes}::text, ',')) THEN 'keep'
                  ELSE 'deny' END AS verdict,
             -- A reason changes the code only; the missed hours (college) stay as the teacher marked them.
             CASE WHEN ${w.asReason}::boolean AND c.code IS NOT NULL AND ${code}::text IS NOT NULL THEN c."missedHours"
                  ELSE ${hours}::numeric END AS "newHours"
        FROM (SELECT 1) one LEFT JOIN cur c ON true
    ), v AS MATERIALIZED (
      SELECT d.*,
             coalesce(d.version, 0) = ${w.expectedVersion}::int AND d.verdict <> 'deny' AND ${guard.ok} AS fits,
             d.verdict = 'keep'
               OR (d.code IS NULL AND ${code}::text IS NULL)
               OR (d.code IS NOT NULL AND ${code}::text IS NOT NULL AND d.code = ${code}::text AND d."missedHours" IS NOT DISTINCT FROM d."newHours") AS same
        FROM d
    ), del AS (
      DELETE FROM "Attendance" a USING v
       WHERE v.fits AND NOT v.same AND ${code}::text IS NULL
         AND a."organisationId" = ${w.organisationId} AND a."lessonId" = ${w.lessonId} AND a."studentId" = ${w.studentId}
      RETURNING 0 AS version
    ), upd AS (
      UPDATE "Attendance" a
         SET code = ${code}::text::"AttendanceCode", "missedHours" = v."newHours", version = v.version + 1, "updatedById" = ${w.userId}::int,
             "updatedAt" = ${utcSql(w.now)},
             "reasonSetById" = CASE WHEN ${w.asReason}::boolean THEN ${w.userId}::int ELSE a."reasonSetById" END
        FROM v
       WHERE v.fits AND NOT v.same AND ${code}::text IS NOT NULL AND v.code IS NOT NULL
         AND a."organisationId" = ${w.organisationId} AND a."lessonId" = ${w.lessonId} AND a."studentId" = ${w.studentId}
      RETURNING a.version
    ), ${
      w.expectedVersion !== 0
        ? NO_INSERT
        : Prisma.sql`ins AS (
      INSERT INTO "Attendance" ("organisationId", "lessonId", "studentId", code, "missedHours", version, "updatedById", "reasonSetById", "updatedAt")
      SELECT ${w.organisationId}, ${w.lessonId}, ${w.studentId}, ${code}::text::"AttendanceCode", v."newHours",
             ${nextVersionSql(w.organisationId, "ATTENDANCE", key)},
             ${w.userId}, CASE WHEN ${w.asReason}::boolean THEN ${w.userId}::int END, ${utcSql(w.now)}
        FROM v
       WHERE v.fits AND NOT v.same AND ${code}::text IS NOT NULL AND v.code IS NULL
      ON CONFLICT ("organisationId", "lessonId", "studentId") DO NOTHING
      RETURNING version
    )`
    }${changeLogSql(
      w,
      "ATTENDANCE",
      key,
      Prisma.sql`CASE WHEN v.code IS NULL THEN NULL
                  ELSE jsonb_build_object('code', v.code, 'missedHours', v."missedHours"::float8, 'version', v.version) END`,
      Prisma.sql`CASE WHEN ${code}::text IS NULL THEN NULL
                  ELSE jsonb_build_object('code', ${code}::text, 'missedHours', v."newHours"::float8, 'version', done.version) END`,
    )}
    SELECT v.code, v."missedHours"::float8 AS "missedHours", v.version, v.verdict, v.same, v."newHours"::float8 AS "newHours",
           ${WRITTEN_SQL}, ${guard.columns}
      FROM v`;
}

/** The attendance of a cell now (after a refused save, for the 409 answer). */
async function currentAttendance(
  organisationId: number,
  lessonId: number,
  studentId: number,
): Promise<AttendanceState | null> {
  const row = await db.attendance.findUnique({
    where: { organisationId_lessonId_studentId: { organisationId, lessonId, studentId } },
    select: { code: true, missedHours: true, version: true },
  });
  return row
    ? {
        code: row.code as AttendanceCodeName,
        missedHours: row.missedHours === null ? null : Number(row.missedHours),
        version: row.version,
      }
    : null;
}

export async function writeAttendance(
  w: AttendanceWrite,
): Promise<WriteResult<AttendanceState> | { ok: false; reason: "denied" } | GuardMiss> {
  const [row] =
    w.expectedVersion === 0
      ? (
          await db.$transaction([
            db.$queryRaw`SELECT 1 FROM "Lesson" WHERE "organisationId" = ${w.organisationId} AND id = ${w.lessonId} FOR NO KEY UPDATE`,
            ATTENDANCE_SAVE.run(db, w),
          ])
        )[1]
      : await ATTENDANCE_SAVE.run(db, w);
  const miss = guardMiss(row);
  if (miss) return miss;
  const before: AttendanceState | null =
    row.code === null ? null : { code: row.code, missedHours: row.missedHours, version: row.version! };
  const beforeVersion = before?.version ?? 0;
  if (beforeVersion !== w.expectedVersion) {
    const now = await currentAttendance(w.organisationId, w.lessonId, w.studentId);
    return { ok: false, reason: "conflict", state: now, version: now?.version ?? 0 };
  }
  if (row.verdict === "deny") return { ok: false, reason: "denied" };
  if (row.same) return { ok: true, state: before, version: beforeVersion, unchanged: true };
  if (row.written === null) {
    // Beaten to an empty cell by a concurrent insert: answer with the cell as it is now.
    const now = await currentAttendance(w.organisationId, w.lessonId, w.studentId);
    return { ok: false, reason: "conflict", state: now, version: now?.version ?? 0 };
  }
  const next: AttendanceState | null =
    w.next === null ? null : { code: w.next.code, missedHours: row.newHours, version: row.written };
  return { ok: true, state: next, version: next?.version ?? 0 };
}

/** «все присутствуют» (JRN-5): records that attendance of the lesson was taken; absences already marked stay. */
export async function markAttendanceTaken(
  organisationId: number,
  userId: number,
  lessonId: number,
  now: Date,
): Promise<void> {
  await db.journalChange.create({
    data: {
      organisationId,
      entity: "ATTENDANCE",
      lessonId,
      entityKey: `${lessonEntityKey(lessonId)}:attendance`,
      newValue: json({ allPresent: true }),
      userId,
      at: now,
    },
  });
}
