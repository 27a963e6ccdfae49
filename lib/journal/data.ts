// Reads of the class journal. Every query is bound to the organisation (ACL-5); the grid is built
// from a fixed set of queries whatever the number of students and lessons (ARCHITECTURE "Data"),
// each served by an index that starts with organisationId.
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { type MarkKindName } from "@/lib/journal/marks";
import { db, rawStatement, type RowOf } from "@/lib/db";
import { col, jsonArray } from "@/lib/sql";
import { AveragingMethod, LessonStatus, OrgKind, PeriodKind, YearStatus } from "@/prisma/generated/prisma/enums";
import { dateOnly, isoDate, spanMeets, todayIn } from "@/lib/org/time";
import { Prisma } from "@/prisma/generated/prisma/client";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import type { GridRows, GridType } from "./grid";
import type { ClosedPeriod, LockContext } from "./lock";
import type { AttendanceCodeName, EducationFormName } from "./rules";
import { compareRu } from "@/lib/org/collation";

const num = (v: { toString(): string } | number | null | undefined): number | null =>
  v === null || v === undefined ? null : Number(v);

export type PeriodOption = { id: number; name: string; start: Date; end: Date };

// ───────────── the lock's facts (lib/journal/lock.ts) ─────────────

/** The lock columns (lockSql) in a statement's row shape; the json ones are read by lockContextOf. */
const LOCK_COLUMNS = {
  yearStatus: col.enum(YearStatus),
  timeZone: col.text,
  lockDays: col.int.nullable(),
  /** [{ id, name, start, end }] */
  lockPeriods: col.jsonArray,
  /** [{ periodId, closedAt, basis }] */
  lockClosed: col.jsonArray,
  /** [{ from, to, until }] */
  lockUnlocks: col.jsonArray,
};
type LockRow = { [K in keyof typeof LOCK_COLUMNS]: ReturnType<(typeof LOCK_COLUMNS)[K]["parse"]> };
type PeriodJson = { id: number; name: string; start: string; end: string };

/** A timestamp (without time zone, UTC) as SQL's JSON gives it → the instant. */
const utcInstant = (v: string): Date => new Date(/[zZ]|[+-]\d\d:\d\d$/.test(v) ? v : `${v}Z`);

/**
 * The lock's facts of a class × subject as columns of one statement, over the aliases `o`
 * (Organisation), `c` (ClassGroup), `y` (its AcademicYear) and `st` (OrganisationSettings): the
 * year's status, the zone and window, the class's periods, its closed periods (REC-1) and ADMIN's
 * unlocks of the subject still open at `now` (JRN-6). The one SQL home of these facts: the cell
 * save's context read, the lesson's read, the grid's head and journalLockContext all use it.
 */
function lockSql(subjectId: Prisma.Sql, now: Date): Prisma.Sql {
  return Prisma.sql`
    y.status::text AS "yearStatus", o."timeZone", st."lockDays",
    (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'start', p."startDate", 'end', p."endDate") ORDER BY p.number), '[]'::json)
       FROM "Period" p
      WHERE p."organisationId" = c."organisationId" AND p."yearId" = c."yearId" AND p.kind = c."periodKind") AS "lockPeriods",
    (SELECT coalesce(json_agg(json_build_object('periodId', pc."periodId", 'closedAt', pc."closedAt", 'basis', pc.basis)), '[]'::json)
       FROM "PeriodClosure" pc
      WHERE pc."organisationId" = c."organisationId" AND pc."classId" = c.id) AS "lockClosed",
    (SELECT coalesce(json_agg(json_build_object('from', u.date, 'to', coalesce(u."dateTo", u.date), 'until', u."openUntil")), '[]'::json)
       FROM "UnlockRequest" u
      WHERE u."organisationId" = c."organisationId" AND u."classId" = c.id AND u."subjectId" = ${subjectId}
        AND u.status = 'APPROVED' AND u."openUntil" > (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')) AS "lockUnlocks"`;
}

/** The lock context from the lock columns; `finals` are added by the caller where it has them. */
function lockContextOf(r: LockRow, finals: ReadonlyMap<number, ReadonlySet<number>> = new Map()): LockContext {
  const periods = jsonArray<PeriodJson>(r.lockPeriods).map((p) => ({
    id: p.id,
    name: p.name,
    start: dateOnly(p.start),
    end: dateOnly(p.end),
  }));
  const closed: ClosedPeriod[] = jsonArray<{ periodId: number; closedAt: string; basis: string }>(r.lockClosed).flatMap(
    (c) => {
      const p = periods.find((x) => x.id === c.periodId);
      return p
        ? [
            {
              periodId: p.id,
              name: p.name,
              start: p.start,
              end: p.end,
              closedOn: todayIn(r.timeZone, utcInstant(c.closedAt)),
              basis: c.basis,
            },
          ]
        : [];
    },
  );
  return {
    timeZone: r.timeZone,
    lockDays: r.lockDays ?? ORG_SETTINGS_DEFAULTS.lockDays,
    yearClosed: r.yearStatus === "CLOSED",
    closed,
    unlocks: jsonArray<{ from: string; to: string; until: string }>(r.lockUnlocks).map((u) => ({
      from: dateOnly(u.from),
      to: dateOnly(u.to),
      until: utcInstant(u.until),
    })),
    periods,
    finals,
  };
}

