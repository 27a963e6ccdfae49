// REG-4: the delivery step of the background worker (lib/reports/jobs/worker.ts runs it on every
// tick; tests call it with a moved clock). It claims the due deliveries, sends each signed, and
// records the answer: delivered on 2xx; otherwise retried with back-off for 24 hours, and the
// subscription disabled after WEBHOOK_DISABLE_AFTER failed attempts in a row.
import { targetsOf } from "./data";
import {
  claimDueDeliveries,
  disableSubscription,
  failWithoutAttempt,
  markAttemptFailed,
  markDelivered,
  type ClaimedDelivery,
} from "./mutations";
import { sendWebhook } from "./net";
import {
  DELIVERY_HEADER,
  delivered,
  deliveryBody,
  disableAfter,
  disabledReason,
  EVENT_HEADER,
  nextAttempt,
  signature,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from "./rules";

const BATCH = 10;

type Target = { url: string; secret: string; active: boolean };

async function deliverOne(d: ClaimedDelivery, target: Target | undefined, now: Date): Promise<"delivered" | "failed"> {
  if (!target || !target.active) {
    await failWithoutAttempt(d, "Подписка отключена или удалена");
    return "failed";
  }
  const body = deliveryBody(d);
  const timestamp = Math.floor(now.getTime() / 1000);
  const result = await sendWebhook(
    target.url,
    {
      [SIGNATURE_HEADER]: signature(target.secret, timestamp, body),
      [TIMESTAMP_HEADER]: String(timestamp),
      [EVENT_HEADER]: d.event,
      [DELIVERY_HEADER]: String(d.id),
      "user-agent": "ejournal-webhooks/1",
    },
    body,
  );
  if ("status" in result && delivered(result.status)) {
    await markDelivered(d, result.status, now);
    return "delivered";
  }
  const failure =
    "status" in result ? { status: result.status, error: `ответ HTTP ${result.status}` } : { error: result.error };
  const next = nextAttempt(d.occurredAt, d.attempts + 1, now);
  const failures = await markAttemptFailed(
    d,
    next ? failure : { ...failure, error: `${failure.error}; попытки прекращены через 24 ч` },
    next,
    now,
  );
  if (failures >= disableAfter())
    await disableSubscription(d.organisationId, d.subscriptionId, disabledReason(failures, failure.error));
  return "failed";
}

/** Sends the deliveries due at `now` (up to a batch, in parallel); how many were delivered and failed. */
export async function runWebhookStep(now: Date = new Date()): Promise<{ delivered: number; failed: number }> {
  const due = await claimDueDeliveries(now, BATCH);
  if (due.length === 0) return { delivered: 0, failed: 0 };
  const targets = await targetsOf(due);
  const byKey = new Map(targets.map((t) => [`${t.organisationId}:${t.id}`, t]));
  const results = await Promise.all(
    due.map((d) => deliverOne(d, byKey.get(`${d.organisationId}:${d.subscriptionId}`), now)),
  );
  return {
    delivered: results.filter((r) => r === "delivered").length,
    failed: results.filter((r) => r === "failed").length,
  };
}
