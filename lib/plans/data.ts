// Reads of lesson plans (PLAN-1…PLAN-5). Every query is bound to the organisation (ACL-5);
// listing functions take the caller's scope and put it into the `where`.
import { isoDate } from "@/lib/org/time";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import { db, rawStatement } from "@/lib/db";
import { col, jsonArray } from "@/lib/sql";
import { Prisma, type PlanTopic } from "@/prisma/generated/prisma/client";
import type { PlanStatus } from "./rules";
import type { TopicRow } from "./schema";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";

/**
 * Hours given per stream (class × subject × subgroup) of the year's classes (optionally some only) from
 * `from` to `to`, not cancelled: the lessons summed in the database (a year of a school's lessons is
 * ~45,000 rows that the page only ever adds up, issue 22 item 7). A fragment of FULFILMENT_INPUTS.
 */
function streamHoursSql(
  organisationId: number,
  yearId: number,
  classIds: number[] | null,
  from: Prisma.Sql,
  to: string,
) {
  return Prisma.sql`
      SELECT l."classId", l."subjectId", l."subgroupId",
             coalesce(sum(l.hours) FILTER (WHERE l.status <> 'CANCELLED'), 0)::float8 AS hours
        FROM "Lesson" l
        JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
       WHERE l."organisationId" = ${organisationId} AND c."yearId" = ${yearId}
         AND (${classIds}::int[] IS NULL OR l."classId" = ANY(${classIds}::int[]))
         AND l.date >= ${from}
         AND l.date <= ${to}::date
       GROUP BY l."classId", l."subjectId", l."subgroupId"`;
}

/**
 * Everything PLAN-5's figures are computed from (fulfilmentInputs), in ONE statement (issue 22 item 7:
 * the year, the classes, subjects, holidays, curriculum items with their periods' dates, subgroups and the
 * hours given per stream were eight reads, each ≈ 0.5–1 ms of the app's CPU through the client, the
 * curriculum's 628 Decimal rows most). Each list a JSON array of tuples; `yearStart` null when the
 * organisation has no such year.
 */
export const FULFILMENT_INPUTS = rawStatement(
  {
    yearStart: col.date.nullable(),
    yearEnd: col.date.nullable(),
    classes: col.jsonArray,
    subjects: col.jsonArray,
    holidays: col.jsonArray,
    curriculum: col.jsonArray,
    subgroups: col.jsonArray,
    streams: col.jsonArray,
  },
  (organisationId: number, yearId: number, classIds: number[] | null, today: string) => Prisma.sql`
    WITH y AS (
      SELECT "startDate", "endDate" FROM "AcademicYear" WHERE "organisationId" = ${organisationId} AND id = ${yearId}
    ), cls AS (
      SELECT c.id, c.name, c.grade FROM "ClassGroup" c
       WHERE c."organisationId" = ${organisationId} AND c."yearId" = ${yearId}
         AND (${classIds}::int[] IS NULL OR c.id = ANY(${classIds}::int[]))
    )
    SELECT (SELECT "startDate" FROM y) AS "yearStart", (SELECT "endDate" FROM y) AS "yearEnd",
           (SELECT json_agg(json_build_array(c.id, c.name, c.grade)) FROM cls c) AS classes,
           (SELECT json_agg(json_build_array(s.id, s.name, s."sortOrder"))
              FROM "Subject" s WHERE s."organisationId" = ${organisationId}) AS subjects,
           (SELECT json_agg(json_build_array(h."startDate", h."endDate", h.grade))
              FROM "Holiday" h WHERE h."organisationId" = ${organisationId} AND h."yearId" = ${yearId}) AS holidays,
           -- the items in the order they were made (as the model read gave them); a college's span their period
           (SELECT json_agg(json_build_array(ci."classId", ci."subjectId", ci.hours,
                                             coalesce(p."startDate", y."startDate"), coalesce(p."endDate", y."endDate"))
                            ORDER BY ci.id)
              FROM "CurriculumItem" ci
              JOIN cls c ON c.id = ci."classId"
              CROSS JOIN y
              LEFT JOIN "Period" p ON p."organisationId" = ci."organisationId" AND p.id = ci."periodId"
             WHERE ci."organisationId" = ${organisationId}) AS curriculum,
           (SELECT json_agg(json_build_array(g.id, g.name))
              FROM "Subgroup" g JOIN cls c ON c.id = g."classId"
             WHERE g."organisationId" = ${organisationId}) AS subgroups,
           (SELECT json_agg(json_build_array(x."classId", x."subjectId", x."subgroupId", x.hours))
              FROM (${streamHoursSql(organisationId, yearId, classIds, Prisma.sql`(SELECT "startDate" FROM y)`, today)}) x) AS streams`,
);

