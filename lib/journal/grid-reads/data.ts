// The grid window's own reads (issue 22 items 4 and 5; lib/journal/grid-load.ts uses them): after the
// head and the gate, TWO statements build the grid's rows. GRID_PERIOD reads what does not depend on
// the window — the period's lesson index (ids and dates, no cells), the assignment types, the class
// list with names, the subgroup members, the period's finals, the plan topics and the expected
// absences (DUT-4); GRID_WINDOW reads the window's lessons with their assignments, cells and homework
// and, for the rest of the period, each student's marks and absences aggregated (what the averages,
// the forecast and the absence counts take). They were fifteen statements in three rounds (Prisma
// resolved each relation as its own query): every statement costs the app's main thread its
// compile, protocol and `writev`. Bound to the organisation (ACL-5), served by the tenant indexes.
import { db, rawStatement, type RowOf } from "@/lib/db";
import { col, jsonArray, jsonColumns } from "@/lib/sql";
import { dateOnly, isoDate } from "@/lib/org/time";
import { fullName } from "@/lib/people/names";
import type { YearOption } from "@/lib/org/year/data";
import { Prisma } from "@/prisma/generated/prisma/client";
import {
  type DateArg,
  GRID_HEAD,
  gridLessonsWhere,
  type GridCells,
  headOf,
  journalChoicesOf,
  type ChoiceLoad,
  type GridHead,
  type JournalChoice,
  type LessonRange,
  sqlDate,
  type SubstituteLesson,
} from "../data";
import { hiddenMarksCodeOf, type GridRows, type HiddenSums } from "../grid";
import { WINDOW_AFTER, WINDOW_BEFORE } from "../grid-window";
import type { AverageInput } from "../averages";
import type { MarkKindName } from "../marks";
import type { ExpectedAbsence } from "../expected/data";
import type { AttendanceCodeName, EducationFormName } from "../rules";

/** The grid's range: organisation, class, subject, subgroup, first and last date (ISO). */
export type LessonArgs = LessonRange;

/** The grid's range with its dates as values or SQL expressions (the page's range chosen in SQL: GRID_PAGE). */
type RangeSql = Parameters<typeof gridLessonsWhere>;

/** What GRID_PERIOD reads beside the lesson index: the shown period's finals, plan topics, expected absences. */
export type PeriodParts = { periodId: number | null; planTopics: boolean; expected: boolean };

const NONE = Prisma.sql`'[]'::json`;

/** A class stay that meets [start, end] (spanMeets in SQL) over the alias `m`. */
function staysIn(classId: number, start: DateArg, end: DateArg): Prisma.Sql {
  return Prisma.sql`m."classId" = ${classId} AND m."startDate" <= ${sqlDate(end)}
     AND (m."endDate" IS NULL OR m."endDate" >= ${sqlDate(start)})`;
}

/**
 * The window-independent parts of the grid in ONE statement: the lesson index in the grid's order
 * ([id, date]), the types, the class list, subgroup members, finals, plan topics (≤ 400, the
 * approved plans' order) and the expected absences and parents' notices of students in the class
 * during the range (lib/journal/expected/data.ts expectedAbsences reads the same rows).
 */
export const GRID_PERIOD = rawStatement(
  {
    /** [[id, date]] in the grid's order */
    lessons: col.jsonArray,
    /** [[id, name, shortName, weight, isControl]] */
    types: col.jsonArray,
    /** [[studentId, startDate, endDate, educationForm, lastName, firstName, middleName]] */
    memberships: col.jsonArray,
    /** [[subgroupId, studentId]] */
    subgroupMembers: col.jsonArray,
    /** [studentId] with a final of the period */
    finals: col.jsonArray,
    /** [[id, title]] */
    planTopics: col.jsonArray,
    /** [[studentId, dateFrom, dateTo, reason, documentKind, documentNumber]] */
    absences: col.jsonArray,
    /** [[studentId, dateFrom, dateTo, reason]] */
    notices: col.jsonArray,
  },
  (...args: [...LessonArgs, parts: PeriodParts]) =>
    periodSql(args.slice(0, 6) as LessonArgs, { ...args[6], periodId: Prisma.sql`${args[6].periodId}::int` }),
);

/**
 * GRID_PERIOD's text over a range whose dates and period may be SQL expressions (GRID_PAGE's);
 * `index` — the lesson index's column when the statement has read the lessons already (GRID_PAGE_ROWS' idx).
 */
