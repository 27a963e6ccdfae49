// Mail reads (MSG-1): the facts of the recipient rule, recipient directories, mailboxes and
// messages. Every query is bound to the organisation (ACL-5); message reads also to the viewer
// being the sender or a recipient.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import { isRole, roleLabel, rolesLabel, type Role } from "@/lib/access/roles";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import type { RecipientFacts, SenderFacts } from "../rules";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";

const roleList = (rows: { role: string }[]): Role[] => rows.map((r) => r.role).filter(isRole);
const currentMembership = (today: Date) => ({
  ...spanMeets(today),
});
const openYear = { year: { status: { not: "CLOSED" as const } } };

/** The sender's roles and the current classes of their children / of themselves. */
export async function senderFacts(organisationId: number, userId: number, today: Date): Promise<SenderFacts | null> {
  const user = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: {
      isActive: true,
      roles: { select: { role: true } },
      student: { select: { memberships: { where: currentMembership(today), select: { classId: true } } } },
      parent: {
        select: {
          children: {
            select: {
              student: { select: { memberships: { where: currentMembership(today), select: { classId: true } } } },
            },
          },
        },
      },
    },
  });
  if (!user || !user.isActive) return null;
  return {
    userId,
    roles: roleList(user.roles),
    ownClassIds: user.student?.memberships.map((m) => m.classId) ?? [],
    childClassIds: user.parent?.children.flatMap((c) => c.student.memberships.map((m) => m.classId)) ?? [],
  };
}

const recipientSelect = {
  id: true,
  roles: { select: { role: true } },
  loads: { where: openYear, select: { classId: true } },
  classTeacherOf: { where: { class: openYear }, select: { classId: true } },
} as const;

/** Facts of the given users; unknown, inactive and foreign ids are simply absent. */
export async function recipientFacts(organisationId: number, userIds: readonly number[]): Promise<RecipientFacts[]> {
  if (userIds.length === 0) return [];
  const rows = await db.user.findMany({
    where: { organisationId, id: { in: [...userIds] }, isActive: true },
    select: recipientSelect,
  });
  return rows.map((u) => ({
    userId: u.id,
    roles: roleList(u.roles),
    teachesClassIds: u.loads.map((l) => l.classId),
    leadsClassIds: u.classTeacherOf.map((c) => c.classId),
  }));
}

export type DirectoryEntry = { userId: number; name: string; roles: Role[]; note: string };

/** People a family may write to: the administration and the teachers / class teachers of the given classes. */
export async function familyDirectory(
  organisationId: number,
  classIds: readonly number[],
  administration: readonly Role[],
  kind: OrgKindName,
): Promise<DirectoryEntry[]> {
  const rows = await db.user.findMany({
    where: {
      organisationId,
      isActive: true,
      OR: [
        { roles: { some: { role: { in: [...administration] } } } },
        { loads: { some: { classId: { in: [...classIds] }, ...openYear } } },
        { classTeacherOf: { some: { classId: { in: [...classIds] }, class: openYear } } },
      ],
    },
    select: {
      id: true,
      ...NAME_FIELDS,
      roles: { select: { role: true } },
      loads: {
        where: { classId: { in: [...classIds] }, ...openYear },
        select: { subject: { select: { name: true } } },
      },
      classTeacherOf: {
        where: { classId: { in: [...classIds] }, class: openYear },
        select: { class: { select: { name: true } } },
      },
    },
  });
  return rows.map((u) => {
    const subjects = [...new Set(u.loads.map((l) => l.subject.name))].sort(compareRu);
    // DAY-6: «куратор ИС-21» at a college.
    const led = u.classTeacherOf.map((c) => `${vocabulary(kind).classTeacher.nom} ${c.class.name}`);
    const roles = roleList(u.roles);
    const offices = roles.filter((r) => administration.includes(r)).map((r) => roleLabel(r, kind));
    return { userId: u.id, name: fullName(u), roles, note: [...offices, ...led, ...subjects].join(", ") };
  });
}

