// REG-2: the territory report's reads — one SQL aggregate per kind over the whole list of
// organisations, GROUP BY organisation: the rows stay in PostgreSQL, the application receives a
// handful of counts per organisation, and the number of statements does not grow with the number
// of organisations. Each statement keeps the definitions of the organisation's own report (named
// at each statement); tests/integration/region-report.test.ts checks the sums against those builders.
import { LESSON_FILLS } from "@/lib/control/deadline/data";
import { DEFAULT_DEADLINE_MINUTES } from "@/lib/control/deadline/rules";
import { readDb, rawStatement, replicaReader } from "@/lib/db";
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
 * organisation's today): the lessons due by the daily deadline and filled on time — each lesson's
 * fill time from the deadline report's own statement (LESSON_FILLS: the latest of topic, attendance,
 * homework and the due marks' first times), its deadline the organisation's setting on the lesson's
 * day in its zone — lessons without a topic, marks on them and student-lessons (each lesson × its
 * class's roll over the range), the density's base as in CTL-1's totals.
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
    WITH fills AS (${LESSON_FILLS.sql(organisationIds, { from, to, classIds: null })}),
    orgs AS (
      SELECT o.id, o."timeZone",
             coalesce(s."fillDeadlineMinutes", ${DEFAULT_DEADLINE_MINUTES}) AS minutes,
             (${now.toISOString()}::timestamptz AT TIME ZONE o."timeZone")::date AS today
        FROM "Organisation" o
        LEFT JOIN "OrganisationSettings" s ON s."organisationId" = o.id
       WHERE o.id IN (${ids(organisationIds)})
    ), held AS (
      SELECT f."organisationId", f."lessonId", f."classId", f."topicAt",
             (SELECT count(*) FROM "Mark" mk
               WHERE mk."organisationId" = f."organisationId" AND mk."lessonId" = f."lessonId") AS marks,
             CASE WHEN f."topicAt" IS NULL OR f."attendanceAt" IS NULL OR f."homeworkAt" IS NULL
                    OR (f."marksRequired" AND EXISTS (SELECT 1 FROM json_array_elements_text(f."dueMarks") AS x(v)
                                                       WHERE x.v IS NULL))
                  THEN NULL
                  ELSE greatest(f."topicAt", f."attendanceAt", f."homeworkAt",
                                CASE WHEN f."marksRequired"
                                     THEN (SELECT max(x.v::float8) FROM json_array_elements_text(f."dueMarks") AS x(v)) END)
             END AS "filledAt",
             extract(epoch FROM ((f.date::date + make_interval(mins => o.minutes)) AT TIME ZONE o."timeZone")) * 1000
               AS deadline
        FROM fills f
        JOIN orgs o ON o.id = f."organisationId"
       WHERE f.date::date <= o.today
    ), roll AS (
      SELECT m."organisationId", m."classId", count(DISTINCT m."studentId")::int AS students
        FROM "ClassMembership" m
        JOIN orgs o ON o.id = m."organisationId"
       WHERE m."startDate" <= least(${day(to)}, o.today) AND (m."endDate" IS NULL OR m."endDate" >= ${day(from)})
       GROUP BY m."organisationId", m."classId"
    )
    SELECT h."organisationId",
           count(*)::int AS lessons,
           count(*) FILTER (WHERE h."filledAt" IS NOT NULL
                              OR ${now.getTime()}::float8 >= h.deadline)::int AS due,
           count(*) FILTER (WHERE h."filledAt" <= h.deadline)::int AS "onTime",
           count(*) FILTER (WHERE h."topicAt" IS NULL)::int AS "noTopic",
           coalesce(sum(h.marks), 0)::int AS marks,
           coalesce(sum(r.students), 0)::int AS slots
      FROM held h
      LEFT JOIN roll r ON r."organisationId" = h."organisationId" AND r."classId" = h."classId"
     GROUP BY h."organisationId"`,
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
export async function territoryOrganisations(
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
