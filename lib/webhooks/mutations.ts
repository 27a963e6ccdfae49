// REG-4: writes of webhook subscriptions and deliveries. `emitWebhookEvent` adds one delivery per
// active subscription of the organisation to the event (one statement; nothing when none); the
// worker claims due deliveries with FOR UPDATE SKIP LOCKED and a lease, so several processes never
// send the same attempt twice, and one that crashed mid-send is retried after the lease.
import { z } from "zod";
import { db, rawStatement, type RowOf } from "@/lib/db";
import { col } from "@/lib/sql";
import { Prisma } from "@/prisma/generated/prisma/client";
import { logger, safeError } from "@/lib/ops/log";
import type { WebhookPayload } from "./payloads";
import type { WebhookEvent } from "./rules";

export async function createSubscription(
  organisationId: number,
  createdById: number,
  url: string,
  events: string[],
  secret: string,
): Promise<number> {
  const row = await db.webhookSubscription.create({
    data: { organisationId, createdById, url, events, secret },
    select: { id: true },
  });
  subscriptionsChanged(organisationId);
  return row.id;
}

/** Turns a subscription on (its failure count starts again) or off; false when there is no such one. */
export async function setSubscriptionActive(organisationId: number, id: number, active: boolean): Promise<boolean> {
  const r = await db.webhookSubscription.updateMany({
    where: { organisationId, id },
    data: active
      ? { active, failures: 0, disabledReason: null }
      : { active, disabledReason: "Отключена администратором" },
  });
  subscriptionsChanged(organisationId);
  return r.count === 1;
}

export async function deleteSubscription(organisationId: number, id: number): Promise<boolean> {
  const r = await db.webhookSubscription.deleteMany({ where: { organisationId, id } });
  subscriptionsChanged(organisationId);
  return r.count === 1;
}

// Which events each organisation's active subscriptions want, cached in the process for a few
// seconds: a save in an organisation without subscriptions (nearly all) costs no statement. A change
// of subscriptions clears this process's entry at once; other processes see it within SUBSCRIBED_TTL_MS.
const SUBSCRIBED_TTL_MS = 10_000;
const holder = globalThis as typeof globalThis & {
  __ejWebhookEvents?: Map<number, { events: Set<string>; at: number }>;
};
const subscribed = (holder.__ejWebhookEvents ??= new Map());

async function wantedEvents(organisationId: number): Promise<Set<string>> {
  const hit = subscribed.get(organisationId);
  if (hit && Date.now() - hit.at < SUBSCRIBED_TTL_MS) return hit.events;
  const rows = await db.webhookSubscription.findMany({
    where: { organisationId, active: true },
    select: { events: true },
  });
  const events = new Set(rows.flatMap((r) => r.events));
  subscribed.set(organisationId, { events, at: Date.now() });
  return events;
}

/** Forget the cached events of an organisation (after its subscriptions change). */
export function subscriptionsChanged(organisationId: number): void {
  subscribed.delete(organisationId);
}

/**
 * One delivery per active subscription of the organisation to `event`. A failure here is logged and
 * swallowed: the change that caused the event has been saved and is not undone by its notification.
 */
export async function emitWebhookEvent<E extends WebhookEvent>(
  organisationId: number,
  event: E,
  data: WebhookPayload<E>,
  occurredAt: Date = new Date(),
): Promise<number> {
  try {
    if (!(await wantedEvents(organisationId)).has(event)) return 0;
    return await db.$executeRaw`
      INSERT INTO "WebhookDelivery" ("organisationId", "subscriptionId", event, payload, "occurredAt", "nextAttemptAt")
      SELECT s."organisationId", s.id, ${event}, ${JSON.stringify(data)}::jsonb, ${occurredAt}, ${occurredAt}
        FROM "WebhookSubscription" s
       WHERE s."organisationId" = ${organisationId} AND s.active AND ${event} = ANY(s.events)`;
  } catch (e) {
    logger().error({ organisationId, event, err: safeError(e) }, "webhook event not recorded");
    return 0;
  }
}

/** A claimed attempt is not claimed again for this long (a process that died mid-send). */
const LEASE_MS = 2 * 60_000;