function periodSql(
  range: RangeSql,
  parts: Omit<PeriodParts, "periodId"> & { periodId: Prisma.Sql },
  index?: Prisma.Sql,
): Prisma.Sql {
  const [organisationId, classId, subjectId, , start, end] = range;
  // Over the range, of a student in the class at some day of it (expectedAbsences' `who`).
  const expected = (
    alias: Prisma.Sql,
  ) => Prisma.sql`${alias}."dateFrom" <= ${sqlDate(end)} AND ${alias}."dateTo" >= ${sqlDate(start)}
        AND EXISTS (SELECT 1 FROM "ClassMembership" m
                     WHERE m."organisationId" = ${alias}."organisationId" AND m."studentId" = ${alias}."studentId"
                       AND ${staysIn(classId, start, end)})`;
  return Prisma.sql`
    SELECT
      ${
        index ??
        Prisma.sql`(SELECT coalesce(json_agg(json_build_array(l.id, l.date) ORDER BY l.date, l."bellNumber", l.id), '[]'::json)
         FROM "Lesson" l WHERE ${gridLessonsWhere(...range)})`
      } AS lessons,
      (SELECT coalesce(json_agg(json_build_array(t.id, t.name, t."shortName", t.weight, t."isControl") ORDER BY t."sortOrder", t.id), '[]'::json)
         FROM "AssignmentType" t WHERE t."organisationId" = ${organisationId}) AS types,
      (SELECT coalesce(json_agg(json_build_array(m."studentId", m."startDate", m."endDate", m."educationForm", s."lastName", s."firstName", s."middleName")
                                ORDER BY m."studentId", m."startDate", m.id), '[]'::json)
         FROM "ClassMembership" m
         JOIN "Student" s ON s."organisationId" = m."organisationId" AND s.id = m."studentId"
        WHERE m."organisationId" = ${organisationId} AND ${staysIn(classId, start, end)}) AS memberships,
      (SELECT coalesce(json_agg(json_build_array(g."subgroupId", g."studentId")), '[]'::json)
         FROM "SubgroupMember" g
         JOIN "Subgroup" sg ON sg."organisationId" = g."organisationId" AND sg.id = g."subgroupId"
        WHERE g."organisationId" = ${organisationId} AND sg."classId" = ${classId}) AS "subgroupMembers",
      (SELECT coalesce(json_agg(f."studentId"), '[]'::json)
         FROM "FinalMark" f
        WHERE f."organisationId" = ${organisationId} AND f."classId" = ${classId} AND f."subjectId" = ${subjectId}
          AND f.kind = 'PERIOD' AND f."periodId" = ${parts.periodId}) AS finals,
      ${
        parts.planTopics
          ? Prisma.sql`(SELECT coalesce(json_agg(json_build_array(x.id, x.title) ORDER BY x."planId", x.position), '[]'::json)
         FROM (SELECT p.id, p.title, p."planId", p.position
                 FROM "PlanTopic" p
                 JOIN "LessonPlan" lp ON lp."organisationId" = p."organisationId" AND lp.id = p."planId"
                WHERE p."organisationId" = ${organisationId} AND lp."classId" = ${classId} AND lp."subjectId" = ${subjectId}
                  AND lp.status = 'APPROVED'
                ORDER BY p."planId", p.position LIMIT 400) x)`
          : NONE
      } AS "planTopics",
      ${
        parts.expected
          ? Prisma.sql`(SELECT coalesce(json_agg(json_build_array(a."studentId", a."dateFrom", a."dateTo", a.reason, a."documentKind", a."documentNumber") ORDER BY a.id), '[]'::json)
         FROM "Absence" a
        WHERE a."organisationId" = ${organisationId} AND a.status = 'ACTIVE' AND ${expected(Prisma.sql`a`)})`
          : NONE
      } AS absences,
      ${
        parts.expected
          ? Prisma.sql`(SELECT coalesce(json_agg(json_build_array(n."studentId", n."dateFrom", n."dateTo", n.reason) ORDER BY n.id), '[]'::json)
         FROM "AbsenceNotice" n
        WHERE n."organisationId" = ${organisationId} AND n.status = 'PENDING' AND ${expected(Prisma.sql`n`)})`
          : NONE
      } AS notices`;
}

/**
 * The window's lessons (`ids`, of the range) with their assignments, marks, attendance, «все
 * присутствуют» markers and homework with files in ONE statement, and — `hidden` — each student's
 * marks and absences over the range's other lessons: marks grouped by what the averages take (kind,
 * value, hospital, the assignment's weight or its type's), absences (ОП is not one) counted with
 * their missed hours or the lesson's.
 */
export const GRID_WINDOW = rawStatement(
  {
    /** [[id, date, bellNumber, hours, topic, content, version, planTopicId, subgroupId, substituteId, homeworkMarker]] */
    lessons: col.jsonArray,
    /** [[id, lessonId, typeId, description, weight, dueDate, hasSpecification]] */
    assignments: col.jsonArray,
    /** Column-wise (jsonColumns): [assignmentIds, studentIds, kinds, values, isHospitals, comments, versions] */
    marks: col.jsonArray,
    /** Column-wise: [lessonIds, studentIds, codes, missedHours, versions] */
    attendance: col.jsonArray,
    /** [lessonId] whose attendance was taken (JRN-5) */
    taken: col.jsonArray,
    /** [[id, lessonId, text, dueDate, version, [[fileId, fileName, size]]]] */
    homework: col.jsonArray,
    /** Column-wise: [studentIds, kinds, values, isHospitals, weights, counts] outside the window */
    hiddenMarks: col.jsonArray,
    /** Column-wise: [studentIds, counts, hours] outside the window */
    hiddenAbsences: col.jsonArray,
  },
  (...args: [...LessonArgs, ids: readonly number[], hidden: boolean]) => {
    const organisationId = args[0];
    const where = gridLessonsWhere(...(args.slice(0, 6) as LessonArgs));
    const ids = [...args[6]];
    const hidden = args[7];
    return Prisma.sql`
    WITH w AS MATERIALIZED (
      SELECT ${windowLessonColumns(Prisma.sql`l`)}
        FROM "Lesson" l WHERE ${where} AND l.id = ANY(${ids}::int[])
    ), rest AS MATERIALIZED (
      SELECT l.id, l.hours FROM "Lesson" l WHERE ${hidden ? Prisma.empty : Prisma.sql`false AND`} ${where} AND NOT (l.id = ANY(${ids}::int[]))
    )
    ${windowColumns(organisationId)}`;
  },
);