/** studentId → period ids with a final, from [studentId, periodId] pairs. */
function finalsMap(pairs: readonly (readonly [number, number])[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const [studentId, periodId] of pairs) {
    const set = out.get(studentId) ?? new Set<number>();
    set.add(periodId);
    out.set(studentId, set);
  }
  return out;
}

/**
 * THE loader of the lock's facts for a class × subject (one statement): year, window, closed
 * periods, open unlocks and every period final of the class × subject. `subjectId` null: the
 * class's own facts only (no unlocks, no finals — what the schedule's writes need). Null when
 * the class is not the organisation's.
 */
export const JOURNAL_LOCK_CONTEXT = rawStatement(
  { ...LOCK_COLUMNS, /** [[studentId, periodId]] */ finals: col.jsonArray },
  (organisationId: number, classId: number, subjectId: number | null, now: Date) => Prisma.sql`
    SELECT ${lockSql(Prisma.sql`${subjectId}::int`, now)},
      (SELECT coalesce(json_agg(json_build_array(f."studentId", f."periodId")), '[]'::json)
         FROM "FinalMark" f
        WHERE f."organisationId" = c."organisationId" AND f."classId" = c.id AND f."subjectId" = ${subjectId}
          AND f.kind = 'PERIOD' AND f."periodId" IS NOT NULL) AS finals
      FROM "ClassGroup" c
      JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
      JOIN "Organisation" o ON o.id = c."organisationId"
      LEFT JOIN "OrganisationSettings" st ON st."organisationId" = c."organisationId"
     WHERE c."organisationId" = ${organisationId} AND c.id = ${classId}`,
);

export async function journalLockContext(
  organisationId: number,
  classId: number,
  subjectId: number | null,
  now: Date,
): Promise<LockContext | null> {
  const [r] = await JOURNAL_LOCK_CONTEXT.run(db, organisationId, classId, subjectId, now);
  return r ? lockContextOf(r, finalsMap(jsonArray<[number, number]>(r.finals))) : null;
}

export type GridHead = {
  cls: { id: number; name: string; grade: number; yearId: number; periodKind: string };
  /** The class's year is closed (REC-2, REC-3): the pages render read-only. */
  yearClosed: boolean;
  subject: { id: number; name: string; passFail: boolean };
  orgKind: "SCHOOL" | "COLLEGE";
  timeZone: string;
  settings: GridRows["settings"];
  periods: PeriodOption[];
  subgroups: { id: number; name: string }[];
  /** The lock's facts of the class × subject without finals (the pages add theirs). */
  lock: LockContext;
};

/**
 * Class, subject, settings, the class's periods and the subject's subgroups — one statement
 * (issue 10: it was five queries in two rounds before every grid and finals page). Null when the
 * class or the subject is missing.
 */
export const GRID_HEAD = rawStatement(
  {
    classId: col.int,
    className: col.text,
    grade: col.int,
    yearId: col.int,
    periodKind: col.enum(PeriodKind),
    subjectId: col.int,
    subjectName: col.text,
    passFail: col.bool,
    orgKind: col.enum(OrgKind),
    minMark: col.int.nullable(),
    maxMark: col.int.nullable(),
    roundingThreshold: col.float.nullable(),
    averagingMethod: col.enum(AveragingMethod).nullable(),
    homeworkForToday: col.bool.nullable(),
    homeworkForPast: col.bool.nullable(),
    ...LOCK_COLUMNS,
    /** [{ id, name, start, end }] */
    periods: col.jsonArray,
    /** [{ id, name }] */
    subgroups: col.jsonArray,
  },
  (organisationId: number, classId: number, subjectId: number, now: Date) => Prisma.sql`
    SELECT c.id AS "classId", c.name AS "className", c.grade, c."yearId", c."periodKind"::text AS "periodKind",
           s.id AS "subjectId", s.name AS "subjectName", s."passFail",
           o.kind::text AS "orgKind", st."minMark", st."maxMark", st."roundingThreshold"::float8 AS "roundingThreshold",
           st."averagingMethod"::text AS "averagingMethod", st."homeworkForToday", st."homeworkForPast",
           ${lockSql(Prisma.sql`s.id`, now)},
           (SELECT coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'start', p."startDate", 'end', p."endDate") ORDER BY p.number), '[]'::json)
              FROM "Period" p
             WHERE p."organisationId" = o.id AND p."yearId" = c."yearId" AND p.kind = c."periodKind") AS periods,
           (SELECT coalesce(json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name), '[]'::json)
              FROM "Subgroup" g
             WHERE g."organisationId" = o.id AND g."classId" = c.id AND (g."subjectId" = s.id OR g."subjectId" IS NULL)) AS subgroups
      FROM "Organisation" o
      JOIN "ClassGroup" c ON c."organisationId" = o.id AND c.id = ${classId}
      JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
      JOIN "Subject" s ON s."organisationId" = o.id AND s.id = ${subjectId}
      LEFT JOIN "OrganisationSettings" st ON st."organisationId" = o.id
     WHERE o.id = ${organisationId}`,
);

