// SCH-6: the feed's secret. The URL carries «<organisation id>-<43 base64url characters>.ics»;
// the organisation id picks the tenant's unique index, the secret is compared by its SHA-256.
import { createHash, randomBytes } from "node:crypto";

const TOKEN = /^([1-9]\d{0,9})-([A-Za-z0-9_-]{43})(?:\.ics)?$/;

export function newFeedSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashFeedSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function feedPath(organisationId: number, secret: string): string {
  return `/api/calendar/${organisationId}-${secret}.ics`;
}

/** Splits a URL token; null when malformed. */
export function parseFeedToken(token: string): { organisationId: number; secret: string } | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const organisationId = Number(m[1]);
  return organisationId <= 2_147_483_647 ? { organisationId, secret: m[2] } : null;
}