/**
 * The window's lesson columns (the CTE `w` of GRID_WINDOW and GRID_PAGE_ROWS) over the alias `t`.
 * GRID_PAGE_ROWS reads them once, in its lesson index (idx): its window and the rest are taken from
 * there, not read again by id (issue 22, round 16: ≈ 94 index probes of "Lesson" less at 35 × 94).
 */
function windowLessonColumns(t: Prisma.Sql): Prisma.Sql {
  const columns = ["id", "date", "bellNumber", "hours", "topic", "content", "version"];
  const links = ["planTopicId", "subgroupId", "substituteId", "homeworkMarker"];
  return Prisma.join([...columns, ...links].map((c) => Prisma.sql`${t}.${Prisma.raw(`"${c}"`)}`));
}

/**
 * The aggregated rows' values column by column (lib/sql.ts jsonColumns reads them): one
 * array_to_json(array_agg(…)) per column. Issue 22 item 2: json_agg(json_build_array(…)) looked up the
 * type of every value of every row (json_build_array categorises its arguments on each call) and wrote
 * «, » between them; array_to_json categorises an array's element type once and writes «,».
 */
function columnsJson(...columns: Prisma.Sql[]): Prisma.Sql {
  return Prisma.sql`json_build_array(${Prisma.join(columns.map((c) => Prisma.sql`array_to_json(array_agg(${c}))`))})`;
}

/** GRID_WINDOW's columns over the CTEs `w` (the window's lessons) and `rest` (the range's other lessons). */
function windowColumns(organisationId: number): Prisma.Sql {
  return Prisma.sql`
    SELECT
      (SELECT coalesce(json_agg(json_build_array(w.id, w.date, w."bellNumber", w.hours, w.topic, w.content, w.version,
                                                 w."planTopicId", w."subgroupId", w."substituteId", w."homeworkMarker")
                                ORDER BY w.date, w."bellNumber", w.id), '[]'::json)
         FROM w) AS lessons,
      (SELECT coalesce(json_agg(json_build_array(a.id, a."lessonId", a."typeId", a.description, a.weight, a."dueDate", a.specification IS NOT NULL)
                                ORDER BY a.id), '[]'::json)
         FROM w JOIN "Assignment" a ON a."organisationId" = ${organisationId} AND a."lessonId" = w.id) AS assignments,
      (SELECT ${columnsJson(Prisma.sql`m."assignmentId"`, Prisma.sql`m."studentId"`, Prisma.sql`m.kind`, Prisma.sql`m.value`, Prisma.sql`m."isHospital"`, Prisma.sql`m.comment`, Prisma.sql`m.version`)}
         FROM w JOIN "Mark" m ON m."organisationId" = ${organisationId} AND m."lessonId" = w.id) AS marks,
      (SELECT ${columnsJson(Prisma.sql`x."lessonId"`, Prisma.sql`x."studentId"`, Prisma.sql`x.code`, Prisma.sql`x."missedHours"::float8`, Prisma.sql`x.version`)}
         FROM w JOIN "Attendance" x ON x."organisationId" = ${organisationId} AND x."lessonId" = w.id) AS attendance,
      (SELECT coalesce(json_agg(DISTINCT j."lessonId"), '[]'::json)
         FROM w JOIN "JournalChange" j ON j."organisationId" = ${organisationId} AND j."lessonId" = w.id
        WHERE j.entity = 'ATTENDANCE' AND j."studentId" IS NULL) AS taken,
      (SELECT coalesce(json_agg(json_build_array(h.id, h."lessonId", h.text, h."dueDate", h.version,
                (SELECT coalesce(json_agg(json_build_array(f.id, f."fileName", f.size) ORDER BY f.id), '[]'::json)
                   FROM "Attachment" f WHERE f."organisationId" = h."organisationId" AND f."homeworkId" = h.id))
                                ORDER BY h.id), '[]'::json)
         FROM w JOIN "Homework" h ON h."organisationId" = ${organisationId} AND h."lessonId" = w.id) AS homework,
      (SELECT ${columnsJson(Prisma.sql`g."studentId"`, Prisma.sql`g.kind`, Prisma.sql`g.value`, Prisma.sql`g."isHospital"`, Prisma.sql`g.weight`, Prisma.sql`g.n`)}
         FROM (SELECT m."studentId", m.kind, m.value, m."isHospital", coalesce(a.weight, t.weight, 1)::float8 AS weight, count(*)::int AS n
                 FROM rest
                 JOIN "Assignment" a ON a."organisationId" = ${organisationId} AND a."lessonId" = rest.id
                 JOIN "Mark" m ON m."organisationId" = a."organisationId" AND m."assignmentId" = a.id
                 LEFT JOIN "AssignmentType" t ON t."organisationId" = a."organisationId" AND t.id = a."typeId"
                GROUP BY 1, 2, 3, 4, 5) g) AS "hiddenMarks",
      (SELECT ${columnsJson(Prisma.sql`g."studentId"`, Prisma.sql`g.n`, Prisma.sql`g.hours`)}
         FROM (SELECT x."studentId", count(*)::int AS n, sum(coalesce(x."missedHours", rest.hours))::float8 AS hours
                 FROM rest JOIN "Attendance" x ON x."organisationId" = ${organisationId} AND x."lessonId" = rest.id
                WHERE x.code <> 'OP'
                GROUP BY 1) g) AS "hiddenAbsences"`;
}

