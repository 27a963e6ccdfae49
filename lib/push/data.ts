// API-4: reads for Web Push — the subscriptions of given users that opted into a kind, the
// family of a student, and a device's own subscription. Bound to the organisation (ACL-5).
import { db } from "@/lib/db";
import type { PushKind } from "./rules";

export type Subscription = { id: number; endpoint: string; p256dh: string; auth: string };

export async function subscriptionsFor(organisationId: number, userIds: readonly number[], kind: PushKind): Promise<Subscription[]> {
  if (userIds.length === 0) return [];
  return db.pushSubscription.findMany({
    where: { organisationId, userId: { in: [...userIds] }, kinds: { has: kind }, user: { isActive: true } },
    select: { id: true, endpoint: true, p256dh: true, auth: true },
  });
}

/** In one query: the opted-in devices of a student's own login and of their parents' logins. */
export async function familySubscriptions(organisationId: number, studentId: number, kind: PushKind): Promise<Subscription[]> {
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
  const l = await db.lesson.findUnique({ where: { organisationId_id: { organisationId, id: lessonId } }, select: { subject: { select: { name: true } } } });
  return l?.subject.name ?? null;
}

export async function subjectName(organisationId: number, subjectId: number): Promise<string | null> {
  const s = await db.subject.findUnique({ where: { organisationId_id: { organisationId, id: subjectId } }, select: { name: true } });
  return s?.name ?? null;
}

export async function deviceSubscription(organisationId: number, userId: number, endpoint: string): Promise<{ kinds: string[] } | null> {
  return db.pushSubscription.findFirst({ where: { organisationId, userId, endpoint }, select: { kinds: true } });
}
