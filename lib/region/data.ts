// REG-2: the territory report's reads — one SQL aggregate per kind over the whole list of
// organisations, GROUP BY organisation: the rows stay in PostgreSQL, the application receives a
// handful of counts per organisation, and the number of statements does not grow with the number
// of organisations. Each statement keeps the definitions of the organisation's own report (named
// at each statement); tests/integration/region-report.test.ts checks the sums against those builders.
import { ABSENCE_CHANGE_REASON } from "@/lib/absences/rules";
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { readDb, rawStatement, replicaReader, utcSql } from "@/lib/db";
import { col } from "@/lib/sql";
import { daysToStore, liveLessonSql, storeValidSql, type StoreTables } from "@/lib/control/store/data";
import { Prisma } from "@/prisma/generated/prisma/client";

const ids = (organisationIds: readonly number[]) => Prisma.join([...organisationIds]);
const day = (d: Date) => Prisma.sql`${d.toISOString().slice(0, 10)}::date`;

/**
 * RPT-2 per organisation. Each class (not a school's first grade, JRN-10) takes its own period:
 * the last period of its kind that ends within the range (a quarter, half-year or semester with its
 * finals); the students on its roll at that period's end are counted once each by their period
 * finals in all subjects, as progressFigures does (lib/reports/rules.ts).
 */
export const TERRITORY_PROGRESS = rawStatement(
  {
    organisationId: col.int,
    roll: col.int,
    withoutFinals: col.int,
    excellent: col.int,
    good: col.int,
    oneThree: col.int,
    failing: col.int,
    notAttested: col.int,
    successful: col.int,
    quality: col.int,
    markSum: col.int,
    markCount: col.int,
  },
  (organisationIds: readonly number[], from: Date, to: Date) => Prisma.sql`
    WITH chosen AS (
      SELECT c."organisationId", c.id AS "classId", p.id AS "periodId", p."endDate"
        FROM "ClassGroup" c
        JOIN "Organisation" o ON o.id = c."organisationId"
        JOIN LATERAL (
          SELECT p.id, p."endDate" FROM "Period" p
           WHERE p."organisationId" = c."organisationId" AND p."yearId" = c."yearId" AND p.kind = c."periodKind"
             AND p."endDate" >= ${day(from)} AND p."endDate" <= ${day(to)}
           ORDER BY p."endDate" DESC, p.id DESC LIMIT 1) p ON true
       WHERE c."organisationId" IN (${ids(organisationIds)}) AND (o.kind = 'COLLEGE' OR c.grade <> 1)
    ), roll AS (
      SELECT ch."organisationId", ch."classId", ch."periodId", m."studentId"
        FROM chosen ch
        JOIN "ClassMembership" m ON m."organisationId" = ch."organisationId" AND m."classId" = ch."classId"
         AND m."startDate" <= ch."endDate" AND (m."endDate" IS NULL OR m."endDate" >= ch."endDate")
    ), students AS (
      SELECT r."organisationId",
             count(f.id) AS finals,
             coalesce(bool_or(f.special = 'NOT_ATTESTED'), false) AS na,
             coalesce(bool_or(f.special = 'FAIL' OR (f.special IS NULL AND f.value <= 2)), false) AS fail,
             count(*) FILTER (WHERE f.special IS NULL AND f.value = 3) AS threes,
             coalesce(bool_and(f.special IS NOT NULL OR f.value IS NULL OR f.value = 5), true) AS fives,
             coalesce(sum(f.value) FILTER (WHERE f.special IS NULL), 0) AS "markSum",
             count(f.value) FILTER (WHERE f.special IS NULL) AS "markCount"
        FROM roll r
        -- A final counts when it was given in one of the chosen classes for that period. Joined to
        -- chosen (one row per class), not tested by a correlated IN: with that sub-plan PostgreSQL ran the
        -- IN once per FinalMark row of every organisation (4 s over 20 schools, bench/notes.md round 11).
        LEFT JOIN ("FinalMark" f
                   JOIN chosen fc ON fc."organisationId" = f."organisationId" AND fc."classId" = f."classId"
                                 AND fc."periodId" = f."periodId")
          ON f."organisationId" = r."organisationId" AND f."studentId" = r."studentId"
         AND f."periodId" = r."periodId" AND f.kind = 'PERIOD'
       GROUP BY r."organisationId", r."classId", r."studentId"
    ), judged AS (
      SELECT s.*, (s.finals > 0 AND NOT s.na AND NOT s.fail) AS ok FROM students s
    )
    SELECT "organisationId",
           count(*)::int AS roll,
           count(*) FILTER (WHERE finals = 0)::int AS "withoutFinals",
           count(*) FILTER (WHERE ok AND threes = 0 AND fives)::int AS excellent,
           count(*) FILTER (WHERE ok AND threes = 0 AND NOT fives)::int AS good,
           count(*) FILTER (WHERE ok AND threes = 1)::int AS "oneThree",
           count(*) FILTER (WHERE fail)::int AS failing,
           count(*) FILTER (WHERE na)::int AS "notAttested",
           count(*) FILTER (WHERE ok)::int AS successful,
           count(*) FILTER (WHERE ok AND threes = 0)::int AS quality,
           coalesce(sum("markSum"), 0)::int AS "markSum",
           coalesce(sum("markCount"), 0)::int AS "markCount"
      FROM judged
     GROUP BY "organisationId"`,
);

