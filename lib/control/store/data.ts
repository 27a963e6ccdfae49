// CTL-1 / DUT-1 (issue 22 item 7): `/control`'s stored past days. FILL_ROWS and TEACHER_SHARES walk every
// lesson of their range with per-lesson look-ups (marks, attendance, homework, history, the due
// assignments' first marks): late in a month ≈ 90 + 95 ms of PostgreSQL CPU that no plan or index removes
// (bench/notes.md, round 22 ctlC22). The background worker (lib/region/fill-store.ts runFillStore, the same
// daily step and claim as REG-2's FillDay) stores per day × conducting teacher × class × subject both
// statements' counts once the day's deadline has passed (ControlDay, lib/control/store/mutations.ts); the
// page reads «stored class-days ∪ live class-days». Nothing is added to any write path. REG-2's FillDay
// (per day × class, the territory fill, lib/region/data.ts TERRITORY_FILL) is read through the same checks,
// written once here for both stores and many organisations (storeValidSql; issue 22, round 24).
//
// Exact, always: a stored class-day is read only while every check below holds, else it is computed live —
// so the figures equal the all-live computation whether the worker ran or not (tests/integration/
// control-store.test.ts and region-fill-exact.test.ts hold every check to that):
//   * the settings the counts depend on (lockDays — `/control`'s only —, the deadline's minutes, the zone) equal those stored —
//     else every stored day of the organisation is live; the class's «marks required» (its grade, the
//     organisation's kind) equals the stored one;
//   * the class-day's held lessons number what was stored (a deleted or cancelled lesson leaves no row);
//   * none of its lessons (held or not) was written after `storedAt` (Lesson.updatedAt: every Lesson write
//     goes through Prisma, whose @updatedAt covers create, update and updateMany — a lesson moved, cancelled,
//     substituted, given a topic or a homework marker; a lesson moved INTO the day is seen there);
//   * no journal change after the watermark `changeId` may have touched it (changedClassDaysSql: a mark,
//     attendance, homework, topic or assignment of its lessons, or an assignment of an earlier lesson of the
//     class and subject that may be due on it);
//   * its deadline has passed at the query's `now` (a stored day's lessons are all due);
//   * it lies in the store's window (STORE_WINDOW_DAYS up to the last day stored: the worker re-stores no older day);
//   * at most STORE_MAX_CHANGES journal changes follow its organisation's watermark (the valve).
// Every check is a per-class-day aggregate over indexes — the range's lessons (organisationId, classId, …,
// date), the changes after the watermark through JournalChange's primary key — not a per-lesson look-up.
//
// `storedAt` and `changeId` are taken STORE_MARGIN_MS before the worker's snapshot: a journal or schedule
// write not yet committed when the worker read (so not in its figures) stamped its rows (updatedAt,
// JournalChange.at, set from the request's clock) after that instant, as long as no write takes longer
// than the margin from its clock reading to its commit (interactive transactions time out after 15 s,
// lib/db.ts); the days it touched are therefore seen as changed.
import { Prisma } from "@/prisma/generated/prisma/client";
import { rawStatement, utcSql } from "@/lib/db";
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { col } from "@/lib/sql";

/** How long before the worker's snapshot its watermark stands (see above). */
export const STORE_MARGIN_MS = 5 * 60_000;

/**
 * At most this many journal changes after the watermark for the store to be read (round 23): the page
 * expands each change to the class-days it may touch (ctouched) — a day's changes of a school (≈ 5,000 on the
 * bench school) cost a few milliseconds, but a worker stopped for weeks, a bulk import, or the bench's history
 * stamped after the server's clock (round 23's first v6 run: ≈ 450 ms a statement, against 47 ms all live)
 * would cost more than the walk it saves. Above it every class-day is live — exact, as ever.
 */
export const STORE_MAX_CHANGES = 20_000;

/** How far back (days up to the last closed day) the worker keeps class-days stored: REG-2's FillDay window. */
export const STORE_WINDOW_DAYS = 400;