export type PlanScopeFilter =
  | { kind: "all" }
  /** Own plans, plans of the classes one leads (class teacher) or of one's department. */
  | { kind: "some"; teacherId: number | null; classIds: number[] };

export async function currentYear(organisationId: number) {
  return db.academicYear.findFirst({
    where: { organisationId, isCurrent: true },
    select: { id: true, name: true, startDate: true, endDate: true },
  });
}

export type PlanListItem = {
  id: number;
  teacherId: number;
  teacherName: string;
  subjectId: number;
  subjectName: string;
  classId: number | null;
  target: string;
  status: PlanStatus;
  version: number;
  submittedAt: Date | null;
  topicCount: number;
  hours: number;
  curriculumHours: number | null;
};

/**
 * The plans list's rows in ONE statement (issue 22 item 7): each plan with its teacher's, subject's and
 * class's names, its topics counted and their hours summed in the database, and the curriculum's hours
 * of its class and subject — before, the plans and their relations were five reads plus the curriculum's,
 * and every topic of every plan travelled to the app only to be counted (a school's ≈ 650 plans at the
 * end of August hold tens of thousands of topics).
 */
export const PLAN_LIST = rawStatement(
  {
    id: col.int,
    teacherId: col.int,
    lastName: col.text,
    firstName: col.text,
    middleName: col.text.nullable(),
    subjectId: col.int,
    subjectName: col.text,
    classId: col.int.nullable(),
    className: col.text.nullable(),
    grade: col.int.nullable(),
    status: col.text,
    version: col.int,
    submittedAt: col.date.nullable(),
    topicCount: col.int,
    hours: col.float,
    curriculumHours: col.float.nullable(),
  },
  (organisationId: number, yearId: number, teacherId: number | null, classIds: number[] | null) => Prisma.sql`
    SELECT p.id, p."teacherId", u."lastName", u."firstName", u."middleName", p."subjectId", s.name AS "subjectName",
           p."classId", c.name AS "className", p.grade, p.status::text AS status, p.version, p."submittedAt",
           (SELECT count(*)::int FROM "PlanTopic" t WHERE t."organisationId" = p."organisationId" AND t."planId" = p.id) AS "topicCount",
           (SELECT coalesce(sum(t.hours), 0)::float8 FROM "PlanTopic" t
             WHERE t."organisationId" = p."organisationId" AND t."planId" = p.id) AS hours,
           CASE WHEN p."classId" IS NOT NULL THEN
             (SELECT sum(ci.hours)::float8 FROM "CurriculumItem" ci
               WHERE ci."organisationId" = p."organisationId" AND ci."classId" = p."classId" AND ci."subjectId" = p."subjectId")
           END AS "curriculumHours"
      FROM "LessonPlan" p
      JOIN "User" u ON u."organisationId" = p."organisationId" AND u.id = p."teacherId"
      JOIN "Subject" s ON s."organisationId" = p."organisationId" AND s.id = p."subjectId"
      LEFT JOIN "ClassGroup" c ON c."organisationId" = p."organisationId" AND c.id = p."classId"
     WHERE p."organisationId" = ${organisationId} AND p."yearId" = ${yearId}
       AND ((${teacherId}::int IS NULL AND ${classIds}::int[] IS NULL)
            OR p."teacherId" = ${teacherId}::int OR p."classId" = ANY(${classIds}::int[]))`,
);