/**
 * REG-3 per organisation: the external results (ОГЭ, ЕГЭ, ВПР) of the academic years that overlap
 * the range, each with its student's year mark in the subject (a YEAR final of a class of that
 * year, as lib/external/data.ts yearMarksOf), counted by (external mark, year mark) pair — at most
 * a few dozen rows per organisation; lib/external's markComparison judges the pairs.
 */
export const TERRITORY_MARK_PAIRS = rawStatement(
  {
    organisationId: col.int,
    examMark: col.int.nullable(),
    yearMark: col.int.nullable(),
    results: col.int,
  },
  (organisationIds: readonly number[], from: Date, to: Date) => Prisma.sql`
    SELECT r."organisationId", r.mark AS "examMark", y.value AS "yearMark", count(*)::int AS results
      FROM "ExternalResult" r
      JOIN "AcademicYear" ay ON ay."organisationId" = r."organisationId" AND ay.id = r."yearId"
      LEFT JOIN LATERAL (
        SELECT f.value FROM "FinalMark" f
          JOIN "ClassGroup" c ON c."organisationId" = f."organisationId" AND c.id = f."classId"
         WHERE f."organisationId" = r."organisationId" AND f."subjectId" = r."subjectId" AND f.kind = 'YEAR'
           AND f."studentId" = r."studentId" AND f.value IS NOT NULL AND c."yearId" = r."yearId"
         ORDER BY f.id DESC LIMIT 1) y ON true
     WHERE r."organisationId" IN (${ids(organisationIds)})
       AND ay."startDate" <= ${day(to)} AND ay."endDate" >= ${day(from)}
     GROUP BY r."organisationId", r.mark, y.value`,
);

/**
 * RPT-3 per organisation: lessons (college: academic hours) missed on held lessons of the range by
 * reason — УП, НП, Б, reason unknown (Н, ОТ) — and lateness (ОП, counted, not missed), of the
 * students on their class's roll on the range's last day (as the class report lists them); and that
 * roll (every class of the organisation).
 */