const day = (d: Date) => Prisma.sql`${d.toISOString().slice(0, 10)}::date`;

/**
 * The classes' days the journal changes `j` (`source`: a FROM clause naming them `j`) may have changed: each
 * change's lesson's day, and the later days (DUT-1's 60) of its class and subject an assignment of that lesson
 * may be due on — as ("organisationId", date, "classId"). One writing for REG-2's FillDay and `/control`'s
 * ControlDay: a store's day that a journal change after its watermark may have touched is computed live (every
 * journal write — a mark, homework, attendance, topic, assignment, saved or deleted — leaves a JournalChange row
 * on its lesson). Each changed lesson once, its row by the primary key, then each changed (class, subject, day)
 * once, its class-subject's next 60 days through (organisationId, classId, subjectId, date) — LATERAL … OFFSET 0,
 * so no plan hashes the whole Lesson table: the planner cannot know how few changes follow a watermark (it
 * guessed a third of the table's, 312,252 on the bench school) and hashed every lesson, ≈ 22 ms for none
 * (issue 22, round 24).
 */
export const changedClassDaysSql = (source: Prisma.Sql) => Prisma.sql`
      SELECT DISTINCT l."organisationId", l.date, l."classId"
        FROM (SELECT DISTINCT jl."organisationId", cl."classId", cl."subjectId", cl.date
                FROM (SELECT DISTINCT j."organisationId", j."lessonId" ${source}) jl
                CROSS JOIN LATERAL (
                  SELECT cl."classId", cl."subjectId", cl.date FROM "Lesson" cl
                   WHERE cl."organisationId" = jl."organisationId" AND cl.id = jl."lessonId" OFFSET 0) cl) c
        CROSS JOIN LATERAL (
          SELECT l."organisationId", l.date, l."classId" FROM "Lesson" l
           WHERE l."organisationId" = c."organisationId" AND l."classId" = c."classId"
             AND l."subjectId" = c."subjectId" AND l.date >= c.date AND l.date <= c.date + 60 OFFSET 0) l`;

/**
 * A store's two tables (the organisation's watermark and its stored rows) and whether its counts depend on
 * lockDays: `/control`'s ControlStore / ControlDay, REG-2's FillStore / FillDay (lib/region/data.ts). Both
 * watermarks hold changeId, throughDate, storedAt, minutes and timeZone; both rows' tables date, classId,
 * lessons and marksRequired — what the checks below read.
 */
export type StoreTables = { store: Prisma.Sql; days: Prisma.Sql; lockDays: boolean };

export const CONTROL_TABLES: StoreTables = {
  store: Prisma.raw('"ControlStore"'),
  days: Prisma.raw('"ControlDay"'),
  lockDays: true,
};

/**
 * The CTEs ending in `valid` ("organisationId", "date", "classId"): the organisations' stored class-days of
 * [from, to] that may be read at `now` (every check above), one writing for both stores (`tables`). `useStore`
 * false: none (the all-live computation); an organisation with more than `maxChanges` journal changes after its
 * watermark: none of its own (the valve, per organisation). The caller computes live the lessons of the range
 * whose class-day is not in `valid` (liveLessonSql) and sums the stored rows of those that are.
 */
