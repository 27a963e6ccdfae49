// Reads of the organisation set-up (ORG-1…ORG-7), bound to the organisation (ACL-5).
import { db } from "@/lib/db";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

const byGradeName = (a: { grade: number; name: string }, b: { grade: number; name: string }) =>
  a.grade - b.grade || compareRuNumeric(a.name, b.name);

export async function orgCard(organisationId: number) {
  return db.organisation.findUnique({
    where: { id: organisationId },
    select: {
      name: true,
      shortName: true,
      kind: true,
      address: true,
      director: true,
      phone: true,
      email: true,
      website: true,
      inn: true,
      kpp: true,
      okpo: true,
      ogrn: true,
      timeZone: true,
      settings: true,
    },
  });
}

export async function assignmentTypes(organisationId: number) {
  return db.assignmentType.findMany({ where: { organisationId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}

export async function rooms(organisationId: number) {
  const rows = await db.room.findMany({ where: { organisationId } });
  return rows.sort((a, b) => compareRuNumeric(a.name, b.name));
}

export async function years(organisationId: number) {
  return db.academicYear.findMany({
    where: { organisationId },
    orderBy: { startDate: "desc" },
    select: {
      id: true,
      name: true,
      startDate: true,
      endDate: true,
      status: true,
      isCurrent: true,
      periods: { orderBy: [{ kind: "asc" }, { number: "asc" }] },
      holidays: { orderBy: { startDate: "asc" } },
    },
  });
}

export async function classesOfYear(organisationId: number, yearId: number) {
  const rows = await db.classGroup.findMany({
    where: { organisationId, yearId },
    select: {
      id: true,
      name: true,
      grade: true,
      letter: true,
      specialty: true,
      specialtyCode: true,
      shift: true,
      periodKind: true,
      departmentId: true,
      classTeachers: {
        select: { userId: true, kind: true, user: { select: NAME_FIELDS } },
      },
      subgroups: { select: { id: true, name: true, subjectId: true } },
    },
  });
  return rows.sort(byGradeName).map((c) => ({
    ...c,
    classTeachers: c.classTeachers.map((t) => ({ userId: t.userId, kind: t.kind, name: fullName(t.user) })),
  }));
}

export async function subjects(organisationId: number) {
  return db.subject.findMany({ where: { organisationId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] });
}

/** Active users holding `role`, as { id, name } in name order (the set-up pages' pickers). */
async function activeUsersWithRole(organisationId: number, role: "TEACHER" | "HEAD_OF_DEPT") {
  const rows = await db.user.findMany({
    where: { organisationId, isActive: true, roles: { some: { role } } },
    select: { id: true, ...NAME_FIELDS },
  });
  return rows.map((u) => ({ id: u.id, name: fullName(u) })).sort((a, b) => compareRu(a.name, b.name));
}

export async function teachers(organisationId: number) {
  return activeUsersWithRole(organisationId, "TEACHER");
}

export async function curriculumOfClass(organisationId: number, classId: number) {
  return db.curriculumItem.findMany({
    where: { organisationId, classId },
    orderBy: [{ subjectId: "asc" }, { periodId: "asc" }],
  });
}

export async function loadsOfYear(organisationId: number, yearId: number, classId: number | null) {
  return db.teacherLoad.findMany({
    where: { organisationId, yearId, ...(classId ? { classId } : {}) },
    orderBy: [{ classId: "asc" }, { subjectId: "asc" }],
  });
}

export async function currentYear(organisationId: number) {
  return db.academicYear.findFirst({
    where: { organisationId, isCurrent: true },
    select: { id: true, name: true, status: true, startDate: true, endDate: true },
  });
}

/** ORG-4 departments with their head and the number of groups of the given year. */
export async function departments(organisationId: number, yearId: number | null) {
  const rows = await db.department.findMany({
    where: { organisationId },
    select: {
      id: true,
      name: true,
      headId: true,
      _count: { select: { classes: yearId ? { where: { yearId } } : true } },
    },
  });
  return rows
    .map((d) => ({ id: d.id, name: d.name, headId: d.headId, groups: d._count.classes }))
    .sort((a, b) => compareRu(a.name, b.name));
}

/** Active users holding HEAD_OF_DEPT: the candidates for a department's head. */
export async function headsOfDept(organisationId: number) {
  return activeUsersWithRole(organisationId, "HEAD_OF_DEPT");
}

/** Every curriculum row of the year's classes (for the totals, ORG-6). */
export async function curriculumOfYear(organisationId: number, yearId: number) {
  const rows = await db.curriculumItem.findMany({
    where: { organisationId, class: { yearId } },
    select: { classId: true, subjectId: true, periodId: true, hours: true },
  });
  return rows.map((r) => ({ ...r, hours: Number(r.hours) }));
}