/**
 * The journal page's rows in ONE statement (issue 22 item 2: GRID_PERIOD, then GRID_WINDOW, were two
 * rounds): GRID_PERIOD's columns and GRID_WINDOW's for the window grid-window.ts firstRange picks from
 * the same lesson index — the asked lesson, else the last one up to `today`, else the first;
 * WINDOW_BEFORE lessons up to it and WINDOW_AFTER after it; a period of at most WINDOW_BEFORE +
 * WINDOW_AFTER lessons whole, nothing summed. (A scroll step knows its lessons: GRID_PERIOD + GRID_WINDOW.)
 */
export const GRID_PAGE_ROWS = rawStatement(
  // GRID_PERIOD's `lessons` (the index) as `lessonIndex`: `lessons` is the window's.
  { ...GRID_PERIOD.shape.shape, lessonIndex: col.jsonArray, ...GRID_WINDOW.shape.shape },
  (...args: [...LessonArgs, parts: PeriodParts, today: string, lessonId: number | null]) => {
    const [, , , , , , parts, today, lessonId] = args;
    return Prisma.sql`WITH ${pageRowsSql(
      args.slice(0, 6) as LessonArgs,
      { ...parts, periodId: Prisma.sql`${parts.periodId}::int` },
      today,
      lessonId,
    )}`;
  },
);

/** What a statement adds to GRID_PAGE_ROWS' select list (before its own columns) and after its FROM. */
type Beside = { columns: Prisma.Sql; from: Prisma.Sql };

/**
 * GRID_PAGE_ROWS' text after its WITH over a range whose dates and period may be SQL expressions
 * (GRID_PAGE's, which adds its own CTEs before these).
 */
function pageRowsSql(
  range: RangeSql,
  parts: Omit<PeriodParts, "periodId"> & { periodId: Prisma.Sql },
  today: string,
  lessonId: number | null,
  beside: Beside = { columns: Prisma.empty, from: Prisma.empty },
): Prisma.Sql {
  const organisationId = range[0];
  const where = gridLessonsWhere(...range);
  return Prisma.sql`
    idx AS MATERIALIZED (
      SELECT ${windowLessonColumns(Prisma.sql`l`)}, (row_number() OVER (ORDER BY l.date, l."bellNumber", l.id) - 1)::int AS i
        FROM "Lesson" l WHERE ${where}
    ), f AS (
      SELECT (SELECT count(*) FROM idx)::int AS n,
             coalesce((SELECT i FROM idx WHERE id = ${lessonId}::int),
                      (SELECT max(i) FROM idx WHERE date <= ${today}::date), 0) AS focus
    ), b AS MATERIALIZED (
      SELECT CASE WHEN n <= ${WINDOW_BEFORE + WINDOW_AFTER}::int THEN 0 ELSE greatest(0, focus - ${WINDOW_BEFORE - 1}::int) END AS lo,
             CASE WHEN n <= ${WINDOW_BEFORE + WINDOW_AFTER}::int THEN n ELSE least(n, focus + ${WINDOW_AFTER + 1}::int) END AS hi
        FROM f
    ), w AS MATERIALIZED (
      SELECT ${windowLessonColumns(Prisma.sql`idx`)} FROM idx JOIN b ON idx.i >= b.lo AND idx.i < b.hi
    ), rest AS MATERIALIZED (
      SELECT idx.id, idx.hours FROM idx JOIN b ON idx.i < b.lo OR idx.i >= b.hi
    )
    SELECT ${beside.columns} p.lessons AS "lessonIndex", p.types, p.memberships, p."subgroupMembers", p.finals, p."planTopics",
           p.absences, p.notices, x.*
      FROM (${periodSql(
        range,
        parts,
        Prisma.sql`(SELECT coalesce(json_agg(json_build_array(idx.id, idx.date) ORDER BY idx.i), '[]'::json) FROM idx)`,
      )}) p
     CROSS JOIN (${windowColumns(organisationId)}) x ${beside.from}`;
}

export type PeriodRow = RowOf<typeof GRID_PERIOD>;

/** The window-independent parts of a grid's range (GRID_PERIOD); `lessons` is the index the window is chosen from. */
export async function periodFacts(args: LessonArgs, parts: PeriodParts) {
  const [r] = await GRID_PERIOD.run(db, ...args, parts);
  return { row: r, lessons: lessonIndexOf(r) };
}