export async function listPlans(
  organisationId: number,
  yearId: number,
  scope: PlanScopeFilter,
): Promise<PlanListItem[]> {
  if (scope.kind === "some" && scope.teacherId === null && scope.classIds.length === 0) return [];
  const rows =
    scope.kind === "all"
      ? await PLAN_LIST.run(db, organisationId, yearId, null, null)
      : await PLAN_LIST.run(db, organisationId, yearId, scope.teacherId ?? -1, scope.classIds);
  return rows
    .map((p) => ({
      id: p.id,
      teacherId: p.teacherId,
      teacherName: fullName(p),
      subjectId: p.subjectId,
      subjectName: p.subjectName,
      classId: p.classId,
      target: p.className ?? `параллель ${p.grade ?? "?"}-х классов`,
      status: p.status as PlanStatus,
      version: p.version,
      submittedAt: p.submittedAt,
      topicCount: p.topicCount,
      hours: Math.round(p.hours * 10) / 10,
      // The curriculum's hours of the plan's class and subject (year plus all periods), as curriculumTotals sums them.
      curriculumHours: p.classId !== null && p.curriculumHours !== null ? p.curriculumHours : null,
    }))
    .sort(
      (a, b) =>
        compareRu(a.teacherName, b.teacherName) ||
        compareRu(a.subjectName, b.subjectName) ||
        compareRuNumeric(a.target, b.target),
    );
}

/** Curriculum hours per `classId:subjectId` (year plus all periods). */
export async function curriculumTotals(organisationId: number, classIds: number[]): Promise<Map<string, number>> {
  if (classIds.length === 0) return new Map();
  const rows = await db.curriculumItem.groupBy({
    by: ["classId", "subjectId"],
    where: { organisationId, classId: { in: [...new Set(classIds)] } },
    _sum: { hours: true },
  });
  return new Map(rows.map((r) => [`${r.classId}:${r.subjectId}`, Number(r._sum.hours ?? 0)]));
}

/** Just enough of a plan to authorise an operation on it. */
export async function planFacts(organisationId: number, planId: number) {
  return db.lessonPlan.findUnique({
    where: { organisationId_id: { organisationId, id: planId } },
    select: { id: true, teacherId: true, subjectId: true, classId: true, grade: true, yearId: true, status: true },
  });
}

export async function planDetail(organisationId: number, planId: number) {
  const plan = await db.lessonPlan.findUnique({
    where: { organisationId_id: { organisationId, id: planId } },
    include: {
      teacher: { select: NAME_FIELDS },
      reviewer: { select: NAME_FIELDS },
      subject: { select: { name: true } },
      class: { select: { name: true } },
      year: { select: { startDate: true, endDate: true } },
      topics: { orderBy: { position: "asc" } },
    },
  });
  if (!plan) return null;
  const curriculum = plan.classId ? await curriculumTotals(organisationId, [plan.classId]) : new Map<string, number>();
  return {
    id: plan.id,
    title: plan.title,
    teacherId: plan.teacherId,
    teacherName: fullName(plan.teacher),
    reviewerName: plan.reviewer ? fullName(plan.reviewer) : null,
    subjectId: plan.subjectId,
    subjectName: plan.subject.name,
    classId: plan.classId,
    grade: plan.grade,
    target: plan.class?.name ?? `параллель ${plan.grade ?? "?"}-х классов`,
    status: plan.status as PlanStatus,
    reviewComment: plan.reviewComment,
    submittedAt: plan.submittedAt,
    reviewedAt: plan.reviewedAt,
    autoHomework: plan.autoHomework,
    version: plan.version,
    yearStart: plan.year.startDate,
    curriculumHours: plan.classId ? (curriculum.get(`${plan.classId}:${plan.subjectId}`) ?? null) : null,
    topics: plan.topics.map((t) => ({ id: t.id, position: t.position, ...topicRowOf(t) })),
  };
}

export type PlanDetail = NonNullable<Awaited<ReturnType<typeof planDetail>>>;

export type LoadOption = {
  id: number;
  teacherId: number;
  teacherName: string;
  classId: number;
  className: string;
  grade: number;
  subjectId: number;
  subjectName: string;
};