export const storeValidSql = (
  tables: StoreTables,
  organisationIds: readonly number[],
  from: Date,
  to: Date,
  now: Date,
  useStore = true,
  maxChanges = STORE_MAX_CHANGES,
) =>
  Prisma.sql`
    cstore AS (
      SELECT cs."organisationId", cs."changeId", cs."throughDate" AS through, cs."storedAt", cs.minutes,
             cs."timeZone", o.kind
        FROM ${tables.store} cs
        JOIN "Organisation" o ON o.id = cs."organisationId"
        LEFT JOIN "OrganisationSettings" s ON s."organisationId" = o.id
       WHERE cs."organisationId" IN (${Prisma.join([...organisationIds])}) AND ${useStore}::boolean
         ${tables.lockDays ? Prisma.sql`AND cs."lockDays" = coalesce(s."lockDays", ${ORG_SETTINGS_DEFAULTS.lockDays}::int)` : Prisma.empty}
         AND cs.minutes = coalesce(s."fillDeadlineMinutes", ${ORG_SETTINGS_DEFAULTS.fillDeadlineMinutes}::int)
         AND cs."timeZone" = o."timeZone"
         -- STORE_MAX_CHANGES: counted through the primary key, at most maxChanges + 1 entries
         AND (SELECT count(*) FROM (SELECT 1 FROM "JournalChange" j
                                     WHERE j."organisationId" = cs."organisationId" AND j.id > cs."changeId"
                                     LIMIT ${maxChanges + 1}) x) <= ${maxChanges}
    ), ctouched AS MATERIALIZED (
      ${changedClassDaysSql(Prisma.sql`FROM cstore s JOIN "JournalChange" j ON j."organisationId" = s."organisationId" AND j.id > s."changeId"`)}
    ), cstored AS MATERIALIZED (
      SELECT d."organisationId", d.date, d."classId", sum(d.lessons)::int AS n,
             bool_and(d."marksRequired") AS "allRequired", bool_or(d."marksRequired") AS "anyRequired"
        FROM cstore s
        JOIN ${tables.days} d ON d."organisationId" = s."organisationId"
       WHERE d.date >= ${day(from)} AND d.date <= least(${day(to)}, s.through)
         -- the store's window: an older row is no longer re-stored by the worker
         AND d.date > s.through - ${STORE_WINDOW_DAYS}::int
         -- due at the query's clock: the day's deadline in the organisation's zone has passed
         AND ((d.date + make_interval(mins => s.minutes)) AT TIME ZONE s."timeZone") AT TIME ZONE 'UTC' <= ${utcSql(now)}
       GROUP BY d."organisationId", d.date, d."classId"
    ), valid AS MATERIALIZED (
      SELECT d."organisationId", d.date, d."classId"
        FROM cstored d
        JOIN cstore s ON s."organisationId" = d."organisationId"
        JOIN "ClassGroup" c ON c."organisationId" = s."organisationId" AND c.id = d."classId"
        -- the class-day's lessons now, through the (organisationId, classId, date, …) index: none gives a NULL
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE l.status = 'SCHEDULED')::int AS n, max(l."updatedAt") AS updated
            FROM "Lesson" l
           WHERE l."organisationId" = s."organisationId" AND l."classId" = d."classId" AND l.date = d.date) x
       WHERE x.n = d.n AND x.updated <= s."storedAt"
         AND d."allRequired" = (s.kind = 'COLLEGE' OR c.grade <> 1)
         AND d."anyRequired" = (s.kind = 'COLLEGE' OR c.grade <> 1)
         -- NOT IN: one hashed subplan (a NOT EXISTS was planned as a nested loop over ctouched per class-day,
         -- ≈ 170 ms with 4,904 changes after the watermark on the bench school, round 24); no column is NULL
         AND (d."organisationId", d.date, d."classId") NOT IN (SELECT t."organisationId", t.date, t."classId" FROM ctouched t)
    )`;

/** `/control`'s `valid` of one organisation (storeValidSql over ControlStore / ControlDay). */
export const controlValidSql = (
  organisationId: number,
  from: Date,
  to: Date,
  now: Date,
  useStore = true,
  maxChanges = STORE_MAX_CHANGES,
) => storeValidSql(CONTROL_TABLES, [organisationId], from, to, now, useStore, maxChanges);

// The filters `/control`'s statements share (CTL-1, DUT-1): the classes in scope, and the stored rows under a
// page's filters.