export const TERRITORY_ATTENDANCE = rawStatement(
  {
    organisationId: col.int,
    roll: col.int,
    missed: col.float,
    excused: col.float,
    unexcused: col.float,
    illness: col.float,
    unknown: col.float,
    late: col.int,
  },
  (organisationIds: readonly number[], from: Date, to: Date) => Prisma.sql`
    WITH absences AS (
      SELECT a."organisationId", a.code, coalesce(a."missedHours", l.hours)::float8 AS hours
        FROM "Attendance" a
        JOIN "Lesson" l ON l."organisationId" = a."organisationId" AND l.id = a."lessonId"
       WHERE a."organisationId" IN (${ids(organisationIds)}) AND l.status = 'SCHEDULED'
         AND l.date >= ${day(from)} AND l.date <= ${day(to)}
         AND EXISTS (SELECT 1 FROM "ClassMembership" m
                      WHERE m."organisationId" = a."organisationId" AND m."classId" = l."classId"
                        AND m."studentId" = a."studentId" AND m."startDate" <= ${day(to)}
                        AND (m."endDate" IS NULL OR m."endDate" >= ${day(to)}))
    ), figures AS (
      SELECT "organisationId",
             coalesce(sum(hours) FILTER (WHERE code <> 'OP'), 0)::float8 AS missed,
             coalesce(sum(hours) FILTER (WHERE code = 'UP'), 0)::float8 AS excused,
             coalesce(sum(hours) FILTER (WHERE code = 'NP'), 0)::float8 AS unexcused,
             coalesce(sum(hours) FILTER (WHERE code = 'B'), 0)::float8 AS illness,
             coalesce(sum(hours) FILTER (WHERE code IN ('N', 'OT')), 0)::float8 AS unknown,
             count(*) FILTER (WHERE code = 'OP')::int AS late
        FROM absences GROUP BY "organisationId"
    ), roll AS (
      SELECT m."organisationId", count(*)::int AS roll
        FROM "ClassMembership" m
       WHERE m."organisationId" IN (${ids(organisationIds)})
         AND m."startDate" <= ${day(to)} AND (m."endDate" IS NULL OR m."endDate" >= ${day(to)})
       GROUP BY m."organisationId"
    )
    SELECT o.id AS "organisationId", coalesce(r.roll, 0)::int AS roll,
           coalesce(f.missed, 0)::float8 AS missed, coalesce(f.excused, 0)::float8 AS excused,
           coalesce(f.unexcused, 0)::float8 AS unexcused, coalesce(f.illness, 0)::float8 AS illness,
           coalesce(f.unknown, 0)::float8 AS unknown, coalesce(f.late, 0)::int AS late
      FROM "Organisation" o
      LEFT JOIN figures f ON f."organisationId" = o.id
      LEFT JOIN roll r ON r."organisationId" = o.id
     WHERE o.id IN (${ids(organisationIds)})`,
);

/**
 * CTL-1 / DUT-1 per organisation over the held lessons of the range (not cancelled, not after the
 * organisation's today). DUT-1's definitions, as lib/control/deadline (LESSON_FILLS, rules.ts
 * filledAt / fillStatus) states them: a lesson is filled when it has its topic, attendance taken by
 * its teacher, homework or a homework marker, and a mark in every assignment due that day (not in a
 * school's first grade); its fill time is the latest of those parts' first times; it is due when
 * filled or when its deadline (the organisation's setting on the lesson's day, in its zone) has
 * passed, on time when filled by the deadline. The range's lessons are walked once, each with
 * small per-lesson index lookups (fillDaysSql); tests/integration/region-report.test.ts checks it
 * against DUT-1's own figures. The days the background worker has stored (FillDay, lib/region/
 * fill-store.ts: a past day's counts per class once its deadline has passed) are summed instead
 * while `/control`'s store checks hold for the class-day (lib/control/store/data.ts storeValidSql:
 * the deadline settings and the class's «marks required» as stored, its held lessons as many, none
 * written since the store, no journal change since its watermark that may touch it, its deadline
 * passed at `now`; the valve per organisation) — else it is computed live, so the figures equal the
 * all-live ones at every moment (issue 22, round 24; tests/integration/region-fill-exact.test.ts);
 * `useStored` false computes every day live. Also: lessons without a topic, marks on the lessons and
 * student-lessons (each lesson × its class's roll over the range) — CTL-1's density base.
 */
/**
 * The CTEs behind the fill (see TERRITORY_FILL), ending in `fill_days`: the held lessons of the
 * range that `where` keeps (`AND …` on the lesson `l`), counted per organisation, day and class —
 * lessons, due, on time, without a topic, marks on them, whether the class's marks are required.
 */