/** Teacher loads of the current year a plan can be made for; one teacher's or everyone's, optionally of one class. */
export async function loadOptions(
  organisationId: number,
  yearId: number,
  teacherId: number | null,
  classId?: number,
): Promise<LoadOption[]> {
  const loads = await db.teacherLoad.findMany({
    where: {
      organisationId,
      yearId,
      ...(teacherId !== null ? { teacherId } : {}),
      ...(classId !== undefined ? { classId } : {}),
    },
    select: {
      id: true,
      teacherId: true,
      classId: true,
      subjectId: true,
      teacher: { select: NAME_FIELDS },
      class: { select: { name: true, grade: true } },
      subject: { select: { name: true } },
    },
  });
  return loads
    .map((l) => ({
      id: l.id,
      teacherId: l.teacherId,
      teacherName: fullName(l.teacher),
      classId: l.classId,
      className: l.class.name,
      grade: l.class.grade,
      subjectId: l.subjectId,
      subjectName: l.subject.name,
    }))
    .sort(
      (a, b) =>
        compareRu(a.teacherName, b.teacherName) ||
        a.grade - b.grade ||
        compareRuNumeric(a.className, b.className) ||
        compareRu(a.subjectName, b.subjectName),
    );
}

/** The year's classes that have a teacher load, by grade and name: the administration's first choice for a new plan. */
export async function classesWithLoads(organisationId: number, yearId: number) {
  const classes = await db.classGroup.findMany({
    where: { organisationId, yearId, loads: { some: {} } },
    select: { id: true, name: true, grade: true },
  });
  return classes.sort((a, b) => a.grade - b.grade || compareRuNumeric(a.name, b.name));
}

export async function loadById(organisationId: number, loadId: number) {
  const load = await db.teacherLoad.findUnique({
    where: { organisationId_id: { organisationId, id: loadId } },
    select: {
      id: true,
      yearId: true,
      teacherId: true,
      classId: true,
      subjectId: true,
      class: { select: { grade: true, name: true } },
      subject: { select: { name: true } },
      year: { select: { status: true } },
    },
  });
  if (!load) return null;
  const { year, ...rest } = load;
  /** REC-2: a closed year's plans are frozen. */
  return { ...rest, yearClosed: year.status === "CLOSED" };
}

/** Classes a plan binds to: its class, or for a parallel the classes of the grade the teacher teaches the subject in. */
export async function planClassIds(
  organisationId: number,
  plan: { yearId: number; teacherId: number; subjectId: number; classId: number | null; grade: number | null },
): Promise<number[]> {
  if (plan.classId !== null) return [plan.classId];
  const loads = await db.teacherLoad.findMany({
    where: {
      organisationId,
      yearId: plan.yearId,
      teacherId: plan.teacherId,
      subjectId: plan.subjectId,
      class: { grade: plan.grade ?? -1 },
    },
    select: { classId: true },
  });
  return [...new Set(loads.map((l) => l.classId))];
}

/** What a plan binds by (PLAN-3): its teacher, subject, class or parallel, and its year's span. */
export const PLAN_BINDING_SELECT = {
  yearId: true,
  teacherId: true,
  subjectId: true,
  classId: true,
  grade: true,
  year: { select: { startDate: true, endDate: true } },
} satisfies Prisma.LessonPlanSelect;

type PlanBinding = Parameters<typeof planClassIds>[1] & { year: { startDate: Date; endDate: Date } };

/** The lessons a plan's topics go to (PLAN-3): its teacher's lessons of its class(es) and subject in its year. */
export function planLessonsWhere(organisationId: number, plan: PlanBinding, classIds: number[]) {
  return {
    organisationId,
    classId: { in: classIds },
    subjectId: plan.subjectId,
    teacherId: plan.teacherId,
    date: { gte: plan.year.startDate, lte: plan.year.endDate },
  } satisfies Prisma.LessonWhereInput;
}

export type BindingRow = {
  lessonId: number;
  classId: number;
  className: string;
  date: Date;
  bellNumber: number;
  cancelled: boolean;
  topic: string | null;
  planTopicId: number | null;
  homework: string | null;
};

