// REG-2: the territory report's reads — one SQL aggregate per kind over the whole list of
// organisations, GROUP BY organisation: the rows stay in PostgreSQL, the application receives a
// handful of counts per organisation, and the number of statements does not grow with the number
// of organisations. Each statement keeps the definitions of the organisation's own report (named
// at each statement); tests/integration/region-report.test.ts checks the sums against those builders.
import { ABSENCE_CHANGE_REASON } from "@/lib/absences/rules";
import { DEFAULT_DEADLINE_MINUTES } from "@/lib/control/deadline/rules";
import { readDb, rawStatement, replicaReader, utcSql } from "@/lib/db";
import { col } from "@/lib/sql";
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
        LEFT JOIN "FinalMark" f ON f."organisationId" = r."organisationId" AND f."studentId" = r."studentId"
         AND f."periodId" = r."periodId" AND f.kind = 'PERIOD'
         AND f."classId" IN (SELECT ch."classId" FROM chosen ch
                              WHERE ch."organisationId" = r."organisationId" AND ch."periodId" = r."periodId")
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
 * passed, on time when filled by the deadline. Written set-based here (one aggregate per source over
 * the range's lessons, hash-joined) rather than LESSON_FILLS's per-lesson subqueries, which are fine
 * for one teacher's day but not for a territory's year; tests/integration/region-report.test.ts
 * checks it against DUT-1's own figures. Also: lessons without a topic, marks on the lessons and
 * student-lessons (each lesson × its class's roll over the range) — CTL-1's density base.
 */
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
  (organisationIds: readonly number[], from: Date, to: Date, now: Date) => Prisma.sql`
    WITH orgs AS (
      SELECT o.id, o.kind, o."timeZone",
             coalesce(s."fillDeadlineMinutes", ${DEFAULT_DEADLINE_MINUTES}) AS minutes,
             (${utcSql(now)} AT TIME ZONE 'UTC' AT TIME ZONE o."timeZone")::date AS today
        FROM "Organisation" o
        LEFT JOIN "OrganisationSettings" s ON s."organisationId" = o.id
       WHERE o.id IN (${ids(organisationIds)})
    ), les AS MATERIALIZED (
      SELECT l."organisationId", l.id, l."classId", l."subjectId", l.date,
             CASE WHEN coalesce(btrim(l.topic), '') = '' THEN NULL ELSE coalesce(l."filledAt", l."updatedAt") END
               AS "topicOwn",
             l."filledAt", l."updatedAt", l."homeworkMarker" IS NOT NULL AS marker,
             (o.kind = 'COLLEGE' OR c.grade <> 1) AS "marksRequired",
             ((l.date + make_interval(mins => o.minutes)) AT TIME ZONE o."timeZone") AT TIME ZONE 'UTC' AS deadline
        FROM "Lesson" l
        JOIN orgs o ON o.id = l."organisationId"
        JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
       WHERE l."organisationId" IN (${ids(organisationIds)}) AND l.status = 'SCHEDULED'
         AND l.date >= ${day(from)} AND l.date <= ${day(to)} AND l.date <= o.today
    ), jc AS (
      SELECT j."organisationId", j."lessonId",
             min(j.at) FILTER (WHERE j.entity = 'TOPIC' AND coalesce(btrim(j."newValue"->>'topic'), '') <> '') AS topic,
             min(j.at) FILTER (WHERE j.entity = 'ATTENDANCE'
                                 AND (j.reason IS NULL OR j.reason NOT LIKE ${`${ABSENCE_CHANGE_REASON}%`})) AS attendance,
             min(j.at) FILTER (WHERE j.entity = 'HOMEWORK') AS homework
        FROM "JournalChange" j
        JOIN les l ON l."organisationId" = j."organisationId" AND l.id = j."lessonId"
       WHERE j.entity IN ('TOPIC', 'ATTENDANCE', 'HOMEWORK')
       GROUP BY j."organisationId", j."lessonId"
    ), att AS (
      SELECT a."organisationId", a."lessonId", min(a."updatedAt") AS at
        FROM "Attendance" a
        JOIN les l ON l."organisationId" = a."organisationId" AND l.id = a."lessonId"
       WHERE NOT EXISTS (SELECT 1 FROM "AbsenceLesson" al
                          WHERE al."organisationId" = a."organisationId" AND al."lessonId" = a."lessonId"
                            AND al."studentId" = a."studentId" AND al."previousCode" IS NULL)
       GROUP BY a."organisationId", a."lessonId"
    ), hw AS (
      SELECT h."organisationId", h."lessonId", min(h."createdAt") AS at
        FROM "Homework" h
        JOIN les l ON l."organisationId" = h."organisationId" AND l.id = h."lessonId"
       GROUP BY h."organisationId", h."lessonId"
    ), marks AS (
      -- Per lesson its marks by assignment (a small aggregate each, no sort of the range's marks).
      SELECT l."organisationId", l.id AS "lessonId", mk."assignmentId", mk.first, mk.n
        FROM les l
        CROSS JOIN LATERAL (
          SELECT m."assignmentId", min(m."createdAt") AS first, count(*) AS n
            FROM "Mark" m
           WHERE m."organisationId" = l."organisationId" AND m."lessonId" = l.id
           GROUP BY m."assignmentId") mk
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
    ), due AS (
      -- The lesson's own assignments not due later, and earlier lessons' assignments due on its date.
      SELECT l."organisationId", l.id AS "lessonId", mk.first
        FROM les l
        JOIN "Assignment" a ON a."organisationId" = l."organisationId" AND a."lessonId" = l.id
        LEFT JOIN marks mk ON mk."organisationId" = a."organisationId" AND mk."assignmentId" = a.id
       WHERE a."dueDate" IS NULL OR a."dueDate" <= l.date
      UNION ALL
      SELECT l."organisationId", l.id, c.first
        FROM carried c
        JOIN les l ON l."organisationId" = c."organisationId" AND l."classId" = c."classId"
         AND l."subjectId" = c."subjectId" AND l.date = c."dueDate" AND l.id <> c."lessonId"
    ), due_by_lesson AS (
      SELECT "organisationId", "lessonId", bool_or(first IS NULL) AS missing, max(first) AS last
        FROM due GROUP BY "organisationId", "lessonId"
    ), marks_by_lesson AS (
      SELECT "organisationId", "lessonId", sum(n)::int AS n FROM marks GROUP BY "organisationId", "lessonId"
    ), parts AS (
      SELECT l."organisationId", l.id, l."classId", l.deadline, l."topicOwn", coalesce(mb.n, 0) AS marks,
             CASE WHEN l."topicOwn" IS NULL THEN NULL
                  ELSE coalesce(least(l."filledAt", jc.topic), l."updatedAt") END AS "topicAt",
             coalesce(jc.attendance, att.at) AS "attendanceAt",
             CASE WHEN hw.at IS NOT NULL OR l.marker
                  THEN least(hw.at, jc.homework, CASE WHEN l.marker THEN l."updatedAt" END) END AS "homeworkAt",
             l."marksRequired", coalesce(d.missing, false) AS "marksMissing", d.last AS "marksAt"
        FROM les l
        LEFT JOIN jc ON jc."organisationId" = l."organisationId" AND jc."lessonId" = l.id
        LEFT JOIN att ON att."organisationId" = l."organisationId" AND att."lessonId" = l.id
        LEFT JOIN hw ON hw."organisationId" = l."organisationId" AND hw."lessonId" = l.id
        LEFT JOIN due_by_lesson d ON d."organisationId" = l."organisationId" AND d."lessonId" = l.id
        LEFT JOIN marks_by_lesson mb ON mb."organisationId" = l."organisationId" AND mb."lessonId" = l.id
    ), filled AS (
      SELECT p.*,
             CASE WHEN p."topicAt" IS NULL OR p."attendanceAt" IS NULL OR p."homeworkAt" IS NULL
                    OR (p."marksRequired" AND p."marksMissing") THEN NULL
                  ELSE greatest(p."topicAt", p."attendanceAt", p."homeworkAt",
                                CASE WHEN p."marksRequired" THEN p."marksAt" END) END AS "filledAt"
        FROM parts p
    ), roll AS (
      SELECT m."organisationId", m."classId", count(DISTINCT m."studentId")::int AS students
        FROM "ClassMembership" m
        JOIN orgs o ON o.id = m."organisationId"
       WHERE m."startDate" <= least(${day(to)}, o.today) AND (m."endDate" IS NULL OR m."endDate" >= ${day(from)})
       GROUP BY m."organisationId", m."classId"
    )
    SELECT f."organisationId",
           count(*)::int AS lessons,
           count(*) FILTER (WHERE f."filledAt" IS NOT NULL OR ${utcSql(now)} >= f.deadline)::int AS due,
           count(*) FILTER (WHERE f."filledAt" <= f.deadline)::int AS "onTime",
           count(*) FILTER (WHERE f."topicOwn" IS NULL)::int AS "noTopic",
           coalesce(sum(f.marks), 0)::int AS marks,
           coalesce(sum(r.students), 0)::int AS slots
      FROM filled f
      LEFT JOIN roll r ON r."organisationId" = f."organisationId" AND r."classId" = f."classId"
     GROUP BY f."organisationId"`,
);

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
