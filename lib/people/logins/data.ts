// Reads for issuing logins and the visit statistics (AUTH-2, AUTH-5).
import { spanMeets } from "@/lib/org/time";
import { classListsOn } from "@/lib/people/data";
import { db } from "@/lib/db";
import { NAME_FIELDS } from "@/lib/people/names";
import { compareRu } from "@/lib/org/collation";

export type PersonRef = { kind: "student" | "parent" | "staff"; id: number };

export type IssueCandidate = {
  kind: PersonRef["kind"];
  id: number;
  fullName: string;
  userId: number | null;
  login: string | null;
  lockedUntil: Date | null;
  lastSignInAt: Date | null;
  issuedAt: Date | null;
  isActive: boolean;
};

const userSelect = {
  select: { id: true, login: true, lockedUntil: true, lastSignInAt: true, issuedAt: true, isActive: true },
} as const;

type Card = {
  id: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  user: {
    id: number;
    login: string;
    lockedUntil: Date | null;
    lastSignInAt: Date | null;
    issuedAt: Date | null;
    isActive: boolean;
  } | null;
};

function toCandidate(kind: PersonRef["kind"], c: Card): IssueCandidate {
  return {
    kind,
    id: c.id,
    fullName: [c.lastName, c.firstName, c.middleName].filter(Boolean).join(" "),
    userId: c.user?.id ?? null,
    login: c.user?.login ?? null,
    lockedUntil: c.user?.lockedUntil ?? null,
    lastSignInAt: c.user?.lastSignInAt ?? null,
    issuedAt: c.user?.issuedAt ?? null,
    isActive: c.user?.isActive ?? true,
  };
}

const byName = (a: IssueCandidate, b: IssueCandidate) => a.fullName.localeCompare(b.fullName, "ru");

/** Students of a class on a date and their parents, with their login state. */
export async function familyOfClass(
  organisationId: number,
  classId: number,
  date: Date,
): Promise<{ students: IssueCandidate[]; parents: IssueCandidate[] }> {
  const memberships = await db.classMembership.findMany({
    where: { organisationId, classId, ...spanMeets(date) },
    select: {
      student: {
        select: {
          id: true,
          ...NAME_FIELDS,
          user: userSelect,
          parentLinks: {
            select: {
              parent: { select: { id: true, ...NAME_FIELDS, user: userSelect } },
            },
          },
        },
      },
    },
  });
  const students = memberships.map((m) => toCandidate("student", m.student)).sort(byName);
  const parents = new Map<number, IssueCandidate>();
  for (const m of memberships)
    for (const l of m.student.parentLinks) parents.set(l.parent.id, toCandidate("parent", l.parent));
  return { students, parents: [...parents.values()].sort(byName) };
}

export async function staffCandidates(organisationId: number): Promise<IssueCandidate[]> {
  const rows = await db.staff.findMany({
    where: { organisationId, firedAt: null },
    select: { id: true, ...NAME_FIELDS, user: userSelect },
  });
  return rows.map((r) => toCandidate("staff", r)).sort(byName);
}

/** For authorising a parent through the children. */
export async function childrenOf(organisationId: number, parentId: number): Promise<number[] | null> {
  const p = await db.parent.findUnique({
    where: { organisationId_id: { organisationId, id: parentId } },
    select: { children: { select: { studentId: true } } },
  });
  return p ? p.children.map((c) => c.studentId) : null;
}

/** The card behind a user (to authorise an unlock by the kind of person). */
export async function personOfUser(organisationId: number, userId: number): Promise<PersonRef | null> {
  const u = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: { student: { select: { id: true } }, parent: { select: { id: true } }, staff: { select: { id: true } } },
  });
  if (!u) return null;
  if (u.student) return { kind: "student", id: u.student.id };
  if (u.parent) return { kind: "parent", id: u.parent.id };
  if (u.staff) return { kind: "staff", id: u.staff.id };
  return null;
}

export async function organisationName(organisationId: number): Promise<string> {
  const o = await db.organisation.findUnique({ where: { id: organisationId }, select: { name: true } });
  return o?.name ?? "";
}

export type VisitRow = {
  userId: number;
  fullName: string;
  login: string;
  roles: string[];
  lastVisit: Date | null;
  weeks: number[];
  isActive: boolean;
};

/** AUTH-5: last visit and sign-ins per week (the last `weeks` weeks, newest first) for the given users or everyone. */
export async function visitStats(
  organisationId: number,
  userIds: readonly number[] | "all",
  today: Date,
  weeks = 4,
): Promise<VisitRow[]> {
  const from = new Date(today.getTime() - (weeks * 7 - 1) * 86_400_000);
  const users = await db.user.findMany({
    where: { organisationId, ...(userIds === "all" ? {} : { id: { in: [...userIds] } }) },
    select: {
      id: true,
      login: true,
      ...NAME_FIELDS,
      lastSignInAt: true,
      isActive: true,
      roles: { select: { role: true } },
      visits: { where: { day: { gte: from } }, select: { day: true, count: true, lastAt: true } },
    },
  });
  return users
    .map((u) => {
      const perWeek = Array.from({ length: weeks }, () => 0);
      for (const v of u.visits) {
        const idx = Math.floor((today.getTime() - v.day.getTime()) / (7 * 86_400_000));
        if (idx >= 0 && idx < weeks) perWeek[idx] += v.count;
      }
      return {
        userId: u.id,
        fullName: [u.lastName, u.firstName, u.middleName].filter(Boolean).join(" "),
        login: u.login,
        roles: u.roles.map((r) => r.role),
        lastVisit: u.lastSignInAt,
        weeks: perWeek,
        isActive: u.isActive,
      };
    })
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}

/** Users of the students of the classes and of their parents (a class teacher's visit statistics). */
export async function familyUserIds(
  organisationId: number,
  classIds: readonly number[],
  date: Date,
): Promise<number[]> {
  const rows = await db.classMembership.findMany({
    where: classListsOn(organisationId, classIds, date),
    select: {
      student: { select: { userId: true, parentLinks: { select: { parent: { select: { userId: true } } } } } },
    },
  });
  const ids = new Set<number>();
  for (const r of rows) {
    if (r.student.userId) ids.add(r.student.userId);
    for (const l of r.student.parentLinks) if (l.parent.userId) ids.add(l.parent.userId);
  }
  return [...ids];
}

/** Full names of the people whose login is closed (users.delete): no slip is issued for them. */
export async function closedLoginsAmong(organisationId: number, people: readonly PersonRef[]): Promise<string[]> {
  const ids = (kind: PersonRef["kind"]) => people.filter((p) => p.kind === kind).map((p) => p.id);
  const where = (kind: PersonRef["kind"]) => ({ organisationId, id: { in: ids(kind) }, user: { isActive: false } });
  const rows = (
    await Promise.all([
      db.student.findMany({ where: where("student"), select: NAME_FIELDS }),
      db.parent.findMany({ where: where("parent"), select: NAME_FIELDS }),
      db.staff.findMany({ where: where("staff"), select: NAME_FIELDS }),
    ])
  ).flat();
  return rows
    .map((r) => [r.lastName, r.firstName, r.middleName].filter(Boolean).join(" "))
    .sort((a, b) => a.localeCompare(b, "ru"));
}