const fillDaysSql = (
  organisationIds: readonly number[],
  from: Date,
  to: Date,
  now: Date,
  where: Prisma.Sql,
) => Prisma.sql`
orgs AS (
      SELECT o.id, o.kind, o."timeZone",
             coalesce(s."fillDeadlineMinutes", ${ORG_SETTINGS_DEFAULTS.fillDeadlineMinutes}) AS minutes,
             (${utcSql(now)} AT TIME ZONE 'UTC' AT TIME ZONE o."timeZone")::date AS today
        FROM "Organisation" o
        LEFT JOIN "OrganisationSettings" s ON s."organisationId" = o.id
       WHERE o.id IN (${ids(organisationIds)})
    ), carried AS MATERIALIZED (
      -- Assignments due on a date of the range, set on an earlier lesson (up to 60 days before) of
      -- the same class and subject: few, found from the assignments' side.
      SELECT a."organisationId", a."lessonId", a."dueDate", al."classId", al."subjectId",
             (SELECT min(m."createdAt") FROM "Mark" m
               WHERE m."organisationId" = a."organisationId" AND m."assignmentId" = a.id) AS first
        FROM "Assignment" a
        JOIN "Lesson" al ON al."organisationId" = a."organisationId" AND al.id = a."lessonId"
       WHERE a."organisationId" IN (${ids(organisationIds)})
         AND a."dueDate" >= ${day(from)} AND a."dueDate" <= ${day(to)}
         AND al.date >= a."dueDate" - 60 AND al.date <= a."dueDate"
    ), carried_due AS (
      -- Per lesson the earlier lessons' assignments due on its date (a few lessons, hash-joined below).
      SELECT l."organisationId", l.id AS "lessonId", bool_or(c.first IS NULL) AS missing, max(c.first) AS last
        FROM carried c
        JOIN "Lesson" l ON l."organisationId" = c."organisationId" AND l."classId" = c."classId"
         AND l."subjectId" = c."subjectId" AND l.date = c."dueDate" AND l.id <> c."lessonId"
       GROUP BY l."organisationId", l.id
    ), les AS MATERIALIZED (
      -- The range's held lessons to compute, chosen before the lookups. Per class a LATERAL scan (OFFSET 0:
      -- not flattened): the organisation's bound (o.today) becomes the index range — Lesson
      -- (organisationId, classId, date, …).
      SELECT l."organisationId", l.id, l."classId", l.date, l.topic, l."filledAt", l."updatedAt", l.marker,
             ((l.date + make_interval(mins => o.minutes)) AT TIME ZONE o."timeZone") AT TIME ZONE 'UTC' AS deadline,
             (o.kind = 'COLLEGE' OR c.grade <> 1) AS "marksRequired"
        FROM orgs o
        JOIN "ClassGroup" c ON c."organisationId" = o.id
        CROSS JOIN LATERAL (
          SELECT l."organisationId", l.id, l."classId", l.date, l.topic, l."filledAt", l."updatedAt",
                 l."homeworkMarker" IS NOT NULL AS marker
            FROM "Lesson" l
           WHERE l."organisationId" = c."organisationId" AND l."classId" = c.id AND l.status = 'SCHEDULED'
             AND l.date >= ${day(from)} AND l.date <= ${day(to)} AND l.date <= o.today ${where}
          OFFSET 0) l
    ), parts AS (
      -- The range's lessons walked once: each lesson's parts by small per-lesson lookups (index
      -- scans on (organisationId, lessonId)); its own assignments with their first marks and its
      -- marks' count read index-only from Mark (organisationId, lessonId, assignmentId, createdAt) —
      -- a mark sits on its assignment's lesson (lib/journal's saves write the assignment's lesson).
      SELECT l."organisationId", l."classId", l.date, l.deadline,
             coalesce(btrim(l.topic), '') = '' AS "noTopic", mk.n AS marks,
             CASE WHEN coalesce(btrim(l.topic), '') = '' THEN NULL
                  ELSE coalesce(least(l."filledAt", jc.topic), l."updatedAt") END AS "topicAt",
             coalesce(jc.attendance, att.at) AS "attendanceAt",
             CASE WHEN hw.at IS NOT NULL OR l.marker
                  THEN least(hw.at, jc.homework, CASE WHEN l.marker THEN l."updatedAt" END) END AS "homeworkAt",
             l."marksRequired",
             coalesce(own.missing, false) OR coalesce(cd.missing, false) AS "marksMissing",
             greatest(own.last, cd.last) AS "marksAt"
        FROM les l
        CROSS JOIN LATERAL (
          SELECT min(j.at) FILTER (WHERE j.entity = 'TOPIC' AND coalesce(btrim(j."newValue"->>'topic'), '') <> '') AS topic,
                 min(j.at) FILTER (WHERE j.entity = 'ATTENDANCE'
                                     AND (j.reason IS NULL OR j.reason NOT LIKE ${`${ABSENCE_CHANGE_REASON}%`})) AS attendance,
                 min(j.at) FILTER (WHERE j.entity = 'HOMEWORK') AS homework
            FROM "JournalChange" j
           WHERE j."organisationId" = l."organisationId" AND j."lessonId" = l.id
             AND j.entity IN ('TOPIC', 'ATTENDANCE', 'HOMEWORK')) jc
        CROSS JOIN LATERAL (
          SELECT min(a."updatedAt") AS at FROM "Attendance" a
           WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id
             AND NOT EXISTS (SELECT 1 FROM "AbsenceLesson" al
                              WHERE al."organisationId" = a."organisationId" AND al."lessonId" = a."lessonId"
                                AND al."studentId" = a."studentId" AND al."previousCode" IS NULL)) att
        CROSS JOIN LATERAL (
          SELECT min(h."createdAt") AS at FROM "Homework" h
           WHERE h."organisationId" = l."organisationId" AND h."lessonId" = l.id) hw
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS n FROM "Mark" m WHERE m."organisationId" = l."organisationId" AND m."lessonId" = l.id) mk
        CROSS JOIN LATERAL (
          -- The lesson's own assignments not due later, each with its first mark (NULL: none yet).
          SELECT bool_or(d.first IS NULL) AS missing, max(d.first) AS last
            FROM "Assignment" a
            CROSS JOIN LATERAL (
              SELECT min(m."createdAt") AS first FROM "Mark" m
               WHERE m."organisationId" = a."organisationId" AND m."lessonId" = a."lessonId"
                 AND m."assignmentId" = a.id) d
           WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id
             AND (a."dueDate" IS NULL OR a."dueDate" <= l.date)) own
        LEFT JOIN carried_due cd ON cd."organisationId" = l."organisationId" AND cd."lessonId" = l.id
    ), filled AS (
      SELECT p.*,
             CASE WHEN p."topicAt" IS NULL OR p."attendanceAt" IS NULL OR p."homeworkAt" IS NULL
                    OR (p."marksRequired" AND p."marksMissing") THEN NULL
                  ELSE greatest(p."topicAt", p."attendanceAt", p."homeworkAt",
                                CASE WHEN p."marksRequired" THEN p."marksAt" END) END AS "filledAt"
        FROM parts p
    ), fill_days AS (
      SELECT "organisationId", date, "classId",
             count(*)::int AS lessons,
             count(*) FILTER (WHERE "filledAt" IS NOT NULL OR ${utcSql(now)} >= deadline)::int AS due,
             count(*) FILTER (WHERE "filledAt" <= deadline)::int AS "onTime",
             count(*) FILTER (WHERE "noTopic")::int AS "noTopic",
             coalesce(sum(marks), 0)::int AS marks, bool_and("marksRequired") AS "marksRequired"
        FROM filled GROUP BY "organisationId", date, "classId"
    )`;

