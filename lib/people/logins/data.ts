// Reads for issuing logins and the visit statistics (AUTH-2, AUTH-5).
import { spanMeets } from "@/lib/org/time";
import { classListsOn } from "@/lib/people/data";
import { db, nameStartsWithSql, rawStatement } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { col } from "@/lib/sql";
import type { VisitFilter } from "./schema";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
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
    fullName: fullName(c),
    userId: c.user?.id ?? null,
    login: c.user?.login ?? null,
    lockedUntil: c.user?.lockedUntil ?? null,
    lastSignInAt: c.user?.lastSignInAt ?? null,
    issuedAt: c.user?.issuedAt ?? null,
    isActive: c.user?.isActive ?? true,
  };
}

const byName = (a: IssueCandidate, b: IssueCandidate) => compareRu(a.fullName, b.fullName);

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
        fullName: fullName(u),
        login: u.login,
        roles: u.roles.map((r) => r.role),
        lastVisit: u.lastSignInAt,
        weeks: perWeek,
        isActive: u.isActive,
      };
    })
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}

/** The filters of the visit statistics as the page applies them. */
export type VisitQuery = Partial<VisitFilter>;

/**
 * AUTH-5 for the page (issue 22 item 7): the first `limit` users of `visitStats` after
 * `filterVisits`, in the same order (ФИО by Russian collation), and how many match — filtered,
 * ordered, limited and counted in ONE statement instead of reading, mapping and sorting every
 * user of the school to show 200. Equal rows to `filterVisits(visitStats(…))` (integration test
 * visits-page); the Excel file still takes them all through visitStats.
 */
export const VISIT_PAGE = rawStatement(
  {
    userId: col.int,
    fullName: col.text,
    login: col.text,
    roles: col.array(col.text),
    lastVisit: col.date.nullable(),
    isActive: col.bool,
    weeks: col.array(col.int),
    total: col.int,
  },
  (
    organisationId: number,
    userIds: readonly number[] | "all",
    today: Date,
    filter: VisitQuery,
    limit: number,
    weeks: number,
  ) => {
    const ids =
      userIds === "all"
        ? Prisma.empty
        : userIds.length
          ? Prisma.sql`AND u.id IN (${Prisma.join([...userIds])})`
          : Prisma.sql`AND false`;
    const role = filter.role
      ? Prisma.sql`AND EXISTS (SELECT 1 FROM "UserRole" r WHERE r."organisationId" = u."organisationId"
                                 AND r."userId" = u.id AND r.role::text = ${filter.role})`
      : Prisma.empty;
    const never = filter.never ? Prisma.sql`AND u."lastSignInAt" IS NULL` : Prisma.empty;
    // filterVisits: the full name lower-cased starts with the query lower-cased (both in Russian).
    const q = filter.q ? Prisma.sql`WHERE ${nameStartsWithSql(Prisma.sql`n."fullName"`, filter.q)}` : Prisma.empty;
    return Prisma.sql`
    WITH n AS (
      SELECT u.id, u.login, u."lastSignInAt", u."isActive",
             -- fullName(): the trimmed parts that are not empty, joined by a space
             concat_ws(' ', nullif(btrim(u."lastName"), ''), nullif(btrim(u."firstName"), ''),
                       nullif(btrim(u."middleName"), '')) AS "fullName"
        FROM "User" u
       WHERE u."organisationId" = ${organisationId} ${ids} ${role} ${never}
    ), page AS (
      SELECT n.*, count(*) OVER () AS total FROM n ${q}
       ORDER BY n."fullName" COLLATE "ru-x-icu", n.id
       LIMIT ${limit}
    )
    SELECT p.id AS "userId", p."fullName", p.login,
           ARRAY(SELECT r.role::text FROM "UserRole" r
                  WHERE r."organisationId" = ${organisationId} AND r."userId" = p.id ORDER BY r.role) AS roles,
           p."lastSignInAt" AS "lastVisit", p."isActive",
           -- sign-ins per week, newest first: week w holds the days 7w … 7w + 6 before today
           ARRAY(SELECT coalesce(sum(v.count), 0)::int
                   FROM generate_series(0, ${weeks - 1}::int) w
                   LEFT JOIN "Visit" v ON v."organisationId" = ${organisationId} AND v."userId" = p.id
                        AND v.day <= ${today}::date - 7 * w AND v.day > ${today}::date - 7 * (w + 1)
                  GROUP BY w ORDER BY w) AS weeks,
           p.total::int AS total
      FROM page p
     ORDER BY p."fullName" COLLATE "ru-x-icu", p.id`;
  },
);

/** The page's rows of the visit statistics (see VISIT_PAGE) and how many users match the filters. */
export async function visitPage(
  organisationId: number,
  userIds: readonly number[] | "all",
  today: Date,
  filter: VisitQuery,
  limit: number,
  weeks = 4,
): Promise<{ rows: VisitRow[]; total: number }> {
  const found = await VISIT_PAGE.run(db, organisationId, userIds, today, filter, limit, weeks);
  return { rows: found.map(({ total: _total, ...row }) => row), total: found[0]?.total ?? 0 };
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
  return rows.map((r) => fullName(r)).sort(compareRu);
}
