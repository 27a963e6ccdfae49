// REG-4: webhooks — the pure parts. An organisation's administrator subscribes a URL to events; the
// background worker POSTs each event as JSON signed with HMAC-SHA256 over `<timestamp>.<body>` with
// the subscription's secret; a failed delivery is retried with exponential back-off for 24 hours;
// a subscription whose deliveries fail WEBHOOK_DISABLE_AFTER times in a row is disabled, with the
// reason in the log. Payloads carry ids and the change, never names.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { singleLine } from "@/lib/schema";

export const WEBHOOK_EVENTS = [
  "mark.created",
  "mark.changed",
  "mark.deleted",
  "homework.changed",
  "attendance.changed",
  "final.set",
  "handin.reviewed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const EVENT_LABELS: Record<WebhookEvent, string> = {
  "mark.created": "Отметка поставлена",
  "mark.changed": "Отметка изменена",
  "mark.deleted": "Отметка удалена",
  "homework.changed": "Домашнее задание изменено",
  "attendance.changed": "Посещаемость изменена",
  "final.set": "Итоговая отметка выставлена",
  "handin.reviewed": "Работа ученика проверена",
};

export const isWebhookEvent = (v: string): v is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(v);

/** Retries stop this long after the event. */
export const GIVE_UP_AFTER_MS = 24 * 3600_000;
const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 4 * 3600_000;

/** The wait before attempt `attempts + 1` after `attempts` failed ones: 30 s, 1 min, 2 min, … at most 4 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** When to try again after a failed attempt, or null when the 24 hours are over (the delivery has failed). */
export function nextAttempt(occurredAt: Date, attempts: number, now: Date): Date | null {
  const at = new Date(now.getTime() + retryDelayMs(attempts));
  return at.getTime() - occurredAt.getTime() > GIVE_UP_AFTER_MS ? null : at;
}

export const DEFAULT_DISABLE_AFTER = 10;

/** WEBHOOK_DISABLE_AFTER: failed attempts in a row that disable a subscription (a whole number ≥ 1). */
export function disableAfter(setting: string | undefined = process.env.WEBHOOK_DISABLE_AFTER): number {
  const n = Number(setting);
  return setting && Number.isInteger(n) && n >= 1 ? n : DEFAULT_DISABLE_AFTER;
}

export const SIGNATURE_HEADER = "X-Journal-Signature";
export const TIMESTAMP_HEADER = "X-Journal-Timestamp";
export const EVENT_HEADER = "X-Journal-Event";
export const DELIVERY_HEADER = "X-Journal-Delivery";

/** `sha256=<hex>` of HMAC-SHA256(secret, `<timestamp>.<body>`) — the timestamp (Unix seconds) is signed too. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** The receiver's check (documented in the API page; the tests use it as a receiver would). */
export function verifySignature(secret: string, timestamp: number, body: string, header: string): boolean {
  const want = Buffer.from(signature(secret, timestamp, body));
  const got = Buffer.from(header);
  return want.length === got.length && timingSafeEqual(want, got);
}

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64url")}`;
}

/** The JSON body of one delivery. */
export function deliveryBody(d: {
  id: bigint | number;
  event: string;
  occurredAt: Date;
  organisationId: number;
  payload: unknown;
}): string {
  return JSON.stringify({
    id: String(d.id),
    event: d.event,
    occurredAt: d.occurredAt.toISOString(),
    organisationId: d.organisationId,
    data: d.payload,
  });
}

/** A delivered attempt: any 2xx answer. */
export const delivered = (status: number) => status >= 200 && status < 300;

/** Why a subscription was disabled, for the administrator's log. */
export function disabledReason(failures: number, last: string): string {
  return `Отключена после ${failures} неудачных попыток доставки подряд; последняя: ${last}`;
}

const MAX_URL = 500;

/** The subscription form: an http(s) URL without credentials, and at least one event. */
export const subscriptionSchema = z.object({
  url: singleLine({ error: "Укажите адрес" })
    .trim()
    .min(1, "Укажите адрес")
    .max(MAX_URL, `Адрес длиннее ${MAX_URL} символов`)
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "https:" || u.protocol === "http:") && !u.username && !u.password;
      } catch {
        return false;
      }
    }, "Адрес должен начинаться с https:// (без логина и пароля в адресе)"),
  events: z
    .array(z.string())
    .min(1, "Выберите хотя бы одно событие")
    .refine((a) => a.every(isWebhookEvent), "Неизвестное событие"),
});