/** REG-2's store (lib/region/fill-store.ts): its counts do not depend on lockDays. */
export const FILL_TABLES: StoreTables = {
  store: Prisma.raw('"FillStore"'),
  days: Prisma.raw('"FillDay"'),
  lockDays: false,
};

export const TERRITORY_FILL = rawStatement(
  {
    organisationId: col.int,
    lessons: col.int,
    due: col.int,
    onTime: col.int,
    noTopic: col.int,
    marks: col.int,
    slots: col.int,
  },
  (organisationIds: readonly number[], from: Date, to: Date, now: Date, useStored: boolean = true) => Prisma.sql`
    WITH ${storeValidSql(FILL_TABLES, organisationIds, from, to, now, useStored)}, stored AS MATERIALIZED (
      SELECT d.* FROM "FillDay" d
        JOIN valid v ON v."organisationId" = d."organisationId" AND v.date = d.date AND v."classId" = d."classId"
    ), ${fillDaysSql(organisationIds, from, to, now, liveLessonSql("l"))}, by_class AS (
      SELECT "organisationId", "classId", sum(lessons)::int AS lessons, sum(due)::int AS due,
             sum("onTime")::int AS "onTime", sum("noTopic")::int AS "noTopic", sum(marks)::int AS marks
        FROM (SELECT "organisationId", "classId", lessons, due, "onTime", "noTopic", marks FROM fill_days
              UNION ALL
              SELECT "organisationId", "classId", lessons, due, "onTime", "noTopic", marks FROM stored) x
       GROUP BY "organisationId", "classId"
    ), roll AS (
      SELECT m."organisationId", m."classId", count(DISTINCT m."studentId")::int AS students
        FROM "ClassMembership" m
        JOIN orgs o ON o.id = m."organisationId"
       WHERE m."startDate" <= least(${day(to)}, o.today) AND (m."endDate" IS NULL OR m."endDate" >= ${day(from)})
       GROUP BY m."organisationId", m."classId"
    )
    SELECT b."organisationId",
           sum(b.lessons)::int AS lessons, sum(b.due)::int AS due, sum(b."onTime")::int AS "onTime",
           sum(b."noTopic")::int AS "noTopic", sum(b.marks)::int AS marks,
           coalesce(sum(b.lessons * r.students), 0)::int AS slots
      FROM by_class b
      LEFT JOIN roll r ON r."organisationId" = b."organisationId" AND r."classId" = b."classId"
     GROUP BY b."organisationId"`,
);