export async function gridHead(
  organisationId: number,
  classId: number,
  subjectId: number,
  now: Date = new Date(),
): Promise<GridHead | null> {
  const [r] = await GRID_HEAD.run(db, organisationId, classId, subjectId, now);
  return r ? headOf(r) : null;
}

/** GRID_HEAD's row as the pages take it (also the head half of grid-reads' GRID_HEAD_PICKER). */
export function headOf(r: RowOf<typeof GRID_HEAD>): GridHead {
  return {
    cls: { id: r.classId, name: r.className, grade: r.grade, yearId: r.yearId, periodKind: r.periodKind },
    yearClosed: r.yearStatus === "CLOSED",
    subject: { id: r.subjectId, name: r.subjectName, passFail: r.passFail },
    orgKind: r.orgKind,
    timeZone: r.timeZone,
    settings: {
      minMark: r.minMark ?? ORG_SETTINGS_DEFAULTS.minMark,
      maxMark: r.maxMark ?? ORG_SETTINGS_DEFAULTS.maxMark,
      roundingThreshold: r.roundingThreshold ?? ORG_SETTINGS_DEFAULTS.roundingThreshold,
      averagingMethod: r.averagingMethod ?? ORG_SETTINGS_DEFAULTS.averagingMethod,
      lockDays: r.lockDays ?? ORG_SETTINGS_DEFAULTS.lockDays,
      homework: {
        forToday: r.homeworkForToday ?? ORG_SETTINGS_DEFAULTS.homeworkForToday,
        forPast: r.homeworkForPast ?? ORG_SETTINGS_DEFAULTS.homeworkForPast,
      },
    },
    periods: jsonArray<PeriodJson>(r.periods).map((p) => ({
      id: p.id,
      name: p.name,
      start: dateOnly(p.start),
      end: dateOnly(p.end),
    })),
    subgroups: jsonArray<{ id: number; name: string }>(r.subgroups),
    lock: lockContextOf(r),
  };
}

export type GridCells = {
  /** [assignmentId, studentId, kind, value, isHospital, comment, version] */
  marks: [number, number, MarkKindName, number | null, boolean, string | null, number][];
  /** [lessonId, studentId, code, missedHours, version] */
  attendance: [number, number, AttendanceCodeName, number | null, number][];
  /** Lessons whose attendance was taken («все присутствуют», JRN-5). */
  taken: number[];
};

/** A date of the grid's range: an ISO value, or an SQL expression (the journal page's range chosen in SQL). */
export type DateArg = string | Prisma.Sql;

/** The grid's range with its dates as values: organisation, class, subject, subgroup, first and last date (ISO). */
export type LessonRange = [
  organisationId: number,
  classId: number,
  subjectId: number,
  subgroupId: number | null,
  start: string,
  end: string,
];

/** A DateArg as an SQL date. */
export function sqlDate(v: DateArg): Prisma.Sql {
  return typeof v === "string" ? Prisma.sql`${v}::date` : v;
}

/** The lessons of the grid's range as gridRows reads them, over the alias `l` (its cells, its window's index). */
export function gridLessonsWhere(
  organisationId: number,
  classId: number,
  subjectId: number,
  subgroupId: number | null,
  start: DateArg,
  end: DateArg,
): Prisma.Sql {
  return Prisma.sql`l."organisationId" = ${organisationId} AND l."classId" = ${classId} AND l."subjectId" = ${subjectId}
     AND l.date >= ${sqlDate(start)} AND l.date <= ${sqlDate(end)} AND l.status = 'SCHEDULED'
     ${subgroupId !== null ? Prisma.sql`AND (l."subgroupId" = ${subgroupId} OR l."subgroupId" IS NULL)` : Prisma.empty}`;
}

/**
 * The marks, attendance and «все присутствуют» markers of the grid's lessons in ONE statement
 * (issue 10: three queries before; compact tuples, as the diary week reads its lessons).
 */
export const GRID_CELLS = rawStatement(
  { marks: col.jsonArray, attendance: col.jsonArray, taken: col.jsonArray },
  // lessonIds: only these lessons of the range (the grid's window, issue 22 item 4); null — all of them.
  (...args: [...LessonRange, lessonIds?: readonly number[] | null]) => {
    const [organisationId, classId, subjectId, subgroupId, start, end, lessonIds = null] = args;
    return Prisma.sql`
    WITH l AS MATERIALIZED (
      SELECT l.id FROM "Lesson" l
       WHERE ${gridLessonsWhere(organisationId, classId, subjectId, subgroupId, start, end)}
         ${onlyLessons(Prisma.sql`l.id`, lessonIds)}
    )
    SELECT
      (SELECT coalesce(json_agg(json_build_array(m."assignmentId", m."studentId", m.kind, m.value, m."isHospital", m.comment, m.version)), '[]'::json)
         FROM l JOIN "Mark" m ON m."organisationId" = ${organisationId} AND m."lessonId" = l.id) AS marks,
      (SELECT coalesce(json_agg(json_build_array(a."lessonId", a."studentId", a.code, a."missedHours"::float8, a.version)), '[]'::json)
         FROM l JOIN "Attendance" a ON a."organisationId" = ${organisationId} AND a."lessonId" = l.id) AS attendance,
      (SELECT coalesce(json_agg(DISTINCT j."lessonId"), '[]'::json)
         FROM "Lesson" t
         JOIN "JournalChange" j ON j."organisationId" = t."organisationId" AND j."lessonId" = t.id
        WHERE t."organisationId" = ${organisationId} AND t."classId" = ${classId} AND t."subjectId" = ${subjectId}
          AND t.date >= ${start}::date AND t.date <= ${end}::date ${onlyLessons(Prisma.sql`t.id`, lessonIds)}
          AND j.entity = 'ATTENDANCE' AND j."studentId" IS NULL) AS taken`;
  },
);