/** Every active staff member (anyone with a role other than student / parent). */
export async function staffDirectory(organisationId: number, kind: OrgKindName): Promise<DirectoryEntry[]> {
  const rows = await db.user.findMany({
    where: { organisationId, isActive: true, roles: { some: { role: { notIn: ["STUDENT", "PARENT"] } } } },
    select: { id: true, ...NAME_FIELDS, roles: { select: { role: true } } },
  });
  return rows.map((u) => {
    const roles = roleList(u.roles);
    return { userId: u.id, name: fullName(u), roles, note: rolesLabel(roles, kind) };
  });
}

/** Students and parents (with logins) of the given classes today, for a teacher's address book. */
export async function familiesOfClasses(
  organisationId: number,
  classIds: readonly number[],
  today: Date,
): Promise<DirectoryEntry[]> {
  if (classIds.length === 0) return [];
  const members = await db.classMembership.findMany({
    where: { organisationId, classId: { in: [...classIds] }, ...currentMembership(today) },
    select: {
      class: { select: { name: true } },
      student: {
        select: {
          userId: true,
          ...NAME_FIELDS,
          parentLinks: {
            select: { parent: { select: { userId: true, ...NAME_FIELDS } } },
          },
        },
      },
    },
  });
  const out = new Map<number, DirectoryEntry>();
  for (const m of members) {
    const s = m.student;
    if (s.userId)
      out.set(s.userId, { userId: s.userId, name: fullName(s), roles: ["STUDENT"], note: `ученик ${m.class.name}` });
    for (const { parent } of s.parentLinks) {
      if (!parent.userId) continue;
      const prev = out.get(parent.userId);
      const note = `родитель: ${s.lastName} ${s.firstName}, ${m.class.name}`;
      out.set(parent.userId, {
        userId: parent.userId,
        name: fullName(parent),
        roles: ["PARENT"],
        note: prev ? `${prev.note}; ${note}` : note,
      });
    }
  }
  return [...out.values()];
}

/** Classes of the current year, for choosing recipients or an announcement's class. */
export async function currentClasses(organisationId: number): Promise<{ id: number; name: string }[]> {
  const rows = await db.classGroup.findMany({
    where: { organisationId, year: { isCurrent: true } },
    select: { id: true, name: true },
  });
  return rows.sort((a, b) => compareRuNumeric(a.name, b.name));
}

/** The classes a staff member teaches or leads (for their address book). */
export async function classesOfTeacher(organisationId: number, userId: number): Promise<number[]> {
  const [loads, led] = await Promise.all([
    db.teacherLoad.findMany({ where: { organisationId, teacherId: userId, ...openYear }, select: { classId: true } }),
    db.classTeacher.findMany({ where: { organisationId, userId, class: openYear }, select: { classId: true } }),
  ]);
  return [...new Set([...loads, ...led].map((r) => r.classId))];
}

/** Active users holding one of the roles (role recipients expand on the server). */
export async function usersWithRoles(organisationId: number, roles: readonly Role[]): Promise<number[]> {
  if (roles.length === 0) return [];
  const rows = await db.user.findMany({
    where: { organisationId, isActive: true, roles: { some: { role: { in: [...roles] } } } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Students of the classes today and their parents, as user ids (class recipients expand on the server). */
export async function usersOfClasses(
  organisationId: number,
  classIds: readonly number[],
  today: Date,
): Promise<number[]> {
  return (await familiesOfClasses(organisationId, classIds, today)).map((e) => e.userId);
}

/** E-mail addresses of users for notifications; users without one are skipped. */
export async function emailsOf(organisationId: number, userIds: readonly number[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db.user.findMany({
    where: { organisationId, id: { in: [...userIds] }, isActive: true, email: { not: null } },
    select: { email: true },
  });
  return rows.flatMap((r) => (r.email && r.email.includes("@") ? [r.email] : []));
}