/** The lessons the plan's topics go to (PLAN-3): its teacher's lessons of the class(es) and subject this year, in date order. */
export async function bindingRows(organisationId: number, planId: number): Promise<BindingRow[]> {
  const plan = await db.lessonPlan.findUnique({
    where: { organisationId_id: { organisationId, id: planId } },
    select: PLAN_BINDING_SELECT,
  });
  if (!plan) return [];
  const lessons = await db.lesson.findMany({
    where: planLessonsWhere(organisationId, plan, await planClassIds(organisationId, plan)),
    orderBy: [{ classId: "asc" }, { date: "asc" }, { bellNumber: "asc" }],
    select: {
      id: true,
      classId: true,
      date: true,
      bellNumber: true,
      status: true,
      topic: true,
      planTopicId: true,
      class: { select: { name: true } },
      homework: { select: { text: true }, orderBy: { id: "asc" }, take: 1 },
    },
  });
  return lessons.map((l) => ({
    lessonId: l.id,
    classId: l.classId,
    className: l.class.name,
    date: l.date,
    bellNumber: l.bellNumber,
    cancelled: l.status === "CANCELLED",
    topic: l.topic,
    planTopicId: l.planTopicId,
    homework: l.homework[0]?.text ?? null,
  }));
}

/** Inputs of the fulfilment report (PLAN-5) for the current year's classes, optionally some only (FULFILMENT_INPUTS). */
export async function fulfilmentInputs(organisationId: number, yearId: number, today: Date, classIds: number[] | null) {
  const [row] = await FULFILMENT_INPUTS.run(db, organisationId, yearId, classIds, isoDate(today));
  if (!row?.yearStart || !row.yearEnd) throw new Error(`Учебный год ${yearId} не найден`);
  const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
  return {
    today,
    classes: jsonArray<[number, string, number]>(row.classes).map(([id, name, grade]) => ({ id, name, grade })),
    subjects: jsonArray<[number, string, number]>(row.subjects).map(([id, name, sortOrder]) => ({
      id,
      name,
      sortOrder,
    })),
    subgroups: jsonArray<[number, string]>(row.subgroups).map(([id, name]) => ({ id, name })),
    holidays: jsonArray<[string, string, number | null]>(row.holidays).map(([start, end, grade]) => ({
      start: day(start),
      end: day(end),
      grade,
    })),
    curriculum: jsonArray<[number, number, number, string, string]>(row.curriculum).map(
      ([classId, subjectId, hours, start, end]) => ({ classId, subjectId, hours, start: day(start), end: day(end) }),
    ),
    // One summed row per stream, dated today (cancelled lessons count nothing, as in givenToDate).
    lessons: jsonArray<[number, number, number | null, number]>(row.streams).map(
      ([classId, subjectId, subgroupId, hours]) => ({
        classId,
        subjectId,
        subgroupId,
        date: today,
        hours,
        cancelled: false,
      }),
    ),
  };
}

export type MissingPlan = { teacherName: string; className: string; subjectName: string };

/**
 * The reads of loadsWithoutPlan in ONE statement (issue 22 item 7: the loads, the year's plans, the
 * classes, the subjects and the teachers' names were five reads through the client, ≈ 10 ms of a /plans
 * request over a school's 673 loads before round 12 flattened them, still ≈ 0.5–1 ms each): each list a
 * JSON array of tuples, the loads in the order they were made, the names of every teacher with a load.
 */
export const PLAN_COVERAGE = rawStatement(
  {
    loads: col.jsonArray,
    plans: col.jsonArray,
    classes: col.jsonArray,
    subjects: col.jsonArray,
    teachers: col.jsonArray,
  },
  (organisationId: number, yearId: number, classIds: number[] | null) => Prisma.sql`
    WITH loads AS (
      SELECT l.id, l."teacherId", l."classId", l."subjectId" FROM "TeacherLoad" l
       WHERE l."organisationId" = ${organisationId} AND l."yearId" = ${yearId}
         AND (${classIds}::int[] IS NULL OR l."classId" = ANY(${classIds}::int[]))
    )
    SELECT (SELECT json_agg(json_build_array(l."teacherId", l."classId", l."subjectId") ORDER BY l.id) FROM loads l) AS loads,
           (SELECT json_agg(json_build_array(p."teacherId", p."classId", p."subjectId", p.grade))
              FROM "LessonPlan" p WHERE p."organisationId" = ${organisationId} AND p."yearId" = ${yearId}) AS plans,
           (SELECT json_agg(json_build_array(c.id, c.grade, c.name))
              FROM "ClassGroup" c
             WHERE c."organisationId" = ${organisationId} AND c."yearId" = ${yearId}
               AND (${classIds}::int[] IS NULL OR c.id = ANY(${classIds}::int[]))) AS classes,
           (SELECT json_agg(json_build_array(s.id, s.name)) FROM "Subject" s WHERE s."organisationId" = ${organisationId}) AS subjects,
           (SELECT json_agg(json_build_array(u.id, u."lastName", u."firstName", u."middleName"))
              FROM "User" u
             WHERE u."organisationId" = ${organisationId} AND u.id IN (SELECT "teacherId" FROM loads)) AS teachers`,
);