function onlyLessons(column: Prisma.Sql, lessonIds: readonly number[] | null): Prisma.Sql {
  return lessonIds === null ? Prisma.empty : Prisma.sql`AND ${column} = ANY(${[...lessonIds]}::int[])`;
}

/** The cells' tuples (GRID_CELLS) as GridRows' mark and attendance objects (grid-reads' GRID_WINDOW sends them column-wise). */
export function cellsOf(c: Pick<GridCells, "marks" | "attendance">): Pick<GridRows, "marks" | "attendance"> {
  return {
    marks: c.marks.map(([assignmentId, studentId, kind, value, isHospital, comment, version]) => ({
      assignmentId,
      studentId,
      kind,
      value,
      isHospital,
      comment,
      version,
    })),
    attendance: c.attendance.map(([lessonId, studentId, code, missedHours, version]) => ({
      lessonId,
      studentId,
      code,
      missedHours,
      version,
    })),
  };
}

async function gridCells(...args: Parameters<typeof GRID_CELLS.sql>): Promise<GridCells> {
  const [r] = await GRID_CELLS.run(db, ...args);
  return {
    marks: jsonArray<GridCells["marks"][number]>(r?.marks),
    attendance: jsonArray<GridCells["attendance"][number]>(r?.attendance),
    taken: jsonArray<number>(r?.taken),
  };
}

/**
 * The grid's rows for a class × subject (× subgroup) over a date range: lessons, the class list
 * from the movement book, subgroup members, assignments, marks, attendance, homework, the
 * «все присутствуют» markers and the period's finals — nine queries in one parallel round; the
 * lock's other facts (year, closed periods, open unlocks) came with the head.
 */
export async function gridRows(
  organisationId: number,
  head: GridHead,
  subgroupId: number | null,
  range: { start: Date; end: Date; periodId: number | null },
  /** The grid's window (issue 22 item 4): only these lessons; a scroll step needs no plan topics. */
  only?: { lessonIds: readonly number[]; planTopics: boolean },
): Promise<GridRows> {
  const classId = head.cls.id;
  const subjectId = head.subject.id;
  // One round: the per-lesson tables are filtered through their lesson (an index join), so
  // nothing waits for the lesson ids.
  const lessonWhere = {
    organisationId,
    classId,
    subjectId,
    date: { gte: range.start, lte: range.end },
    status: "SCHEDULED" as const,
    ...(subgroupId !== null ? { OR: [{ subgroupId }, { subgroupId: null }] } : {}),
    ...(only ? { id: { in: [...only.lessonIds] } } : {}),
  };
  const start = isoDate(range.start);
  const end = isoDate(range.end);
  const [types, lessons, memberships, subgroupMembers, finals, planTopics, assignments, cells, homework] =
    await Promise.all([
      db.assignmentType.findMany({
        where: { organisationId },
        orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
        select: { id: true, name: true, shortName: true, weight: true, isControl: true, isActive: true },
      }),
      db.lesson.findMany({
        where: lessonWhere,
        orderBy: [{ date: "asc" }, { bellNumber: "asc" }, { id: "asc" }],
        select: {
          id: true,
          date: true,
          bellNumber: true,
          hours: true,
          topic: true,
          content: true,
          version: true,
          planTopicId: true,
          subgroupId: true,
          substituteId: true,
          homeworkMarker: true,
        },
      }),
      db.classMembership.findMany({
        where: {
          organisationId,
          classId,
          ...spanMeets(range.start, range.end),
        },
        select: {
          studentId: true,
          startDate: true,
          endDate: true,
          educationForm: true,
          student: { select: NAME_FIELDS },
        },
      }),
      db.subgroupMember.findMany({
        where: { organisationId, subgroup: { classId } },
        select: { subgroupId: true, studentId: true },
      }),
      range.periodId === null
        ? Promise.resolve([])
        : db.finalMark.findMany({
            where: { organisationId, classId, subjectId, kind: "PERIOD", periodId: range.periodId },
            select: { studentId: true },
          }),
      only?.planTopics === false
        ? Promise.resolve([])
        : db.planTopic.findMany({
            where: { organisationId, plan: { classId, subjectId, status: "APPROVED" } },
            orderBy: [{ planId: "asc" }, { position: "asc" }],
            select: { id: true, title: true },
            take: 400,
          }),
      db.assignment.findMany({
        where: { organisationId, lesson: lessonWhere },
        orderBy: { id: "asc" },
        select: {
          id: true,
          lessonId: true,
          typeId: true,
          description: true,
          weight: true,
          dueDate: true,
          specification: true,
        },
      }),
      gridCells(organisationId, classId, subjectId, subgroupId, start, end, only?.lessonIds ?? null),
      db.homework.findMany({
        where: { organisationId, lesson: lessonWhere },
        orderBy: { id: "asc" },
        select: {
          id: true,
          lessonId: true,
          text: true,
          dueDate: true,
          version: true,
          files: { select: { id: true, fileName: true, size: true } },
        },
      }),
    ]);
  return {
    cls: head.cls,
    subject: head.subject,
    subgroupId,
    orgKind: head.orgKind,
    settings: head.settings,
    range,
    types: types.map((t): GridType => ({
      id: t.id,
      name: t.name,
      shortName: t.shortName,
      weight: Number(t.weight),
      isControl: t.isControl,
    })),
    lessons: lessons.map((l) => ({ ...l, hours: Number(l.hours) })),
    memberships: memberships.map((m) => ({
      studentId: m.studentId,
      startDate: m.startDate,
      endDate: m.endDate,
      educationForm: m.educationForm as EducationFormName,
      name: fullName(m.student),
    })),
    subgroupMembers,
    assignments: assignments.map((a) => ({
      id: a.id,
      lessonId: a.lessonId,
      typeId: a.typeId,
      description: a.description,
      weight: num(a.weight),
      dueDate: a.dueDate,
      hasSpecification: a.specification !== null,
    })),
    ...cellsOf(cells),
    homework: homework.map((h) => ({
      id: h.id,
      lessonId: h.lessonId,
      text: h.text,
      dueDate: h.dueDate,
      version: h.version,
      files: h.files.map((f) => ({ id: f.id, name: f.fileName, size: f.size })),
    })),
    attendanceTaken: cells.taken,
    finals: finals.map((f) => f.studentId),
    lock: {
      ...head.lock,
      finals:
        range.periodId === null ? new Map() : finalsMap(finals.map((f) => [f.studentId, range.periodId!] as const)),
    },
    planTopics,
  };
}

