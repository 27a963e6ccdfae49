// API-4: a device's subscription is saved (or its kinds changed) and removed; subscriptions the
// push service reports gone (404/410) are dropped.
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { PUSH_JOB, type PushEvent } from "./jobs";
import type { PushKind } from "./rules";

export type NewSubscription = { endpoint: string; p256dh: string; auth: string; kinds: PushKind[] };

export async function saveSubscription(organisationId: number, userId: number, s: NewSubscription): Promise<void> {
  await db.pushSubscription.upsert({
    where: { organisationId_endpoint: { organisationId, endpoint: s.endpoint } },
    create: { organisationId, userId, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth, kinds: s.kinds },
    // The device now belongs to whoever subscribed it last (one browser, one signed-in user).
    update: { userId, p256dh: s.p256dh, auth: s.auth, kinds: s.kinds },
  });
}

export async function removeSubscription(organisationId: number, userId: number, endpoint: string): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { organisationId, userId, endpoint } });
}

export async function dropSubscriptions(organisationId: number, ids: readonly number[]): Promise<void> {
  if (ids.length) await db.pushSubscription.deleteMany({ where: { organisationId, id: { in: [...ids] } } });
}

/** Queues a push job for the report worker (lib/push/jobs.ts); called by commands after their write. */
export async function enqueuePush(organisationId: number, userId: number, event: PushEvent): Promise<void> {
  await db.reportJob.create({
    data: { organisationId, userId, report: PUSH_JOB, format: event.event, params: event as Prisma.InputJsonValue },
    select: { id: true },
  });
}

/**
 * The push job as the source rows of an INSERT into "ReportJob" inside another statement (the mark
 * save's CTE): `INSERT INTO "ReportJob" (...) ${pushOutboxSql(...)} FROM <written rows> WHERE <cond>`.
 */
export function pushOutboxSql(organisationId: number, userId: number, event: PushEvent): Prisma.Sql {
  return Prisma.sql`INSERT INTO "ReportJob" ("organisationId", "userId", report, format, params, "createdAt")
    SELECT ${organisationId}::int, ${userId}::int, ${PUSH_JOB}::text, ${event.event}::text, ${JSON.stringify(event)}::jsonb,
           (now() AT TIME ZONE 'UTC')`;
}