/** Leases up to `limit` deliveries due at `now` to this process (their next attempt moves past the lease). */
export const CLAIM_DUE_DELIVERIES = rawStatement(
  {
    organisationId: col.int,
    id: col.bigint,
    subscriptionId: col.int,
    event: col.text,
    payload: z.unknown(),
    occurredAt: col.date,
    attempts: col.int,
  },
  (now: Date, limit: number) => Prisma.sql`
    UPDATE "WebhookDelivery" AS d
       SET "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
      FROM (SELECT "organisationId", id FROM "WebhookDelivery"
             WHERE status = 'PENDING'::"WebhookDeliveryStatus" AND "nextAttemptAt" <= ${now}
             ORDER BY "nextAttemptAt", id
             LIMIT ${limit}
             FOR UPDATE SKIP LOCKED) AS due
     WHERE d."organisationId" = due."organisationId" AND d.id = due.id
 RETURNING d."organisationId", d.id, d."subscriptionId", d.event, d.payload, d."occurredAt", d.attempts`,
);

export type ClaimedDelivery = RowOf<typeof CLAIM_DUE_DELIVERIES>;

/** Claims up to `limit` deliveries due at `now` (their attempt is leased to this process). */
export function claimDueDeliveries(now: Date, limit: number): Promise<ClaimedDelivery[]> {
  return CLAIM_DUE_DELIVERIES.run(db, now, limit);
}

/** Counts one more failed attempt of a subscription in a row; the new count. */
export const COUNT_SUBSCRIPTION_FAILURE = rawStatement(
  { failures: col.int },
  (organisationId: number, subscriptionId: number) => Prisma.sql`
    UPDATE "WebhookSubscription" SET failures = failures + 1
     WHERE "organisationId" = ${organisationId} AND id = ${subscriptionId}
 RETURNING failures`,
);

export async function markDelivered(d: ClaimedDelivery, status: number, now: Date): Promise<void> {
  await db.$transaction([
    db.webhookDelivery.updateMany({
      where: { organisationId: d.organisationId, id: d.id },
      data: {
        status: "DELIVERED",
        attempts: d.attempts + 1,
        lastAttemptAt: now,
        deliveredAt: now,
        responseCode: status,
        error: null,
      },
    }),
    db.webhookSubscription.updateMany({
      where: { organisationId: d.organisationId, id: d.subscriptionId },
      data: { failures: 0 },
    }),
  ]);
}

/**
 * A failed attempt: retried at `next`, or FAILED when null. Counts the subscription's failures in a
 * row and returns the new count (0 when the subscription is gone).
 */
export async function markAttemptFailed(
  d: ClaimedDelivery,
  result: { status?: number; error: string },
  next: Date | null,
  now: Date,
): Promise<number> {
  const counted = await db.$transaction(async (tx) => {
    await tx.webhookDelivery.updateMany({
      where: { organisationId: d.organisationId, id: d.id },
      data: {
        status: next ? "PENDING" : "FAILED",
        attempts: d.attempts + 1,
        lastAttemptAt: now,
        nextAttemptAt: next ?? now,
        responseCode: result.status ?? null,
        error: result.error,
      },
    });
    return COUNT_SUBSCRIPTION_FAILURE.run(tx, d.organisationId, d.subscriptionId);
  });
  return counted[0]?.failures ?? 0;
}

/** Disables a subscription with the reason; its waiting deliveries fail with it. */
export async function disableSubscription(organisationId: number, id: number, reason: string): Promise<void> {
  await db.$transaction([
    db.webhookSubscription.updateMany({
      where: { organisationId, id },
      data: { active: false, disabledReason: reason },
    }),
    db.webhookDelivery.updateMany({
      where: { organisationId, subscriptionId: id, status: "PENDING" },
      data: { status: "FAILED", error: "Подписка отключена" },
    }),
  ]);
  subscriptionsChanged(organisationId);
}

/** A claimed delivery whose subscription was turned off meanwhile: it fails without an attempt. */
export async function failWithoutAttempt(d: ClaimedDelivery, error: string): Promise<void> {
  await db.webhookDelivery.updateMany({
    where: { organisationId: d.organisationId, id: d.id },
    data: { status: "FAILED", error },
  });
}