/** The columns of lessonColumns. */
const LESSON_COLUMNS = {
  id: col.int,
  date: col.date,
  classId: col.int,
  subjectId: col.int,
  subgroupId: col.int.nullable(),
  teacherId: col.int,
  substituteId: col.int.nullable(),
  status: col.enum(LessonStatus),
  hours: col.float,
  grade: col.int,
  yearId: col.int,
  periodKind: col.enum(PeriodKind),
  passFail: col.bool,
  kind: col.enum(OrgKind),
  minMark: col.int.nullable(),
  maxMark: col.int.nullable(),
  homeworkForToday: col.bool.nullable(),
  homeworkForPast: col.bool.nullable(),
  ...LOCK_COLUMNS,
  /** A period final of the lesson's class × subject in the lesson's period (any student): assignments lock (REC-1). */
  anyFinal: col.bool,
};
type LessonRow = { [K in keyof typeof LESSON_COLUMNS]: ReturnType<(typeof LESSON_COLUMNS)[K]["parse"]> };

const STUDENT_COLUMNS = {
  /** [{ startDate, endDate, educationForm }] */
  spans: col.jsonArray,
  inSubgroup: col.bool,
  finalSet: col.bool,
};
type StudentRow = { [K in keyof typeof STUDENT_COLUMNS]: ReturnType<(typeof STUDENT_COLUMNS)[K]["parse"]> };

function lessonOf(r: LessonRow) {
  return {
    id: r.id,
    date: r.date,
    classId: r.classId,
    subjectId: r.subjectId,
    subgroupId: r.subgroupId,
    teacherId: r.teacherId,
    substituteId: r.substituteId,
    status: r.status,
    hours: r.hours,
    class: {
      grade: r.grade,
      yearId: r.yearId,
      periodKind: r.periodKind,
      year: { status: r.yearStatus },
    },
    subject: { passFail: r.passFail },
    organisation: { kind: r.kind, timeZone: r.timeZone },
    settings: {
      minMark: r.minMark ?? ORG_SETTINGS_DEFAULTS.minMark,
      maxMark: r.maxMark ?? ORG_SETTINGS_DEFAULTS.maxMark,
      lockDays: r.lockDays ?? ORG_SETTINGS_DEFAULTS.lockDays,
    },
    homework: {
      forToday: r.homeworkForToday ?? ORG_SETTINGS_DEFAULTS.homeworkForToday,
      forPast: r.homeworkForPast ?? ORG_SETTINGS_DEFAULTS.homeworkForPast,
    },
    /** The lock's facts of the lesson's class × subject (finals: see anyFinal / the student's finalSet). */
    lock: lockContextOf(r),
    anyFinal: r.anyFinal,
  };
}