/**
 * The worker's store of one organisation's fill days (lib/region/mutations.ts): the FillDay rows of the
 * class-days `inTodo` selects (of [from, last]), computed at `now` by the report's own fragment.
 */
export const fillDaysInsert = (
  organisationId: number,
  q: { from: Date; last: Date; inTodo: (alias: string) => Prisma.Sql },
  now: Date,
) => Prisma.sql`
    WITH ${fillDaysSql([organisationId], q.from, q.last, now, q.inTodo("l"))}
    INSERT INTO "FillDay" ("organisationId", date, "classId", lessons, due, "onTime", "noTopic", marks,
                           "marksRequired", "storedAt")
    SELECT "organisationId", date, "classId", lessons, due, "onTime", "noTopic", marks, "marksRequired",
           ${utcSql(now)} FROM fill_days`;

/**
 * The organisation's class-days to (re)store at `now` in [from, last] (the last day whose deadline has
 * passed; the store's window): those with held lessons or a stored row that storeValidSql does not hold
 * valid — not stored yet, a lesson added, cancelled, moved or deleted, a lesson updated since the last store,
 * a journal change after the watermark that may have changed it, the settings or the class's marks changed.
 */
export const FILL_DAYS_TO_STORE = daysToStore(FILL_TABLES);

/**
 * RPT-9 per organisation for the range, from the movement book's stays (contingent-rules): on the
 * roll on the first day; arrived and transferred in from another class of the organisation (the
 * stay before ends the day before) — a new stay in the same class the next day is no movement;
 * left and transferred out likewise; on the roll on the last day with boys and girls; the classes
 * with anyone on the roll on the last day.
 */