/** Teacher loads (teacher × class × subject) of the year without any plan, for the deputy's deadline warnings (PLAN-2). */
export async function loadsWithoutPlan(
  organisationId: number,
  yearId: number,
  classIds: number[] | null,
): Promise<MissingPlan[]> {
  const [row] = await PLAN_COVERAGE.run(db, organisationId, yearId, classIds);
  const loads = jsonArray<[number, number, number]>(row?.loads).map(([teacherId, classId, subjectId]) => ({
    teacherId,
    classId,
    subjectId,
  }));
  const plans = jsonArray<[number, number | null, number, number | null]>(row?.plans);
  const classById = new Map(
    jsonArray<[number, number, string]>(row?.classes).map(([id, grade, name]) => [id, { id, grade, name }] as const),
  );
  const subjectName = new Map(jsonArray<[number, string]>(row?.subjects));
  // A plan covers the teacher's load of its class, or (a parallel's plan, no class) of every class of
  // its grade: looked up by key, not every plan scanned for every load (655 × the plans, issue 22 item 7).
  const covered = new Set(
    plans.map(([teacherId, classId, subjectId, grade]) =>
      classId === null ? `${teacherId}:${subjectId}:g${grade}` : `${teacherId}:${subjectId}:c${classId}`,
    ),
  );
  const seen = new Set<string>();
  const missing = loads.filter((l) => {
    const cls = classById.get(l.classId);
    if (!cls) return false;
    if (covered.has(`${l.teacherId}:${l.subjectId}:c${l.classId}`)) return false;
    if (covered.has(`${l.teacherId}:${l.subjectId}:g${cls.grade}`)) return false;
    // Two subgroup loads of one teacher in one class need one plan.
    const key = `${l.teacherId}:${l.classId}:${l.subjectId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const teacherName = new Map(
    jsonArray<[number, string, string, string | null]>(row?.teachers).map(([id, lastName, firstName, middleName]) => [
      id,
      fullName({ lastName, firstName, middleName }),
    ]),
  );
  return missing
    .map((l) => ({
      teacherName: teacherName.get(l.teacherId) ?? "",
      className: classById.get(l.classId)!.name,
      subjectName: subjectName.get(l.subjectId) ?? "",
    }))
    .sort(
      (a, b) =>
        compareRu(a.teacherName, b.teacherName) ||
        compareRuNumeric(a.className, b.className) ||
        compareRu(a.subjectName, b.subjectName),
    );
}

/** A plan of the same teacher, subject and class (or parallel) this year, if any (one plan per pair). */
export async function existingPlanId(
  organisationId: number,
  p: { yearId: number; teacherId: number; subjectId: number; classId: number | null; grade: number | null },
): Promise<number | null> {
  const found = await db.lessonPlan.findFirst({
    where: {
      organisationId,
      yearId: p.yearId,
      teacherId: p.teacherId,
      subjectId: p.subjectId,
      ...(p.classId !== null ? { classId: p.classId } : { classId: null, grade: p.grade }),
    },
    select: { id: true },
  });
  return found?.id ?? null;
}

type ChoiceProgramme = {
  id: number;
  title: string;
  subjectId: number;
  grade: number | null;
  sections: { title: string; hours: Prisma.Decimal }[];
};
type ChoicePlan = {
  id: number;
  classId: number | null;
  grade: number | null;
  subjectId: number;
  status: string;
  programmeId: number | null;
};

/** The approved programmes of the year (newest approval first) and the classes compared (PRG-1). */
async function comparisonBase(organisationId: number, yearId: number, classIds: number[] | null, subjectId?: number) {
  const classWhere = { organisationId, yearId, ...(classIds ? { id: { in: classIds } } : {}) };
  const [programmes, classes] = await Promise.all([
    db.workProgramme.findMany({
      where: { organisationId, yearId, status: "APPROVED", ...(subjectId !== undefined ? { subjectId } : {}) },
      orderBy: [{ approvedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        title: true,
        subjectId: true,
        grade: true,
        sections: { orderBy: { position: "asc" }, select: { title: true, hours: true } },
      },
    }),
    db.classGroup.findMany({ where: classWhere, select: { id: true, grade: true } }),
  ]);
  return { programmes, classes };
}

/** The plans of the classes (their own or their parallel's), the newest first. */
function comparedPlansWhere(
  organisationId: number,
  yearId: number,
  classes: readonly { id: number; grade: number }[],
  subjectId?: number,
) {
  return {
    organisationId,
    yearId,
    ...(subjectId !== undefined ? { subjectId } : {}),
    OR: [{ classId: { in: classes.map((c) => c.id) } }, { classId: null, grade: { in: classes.map((c) => c.grade) } }],
  } satisfies Prisma.LessonPlanWhereInput;
}

/**
 * PRG-1's choice per class × subject: the approved programme the class's КТП was made from, else the
 * subject's and the class's grade; the КТП is the class's (or its parallel's) approved one, else its
 * latest (`plans` come newest first). Classes without a programme for a subject have no entry.
 */
function chooseProgrammes<P extends ChoicePlan>(
  classes: readonly { id: number; grade: number }[],
  programmes: readonly ChoiceProgramme[],
  plans: readonly P[],
): { key: string; programme: ChoiceProgramme; plan: P | null }[] {
  const byId = new Map(programmes.map((p) => [p.id, p]));
  const out: { key: string; programme: ChoiceProgramme; plan: P | null }[] = [];
  for (const cls of classes) {
    const subjects = new Set([
      ...programmes.filter((p) => p.grade === cls.grade).map((p) => p.subjectId),
      ...plans.filter((p) => p.classId === cls.id && p.programmeId !== null).map((p) => p.subjectId),
    ]);
    for (const subjectId of subjects) {
      const own = plans.filter(
        (p) => p.subjectId === subjectId && (p.classId === cls.id || (p.classId === null && p.grade === cls.grade)),
      );
      const plan = own.find((p) => p.status === "APPROVED") ?? own[0] ?? null;
      const programme =
        (plan?.programmeId ? byId.get(plan.programmeId) : undefined) ??
        programmes.find((p) => p.subjectId === subjectId && p.grade === cls.grade);
      if (programme) out.push({ key: `${cls.id}:${subjectId}`, programme, plan });
    }
  }
  return out;
}

const programmeOf = (p: ChoiceProgramme) => ({
  id: p.id,
  title: p.title,
  sections: p.sections.map((s) => ({ title: s.title, hours: Number(s.hours) })),
});

/**
 * PRG-1 beside PLAN-5: per class × subject of the year the approved work programme to compare with
 * (the one its КТП was made from, else the subject's and the class's grade), the class's КТП topics
 * (the approved КТП, else its latest) and the hours given per topic up to `today` (lessons bound to
 * the topic, not cancelled). Keyed `${classId}:${subjectId}`; classes without a programme are absent.
 * `subjectId` narrows it to one subject (one line's sections, fetched when opened: issue 22 item 7).
 */
export async function programmeComparisonInputs(
  organisationId: number,
  yearId: number,
  today: Date,
  classIds: number[] | null,
  subjectId?: number,
) {
  const { programmes, classes } = await comparisonBase(organisationId, yearId, classIds, subjectId);
  if (!programmes.length || !classes.length) return new Map<string, never>();
  const plans = await db.lessonPlan.findMany({
    where: comparedPlansWhere(organisationId, yearId, classes, subjectId),
    // the approved КТП first, then the latest
    orderBy: [{ id: "desc" }],
    select: {
      id: true,
      classId: true,
      grade: true,
      subjectId: true,
      status: true,
      programmeId: true,
      topics: { select: { id: true, position: true, title: true, hours: true } },
    },
  });
  const chosen = chooseProgrammes(classes, programmes, plans);
  // Only the chosen КТП's topics: the hours given to the others are never shown.
  const topicIds = chosen.flatMap((c) => c.plan?.topics.map((t) => t.id) ?? []);
  const given = topicIds.length
    ? await db.lesson.groupBy({
        by: ["planTopicId"],
        where: {
          organisationId,
          planTopicId: { in: [...new Set(topicIds)] },
          status: { not: "CANCELLED" },
          date: { lte: today },
        },
        _sum: { hours: true },
      })
    : [];
  const givenByTopic = new Map(given.map((g) => [g.planTopicId!, Number(g._sum.hours ?? 0)]));
  return new Map(
    chosen.map(({ key, programme, plan }) => [
      key,
      {
        programme: programmeOf(programme),
        topics: plan ? plan.topics.map((t) => ({ ...t, hours: Number(t.hours) })) : null,
        given: givenByTopic,
      },
    ]),
  );
}

/**
 * PRG-1's figures of every line without its sections (the fulfilment table, issue 22 item 7): the
 * same choice of programme and КТП as programmeComparisonInputs, the КТП's hours summed in the
 * database — not every topic of the school's plans read, nor the lessons given per topic.
 */
export async function programmeTotalsInputs(organisationId: number, yearId: number, classIds: number[] | null) {
  const { programmes, classes } = await comparisonBase(organisationId, yearId, classIds);
  if (!programmes.length || !classes.length) return new Map<string, never>();
  const plans = await db.lessonPlan.findMany({
    where: comparedPlansWhere(organisationId, yearId, classes),
    orderBy: [{ id: "desc" }],
    select: { id: true, classId: true, grade: true, subjectId: true, status: true, programmeId: true },
  });
  const chosen = chooseProgrammes(classes, programmes, plans);
  const planIds = [...new Set(chosen.flatMap((c) => (c.plan ? [c.plan.id] : [])))];
  const sums = planIds.length
    ? await db.planTopic.groupBy({
        by: ["planId"],
        where: { organisationId, planId: { in: planIds } },
        _sum: { hours: true },
      })
    : [];
  const hours = new Map(sums.map((s) => [s.planId, Math.round(Number(s._sum.hours ?? 0) * 10) / 10]));
  return new Map(
    chosen.map(({ key, programme, plan }) => [
      key,
      { programme: programmeOf(programme), ktpHours: plan ? (hours.get(plan.id) ?? 0) : null },
    ]),
  );
}

/** Who teaches each class × subject (× subgroup) of the year: the fulfilment page's teacher column and filter. */
export async function fulfilmentTeachers(organisationId: number, yearId: number, classIds: number[] | null) {
  // The loads flat, the teachers' names by id (not joined per load: Prisma's CPU, issue 22 item 7).
  const loads = await db.teacherLoad.findMany({
    where: { organisationId, yearId, ...(classIds ? { classId: { in: classIds } } : {}) },
    select: { classId: true, subjectId: true, subgroupId: true, teacherId: true },
  });
  const teachers = loads.length
    ? await db.user.findMany({
        where: { organisationId, id: { in: [...new Set(loads.map((l) => l.teacherId))] } },
        select: { id: true, ...NAME_FIELDS },
      })
    : [];
  const name = new Map(teachers.map((t) => [t.id, shortName(t)]));
  return loads.map((l) => ({
    classId: l.classId,
    subjectId: l.subjectId,
    subgroupId: l.subgroupId,
    teacherId: l.teacherId,
    teacherName: name.get(l.teacherId) ?? "",
  }));
}

/** A topic's own fields as a plan's topic row (hours as a number): from a stored topic or a parsed row (PLAN-1, PLAN-4). */
export function topicRowOf(
  t: TopicRow | Pick<PlanTopic, "title" | "hours" | "kesCodes" | "lessonType" | "controlKind" | "homework">,
): TopicRow {
  return {
    title: t.title,
    hours: Number(t.hours),
    kesCodes: t.kesCodes,
    lessonType: t.lessonType,
    controlKind: t.controlKind,
    homework: t.homework,
  };
}