/** GRID_PERIOD's lesson index: [{ id, date (ISO) }] in the grid's order. */
export function lessonIndexOf(r: Pick<PeriodRow, "lessons"> | undefined): { id: number; date: string }[] {
  return jsonArray<[number, string]>(r?.lessons).map(([id, date]) => ({ id, date: date.slice(0, 10) }));
}

/**
 * The journal page's read (GRID_PAGE_ROWS): the period's facts and the window's row in one statement;
 * `lessons` is the period's index (the window's place in it is firstRange's).
 */
export async function pageRows(args: LessonArgs, parts: PeriodParts, today: string, lessonId: number | null) {
  const [r] = await GRID_PAGE_ROWS.run(db, ...args, parts, today, lessonId);
  return { row: r, lessons: lessonIndexOf(r && { lessons: r.lessonIndex }) };
}

/** The expected absences of GRID_PERIOD, as expectedAbsences gives them (DUT-4). */
export function expectedOf(r: PeriodRow | undefined): { absences: ExpectedAbsence[]; notices: ExpectedAbsence[] } {
  type Absence = [number, string, string, AttendanceCodeName, string, string | null];
  return {
    absences: jsonArray<Absence>(r?.absences).map(([studentId, from, to, code, kind, number]) => ({
      studentId,
      from: dateOnly(from),
      to: dateOnly(to),
      code,
      note: [kind, number ? `№ ${number}` : null].filter(Boolean).join(" "),
    })),
    notices: jsonArray<Absence>(r?.notices).map(([studentId, from, to, code]) => ({
      studentId,
      from: dateOnly(from),
      to: dateOnly(to),
      code,
      note: "родитель сообщил, ждёт ответа классного руководителя",
    })),
  };
}

const dateOrNull = (v: string | null): Date | null => (v === null ? null : dateOnly(v));

/**
 * The grid's rows (as lib/journal/data.ts gridRows gives them) for the window `ids` of the range, from
 * GRID_PERIOD's row and ONE GRID_WINDOW statement; `hidden` — with each student's sums outside it.
 */
export async function windowRows(
  args: LessonArgs,
  head: GridHead,
  range: { start: Date; end: Date; periodId: number | null },
  period: PeriodRow | undefined,
  ids: readonly number[],
  hidden: boolean,
): Promise<GridRows & { sums: Record<number, HiddenSums> }> {
  const [w] = await GRID_WINDOW.run(db, ...args, ids, hidden);
  return rowsOf(args, head, range, period, w, hidden);
}

/** The grid's rows from GRID_PERIOD's row and GRID_WINDOW's (or GRID_PAGE_ROWS' one row as both). */
export function rowsOf(
  args: LessonArgs,
  head: GridHead,
  range: { start: Date; end: Date; periodId: number | null },
  period: PeriodRow | undefined,
  w: RowOf<typeof GRID_WINDOW> | undefined,
  hidden: boolean,
): GridRows & { sums: Record<number, HiddenSums> } {
  const finals = jsonArray<number>(period?.finals);
  return {
    cls: head.cls,
    subject: head.subject,
    subgroupId: args[3],
    orgKind: head.orgKind,
    settings: head.settings,
    range,
    types: jsonArray<[number, string, string, number, boolean]>(period?.types).map(
      ([id, name, shortName, weight, isControl]) => ({ id, name, shortName, weight: Number(weight), isControl }),
    ),
    lessons: jsonArray<
      [
        number,
        string,
        number,
        number,
        string | null,
        string | null,
        number,
        number | null,
        number | null,
        number | null,
        string | null,
      ]
    >(w?.lessons).map(
      ([id, date, bellNumber, hours, topic, content, version, planTopicId, subgroupId, substituteId, m]) => ({
        id,
        date: dateOnly(date),
        bellNumber,
        hours: Number(hours),
        topic,
        content,
        version,
        planTopicId,
        subgroupId,
        substituteId,
        homeworkMarker: m as GridRows["lessons"][number]["homeworkMarker"],
      }),
    ),
    memberships: jsonArray<[number, string, string | null, EducationFormName, string, string, string | null]>(
      period?.memberships,
    ).map(([studentId, start, end, educationForm, lastName, firstName, middleName]) => ({
      studentId,
      startDate: dateOnly(start),
      endDate: dateOrNull(end),
      educationForm,
      name: fullName({ lastName, firstName, middleName }),
    })),
    subgroupMembers: jsonArray<[number, number]>(period?.subgroupMembers).map(([subgroupId, studentId]) => ({
      subgroupId,
      studentId,
    })),
    assignments: jsonArray<[number, number, number, string | null, number | null, string | null, boolean]>(
      w?.assignments,
    ).map(([id, lessonId, typeId, description, weight, dueDate, hasSpecification]) => ({
      id,
      lessonId,
      typeId,
      description,
      weight: weight === null ? null : Number(weight),
      dueDate: dateOrNull(dueDate),
      hasSpecification,
    })),
    // Column-wise, not a tuple per cell (issue 22 item 2): the window's largest columns.
    marks: marksOf(w?.marks),
    attendance: attendanceOf(w?.attendance),
    homework: jsonArray<[number, number, string, string | null, number, [number, string, number][]]>(w?.homework).map(
      ([id, lessonId, text, dueDate, version, files]) => ({
        id,
        lessonId,
        text,
        dueDate: dateOrNull(dueDate),
        version,
        files: files.map(([fileId, name, size]) => ({ id: fileId, name, size })),
      }),
    ),
    attendanceTaken: jsonArray<number>(w?.taken),
    finals,
    lock: {
      ...head.lock,
      finals:
        range.periodId === null ? new Map() : new Map(finals.map((id) => [id, new Set([range.periodId!])] as const)),
    },
    planTopics: jsonArray<[number, string]>(period?.planTopics).map(([id, title]) => ({ id, title })),
    sums: hidden ? sumsOf(w) : {},
  };
}

