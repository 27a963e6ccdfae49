// Reads behind the reports; every query is bound to the organisation (ACL-5) and to the classes
// the caller has already authorised.
import { readDb as db } from "@/lib/db";
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

export type SubjectFinal = { studentId: number; subjectId: number; value: number | null; special: FinalFact["special"] };

/** Period finals of the classes with their subject (RPT-1, RPT-4). */
export async function periodFinalsBySubject(organisationId: number, classIds: number[], periodId: number): Promise<SubjectFinal[]> {
  return db.finalMark.findMany({
    where: { organisationId, classId: { in: classIds }, periodId, kind: "PERIOD" },
    select: { studentId: true, subjectId: true, value: true, special: true },
  });
}

/** Subjects of the classes' curriculum plus any subject that has finals, in curriculum order. */
export async function subjectsOf(organisationId: number, classIds: number[], extraIds: number[]): Promise<{ id: number; name: string; shortName: string }[]> {
  const curriculum = await db.curriculumItem.findMany({ where: { organisationId, classId: { in: classIds } }, select: { subjectId: true } });
  const ids = [...new Set([...curriculum.map((c) => c.subjectId), ...extraIds])];
  const subjects = await db.subject.findMany({
    where: { organisationId, id: { in: ids } },
    select: { id: true, name: true, shortName: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return subjects.map(({ id, name, shortName }) => ({ id, name, shortName }));
}

export type RosterFact = { classId: number; sex: "MALE" | "FEMALE" | null; educationForm: string };

/** Everyone on the roll of the classes on a date with sex and form of education (RPT-9). */
export async function rosterFacts(organisationId: number, classIds: number[], date: Date): Promise<RosterFact[]> {
  const rows = await db.classMembership.findMany({
    where: { organisationId, classId: { in: classIds }, startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] },
    select: { classId: true, educationForm: true, student: { select: { sex: true } } },
  });
  return rows.map((r) => ({ classId: r.classId, sex: r.student.sex, educationForm: r.educationForm }));
}

/** Class teachers' short names by class. */
export async function classTeachersOf(organisationId: number, classIds: number[]): Promise<Map<number, string>> {
  const rows = await db.classTeacher.findMany({
    where: { organisationId, classId: { in: classIds } },
    select: { classId: true, user: { select: { lastName: true, firstName: true, middleName: true } } },
  });
  return new Map(rows.map((r) => [r.classId, `${r.user.lastName} ${r.user.firstName[0]}.${r.user.middleName ? ` ${r.user.middleName[0]}.` : ""}`]));
}
