// Reads behind the daily deadline (DUT-1): each held lesson's first fill times, from the lesson's
// and its cells' own timestamps and the journal's history (JournalChange) — one statement for any
// number of lessons, bound to the organisation and the caller's class scope.
import { db, rawStatement, utcSql } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { dateOnly } from "@/lib/org/time";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import { ABSENCE_CHANGE_REASON } from "@/lib/absences/rules";
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import type { LessonFill } from "./rules";
import { col, jsonArray } from "@/lib/sql";
import { controlValidSql, inClassesSql, liveLessonSql, storedRowsSql } from "../store/data";

export type FillScope = {
  from: Date;
  to: Date;
  /** null = every class of the organisation. */
  classIds: ReadonlySet<number> | null;
  /** Lessons this teacher conducted (as the teacher of record without a substitute, or as the substitute). */
  teacherId?: number;
};

const ms = (v: number | null) => (v === null ? null : new Date(Math.round(Number(v))));

/** Epoch milliseconds of a timestamp column (UTC, without zone) — one unit for every source. */
const epoch = (expr: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${expr}) * 1000)::float8`;

/**
 * The assignments each held lesson's marks are due for, as `due` ("organisationId", id, "lessonId"):
 * its own (no due date, or due by the lesson), found from the range's lessons through Assignment
 * (organisationId, lessonId) — not a scan of the organisation's every assignment hashed to them
 * (issue 22 item 7) —, and those of the class and subject's earlier lessons (up to 60 days back) due
 * on its day, found from the assignments. With `first`: the first mark's creation of each (NULL: none).
 */
const dueSql = (organisationId: number, scope: FillScope, only: LessonFilter = none) => Prisma.sql`
    due AS (
      SELECT a."organisationId", a.id, a."lessonId"
        FROM "Lesson" al
        CROSS JOIN LATERAL (
          SELECT a."organisationId", a.id, a."lessonId" FROM "Assignment" a
           WHERE a."organisationId" = al."organisationId" AND a."lessonId" = al.id
             AND (a."dueDate" IS NULL OR a."dueDate" <= al.date)
          OFFSET 0) a -- not flattened into a hash join of every assignment
       WHERE al."organisationId" = ${organisationId} AND al.status = 'SCHEDULED'
         AND al.date >= ${scope.from}::date AND al.date <= ${scope.to}::date ${only("al")}
      UNION ALL
      SELECT a."organisationId", a.id, ld.id
        FROM "Assignment" a
        JOIN "Lesson" al ON al."organisationId" = a."organisationId" AND al.id = a."lessonId"
        JOIN "Lesson" ld ON ld."organisationId" = a."organisationId" AND ld."classId" = al."classId"
                        AND ld."subjectId" = al."subjectId" AND ld.date = a."dueDate"
       WHERE a."organisationId" = ${organisationId} AND ld.status = 'SCHEDULED'
         AND a."dueDate" >= ${scope.from}::date AND a."dueDate" <= ${scope.to}::date
         AND ld.id <> al.id AND al.date >= ld.date - 60 AND al.date <= ld.date ${only("ld")}
    ), due_firsts AS MATERIALIZED (
      -- each first mark looked up once, whatever reads it
      SELECT d."lessonId", (SELECT min(m."createdAt") FROM "Mark" m
                             WHERE m."organisationId" = d."organisationId" AND m."assignmentId" = d.id) AS first
        FROM due d
    )`;

/**
 * The first times of a held lesson `l`'s parts (timestamps, UTC; NULL: missing) — see lessonFills —
 * over the lessons of lessonsSql: `marksRequired` and the first homework row `hw`. One writing for
 * LESSON_FILLS (per lesson) and TEACHER_SHARES (counted per teacher).
 */
const partTimesSql = Prisma.sql`
           (o.kind = 'COLLEGE' OR c.grade <> 1) AS "marksRequired",
           CASE WHEN coalesce(btrim(l.topic), '') = '' THEN NULL ELSE coalesce(
             least(l."filledAt",
                   (SELECT min(j.at) FROM "JournalChange" j
                     WHERE j."organisationId" = l."organisationId" AND j."lessonId" = l.id AND j.entity = 'TOPIC'
                       AND coalesce(btrim(j."newValue"->>'topic'), '') <> '')),
             l."updatedAt") END AS "topicAt",
           coalesce(
             (SELECT min(j.at) FROM "JournalChange" j
               WHERE j."organisationId" = l."organisationId" AND j."lessonId" = l.id AND j.entity = 'ATTENDANCE'
                 AND (j.reason IS NULL OR j.reason NOT LIKE ${`${ABSENCE_CHANGE_REASON}%`})),
             (SELECT min(a."updatedAt") FROM "Attendance" a
               WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id
                 AND NOT EXISTS (SELECT 1 FROM "AbsenceLesson" al
                                  WHERE al."organisationId" = a."organisationId" AND al."lessonId" = a."lessonId"
                                    AND al."studentId" = a."studentId" AND al."previousCode" IS NULL))) AS "attendanceAt",
           CASE WHEN hw.first IS NOT NULL OR l."homeworkMarker" IS NOT NULL THEN
             least(hw.first,
                   (SELECT min(j.at) FROM "JournalChange" j
                     WHERE j."organisationId" = l."organisationId" AND j."lessonId" = l.id AND j.entity = 'HOMEWORK'),
                   CASE WHEN l."homeworkMarker" IS NOT NULL THEN l."updatedAt" END)
             END AS "homeworkAt"`;

/** The held lessons `l` of the scope with their class `c`, organisation `o` and first homework row `hw`. */
const lessonsSql = (organisationId: number, scope: FillScope, only: LessonFilter = none) => Prisma.sql`
      FROM "Lesson" l
      JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
      JOIN "Organisation" o ON o.id = l."organisationId"
      -- The lesson's first homework row (none: NULL), looked up by the lesson's index — an EXISTS here
      -- was planned as a hash of the organisation's every homework row.
      LEFT JOIN LATERAL (SELECT min(h."createdAt") AS first FROM "Homework" h
                          WHERE h."organisationId" = l."organisationId" AND h."lessonId" = l.id) hw ON true
     WHERE ${heldInScope(organisationId, scope)} ${only("l")}`;

/** The fill facts of the held lessons of a date range; see lessonFills. */
export const LESSON_FILLS = rawStatement(
  {
    lessonId: col.int,
    teacherId: col.int,
    classId: col.int,
    subjectId: col.int,
    date: col.text,
    bell: col.int,
    marksRequired: col.bool,
    topicAt: col.float.nullable(),
    attendanceAt: col.float.nullable(),
    homeworkAt: col.float.nullable(),
    dueMarks: col.jsonArray,
  },
  (organisationId: number, scope: FillScope) => Prisma.sql`
    WITH ${dueSql(organisationId, scope)}, due_marks AS (
      SELECT f."lessonId", json_agg(${epoch(Prisma.sql`f.first`)}) AS marks FROM due_firsts f GROUP BY f."lessonId"
    ), facts AS (
      SELECT l.id AS "lessonId", coalesce(l."substituteId", l."teacherId") AS "teacherId", l."classId", l."subjectId",
             l.date, l."bellNumber" AS bell, ${partTimesSql}
      ${lessonsSql(organisationId, scope)}
    )
    SELECT x."lessonId", x."teacherId", x."classId", x."subjectId", to_char(x.date, 'YYYY-MM-DD') AS date, x.bell,
           x."marksRequired", ${epoch(Prisma.sql`x."topicAt"`)} AS "topicAt",
           ${epoch(Prisma.sql`x."attendanceAt"`)} AS "attendanceAt", ${epoch(Prisma.sql`x."homeworkAt"`)} AS "homeworkAt",
           coalesce(dm.marks, '[]'::json) AS "dueMarks"
      FROM facts x
      LEFT JOIN due_marks dm ON dm."lessonId" = x."lessonId"`,
);

/**
 * DUT-1's shares counted per teacher in PostgreSQL (issue 22 item 7: not the ≈ 1,400–5,500 lessons
 * of a week and month brought to JS): over LESSON_FILLS' lessons and part times (one writing of
 * them), a lesson is filled when every part is in (the marks of each due assignment where marks are
 * required), at the latest part's time (rules.ts filledAt); due when filled or its deadline — the
 * organisation's minutes on the lesson's date in its zone (deadlineAt) — is not after `now`; on time
 * when filled by the deadline (fillStatus). Counted for the day, from `weekFrom` and from
 * `monthFrom` up to the day (shareRanges); every teacher of a held lesson of the range has a row,
 * with the name's parts. The organisation's deadline minutes on every row; with no lesson, one row
 * without a teacher. tests/integration/deadline.test.ts compares it with the JS rule (the oracle:
 * lessonFills → fillStatus → teacherShares) over a month of mixed fills at several days and clocks. The
 * stored class-days still exact (ControlDay, lib/control/store/data.ts: past their deadline, so every
 * lesson due) are summed instead of walked; `useStore` false walks every lesson.
 */
export const TEACHER_SHARES = rawStatement(
  {
    minutes: col.int,
    teacherId: col.int.nullable(),
    lastName: col.text.nullable(),
    firstName: col.text.nullable(),
    middleName: col.text.nullable(),
    dayOnTime: col.int,
    dayDue: col.int,
    weekOnTime: col.int,
    weekDue: col.int,
    monthOnTime: col.int,
    monthDue: col.int,
  },
  (
    organisationId: number,
    scope: FillScope,
    ranges: { day: Date; weekFrom: Date; monthFrom: Date },
    now: Date,
    useStore: boolean = true,
  ) => Prisma.sql`
    WITH ${controlValidSql(organisationId, scope.from, scope.to, now, useStore)},
         ${filledSql(organisationId, scope, liveLessonSql)}, counted AS (
      -- the live lessons (due when filled or past the deadline) and the stored class-days (lib/control/store/data.ts:
      -- past their deadline, every lesson due), per teacher and day
      SELECT "teacherId", date, ("filledAt" IS NOT NULL OR ${utcSql(now)} >= deadline)::int AS due,
             coalesce("filledAt" <= deadline, false)::int AS "onTime"
        FROM filled WHERE date <= ${ranges.day}::date
      UNION ALL
      SELECT d."teacherId", d.date, d.lessons, d."onTime"
        FROM valid v
        JOIN "ControlDay" d ON d."organisationId" = ${organisationId} AND d.date = v.date AND d."classId" = v."classId"
       WHERE d.date <= ${ranges.day}::date ${storedRowsSql({ classIds: scope.classIds, teacherId: scope.teacherId })}
    ), shares AS (
      SELECT "teacherId",
             coalesce(sum(due) FILTER (WHERE date = ${ranges.day}::date), 0)::int AS "dayDue",
             coalesce(sum("onTime") FILTER (WHERE date = ${ranges.day}::date), 0)::int AS "dayOnTime",
             coalesce(sum(due) FILTER (WHERE date >= ${ranges.weekFrom}::date), 0)::int AS "weekDue",
             coalesce(sum("onTime") FILTER (WHERE date >= ${ranges.weekFrom}::date), 0)::int AS "weekOnTime",
             coalesce(sum(due) FILTER (WHERE date >= ${ranges.monthFrom}::date), 0)::int AS "monthDue",
             coalesce(sum("onTime") FILTER (WHERE date >= ${ranges.monthFrom}::date), 0)::int AS "monthOnTime"
        FROM counted
       GROUP BY "teacherId"
    )
    SELECT st.minutes, s."teacherId", u."lastName", u."firstName", u."middleName",
           coalesce(s."dayOnTime", 0) AS "dayOnTime", coalesce(s."dayDue", 0) AS "dayDue",
           coalesce(s."weekOnTime", 0) AS "weekOnTime", coalesce(s."weekDue", 0) AS "weekDue",
           coalesce(s."monthOnTime", 0) AS "monthOnTime", coalesce(s."monthDue", 0) AS "monthDue"
      FROM settings st
      LEFT JOIN shares s ON true
      LEFT JOIN "User" u ON u."organisationId" = st.id AND u.id = s."teacherId"`,
);

/**
 * DUT-1's fill of the held lessons of the scope meeting `only`, ending in `filled`: each lesson's id,
 * conducting teacher, class, subject, day, deadline (the organisation's minutes on its day in its zone,
 * UTC), fill time (NULL: not filled — a part missing, or a due assignment's mark where marks are
 * required) and whether marks are required; `settings` holds the minutes. One writing for TEACHER_SHARES'
 * live lessons and the worker's stored days (lib/control/store/mutations.ts).
 */
export const filledSql = (organisationId: number, scope: FillScope, only: LessonFilter = none) => Prisma.sql`
    settings AS (
      SELECT o.id, coalesce(s."fillDeadlineMinutes", ${ORG_SETTINGS_DEFAULTS.fillDeadlineMinutes})::int AS minutes
        FROM "Organisation" o
        LEFT JOIN "OrganisationSettings" s ON s."organisationId" = o.id
       WHERE o.id = ${organisationId}
    ), ${dueSql(organisationId, scope, only)}, due_marks AS (
      SELECT f."lessonId", bool_or(f.first IS NULL) AS missing, max(f.first) AS last FROM due_firsts f GROUP BY f."lessonId"
    ), facts AS MATERIALIZED (
      -- each lesson's part times looked up once, not again in every count that reads them
      SELECT l.id AS "lessonId", coalesce(l."substituteId", l."teacherId") AS "teacherId", l."classId", l."subjectId",
             l.date, o."timeZone", ${partTimesSql}
      ${lessonsSql(organisationId, scope, only)}
    ), filled AS (
      SELECT x."lessonId", x."teacherId", x."classId", x."subjectId", x.date, x."marksRequired",
             ((x.date + make_interval(mins => st.minutes)) AT TIME ZONE x."timeZone") AT TIME ZONE 'UTC' AS deadline,
             CASE WHEN x."topicAt" IS NULL OR x."attendanceAt" IS NULL OR x."homeworkAt" IS NULL
                    OR (x."marksRequired" AND coalesce(dm.missing, false)) THEN NULL
                  ELSE greatest(x."topicAt", x."attendanceAt", x."homeworkAt",
                                CASE WHEN x."marksRequired" THEN dm.last END) END AS "filledAt"
        FROM facts x
        CROSS JOIN settings st
        LEFT JOIN due_marks dm ON dm."lessonId" = x."lessonId"
    )`;

/** A further condition on a lesson (by its alias in the statement); `none`: every lesson. */
type LessonFilter = (alias: string) => Prisma.Sql;
const none: LessonFilter = () => Prisma.empty;

/** The held lessons `l` of a range in the scope: LESSON_FILLS' and TEACHER_SHARES' lessons. */
function heldInScope(organisationId: number, scope: FillScope): Prisma.Sql {
  const classFilter = inClassesSql(Prisma.sql`l."classId"`, scope.classIds);
  const teacherFilter =
    scope.teacherId !== undefined
      ? Prisma.sql`AND coalesce(l."substituteId", l."teacherId") = ${scope.teacherId}`
      : Prisma.empty;
  return Prisma.sql`l."organisationId" = ${organisationId} AND l.status = 'SCHEDULED'
       AND l.date >= ${scope.from}::date AND l.date <= ${scope.to}::date
       ${classFilter} ${teacherFilter}`;
}

/** TEACHER_SHARES of a day (its week and month from shareRanges): the deadline's minutes and each teacher's counts. */
export async function teacherShareCounts(
  organisationId: number,
  scope: FillScope,
  ranges: { day: Date; weekFrom: Date; monthFrom: Date },
  now: Date,
) {
  const rows = await TEACHER_SHARES.run(db, organisationId, scope, ranges, now);
  if (!rows.length) throw new Error(`organisation ${organisationId} not found`);
  return {
    minutes: rows[0].minutes,
    teachers: rows.flatMap(({ teacherId, minutes: _minutes, ...r }) =>
      teacherId === null ? [] : [{ teacherId, ...r }],
    ),
  };
}

/**
 * The fill facts of the held lessons (not cancelled) of a date range. Each part's first time:
 * topic — the first history record that gave it a non-empty topic, else the lesson's own fill time;
 * attendance — the first attendance record not made from a class teacher's document (DUT-3), else
 * the earliest saved cell that no absence created; homework — the homework row's creation or the
 * first homework / marker record; marks — per assignment due that day, its first mark's creation.
 */
export async function lessonFills(organisationId: number, scope: FillScope): Promise<LessonFill[]> {
  const rows = await LESSON_FILLS.run(db, organisationId, scope);
  return rows.map((r) => {
    const due = jsonArray<number | null>(r.dueMarks);
    return {
      lessonId: r.lessonId,
      teacherId: r.teacherId,
      classId: r.classId,
      subjectId: r.subjectId,
      date: dateOnly(r.date),
      bell: r.bell,
      marksRequired: r.marksRequired,
      topicAt: ms(r.topicAt),
      attendanceAt: ms(r.attendanceAt),
      homeworkAt: ms(r.homeworkAt),
      dueMarks: due.map(ms),
    };
  });
}

/** The organisation's zone and deadline (ORG-2 / DUT-1). */
export async function deadlineSettings(organisationId: number): Promise<{ timeZone: string; minutes: number }> {
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { timeZone: true, settings: { select: { fillDeadlineMinutes: true } } },
  });
  return {
    timeZone: org.timeZone,
    minutes: org.settings?.fillDeadlineMinutes ?? ORG_SETTINGS_DEFAULTS.fillDeadlineMinutes,
  };
}

/** Every organisation's zone and deadline: the reminder's candidates (one small query per worker tick). */
export async function allDeadlines(): Promise<{ organisationId: number; timeZone: string; minutes: number }[]> {
  const orgs = await db.organisation.findMany({
    select: { id: true, timeZone: true, settings: { select: { fillDeadlineMinutes: true } } },
  });
  return orgs.map((o) => ({
    organisationId: o.id,
    timeZone: o.timeZone,
    minutes: o.settings?.fillDeadlineMinutes ?? ORG_SETTINGS_DEFAULTS.fillDeadlineMinutes,
  }));
}

/** Names of teachers, classes and subjects for the tables. */
export async function fillNames(
  organisationId: number,
  ids: { teachers: number[]; classes: number[]; subjects: number[] },
): Promise<{ teachers: Map<number, string>; classes: Map<number, string>; subjects: Map<number, string> }> {
  // A kind of name none is asked for is not read (the shares name only teachers, the home page no teacher).
  const [teachers, classes, subjects] = await Promise.all([
    ids.teachers.length
      ? db.user.findMany({ where: { organisationId, id: { in: ids.teachers } }, select: { id: true, ...NAME_FIELDS } })
      : [],
    ids.classes.length
      ? db.classGroup.findMany({ where: { organisationId, id: { in: ids.classes } }, select: { id: true, name: true } })
      : [],
    ids.subjects.length
      ? db.subject.findMany({ where: { organisationId, id: { in: ids.subjects } }, select: { id: true, name: true } })
      : [],
  ]);
  return {
    teachers: new Map(teachers.map((t) => [t.id, fullName(t)])),
    classes: new Map(classes.map((c) => [c.id, c.name])),
    subjects: new Map(subjects.map((s) => [s.id, s.name])),
  };
}

/** Whether a duty job of the day ran already (DutyRun). */
export async function dutyDone(organisationId: number, kind: string, day: Date): Promise<boolean> {
  const row = await db.dutyRun.findUnique({
    where: { organisationId_kind_day: { organisationId, kind, day } },
    select: { day: true },
  });
  return row !== null;
}

/** The teacher's reminder of a day, for the home page. */
export async function reminderOf(organisationId: number, teacherId: number, day: Date) {
  return db.fillReminder.findUnique({
    where: { organisationId_day_teacherId: { organisationId, day, teacherId } },
    select: { lessons: true, sentAt: true },
  });
}