/** GRID_WINDOW's marks (column-wise) as GridRows' mark objects. */
function marksOf(value: unknown): GridRows["marks"] {
  const [assignmentId, studentId, kind, v, isHospital, comment, version] = jsonColumns<GridCells["marks"][number]>(
    value,
    7,
  );
  return assignmentId.map((id, i) => ({
    assignmentId: id,
    studentId: studentId[i],
    kind: kind[i],
    value: v[i],
    isHospital: isHospital[i],
    comment: comment[i],
    version: version[i],
  }));
}

/** GRID_WINDOW's attendance (column-wise) as GridRows' attendance objects. */
function attendanceOf(value: unknown): GridRows["attendance"] {
  const [lessonId, studentId, code, missedHours, version] = jsonColumns<GridCells["attendance"][number]>(value, 5);
  return lessonId.map((id, i) => ({
    lessonId: id,
    studentId: studentId[i],
    code: code[i],
    missedHours: missedHours[i],
    version: version[i],
  }));
}

/** Each student's HiddenSums from GRID_WINDOW's aggregates. */
function sumsOf(r: RowOf<typeof GRID_WINDOW> | undefined): Record<number, HiddenSums> {
  const marks = new Map<number, [AverageInput, number][]>();
  const [students, kinds, values, hospital, weights, counts] = jsonColumns<
    [number, MarkKindName, number | null, boolean, number, number]
  >(r?.hiddenMarks, 6);
  students.forEach((studentId, i) => {
    const list = marks.get(studentId) ?? [];
    list.push([{ kind: kinds[i], value: values[i], weight: weights[i], isHospital: hospital[i] }, counts[i]]);
    marks.set(studentId, list);
  });
  const [absent, absentCounts, absentHours] = jsonColumns<[number, number, number]>(r?.hiddenAbsences, 3);
  const absences = new Map(absent.map((studentId, i) => [studentId, [absentCounts[i], absentHours[i]]]));
  const sums: Record<number, HiddenSums> = {};
  for (const id of new Set([...marks.keys(), ...absences.keys()])) {
    const [count, hours] = absences.get(id) ?? [0, 0];
    sums[id] = [hiddenMarksCodeOf(marks.get(id) ?? []), count, hours];
  }
  return sums;
}

// ───────────── the journal page's picker ─────────────

// The journal page's picker in ONE statement (issue 22: per-request statements): the
// current year's journals the user may open (the teacher loads of their scope, as journalChoices
// reads them), the lessons they substitute around today (SCH-3: the journal opens for exactly
// those), the clubs of the current year they lead (PRG-2: links to their journals) and the
// organisation's years for the year tabs (REC-3; listYears' Prisma read, one statement less). Prisma read
// them as nine statements (each relation its own query). Bound to the organisation (ACL-5).
/** Whose journals: all, those of some classes, those one teaches (lib/access listScope's answer). */
export type ChoiceScope = { all: boolean; classIds: readonly number[]; teacherId: number | null };