/** The lesson with what the save rules and the lock need (lockSql: year, window, closures, unlocks). */
function lessonColumns(now: Date, withAnyFinal: boolean): Prisma.Sql {
  const anyFinal = withAnyFinal
    ? Prisma.sql`EXISTS (SELECT 1 FROM "FinalMark" f
            JOIN "Period" p ON p."organisationId" = f."organisationId" AND p.id = f."periodId"
           WHERE f."organisationId" = l."organisationId" AND f."classId" = l."classId" AND f."subjectId" = l."subjectId"
             AND f.kind = 'PERIOD' AND p."yearId" = c."yearId" AND p.kind = c."periodKind"
             AND p."startDate" <= l.date AND p."endDate" >= l.date)`
    : Prisma.sql`false`;
  return Prisma.sql`
  l.id, l.date, l."classId", l."subjectId", l."subgroupId", l."teacherId", l."substituteId", l.status::text AS status, l.hours::float8 AS hours,
  c.grade, c."yearId", c."periodKind"::text AS "periodKind", s."passFail",
  o.kind::text AS kind, st."minMark", st."maxMark", st."homeworkForToday", st."homeworkForPast",
  ${lockSql(Prisma.sql`l."subjectId"`, now)}, ${anyFinal} AS "anyFinal"`;
}

const LESSON_JOINS = Prisma.sql`
  FROM "Lesson" l
  JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
  JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
  JOIN "Subject" s ON s."organisationId" = l."organisationId" AND s.id = l."subjectId"
  JOIN "Organisation" o ON o.id = l."organisationId"
  LEFT JOIN "OrganisationSettings" st ON st."organisationId" = l."organisationId"`;

/** The lesson a write belongs to, with what the save rules and the lock need — one query. */
export const LESSON_FOR_CELL = rawStatement(
  LESSON_COLUMNS,
  (organisationId: number, lessonId: number, now: Date) => Prisma.sql`
    SELECT ${lessonColumns(now, true)} ${LESSON_JOINS}
     WHERE l."organisationId" = ${organisationId} AND l.id = ${lessonId}`,
);

export async function lessonForCell(organisationId: number, lessonId: number, now: Date) {
  const [r] = await LESSON_FOR_CELL.run(db, organisationId, lessonId, now);
  return r ? lessonOf(r) : null;
}
export type CellLesson = NonNullable<Awaited<ReturnType<typeof lessonForCell>>>;
export type CellStudent = ReturnType<typeof studentOf>;

function studentOf(r: StudentRow, lesson: CellLesson, studentId: number) {
  return {
    spans: jsonArray<{ startDate: string; endDate: string | null; educationForm: EducationFormName }>(r.spans).map(
      (m) => ({
        studentId,
        startDate: dateOnly(m.startDate),
        endDate: m.endDate ? dateOnly(m.endDate) : null,
        educationForm: m.educationForm,
      }),
    ),
    subgroups: new Set(r.inSubgroup && lesson.subgroupId !== null ? [lesson.subgroupId] : []),
    finalSet: r.finalSet,
  };
}

/** The lesson × student rows CELL_CONTEXT and the guard of a kept context's write read (alias `x` outside). */
function cellContextSql(organisationId: number, lessonId: number, studentId: number, now: Date): Prisma.Sql {
  return Prisma.sql`SELECT ${lessonColumns(now, false)},
      (SELECT coalesce(json_agg(json_build_object('startDate', m."startDate", 'endDate', m."endDate", 'educationForm', m."educationForm") ORDER BY m."startDate", m.id), '[]'::json)
         FROM "ClassMembership" m
        WHERE m."organisationId" = l."organisationId" AND m."studentId" = ${studentId} AND m."classId" = l."classId") AS spans,
      EXISTS (SELECT 1 FROM "SubgroupMember" g
               WHERE g."organisationId" = l."organisationId" AND g."subgroupId" = l."subgroupId" AND g."studentId" = ${studentId}) AS "inSubgroup",
      EXISTS (SELECT 1 FROM "FinalMark" f
                JOIN "Period" p ON p."organisationId" = f."organisationId" AND p.id = f."periodId"
               WHERE f."organisationId" = l."organisationId" AND f."studentId" = ${studentId} AND f."classId" = l."classId"
                 AND f."subjectId" = l."subjectId" AND f.kind = 'PERIOD' AND p."yearId" = c."yearId"
                 AND p.kind = c."periodKind" AND p."startDate" <= l.date AND p."endDate" >= l.date) AS "finalSet"
    ${LESSON_JOINS}
     WHERE l."organisationId" = ${organisationId} AND l.id = ${lessonId}`;
}

/**
 * The fingerprint of a context row `x`: md5 over EVERY column of cellContextSql (to_jsonb(x): a column
 * added there is covered without a change here), each JSON array's elements sorted so that the order
 * an aggregate happens to produce (lockClosed and lockUnlocks have no ORDER BY) never makes the read's
 * and the write's fingerprints differ. What it covers (issue 22 item 6) — every fact the save decides on:
 * - the lesson: id, date, class, subject, subgroup, teacher, substitute (the gate's lesson target),
 *   status (CANCELLED), hours (a college's missed hours);
 * - its class: grade (no marks in the 1st grade), year, period kind; the year's status (REC-3 closed year);
 * - the subject's passFail (the scale); the organisation's kind and time zone (today, the window);
 * - the settings: minMark / maxMark (the scale), lockDays (REC-1 window), homework flags;
 * - the lock: the class's periods, their closings (REC-2), ADMIN's unlocks of the subject open at the
 *   statement's `now` (JRN-6; one that expires between the read and the write makes them differ — a miss);
 * - the student: stays in the lesson's class (dates, education form — a transfer or leaving), the
 *   subgroup membership, a period final of the lesson's period (FIN-1 lock).
 * Not in it, and checked beside it by the write: the organisation's AccessVersion, which covers the
 * session and the actor's facts (roles, loads, class-teacher posts) the gate reads.
 */
