// Announcement board reads (MSG-3). Bound to the organisation (ACL-5).
import { spanMeets } from "@/lib/org/time";
import { db, utcSql } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { isRole, type Role } from "@/lib/access/roles";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

export type AnnouncementView = {
  id: number;
  title: string;
  body: string;
  startsAt: Date;
  authorName: string;
  className: string | null;
};

/** Announcements addressed to a reader: to everyone, to one of their roles, or to one of their classes. */
function addressedTo(roles: readonly Role[], classIds: readonly number[]) {
  return {
    OR: [
      { audience: "ALL" as const },
      { audience: "ROLE" as const, role: { in: [...roles] } },
      { audience: "CLASS" as const, classId: { in: [...classIds] } },
    ],
  };
}

const VIEW_SELECT = {
  id: true,
  title: true,
  body: true,
  startsAt: true,
  author: { select: NAME_FIELDS },
  class: { select: { name: true } },
} as const;

function viewOf(r: {
  id: number;
  title: string;
  body: string;
  startsAt: Date;
  author: { lastName: string; firstName: string; middleName: string | null };
  class: { name: string } | null;
}): AnnouncementView {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    startsAt: r.startsAt,
    authorName: fullName(r.author),
    className: r.class?.name ?? null,
  };
}

/** Current announcements for a reader: to everyone, to one of their roles, or to one of their classes. */
export async function announcementsFor(
  organisationId: number,
  roles: readonly Role[],
  classIds: readonly number[],
  now: Date,
  take = 10,
): Promise<AnnouncementView[]> {
  const rows = await db.announcement.findMany({
    where: {
      organisationId,
      startsAt: { lte: now },
      AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, addressedTo(roles, classIds)],
    },
    orderBy: { startsAt: "desc" },
    take,
    select: VIEW_SELECT,
  });
  return rows.map(viewOf);
}

/**
 * announcementsFor as a fragment of a reader's page statement (the diary week's, issue 22 item 5): the
 * same filter and order, the reader's classes given as a subquery (`classIdsSql`), the rows as one json
 * array of [id, title, body, startsAt (ISO, UTC), author's last, first, middle name, class name] —
 * `announcementsOfJson` reads them back into AnnouncementView. A statement of its own it would be three
 * (Prisma's author and class relation queries, sent as `IN (NULL)` even with no announcements).
 */