/** `AND <column> IN (…)` for the classes in scope: null — every class; an empty set — none. */
export function inClassesSql(column: Prisma.Sql, classIds: ReadonlySet<number> | null): Prisma.Sql {
  if (!classIds) return Prisma.empty;
  return classIds.size ? Prisma.sql`AND ${column} IN (${Prisma.join([...classIds])})` : Prisma.sql`AND false`;
}

/** The stored class-days' rows `d` of these classes, conducting teacher and subject (each optional). */
export function storedRowsSql(f: {
  classIds: ReadonlySet<number> | null;
  teacherId?: number;
  subjectId?: number;
}): Prisma.Sql {
  return Prisma.sql`${inClassesSql(Prisma.sql`d."classId"`, f.classIds)} ${
    f.teacherId !== undefined ? Prisma.sql`AND d."teacherId" = ${f.teacherId}` : Prisma.empty
  } ${f.subjectId !== undefined ? Prisma.sql`AND d."subjectId" = ${f.subjectId}` : Prisma.empty}`;
}

/**
 * A lesson `alias` whose class-day is not read from the store (`valid`): computed live. NOT IN, planned as
 * one hashed subplan whatever the estimates (a NOT EXISTS was planned as a nested loop over \`valid\` per
 * lesson: ≈ 35 ms early in a month on the bench); no column is NULL.
 */
export const liveLessonSql = (alias: string) => {
  const a = Prisma.raw(alias);
  return Prisma.sql`AND (${a}."organisationId", ${a}.date, ${a}."classId") NOT IN (SELECT v."organisationId", v.date, v."classId" FROM valid v)`;
};

/** The watermark of a store at `mark`: the organisation's latest journal change stamped by then (a backward walk of the primary key). */
export const CONTROL_WATERMARK = rawStatement(
  { id: col.bigint },
  (organisationId: number, mark: Date) => Prisma.sql`
    SELECT id FROM "JournalChange"
     WHERE "organisationId" = ${organisationId} AND at <= ${utcSql(mark)}
     ORDER BY id DESC LIMIT 1`,
);

/**
 * The class-days of [from, last] to (re)store at `now` in a store (`tables`): those with held lessons or stored
 * rows that the current watermark does not hold valid (not stored yet, or changed since) — one writing for
 * ControlDay (CONTROL_DAYS_TO_STORE) and FillDay (lib/region/data.ts FILL_DAYS_TO_STORE).
 */
export const daysToStore = (tables: StoreTables) =>
  rawStatement(
    { date: col.text, classId: col.int },
    (organisationId: number, from: Date, last: Date, now: Date) => Prisma.sql`
    WITH ${storeValidSql(tables, [organisationId], from, last, now)}
    SELECT to_char(x.date, 'YYYY-MM-DD') AS date, x."classId" FROM (
      SELECT l.date, l."classId" FROM "Lesson" l
       WHERE l."organisationId" = ${organisationId} AND l.status = 'SCHEDULED'
         AND l.date >= ${day(from)} AND l.date <= ${day(last)}
      UNION
      SELECT d.date, d."classId" FROM ${tables.days} d
       WHERE d."organisationId" = ${organisationId} AND d.date >= ${day(from)} AND d.date <= ${day(last)}
      EXCEPT
      SELECT date, "classId" FROM valid) x`,
  );

export const CONTROL_DAYS_TO_STORE = daysToStore(CONTROL_TABLES);

/**
 * The worker's class-days to store (daysToStore's rows) as a relation t(date, "classId"), and `AND (alias.date,
 * alias."classId") IN` it: the rows to replace and the lessons to compute.
 */
export function classDaysSql(todo: readonly { date: string; classId: number }[]) {
  const pairs = Prisma.sql`(SELECT t.date, t."classId" FROM unnest(${todo.map((t) => t.date)}::date[], ${todo.map((t) => t.classId)}::int[]) AS t(date, "classId"))`;
  const inTodo = (alias: string) => {
    const a = Prisma.raw(alias);
    return Prisma.sql`AND (${a}.date, ${a}."classId") IN ${pairs}`;
  };
  return { pairs, inTodo };
}