export const JOURNAL_PICKER = rawStatement(
  {
    /** ChoiceLoad objects */
    choices: col.jsonArray,
    /** [[id, date, bellNumber, className, subjectName]], newest first, ≤ 50 */
    substitutions: col.jsonArray,
    /** [[id, name]] by name */
    clubs: col.jsonArray,
    /** [[id, name, status, isCurrent]] newest first: the organisation's years (the year tabs, REC-3) */
    years: col.jsonArray,
  },
  (organisationId: number, userId: number, scope: ChoiceScope, from: string, to: string) => {
    const parts = [
      ...(scope.classIds.length ? [Prisma.sql`t."classId" = ANY(${[...scope.classIds]}::int[])`] : []),
      ...(scope.teacherId !== null ? [Prisma.sql`t."teacherId" = ${scope.teacherId}`] : []),
    ];
    const within = scope.all ? Prisma.sql`true` : parts.length ? Prisma.join(parts, " OR ") : Prisma.sql`false`;
    return Prisma.sql`
    SELECT
      (SELECT coalesce(json_agg(json_build_object(
                'classId', t."classId", 'subjectId', t."subjectId", 'subgroupId', t."subgroupId", 'teacherId', t."teacherId",
                'class', json_build_object('name', c.name, 'grade', c.grade),
                'subject', json_build_object('name', s.name, 'sortOrder', s."sortOrder"),
                'subgroup', CASE WHEN g.id IS NULL THEN NULL ELSE json_build_object('name', g.name) END,
                'teacher', json_build_object('lastName', u."lastName", 'firstName', u."firstName", 'middleName', u."middleName")
              ) ORDER BY t.id), '[]'::json)
         FROM "TeacherLoad" t
         JOIN "AcademicYear" y ON y."organisationId" = t."organisationId" AND y.id = t."yearId"
         JOIN "ClassGroup" c ON c."organisationId" = t."organisationId" AND c.id = t."classId"
         JOIN "Subject" s ON s."organisationId" = t."organisationId" AND s.id = t."subjectId"
         LEFT JOIN "Subgroup" g ON g."organisationId" = t."organisationId" AND g.id = t."subgroupId"
         JOIN "User" u ON u."organisationId" = t."organisationId" AND u.id = t."teacherId"
        WHERE t."organisationId" = ${organisationId} AND y."isCurrent" AND y.status <> 'CLOSED' AND (${within})) AS choices,
      (SELECT coalesce(json_agg(json_build_array(x.id, x.date, x."bellNumber", x."className", x."subjectName")
                                ORDER BY x.date DESC, x."bellNumber"), '[]'::json)
         FROM (SELECT l.id, l.date, l."bellNumber", c.name AS "className", s.name AS "subjectName"
                 FROM "Lesson" l
                 JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
                 JOIN "Subject" s ON s."organisationId" = l."organisationId" AND s.id = l."subjectId"
                WHERE l."organisationId" = ${organisationId} AND l."substituteId" = ${userId}
                  AND l.date >= ${from}::date AND l.date <= ${to}::date AND l.status = 'SCHEDULED'
                ORDER BY l.date DESC, l."bellNumber" LIMIT 50) x) AS substitutions,
      (SELECT coalesce(json_agg(json_build_array(k.id, k.name) ORDER BY k.name), '[]'::json)
         FROM "Club" k
         JOIN "AcademicYear" y ON y."organisationId" = k."organisationId" AND y.id = k."yearId"
        WHERE k."organisationId" = ${organisationId} AND k."leaderId" = ${userId} AND y."isCurrent") AS clubs,
      (SELECT coalesce(json_agg(json_build_array(y.id, y.name, y.status, y."isCurrent") ORDER BY y."startDate" DESC, y.id), '[]'::json)
         FROM "AcademicYear" y WHERE y."organisationId" = ${organisationId}) AS years`;
  },
);

export type JournalPicker = {
  choices: JournalChoice[];
  substitutions: SubstituteLesson[];
  clubs: { id: number; name: string }[];
  /** The organisation's academic years as lib/org/year listYears gives them (the page's year tabs). */
  years: YearOption[];
};

/** The picker of a user: the current year's journals of `scope`, substitutions in [from, to], led clubs. */
export async function journalPicker(
  organisationId: number,
  userId: number,
  scope: ChoiceScope,
  from: Date,
  to: Date,
): Promise<JournalPicker> {
  const [r] = await JOURNAL_PICKER.run(db, organisationId, userId, scope, isoDate(from), isoDate(to));
  return pickerOf(r);
}

/** A user's picker as the arguments of JOURNAL_PICKER: who, whose journals, the substitutions' days. */
export type PickerArgs = { userId: number; scope: ChoiceScope; from: Date; to: Date };

/**
 * The grid's head (lib/journal/data.ts GRID_HEAD) and the page's picker (JOURNAL_PICKER) in ONE
 * statement (issue 22 item 2: the page read them as two, each with its own Prisma and pg round):
 * the head's one row beside the picker's one row; no row when the class or the subject is missing.
 */
export const GRID_HEAD_PICKER = rawStatement(
  { ...GRID_HEAD.shape.shape, ...JOURNAL_PICKER.shape.shape },
  (organisationId: number, classId: number, subjectId: number, now: Date, p: PickerArgs) => Prisma.sql`
    SELECT h.*, p.*
      FROM (${GRID_HEAD.sql(organisationId, classId, subjectId, now)}) h
     CROSS JOIN (${JOURNAL_PICKER.sql(organisationId, p.userId, p.scope, isoDate(p.from), isoDate(p.to))}) p`,
);

/** The grid's head and the page's picker (GRID_HEAD_PICKER); null when the class or the subject is missing. */
export async function gridHeadAndPicker(
  organisationId: number,
  classId: number,
  subjectId: number,
  now: Date,
  picker: PickerArgs,
): Promise<{ head: GridHead; picker: JournalPicker } | null> {
  const [r] = await GRID_HEAD_PICKER.run(db, organisationId, classId, subjectId, now, picker);
  return r ? { head: headOf(r), picker: pickerOf(r) } : null;
}

function pickerOf(r: RowOf<typeof JOURNAL_PICKER> | undefined): JournalPicker {
  return {
    choices: journalChoicesOf(jsonArray<ChoiceLoad>(r?.choices)),
    substitutions: jsonArray<[number, string, number, string, string]>(r?.substitutions).map(
      ([id, date, bellNumber, className, subjectName]) => ({
        id,
        date: dateOnly(date),
        bellNumber,
        className,
        subjectName,
      }),
    ),
    clubs: jsonArray<[number, string]>(r?.clubs).map(([id, name]) => ({ id, name })),
    years: jsonArray<[number, string, YearOption["status"], boolean]>(r?.years).map(
      ([id, name, status, isCurrent]) => ({
        id,
        name,
        status,
        isCurrent,
      }),
    ),
  };
}

