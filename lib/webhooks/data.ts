// REG-4: reads of webhook subscriptions and their delivery log — always one organisation's.
import { db } from "@/lib/db";

export type SubscriptionRow = {
  id: number;
  url: string;
  events: string[];
  active: boolean;
  failures: number;
  disabledReason: string | null;
  createdAt: Date;
};

const SUBSCRIPTION = {
  id: true,
  url: true,
  events: true,
  active: true,
  failures: true,
  disabledReason: true,
  createdAt: true,
} as const;

export function subscriptionsOf(organisationId: number): Promise<SubscriptionRow[]> {
  return db.webhookSubscription.findMany({ where: { organisationId }, orderBy: { id: "asc" }, select: SUBSCRIPTION });
}

export function subscriptionCount(organisationId: number): Promise<number> {
  return db.webhookSubscription.count({ where: { organisationId } });
}

export type DeliveryRow = {
  id: bigint;
  subscriptionId: number;
  event: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  attempts: number;
  occurredAt: Date;
  nextAttemptAt: Date;
  lastAttemptAt: Date | null;
  responseCode: number | null;
  error: string | null;
};

/** The newest deliveries of the organisation (the log on the page). */
export function deliveryLog(organisationId: number, take = 50): Promise<DeliveryRow[]> {
  return db.webhookDelivery.findMany({
    where: { organisationId },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      subscriptionId: true,
      event: true,
      status: true,
      attempts: true,
      occurredAt: true,
      nextAttemptAt: true,
      lastAttemptAt: true,
      responseCode: true,
      error: true,
    },
  });
}

/** The url, secret and state of the subscriptions of claimed deliveries (the worker). */
export function targetsOf(keys: { organisationId: number; subscriptionId: number }[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db.webhookSubscription.findMany({
    where: { OR: keys.map((k) => ({ organisationId: k.organisationId, id: k.subscriptionId })) },
    select: { organisationId: true, id: true, url: true, secret: true, active: true },
  });
}
