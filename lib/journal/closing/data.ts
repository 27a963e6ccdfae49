// Reads of closing a period (REC-1): the year's periods and classes with their closings, and the
// finals missing for a set of classes — one statement for any number of classes.
import { db, rawStatement } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import type { ClosingClass, MissingFinal } from "./rules";
import { col } from "@/lib/sql";
import { compareRuNumeric } from "@/lib/org/collation";

export type ClosingPeriod = { id: number; name: string; kind: string; start: Date; end: Date };
export type ClosingRow = {
  classId: number;
  periodId: number;
  basis: string;
  closedAt: Date;
  closedBy: string;
};
export type ClosingYear = {
  id: number;
  name: string;
  closed: boolean;
  periods: ClosingPeriod[];
  classes: ClosingClass[];
  departments: { id: number; name: string }[];
  closings: ClosingRow[];
};

/** The current (or given) year: its periods, classes, departments and the closings so far. */
export async function closingYear(organisationId: number, yearId?: number): Promise<ClosingYear | null> {
  const year = await db.academicYear.findFirst({
    where: { organisationId, ...(yearId !== undefined ? { id: yearId } : { isCurrent: true }) },
    select: { id: true, name: true, status: true },
  });
  if (!year) return null;
  const [periods, classes, departments, closings] = await Promise.all([
    db.period.findMany({
      where: { organisationId, yearId: year.id },
      orderBy: [{ kind: "asc" }, { number: "asc" }],
      select: { id: true, name: true, kind: true, startDate: true, endDate: true },
    }),
    db.classGroup.findMany({
      where: { organisationId, yearId: year.id },
      select: { id: true, name: true, grade: true, departmentId: true, periodKind: true },
    }),
    db.department.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.periodClosure.findMany({
      where: { organisationId, period: { yearId: year.id } },
      select: {
        classId: true,
        periodId: true,
        basis: true,
        closedAt: true,
        closedBy: { select: NAME_FIELDS },
      },
    }),
  ]);
  return {
    id: year.id,
    name: year.name,
    closed: year.status === "CLOSED",
    periods: periods.map((p) => ({ id: p.id, name: p.name, kind: p.kind, start: p.startDate, end: p.endDate })),
    classes: classes
      .map((c) => ({ ...c, periodKind: c.periodKind as string }))
      .sort((a, b) => a.grade - b.grade || compareRuNumeric(a.name, b.name)),
    departments,
    closings: closings.map((c) => ({
      classId: c.classId,
      periodId: c.periodId,
      basis: c.basis,
      closedAt: c.closedAt,
      closedBy: fullName(c.closedBy),
    })),
  };
}

/** The (class, subject, student) finals missing in a period; see missingFinals. */
export const MISSING_FINALS = rawStatement(
  {
    className: col.text,
    subjectName: col.text,
    lastName: col.text,
    firstName: col.text,
    middleName: col.text.nullable(),
  },
  (organisationId: number, periodId: number, classIds: number[]) => Prisma.sql`
    WITH p AS (
      SELECT id, "startDate", "endDate" FROM "Period" WHERE "organisationId" = ${organisationId} AND id = ${periodId}
    ), roll AS (
      SELECT DISTINCT m."classId", m."studentId"
        FROM "ClassMembership" m, p
       WHERE m."organisationId" = ${organisationId} AND m."classId" = ANY(${classIds}::int[])
         AND m."startDate" <= p."endDate" AND (m."endDate" IS NULL OR m."endDate" >= p."endDate")
    ), need AS (
      SELECT DISTINCT r."classId", r."studentId", l."subjectId"
        FROM roll r, p, "Lesson" l
       WHERE l."organisationId" = ${organisationId} AND l."classId" = r."classId" AND l.status = 'SCHEDULED'
         AND l.date >= p."startDate" AND l.date <= p."endDate"
         AND (l."subgroupId" IS NULL OR EXISTS (
               SELECT 1 FROM "SubgroupMember" g
                WHERE g."organisationId" = l."organisationId" AND g."subgroupId" = l."subgroupId" AND g."studentId" = r."studentId"))
    )
    SELECT c.name AS "className", s.name AS "subjectName", st."lastName", st."firstName", st."middleName"
      FROM need n
      JOIN "ClassGroup" c ON c."organisationId" = ${organisationId} AND c.id = n."classId"
      JOIN "Organisation" o ON o.id = c."organisationId"
      JOIN "Subject" s ON s."organisationId" = ${organisationId} AND s.id = n."subjectId"
      JOIN "Student" st ON st."organisationId" = ${organisationId} AND st.id = n."studentId"
     WHERE (o.kind = 'COLLEGE' OR c.grade <> 1)
       AND NOT EXISTS (
         SELECT 1 FROM "FinalMark" f
          WHERE f."organisationId" = ${organisationId} AND f."classId" = n."classId" AND f."subjectId" = n."subjectId"
            AND f."studentId" = n."studentId" AND f.kind = 'PERIOD' AND f."periodId" = ${periodId})`,
);

/**
 * The period finals missing in the classes: every student on the roll at the period's end (the
 * movement book) × every subject they were taught in the period (a lesson of the class, of their
 * subgroup or the whole class) without a PERIOD final. A school's first grade has no marks, so no
 * finals (JRN-10).
 */
export async function missingFinals(
  organisationId: number,
  periodId: number,
  classIds: readonly number[],
  client: Pick<Prisma.TransactionClient, "$queryRaw"> = db,
): Promise<MissingFinal[]> {
  if (classIds.length === 0) return [];
  const rows = await MISSING_FINALS.run(client, organisationId, periodId, [...classIds]);
  return rows.map((r) => ({ className: r.className, subjectName: r.subjectName, studentName: fullName(r) }));
}

/**
 * Per class, the scheduled lessons after `today` up to the period's last day (REC-1: what an early
 * closing locks before it happens). Classes without such lessons are absent.
 */
export async function lessonsAhead(
  organisationId: number,
  classIds: readonly number[],
  today: Date,
  periodEnd: Date,
): Promise<Map<number, number>> {
  if (classIds.length === 0 || today >= periodEnd) return new Map();
  const rows = await db.lesson.groupBy({
    by: ["classId"],
    where: {
      organisationId,
      classId: { in: [...classIds] },
      status: "SCHEDULED",
      date: { gt: today, lte: periodEnd },
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.classId, r._count._all]));
}
