// Reads behind the reports; every query is bound to the organisation (ACL-5) and to the classes
// the caller has already authorised.
import { db } from "@/lib/db";
import type { AbsenceFact, FinalFact } from "./rules";

export type RollStudent = { studentId: number; classId: number; fullName: string };

/** Students on the roll of the classes on a date, from the movement book (PPL-3). */
export async function rollOn(organisationId: number, classIds: number[], date: Date): Promise<RollStudent[]> {
  const rows = await db.classMembership.findMany({
    where: { organisationId, classId: { in: classIds }, startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] },
    select: { classId: true, student: { select: { id: true, lastName: true, firstName: true, middleName: true } } },
  });
  return rows
    .map((r) => ({
      studentId: r.student.id,
      classId: r.classId,
      fullName: [r.student.lastName, r.student.firstName, r.student.middleName].filter(Boolean).join(" "),
    }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, "ru"));
}

/** Period finals (kind PERIOD) of the classes, by student. */
export async function periodFinals(organisationId: number, classIds: number[], periodId: number): Promise<Map<number, FinalFact[]>> {
  const rows = await db.finalMark.findMany({
    where: { organisationId, classId: { in: classIds }, periodId, kind: "PERIOD" },
    select: { studentId: true, value: true, special: true },
  });
  const byStudent = new Map<number, FinalFact[]>();
  for (const r of rows) {
    const list = byStudent.get(r.studentId) ?? [];
    list.push({ value: r.value, special: r.special });
    byStudent.set(r.studentId, list);
  }
  return byStudent;
}

/** Absences and lateness of a class's held lessons between two dates, by student (RPT-3). */
export async function absencesBetween(organisationId: number, classId: number, from: Date, to: Date): Promise<Map<number, AbsenceFact[]>> {
  const rows = await db.attendance.findMany({
    where: { organisationId, lesson: { classId, status: "SCHEDULED", date: { gte: from, lte: to } } },
    select: { studentId: true, code: true, missedHours: true, lesson: { select: { hours: true } } },
  });
  const byStudent = new Map<number, AbsenceFact[]>();
  for (const r of rows) {
    const list = byStudent.get(r.studentId) ?? [];
    list.push({ code: r.code, hours: Number(r.missedHours ?? r.lesson.hours) });
    byStudent.set(r.studentId, list);
  }
  return byStudent;
}

export type ReportClass = { id: number; name: string; grade: number; periodKind: string };
export type ReportPeriod = { id: number; name: string; kind: string; startDate: Date; endDate: Date };

/** Classes and periods of the current year, for the report form and the builders. */
export async function reportScope(organisationId: number): Promise<{ orgName: string; isCollege: boolean; classes: ReportClass[]; periods: ReportPeriod[] }> {
  const [org, year] = await Promise.all([
    db.organisation.findUnique({ where: { id: organisationId }, select: { name: true, kind: true } }),
    db.academicYear.findFirst({ where: { organisationId, isCurrent: true }, select: { id: true } }),
  ]);
  const [classes, periods] = year
    ? await Promise.all([
        db.classGroup.findMany({ where: { organisationId, yearId: year.id }, select: { id: true, name: true, grade: true, periodKind: true } }),
        db.period.findMany({
          where: { organisationId, yearId: year.id },
          orderBy: [{ kind: "asc" }, { number: "asc" }],
          select: { id: true, name: true, kind: true, startDate: true, endDate: true },
        }),
      ])
    : [[], []];
  classes.sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, "ru"));
  return { orgName: org?.name ?? "", isCollege: org?.kind === "COLLEGE", classes, periods };
}
