// API-4: reads for Web Push — the subscriptions of given users that opted into a kind, the
// family of a student, and a device's own subscription. Bound to the organisation (ACL-5).
import { db, rawStatement } from "@/lib/db";
import type { PushKind } from "./rules";
import { col } from "@/lib/sql";
import { Prisma } from "@/prisma/generated/prisma/client";

export type Subscription = { id: number; endpoint: string; p256dh: string; auth: string };

export async function subscriptionsFor(
  organisationId: number,
  userIds: readonly number[],
  kind: PushKind,
): Promise<Subscription[]> {
  if (userIds.length === 0) return [];
  return db.pushSubscription.findMany({
    where: { organisationId, userId: { in: [...userIds] }, kinds: { has: kind }, user: { isActive: true } },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
}

/** In one query: the opted-in devices of a student's own login and of their parents' logins. */
export async function familySubscriptions(
  organisationId: number,
  studentId: number,
  kind: PushKind,
): Promise<Subscription[]> {
  return db.pushSubscription.findMany({
    where: {
      organisationId,
      kinds: { has: kind },
      user: {
        isActive: true,
        OR: [{ student: { id: studentId } }, { parent: { children: { some: { studentId } } } }],
      },
    },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
}

/**
 * A boolean SQL condition: a device of the student's own login or of a parent's login opted into
 * `kind` — the same family as familySubscriptions. Statements that enqueue a push job inside their
 * own write (lib/push/mutations.ts pushOutboxSql) use it, so nothing is queued when nobody listens.
 */
export function familyListensSql(organisationId: number, studentId: number, kind: PushKind): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "PushSubscription" ps
      JOIN "User" u ON u."organisationId" = ps."organisationId" AND u.id = ps."userId" AND u."isActive"
     WHERE ps."organisationId" = ${organisationId} AND ${kind}::text = ANY(ps.kinds)
       AND ps."userId" IN (
         SELECT s."userId" FROM "Student" s WHERE s."organisationId" = ${organisationId} AND s.id = ${studentId}
         UNION ALL
         SELECT p."userId" FROM "ParentLink" pl
           JOIN "Parent" p ON p."organisationId" = pl."organisationId" AND p.id = pl."parentId"
          WHERE pl."organisationId" = ${organisationId} AND pl."studentId" = ${studentId}))`;
}

/** The opted-in devices of the families of a lesson's students; see lessonFamilySubscriptions. */
export const LESSON_FAMILY_SUBSCRIPTIONS = rawStatement(
  {
    id: col.int,
    endpoint: col.text,
    p256dh: col.text,
    auth: col.text,
    studentId: col.int,
    subject: col.text,
    date: col.date,
  },
  (organisationId: number, lessonId: number, kind: PushKind) => Prisma.sql`
    WITH l AS (
      SELECT les."classId", les."subgroupId", les.date, sub.name AS subject
        FROM "Lesson" les JOIN "Subject" sub ON sub."organisationId" = les."organisationId" AND sub.id = les."subjectId"
       WHERE les."organisationId" = ${organisationId} AND les.id = ${lessonId}
    ), pupils AS (
      SELECT DISTINCT m."studentId" FROM "ClassMembership" m, l
       WHERE m."organisationId" = ${organisationId} AND m."classId" = l."classId"
         AND m."startDate" <= l.date AND (m."endDate" IS NULL OR m."endDate" >= l.date)
         AND (l."subgroupId" IS NULL OR EXISTS (
           SELECT 1 FROM "SubgroupMember" sm
            WHERE sm."organisationId" = ${organisationId} AND sm."subgroupId" = l."subgroupId" AND sm."studentId" = m."studentId"))
    ), family AS (
      SELECT s.id AS "studentId", s."userId" FROM "Student" s JOIN pupils ON pupils."studentId" = s.id
       WHERE s."organisationId" = ${organisationId} AND s."userId" IS NOT NULL
      UNION
      SELECT pl."studentId", p."userId" FROM "ParentLink" pl
        JOIN pupils ON pupils."studentId" = pl."studentId"
        JOIN "Parent" p ON p."organisationId" = pl."organisationId" AND p.id = pl."parentId"
       WHERE pl."organisationId" = ${organisationId} AND p."userId" IS NOT NULL
    )
    SELECT DISTINCT ON (ps.id) ps.id, ps.endpoint, ps.p256dh, ps.auth, family."studentId", l.subject, l.date
      FROM family
      JOIN "PushSubscription" ps ON ps."organisationId" = ${organisationId} AND ps."userId" = family."userId"
      JOIN "User" u ON u."organisationId" = ps."organisationId" AND u.id = ps."userId" AND u."isActive"
      CROSS JOIN l
     WHERE ${kind} = ANY(ps.kinds)
     ORDER BY ps.id, family."studentId"`,
);

/**
 * In one query: the opted-in devices of the families of a lesson's students — the students of its
 * class on the lesson's date (of its subgroup, when it has one) and their parents — each device
 * once, with the student it is told about (the first by id when a parent has two in the class).
 */
export async function lessonFamilySubscriptions(
  organisationId: number,
  lessonId: number,
  kind: PushKind,
): Promise<(Subscription & { studentId: number; subject: string; date: Date })[]> {
  return LESSON_FAMILY_SUBSCRIPTIONS.run(db, organisationId, lessonId, kind);
}

/** The users who read a student's diary: the student's own login and their parents' logins. */
export async function familyUserIds(organisationId: number, studentId: number): Promise<number[]> {
  const s = await db.student.findUnique({
    where: { organisationId_id: { organisationId, id: studentId } },
    select: { userId: true, parentLinks: { select: { parent: { select: { userId: true } } } } },
  });
  if (!s) return [];
  return [s.userId, ...s.parentLinks.map((p) => p.parent.userId)].filter((v): v is number => typeof v === "number");
}

export async function subjectNameOfLesson(organisationId: number, lessonId: number): Promise<string | null> {
  const l = await db.lesson.findUnique({
    where: { organisationId_id: { organisationId, id: lessonId } },
    select: { subject: { select: { name: true } } },
  });
  return l?.subject.name ?? null;
}

export async function subjectName(organisationId: number, subjectId: number): Promise<string | null> {
  const s = await db.subject.findUnique({
    where: { organisationId_id: { organisationId, id: subjectId } },
    select: { name: true },
  });
  return s?.name ?? null;
}

export async function deviceSubscription(
  organisationId: number,
  userId: number,
  endpoint: string,
): Promise<{ kinds: string[] } | null> {
  return db.pushSubscription.findFirst({ where: { organisationId, userId, endpoint }, select: { kinds: true } });
}