export const TERRITORY_CONTINGENT = rawStatement(
  {
    organisationId: col.int,
    classes: col.int,
    atStart: col.int,
    arrived: col.int,
    transferredIn: col.int,
    left: col.int,
    transferredOut: col.int,
    atEnd: col.int,
    boysAtEnd: col.int,
    girlsAtEnd: col.int,
  },
  (organisationIds: readonly number[], from: Date, to: Date) => Prisma.sql`
    WITH stays AS (
      SELECT m."organisationId", m."classId", m."studentId", m."startDate" AS st, m."endDate" AS en, s.sex::text AS sex,
             EXISTS (SELECT 1 FROM "ClassMembership" p
                      WHERE p."organisationId" = m."organisationId" AND p."studentId" = m."studentId"
                        AND p."endDate" = m."startDate" - 1 AND p."classId" = m."classId") AS "sameBefore",
             EXISTS (SELECT 1 FROM "ClassMembership" p
                      WHERE p."organisationId" = m."organisationId" AND p."studentId" = m."studentId"
                        AND p."endDate" = m."startDate" - 1 AND p."classId" <> m."classId") AS "otherBefore",
             EXISTS (SELECT 1 FROM "ClassMembership" n
                      WHERE n."organisationId" = m."organisationId" AND n."studentId" = m."studentId"
                        AND n."startDate" = m."endDate" + 1 AND n."classId" = m."classId") AS "sameAfter",
             EXISTS (SELECT 1 FROM "ClassMembership" n
                      WHERE n."organisationId" = m."organisationId" AND n."studentId" = m."studentId"
                        AND n."startDate" = m."endDate" + 1 AND n."classId" <> m."classId") AS "otherAfter"
        FROM "ClassMembership" m
        JOIN "Student" s ON s."organisationId" = m."organisationId" AND s.id = m."studentId"
       WHERE m."organisationId" IN (${ids(organisationIds)})
         AND m."startDate" <= ${day(to)} AND (m."endDate" IS NULL OR m."endDate" >= ${day(from)})
    ), marked AS (
      SELECT *,
             st <= ${day(from)} AND (en IS NULL OR en >= ${day(from)}) AS "onStart",
             en IS NULL OR en >= ${day(to)} AS "onEnd"
        FROM stays
    )
    SELECT "organisationId",
           count(DISTINCT "classId") FILTER (WHERE "onEnd")::int AS classes,
           count(*) FILTER (WHERE "onStart")::int AS "atStart",
           count(*) FILTER (WHERE NOT "onStart" AND NOT "sameBefore" AND NOT "otherBefore")::int AS arrived,
           count(*) FILTER (WHERE NOT "onStart" AND NOT "sameBefore" AND "otherBefore")::int AS "transferredIn",
           count(*) FILTER (WHERE NOT "onEnd" AND NOT "sameAfter" AND NOT "otherAfter")::int AS "left",
           count(*) FILTER (WHERE NOT "onEnd" AND NOT "sameAfter" AND "otherAfter")::int AS "transferredOut",
           count(*) FILTER (WHERE "onEnd")::int AS "atEnd",
           count(*) FILTER (WHERE "onEnd" AND sex = 'MALE')::int AS "boysAtEnd",
           count(*) FILTER (WHERE "onEnd" AND sex = 'FEMALE')::int AS "girlsAtEnd"
      FROM marked
     GROUP BY "organisationId"`,
);

/** The organisations of the list by id: their short names (the report's row labels). */
export async function organisationHeadings(
  organisationIds: readonly number[],
): Promise<{ id: number; name: string; isCollege: boolean }[]> {
  const rows = await readDb.organisation.findMany({
    where: { id: { in: [...organisationIds] } },
    select: { id: true, shortName: true, name: true, kind: true },
  });
  return rows.map((o) => ({ id: o.id, name: o.shortName.trim() || o.name, isCollege: o.kind === "COLLEGE" }));
}

/** The raw-statement reader (the replica when configured): the aggregates may lag the primary. */
export const territoryReader = () => replicaReader();
