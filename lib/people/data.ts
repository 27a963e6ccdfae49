// People reads used by home pages. Every query is bound to the organisation (ACL-5).
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "./names";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";

/** Memberships in these classes that meet `date`: the classes' lists on that day (a where). */
export function classListsOn(organisationId: number, classIds: readonly number[], date: Date) {
  return { organisationId, classId: { in: [...classIds] }, ...spanMeets(date) };
}

export type ChildSummary = { studentId: number; fullName: string; className: string | null; classId: number | null };

/** A student's name and their class on `today` (the select and its reading, shared by the reads below). */
function withClassOn(today: Date) {
  return {
    id: true,
    ...NAME_FIELDS,
    memberships: {
      where: spanMeets(today),
      select: { classId: true, class: { select: { name: true } } },
      take: 1,
    },
  } as const;
}

function childSummary(s: {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  memberships: { classId: number; class: { name: string } }[];
}): ChildSummary {
  return {
    studentId: s.id,
    fullName: fullName(s),
    className: s.memberships[0]?.class.name ?? null,
    classId: s.memberships[0]?.classId ?? null,
  };
}

/** The parent's children with their current class (DRY-5: only own children). */
export async function childrenOfUser(organisationId: number, userId: number, today: Date): Promise<ChildSummary[]> {
  const links = await db.parentLink.findMany({
    where: { organisationId, parent: { userId } },
    select: { student: { select: withClassOn(today) } },
  });
  return links.map(({ student }) => childSummary(student)).sort((a, b) => compareRu(a.fullName, b.fullName));
}

export type StudentPlace = { studentId: number; classId: number; className: string; subgroupIds: number[] } | null;

/** The signed-in student's current class and subgroups. */
export async function placeOfStudentUser(organisationId: number, userId: number, today: Date): Promise<StudentPlace> {
  const student = await db.student.findUnique({
    where: { organisationId_userId: { organisationId, userId } },
    select: {
      id: true,
      memberships: {
        where: spanMeets(today),
        select: { classId: true, class: { select: { name: true } } },
        take: 1,
      },
      subgroups: { select: { subgroupId: true } },
    },
  });
  const membership = student?.memberships[0];
  if (!student || !membership) return null;
  return {
    studentId: student.id,
    classId: membership.classId,
    className: membership.class.name,
    subgroupIds: student.subgroups.map((s) => s.subgroupId),
  };
}

/** Classes the user leads as class teacher / curator, current year. */
export async function classesLedBy(organisationId: number, userId: number): Promise<{ id: number; name: string }[]> {
  const rows = await db.classTeacher.findMany({
    where: { organisationId, userId, class: { year: { isCurrent: true } } },
    select: { class: { select: { id: true, name: true } } },
  });
  return rows.map((r) => r.class).sort((a, b) => compareRuNumeric(a.name, b.name));
}

export type StudentHeader = {
  studentId: number;
  fullName: string;
  classId: number | null;
  className: string | null;
  subgroupIds: number[];
};

/** Name, current class and subgroups of a student the caller already proved access to. */
export async function studentHeader(
  organisationId: number,
  studentId: number,
  today: Date,
): Promise<StudentHeader | null> {
  const s = await db.student.findUnique({
    where: { organisationId_id: { organisationId, id: studentId } },
    select: { ...withClassOn(today), subgroups: { select: { subgroupId: true } } },
  });
  if (!s) return null;
  return { ...childSummary(s), subgroupIds: s.subgroups.map((g) => g.subgroupId) };
}

/** A user's display name inside the organisation. */
export async function userName(organisationId: number, userId: number): Promise<string | null> {
  const u = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: NAME_FIELDS,
  });
  return u ? fullName(u) : null;
}

/** The student's class on a date (their membership), for the class teacher's scope and names. */
export async function studentClassOn(organisationId: number, studentId: number, date: Date): Promise<number | null> {
  const m = await db.classMembership.findFirst({
    where: { organisationId, studentId, ...spanMeets(date) },
    orderBy: { startDate: "desc" },
    select: { classId: true },
  });
  return m?.classId ?? null;
}
