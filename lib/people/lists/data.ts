// Class lists on a date, derived from the movement book through ClassMembership (PPL-3, JRN-1).
import { spanMeets } from "@/lib/org/time";
import { classListsOn } from "@/lib/people/data";
import { db } from "@/lib/db";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

export type ClassRef = { id: number; name: string; grade: number; yearName: string; yearStatus: string };

export async function classesOfCurrentYear(
  organisationId: number,
  only: readonly number[] | "all",
): Promise<ClassRef[]> {
  const rows = await db.classGroup.findMany({
    where: { organisationId, year: { isCurrent: true }, ...(only === "all" ? {} : { id: { in: [...only] } }) },
    select: { id: true, name: true, grade: true, year: { select: { name: true, status: true } } },
  });
  return rows
    .map((r) => ({ id: r.id, name: r.name, grade: r.grade, yearName: r.year.name, yearStatus: r.year.status }))
    .sort((a, b) => a.grade - b.grade || compareRuNumeric(a.name, b.name));
}

export async function classRef(organisationId: number, classId: number): Promise<ClassRef | null> {
  const r = await db.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: { id: true, name: true, grade: true, year: { select: { name: true, status: true } } },
  });
  return r ? { id: r.id, name: r.name, grade: r.grade, yearName: r.year.name, yearStatus: r.year.status } : null;
}

export type ClassListRow = {
  studentId: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  birthDate: Date;
  educationForm: string;
  userId: number | null;
  since: Date;
};

/** Students in the class on the date (from memberships: start ≤ date ≤ end). */
export async function classListOn(organisationId: number, classId: number, date: Date): Promise<ClassListRow[]> {
  const rows = await db.classMembership.findMany({
    where: { organisationId, classId, ...spanMeets(date) },
    select: {
      startDate: true,
      educationForm: true,
      student: {
        select: { id: true, ...NAME_FIELDS, birthDate: true, userId: true },
      },
    },
  });
  return rows
    .map((r) => ({
      studentId: r.student.id,
      lastName: r.student.lastName,
      firstName: r.student.firstName,
      middleName: r.student.middleName,
      birthDate: r.student.birthDate,
      educationForm: r.educationForm,
      userId: r.student.userId,
      since: r.startDate,
    }))
    .sort((a, b) =>
      compareRu(
        `${a.lastName} ${a.firstName} ${a.middleName ?? ""}`,
        `${b.lastName} ${b.firstName} ${b.middleName ?? ""}`,
      ),
    );
}

export type MedicalRow = { fullName: string; healthGroup: string | null; physicalGroup: string | null };

/** Seed 003: the class teacher's list «ФИО, группа здоровья, физ. группа» for Excel. */
export async function medicalListOn(organisationId: number, classId: number, date: Date): Promise<MedicalRow[]> {
  const rows = await db.classMembership.findMany({
    where: { organisationId, classId, ...spanMeets(date) },
    select: {
      student: {
        select: { ...NAME_FIELDS, healthGroup: true, physicalGroup: true },
      },
    },
  });
  return rows
    .map(({ student: s }) => ({
      fullName: fullName(s),
      healthGroup: s.healthGroup,
      physicalGroup: s.physicalGroup,
    }))
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}

/** Students of the given classes on a date as «ФИО (класс)» options, for linking a parent to a child. */
export async function studentOptionsOn(
  organisationId: number,
  classIds: readonly number[],
  date: Date,
): Promise<{ id: number; label: string }[]> {
  const rows = await db.classMembership.findMany({
    where: classListsOn(organisationId, classIds, date),
    select: {
      class: { select: { name: true } },
      student: { select: { id: true, ...NAME_FIELDS } },
    },
  });
  return rows
    .map((r) => ({
      id: r.student.id,
      label: `${fullName(r.student)} (${r.class.name})`,
    }))
    .sort((a, b) => compareRu(a.label, b.label));
}

export type ClassSummary = {
  classId: number;
  students: number;
  notFullTime: number;
  withoutLogin: number;
  teachers: string[];
};

/** Per class on a date: pupils, those not in full-time education, those without a login, class teachers. */
export async function classSummaries(
  organisationId: number,
  classIds: readonly number[],
  date: Date,
): Promise<Map<number, ClassSummary>> {
  const ids = [...classIds];
  const [members, teachers] = await Promise.all([
    db.classMembership.findMany({
      where: {
        organisationId,
        classId: { in: ids },
        ...spanMeets(date),
      },
      select: { classId: true, educationForm: true, student: { select: { userId: true } } },
    }),
    db.classTeacher.findMany({
      where: { organisationId, classId: { in: ids } },
      select: { classId: true, user: { select: NAME_FIELDS } },
    }),
  ]);
  const out = new Map<number, ClassSummary>(
    ids.map((id) => [id, { classId: id, students: 0, notFullTime: 0, withoutLogin: 0, teachers: [] }]),
  );
  for (const m of members) {
    const c = out.get(m.classId)!;
    c.students += 1;
    if (m.educationForm !== "FULL_TIME") c.notFullTime += 1;
    if (m.student.userId === null) c.withoutLogin += 1;
  }
  for (const t of teachers) out.get(t.classId)?.teachers.push(fullName(t.user));
  return out;
}

/** Pupils of the given classes on a date whose surname starts with `prefix` (case-insensitive), up to 50. */
export async function findStudentsOn(organisationId: number, classIds: readonly number[], date: Date, prefix: string) {
  const rows = await db.classMembership.findMany({
    where: {
      ...classListsOn(organisationId, classIds, date),
      student: { lastName: { startsWith: prefix, mode: "insensitive" } },
    },
    take: 50,
    select: {
      class: { select: { name: true } },
      student: { select: { id: true, ...NAME_FIELDS, birthDate: true } },
    },
  });
  return rows
    .map((r) => ({
      id: r.student.id,
      fullName: fullName(r.student),
      birthDate: r.student.birthDate,
      className: r.class.name,
    }))
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}
