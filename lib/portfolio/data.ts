// Reads of portfolios (LRN-5), bound to the organisation; the callers have decided access.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import { NAME_FIELDS } from "@/lib/people/names";
import { compareRu } from "@/lib/org/collation";

const PERSON = { select: NAME_FIELDS } as const;

export async function achievementsOf(organisationId: number, studentId: number) {
  const rows = await db.achievement.findMany({
    where: { organisationId, studentId },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      level: true,
      title: true,
      result: true,
      subject: true,
      date: true,
      status: true,
      addedById: true,
      confirmedById: true,
      confirmedAt: true,
      rejectReason: true,
      fileName: true,
      size: true,
    },
  });
  const ids = [...new Set(rows.flatMap((r) => [r.addedById, ...(r.confirmedById ? [r.confirmedById] : [])]))];
  const users = await db.user.findMany({
    where: { organisationId, id: { in: ids } },
    select: { id: true, ...PERSON.select },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({
    ...r,
    addedBy: byId.get(r.addedById) ?? null,
    confirmedBy: r.confirmedById ? (byId.get(r.confirmedById) ?? null) : null,
  }));
}

export async function achievementById(organisationId: number, id: number) {
  return db.achievement.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: {
      id: true,
      studentId: true,
      status: true,
      addedById: true,
      storageKey: true,
      fileName: true,
      mimeType: true,
    },
  });
}

export async function staffAchievementsOf(organisationId: number, userId: number) {
  return db.staffAchievement.findMany({
    where: { organisationId, userId },
    orderBy: [{ date: "desc" }, { id: "desc" }],
    select: {
      id: true,
      kind: true,
      title: true,
      issuer: true,
      date: true,
      hours: true,
      documentNumber: true,
      fileName: true,
      size: true,
    },
  });
}

export async function staffAchievementById(organisationId: number, id: number) {
  return db.staffAchievement.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { id: true, userId: true, storageKey: true, fileName: true, mimeType: true },
  });
}

/** A staff member (a user with a role other than student / parent) with their card's position and category. */
export async function staffMember(organisationId: number, userId: number) {
  const u = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: {
      id: true,
      ...PERSON.select,
      roles: { select: { role: true } },
      staff: { select: { position: true, category: true, education: true } },
    },
  });
  if (!u || !u.roles.some((r) => r.role !== "STUDENT" && r.role !== "PARENT")) return null;
  return u;
}

/** Teachers of the organisation (for the administration's portfolio index). */
export async function teachers(organisationId: number) {
  return db.user.findMany({
    where: { organisationId, isActive: true, roles: { some: { role: "TEACHER" } } },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    select: { id: true, ...PERSON.select },
  });
}

/** Classes of the current year (all, or these ids) with their pupils on a date and pending entries. */
export async function classesWithPupils(organisationId: number, classIds: readonly number[] | null, date: Date) {
  const classes = await db.classGroup.findMany({
    where: { organisationId, year: { isCurrent: true }, ...(classIds !== null ? { id: { in: [...classIds] } } : {}) },
    orderBy: [{ grade: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      memberships: {
        where: spanMeets(date),
        select: { student: { select: { id: true, ...PERSON.select } } },
      },
    },
  });
  const studentIds = classes.flatMap((c) => c.memberships.map((m) => m.student.id));
  const pending = await db.achievement.groupBy({
    by: ["studentId"],
    where: { organisationId, status: "PENDING", studentId: { in: studentIds } },
    _count: { _all: true },
  });
  const pendingOf = new Map(pending.map((p) => [p.studentId, p._count._all]));
  return classes.map((c) => ({
    id: c.id,
    name: c.name,
    students: c.memberships
      .map((m) => ({ ...m.student, pending: pendingOf.get(m.student.id) ?? 0 }))
      .sort((a, b) => compareRu(`${a.lastName} ${a.firstName}`, `${b.lastName} ${b.firstName}`)),
  }));
}