// ───────────── the journal page in ONE statement ─────────────

/**
 * What the journal page asks of its rows beside the head (GRID_PAGE): the subgroup, the period asked
 * (null: the default one), today in the organisation's zone (ISO) and the lesson in focus.
 */
export type PageAsk = { subgroupId: number | null; periodId: number | null; today: string; lessonId: number | null };

/**
 * The journal page's reads in ONE statement (issue 22 items 2 and 4: GRID_HEAD_PICKER, then
 * GRID_PAGE_ROWS, were two rounds): the head and the picker, and the rows of the range the page
 * would read after the head — lib/journal/loaders.ts gridPage's rule, taken here from the class's
 * periods: the period asked (none of the class's: today alone), else the one holding today, else the
 * last begun, else the first; its end runs on to today when the default period is over and the year
 * is not closed; no period at all: today alone. `rangeStart`/`rangeEnd`/`rangePeriodId` say which
 * range SQL read: the loader uses the rows only when they are the range its own rule gives (JS stays
 * the rule's one source; a differing pick costs the page GRID_PAGE_ROWS' round, never wrong rows).
 * No row when the class or the subject is missing.
 */
export const GRID_PAGE = rawStatement(
  {
    ...GRID_HEAD_PICKER.shape.shape,
    ...GRID_PAGE_ROWS.shape.shape,
    /** The range read (ISO dates) and its period. */
    rangeStart: col.text,
    rangeEnd: col.text,
    rangePeriodId: col.int.nullable(),
  },
  (organisationId: number, classId: number, subjectId: number, now: Date, picker: PickerArgs, ask: PageAsk) => {
    const today = Prisma.sql`${ask.today}::date`;
    const asked = Prisma.sql`${ask.periodId}::int`;
    const range: RangeSql = [
      organisationId,
      classId,
      subjectId,
      ask.subgroupId,
      Prisma.sql`(SELECT rg.start FROM rg)`,
      Prisma.sql`(SELECT rg."end" FROM rg)`,
    ];
    const beside: Beside = {
      columns: Prisma.sql`h.*, rg.start::text AS "rangeStart", rg."end"::text AS "rangeEnd", rg."periodId" AS "rangePeriodId",`,
      from: Prisma.sql`CROSS JOIN rg CROSS JOIN (${GRID_HEAD_PICKER.sql(organisationId, classId, subjectId, now, picker)}) h`,
    };
    return Prisma.sql`
    WITH rg AS MATERIALIZED (
      SELECT coalesce(q."startDate", ${today}) AS start,
             CASE WHEN q.id IS NULL THEN ${today}
                  WHEN ${asked} IS NULL AND q."endDate" < ${today} AND q."yearStatus" <> 'CLOSED' THEN ${today}
                  ELSE q."endDate" END AS "end",
             q.id AS "periodId"
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (
          SELECT p.id, p."startDate", p."endDate", y.status::text AS "yearStatus"
            FROM "ClassGroup" c
            JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
            JOIN "Period" p ON p."organisationId" = c."organisationId" AND p."yearId" = c."yearId" AND p.kind = c."periodKind"
           WHERE c."organisationId" = ${organisationId} AND c.id = ${classId} AND (${asked} IS NULL OR p.id = ${asked})
           ORDER BY CASE WHEN p."startDate" <= ${today} AND p."endDate" >= ${today} THEN 0
                         WHEN p."startDate" <= ${today} THEN 1 ELSE 2 END,
                    CASE WHEN p."startDate" <= ${today} AND p."endDate" < ${today} THEN -p.number ELSE p.number END
           LIMIT 1) q ON true
    ), ${pageRowsSql(range, { periodId: Prisma.sql`(SELECT rg."periodId" FROM rg)`, planTopics: true, expected: true }, ask.today, ask.lessonId, beside)}`;
  },
);

/** The page's rows GRID_PAGE read: its range (as GRID_PAGE_ROWS' arguments), the asked focus and today. */
export type PageRowsRead = {
  args: LessonArgs;
  periodId: number | null;
  today: string;
  lessonId: number | null;
  row: RowOf<typeof GRID_PAGE_ROWS>;
  lessons: { id: number; date: string }[];
};

/** The journal page's head, picker and rows (GRID_PAGE); null when the class or the subject is missing. */
export async function gridPageRead(
  organisationId: number,
  classId: number,
  subjectId: number,
  now: Date,
  picker: PickerArgs,
  ask: PageAsk,
): Promise<{ head: GridHead; picker: JournalPicker; rows: PageRowsRead } | null> {
  const [r] = await GRID_PAGE.run(db, organisationId, classId, subjectId, now, picker, ask);
  if (!r) return null;
  const args: LessonArgs = [organisationId, classId, subjectId, ask.subgroupId, r.rangeStart, r.rangeEnd];
  return {
    head: headOf(r),
    picker: pickerOf(r),
    rows: {
      args,
      periodId: r.rangePeriodId,
      today: ask.today,
      lessonId: ask.lessonId,
      row: r,
      lessons: lessonIndexOf({ lessons: r.lessonIndex }),
    },
  };
}