function contextFingerprintSql(x: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`md5((SELECT string_agg(k || '=' || CASE WHEN jsonb_typeof(val) = 'array'
                   THEN coalesce((SELECT string_agg(e::text, ',' ORDER BY e::text) FROM jsonb_array_elements(val) e), '')
                   ELSE val::text END, ';' ORDER BY k)
           FROM jsonb_each(to_jsonb(${x})) AS t(k, val)))`;
}

/**
 * The save's read side in ONE statement (issue 10): the lesson with what the rules and the lock
 * need (year, window, closed periods, open unlocks) and the student's stays in its class, subgroup
 * membership and final of the lesson's period. Nothing of it is shown or acted on before the
 * access gate has decided on the lesson. It also reads the organisation's AccessVersion (the sum of
 * its counter rows, as lib/auth's ACCESS_VERSION): a save whose session the process keeps goes on
 * only when it is the version the session and the actor facts were kept under (issue 22 item 6,
 * requireUserForRoute's optimistic path) — in the same snapshot as the lesson. `fp` is the row's
 * fingerprint (contextFingerprintSql): a context kept in the process is written under it
 * (cellContextGuardSql), so a write on a kept context happens only while its facts are still these.
 */
export const CELL_CONTEXT = rawStatement(
  { ...LESSON_COLUMNS, ...STUDENT_COLUMNS, fp: col.text, accessVersion: col.bigint.nullable() },
  (organisationId: number, lessonId: number, studentId: number, now: Date) => Prisma.sql`
    SELECT x.*, ${contextFingerprintSql(Prisma.sql`x`)} AS fp,
      (SELECT sum(v."version")::bigint FROM "AccessVersion" v WHERE v."organisationId" = ${organisationId}) AS "accessVersion"
      FROM (${cellContextSql(organisationId, lessonId, studentId, now)}) x`,
);

export type CellContext = { lesson: CellLesson; student: CellStudent; accessVersion: bigint; fp: string };

export async function cellContext(
  organisationId: number,
  lessonId: number,
  studentId: number,
  now: Date,
): Promise<CellContext | null> {
  const [r] = await CELL_CONTEXT.run(db, organisationId, lessonId, studentId, now);
  if (!r) return null;
  const lesson = lessonOf(r);
  // 0 before the organisation's first change, as readAccessVersion.
  return {
    lesson,
    student: studentOf(r, lesson, studentId),
    accessVersion: BigInt(r.accessVersion ?? 0),
    fp: r.fp,
  };
}

/**
 * The guard of a write on a context kept in the process (issue 22 item 6): true only when the
 * lesson × student's facts, read NOW in the write's own snapshot by the same SQL as CELL_CONTEXT, have
 * the kept fingerprint `fp` (a vanished lesson: false) — and `version` is still the organisation's
 * AccessVersion (the session's and the actor's facts, as CELL_CONTEXT's check). Two booleans, so the
 * caller can tell which one missed.
 */
export function cellContextGuardSql(
  organisationId: number,
  lessonId: number,
  studentId: number,
  now: Date,
  kept: { fp: string; version: bigint },
): { facts: Prisma.Sql; version: Prisma.Sql } {
  return {
    facts: Prisma.sql`coalesce((SELECT ${contextFingerprintSql(Prisma.sql`x`)}
                 FROM (${cellContextSql(organisationId, lessonId, studentId, now)}) x) = ${kept.fp}::text, false)`,
    version: Prisma.sql`(SELECT coalesce(sum(v."version"), 0)::bigint FROM "AccessVersion" v WHERE v."organisationId" = ${organisationId}) = ${kept.version.toString()}::bigint`,
  };
}

export type ChangeRow = {
  id: string;
  at: Date;
  user: string;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  entity: string;
};

/** The history of one cell / lesson field (JRN-7), newest first, with the authors' names. */
export async function changesOf(
  organisationId: number,
  entityKeys: string[],
  limit = 200,
  lessonId?: number,
): Promise<ChangeRow[]> {
  return changesWhere(
    organisationId,
    { entityKey: { in: entityKeys }, ...(lessonId !== undefined ? { lessonId } : {}) },
    limit,
  );
}

/** A lesson's own history: topic, homework (the journal's and the plan's) and «все присутствуют». */
export async function lessonChanges(organisationId: number, lessonId: number, limit = 200): Promise<ChangeRow[]> {
  return changesWhere(
    organisationId,
    { lessonId, OR: [{ entity: { in: ["TOPIC", "HOMEWORK"] } }, { entity: "ATTENDANCE", studentId: null }] },
    limit,
  );
}

