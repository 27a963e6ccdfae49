// Reads for the year transition wizard (ORG-3, PPL-4).
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import { compareRuNumeric } from "@/lib/org/collation";

export async function transitionInputs(organisationId: number) {
  const year = await db.academicYear.findFirst({
    where: { organisationId, isCurrent: true },
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      status: true,
      periods: {
        orderBy: [{ kind: "asc" }, { number: "asc" }],
        select: { kind: true, number: true, name: true, startDate: true, endDate: true },
      },
      holidays: { select: { name: true, startDate: true, endDate: true, grade: true } },
      organisation: { select: { kind: true } },
    },
  });
  if (!year) return null;
  const classes = await db.classGroup.findMany({
    where: { organisationId, yearId: year.id },
    select: { id: true, name: true, grade: true },
  });
  const members = await db.classMembership.findMany({
    where: { organisationId, endDate: null, class: { yearId: year.id } },
    select: {
      id: true,
      studentId: true,
      classId: true,
      student: { select: NAME_FIELDS },
    },
  });
  const names = await db.academicYear.findMany({ where: { organisationId }, select: { name: true } });
  // REC-4: the council's decisions already recorded for the year replace the defaults.
  const council = await db.yearDecision.findMany({
    where: { organisationId, yearId: year.id, protocolNumber: { not: null } },
    select: { studentId: true, decision: true, protocolNumber: true },
  });
  return {
    council,
    year,
    orgKind: year.organisation.kind,
    classes: classes.sort((a, b) => a.grade - b.grade || compareRuNumeric(a.name, b.name)),
    members: members.map((m) => ({
      membershipId: m.id,
      studentId: m.studentId,
      classId: m.classId,
      fullName: fullName(m.student),
    })),
    yearNames: names.map((n) => n.name),
  };
}

/** REC-2: the years other than the current one, with their reopenings (ADMIN's «Открыть год для исправлений»). */
export async function pastYears(organisationId: number) {
  const years = await db.academicYear.findMany({
    where: { organisationId, isCurrent: false },
    orderBy: { startDate: "desc" },
    select: {
      id: true,
      name: true,
      status: true,
      closedAt: true,
      reopenings: {
        orderBy: { id: "desc" },
        select: { reason: true, reopenedAt: true, closedAgainAt: true, archiveSetId: true },
      },
    },
  });
  return years.map((y) => ({
    id: y.id,
    name: y.name,
    status: y.status as "PLANNED" | "OPEN" | "CLOSED",
    closedAt: y.closedAt,
    reopenings: y.reopenings,
    /** Open for corrections: reopened and not yet closed again. */
    reopened: y.status !== "CLOSED" && y.reopenings.some((r) => r.closedAgainAt === null),
  }));
}

export type YearOption = { id: number; name: string; status: "PLANNED" | "OPEN" | "CLOSED"; isCurrent: boolean };

/** The organisation's academic years, newest first (year selectors, REC-3; the archive). */
export async function listYears(organisationId: number): Promise<YearOption[]> {
  return db.academicYear.findMany({
    where: { organisationId },
    orderBy: { startDate: "desc" },
    select: { id: true, name: true, status: true, isCurrent: true },
  });
}