export function announcementsJsonSql(
  organisationId: number,
  roles: readonly Role[],
  classIdsSql: Prisma.Sql,
  now: Date,
  take: number,
): Prisma.Sql {
  const at = utcSql(now);
  const byRole = roles.length ? Prisma.sql`a.role::text IN (${Prisma.join([...roles])})` : Prisma.sql`FALSE`;
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_array(
              x.id, x.title, x.body, to_char(x."startsAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              x."lastName", x."firstName", x."middleName", x."className") ORDER BY x."startsAt" DESC, x.id DESC), '[]'::json)
       FROM (SELECT a.id, a.title, a.body, a."startsAt", u."lastName", u."firstName", u."middleName", c.name AS "className"
               FROM "Announcement" a
               JOIN "User" u ON u."organisationId" = a."organisationId" AND u.id = a."authorId"
               LEFT JOIN "ClassGroup" c ON c."organisationId" = a."organisationId" AND c.id = a."classId"
              WHERE a."organisationId" = ${organisationId} AND a."startsAt" <= ${at}
                AND (a."expiresAt" IS NULL OR a."expiresAt" > ${at})
                AND (a.audience = 'ALL'
                     OR (a.audience = 'ROLE' AND ${byRole})
                     OR (a.audience = 'CLASS' AND a."classId" IN ${classIdsSql}))
              ORDER BY a."startsAt" DESC, a.id DESC
              LIMIT ${take}) x)`;
}

/** The rows of announcementsJsonSql as the board's views. */
export function announcementsOfJson(
  rows: readonly [number, string, string, string, string, string, string | null, string | null][],
): AnnouncementView[] {
  return rows.map(([id, title, body, startsAt, lastName, firstName, middleName, className]) =>
    viewOf({
      id,
      title,
      body,
      startsAt: new Date(startsAt),
      author: { lastName, firstName, middleName },
      class: className === null ? null : { name: className },
    }),
  );
}

export type BoardItem = AnnouncementView & {
  expiresAt: Date | null;
  audience: "ALL" | "ROLE" | "CLASS";
  role: Role | null;
  source: string;
  mine: boolean;
};

/**
 * The board page (MSG-3): what is shown now to the reader (everyone, their roles, their
 * classes — or every class for the administration), plus the reader's own announcements that
 * are not shown yet.
 */
export async function boardFor(
  organisationId: number,
  reader: { userId: number; roles: readonly Role[]; classIds: readonly number[] | "all" },
  now: Date,
  take = 100,
): Promise<BoardItem[]> {
  const audience = reader.classIds === "all" ? {} : addressedTo(reader.roles, reader.classIds);
  const rows = await db.announcement.findMany({
    where: {
      organisationId,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      AND: [{ OR: [{ startsAt: { lte: now }, ...audience }, { authorId: reader.userId }] }],
    },
    orderBy: { startsAt: "desc" },
    take,
    select: { ...VIEW_SELECT, expiresAt: true, audience: true, role: true, source: true, authorId: true },
  });
  return rows.map((r) => ({
    ...viewOf(r),
    expiresAt: r.expiresAt,
    audience: r.audience,
    role: r.role && isRole(r.role) ? r.role : null,
    source: r.source,
    mine: r.authorId === reader.userId,
  }));
}

/** The classes whose announcements a reader sees: children's, own, led and taught (current). */
export async function readerClassIds(organisationId: number, userId: number, today: Date): Promise<number[]> {
  const current = spanMeets(today);
  const openYear = { year: { status: { not: "CLOSED" as const } } };
  const user = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: {
      student: { select: { memberships: { where: current, select: { classId: true } } } },
      parent: {
        select: {
          children: { select: { student: { select: { memberships: { where: current, select: { classId: true } } } } } },
        },
      },
      classTeacherOf: { where: { class: openYear }, select: { classId: true } },
      loads: { where: openYear, select: { classId: true } },
    },
  });
  if (!user) return [];
  return [
    ...new Set([
      ...(user.student?.memberships.map((m) => m.classId) ?? []),
      ...(user.parent?.children.flatMap((c) => c.student.memberships.map((m) => m.classId)) ?? []),
      ...user.classTeacherOf.map((c) => c.classId),
      ...user.loads.map((l) => l.classId),
    ]),
  ];
}

/** Users an announcement reaches (for e-mail copies): everyone, a role, or a class's students, parents and teachers. */
export async function audienceUserIds(
  organisationId: number,
  a: { audience: "ALL" | "ROLE" | "CLASS"; role: Role | null; classId: number | null },
  today: Date,
): Promise<number[]> {
  if (a.audience === "ALL") {
    return (await db.user.findMany({ where: { organisationId, isActive: true }, select: { id: true } })).map(
      (u) => u.id,
    );
  }
  if (a.audience === "ROLE") {
    if (!a.role) return [];
    const rows = await db.user.findMany({
      where: { organisationId, isActive: true, roles: { some: { role: a.role } } },
      select: { id: true },
    });
    return rows.map((u) => u.id);
  }
  if (a.classId === null) return [];
  const classId = a.classId;
  const rows = await db.user.findMany({
    where: {
      organisationId,
      isActive: true,
      OR: [
        {
          student: {
            memberships: {
              some: { classId, ...spanMeets(today) },
            },
          },
        },
        {
          parent: {
            children: {
              some: {
                student: {
                  memberships: {
                    some: { classId, ...spanMeets(today) },
                  },
                },
              },
            },
          },
        },
        { classTeacherOf: { some: { classId } } },
        { loads: { some: { classId } } },
      ],
    },
    select: { id: true },
  });
  return rows.map((u) => u.id);
}