async function changesWhere(
  organisationId: number,
  where: Prisma.JournalChangeWhereInput,
  limit: number,
): Promise<ChangeRow[]> {
  const rows = await db.journalChange.findMany({
    where: { organisationId, ...where },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, userId: true, oldValue: true, newValue: true, reason: true, entity: true },
  });
  const users = await usersByIds(
    organisationId,
    rows.map((r) => r.userId),
  );
  return rows.map((r) => ({
    id: r.id.toString(),
    at: r.at,
    user: users.get(r.userId) ?? "—",
    oldValue: r.oldValue,
    newValue: r.newValue,
    reason: r.reason,
    entity: r.entity,
  }));
}

export async function usersByIds(organisationId: number, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({
    where: { organisationId, id: { in: unique } },
    select: { id: true, ...NAME_FIELDS },
  });
  return new Map(users.map((u) => [u.id, fullName(u)]));
}

/** The last change of a cell: who and when (for the conflict message). */
export async function lastChange(
  organisationId: number,
  entityKey: string,
): Promise<{ user: string; at: Date } | null> {
  const [row] = await changesOf(organisationId, [entityKey], 1);
  return row ? { user: row.user, at: row.at } : null;
}

export { num as decimalToNumber };

export type JournalChoice = {
  classId: number;
  className: string;
  grade: number;
  subjectId: number;
  subjectName: string;
  subgroupId: number | null;
  subgroupName: string | null;
  teacher: string;
  teacherId: number;
};

/**
 * The journals one may open (class × subject × subgroup from the teacher load of the open years):
 * all of them, those of some classes (department, own class), those one teaches.
 */
export async function journalChoices(
  organisationId: number,
  filter: { all: boolean; classIds: readonly number[]; teacherId: number | null; yearId?: number | null },
): Promise<JournalChoice[]> {
  if (!filter.all && filter.classIds.length === 0 && filter.teacherId === null) return [];
  const scope = filter.all
    ? {}
    : {
        OR: [
          ...(filter.classIds.length ? [{ classId: { in: [...filter.classIds] } }] : []),
          ...(filter.teacherId !== null ? [{ teacherId: filter.teacherId }] : []),
        ],
      };
  const loads = await db.teacherLoad.findMany({
    // The current year, or the year asked for (REC-3: a closed year opens read-only).
    where: {
      organisationId,
      year: filter.yearId ? { id: filter.yearId } : { status: { not: "CLOSED" }, isCurrent: true },
      ...scope,
    },
    select: {
      classId: true,
      subjectId: true,
      subgroupId: true,
      teacherId: true,
      class: { select: { name: true, grade: true } },
      subject: { select: { name: true, sortOrder: true } },
      subgroup: { select: { name: true } },
      teacher: { select: NAME_FIELDS },
    },
  });
  return journalChoicesOf(loads);
}

/** A teacher load as journalChoices reads it (lib/journal/grid-reads/picker.ts reads the same in its statement). */
export type ChoiceLoad = {
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  teacherId: number;
  class: { name: string; grade: number };
  subject: { name: string; sortOrder: number };
  subgroup: { name: string } | null;
  teacher: { lastName: string; firstName: string; middleName: string | null };
};

/** The journals of these loads, in the picker's order (grade, class, subject's order, subgroup). */
export function journalChoicesOf(loads: readonly ChoiceLoad[]): JournalChoice[] {
  return loads
    .map((l) => ({
      classId: l.classId,
      className: l.class.name,
      grade: l.class.grade,
      subjectId: l.subjectId,
      subjectName: l.subject.name,
      subgroupId: l.subgroupId,
      subgroupName: l.subgroup?.name ?? null,
      teacher: fullName(l.teacher),
      teacherId: l.teacherId,
      order: l.subject.sortOrder,
    }))
    .sort(
      (a, b) =>
        a.grade - b.grade ||
        compareRu(a.className, b.className) ||
        a.order - b.order ||
        compareRu(a.subgroupName ?? "", b.subgroupName ?? ""),
    )
    .map(({ order: _order, ...rest }) => rest);
}

export type SubstituteLesson = { id: number; date: Date; bellNumber: number; className: string; subjectName: string };

/** A lesson's class and subject (lesson mode of the grid). */
export async function lessonPlace(organisationId: number, lessonId: number) {
  return db.lesson.findUnique({
    where: { organisationId_id: { organisationId, id: lessonId } },
    select: { id: true, classId: true, subjectId: true, subgroupId: true, date: true },
  });
}

/** A homework file with the lesson it belongs to (to authorise a download on that lesson). */
export async function homeworkFile(organisationId: number, id: number) {
  return db.attachment.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { fileName: true, mimeType: true, storageKey: true, homework: { select: { lessonId: true } } },
  });
}

/** Which of the given students have ever been members of the class (protocol rows must belong to it). */
export async function studentsOfClass(
  organisationId: number,
  classId: number,
  studentIds: number[],
): Promise<Set<number>> {
  if (studentIds.length === 0) return new Set();
  const rows = await db.classMembership.findMany({
    where: { organisationId, classId, studentId: { in: studentIds } },
    select: { studentId: true },
  });
  return new Set(rows.map((r) => r.studentId));
}
