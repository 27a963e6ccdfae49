// API-2: personal access tokens. The token text is «ejt_<organisation id>_<43 base64url characters>»
// (256 random bits). The organisation id picks the tenant's unique index; only the SHA-256 of the
// whole token is stored. A fast hash is right here (unlike passwords, which use argon2id): the
// secret is random with 256 bits of entropy, so there is nothing to brute-force, and every API
// request checks it — a memory-hard hash would cost ~50 ms and RAM per request for no gain.
import { createHash, randomBytes } from "node:crypto";

const TOKEN = /^ejt_([1-9]\d{0,9})_([A-Za-z0-9_-]{43})$/;

export type TokenScope = "read" | "write";
export const TOKEN_SCOPES: readonly TokenScope[] = ["read", "write"];

export function newApiToken(organisationId: number): string {
  return `ejt_${organisationId}_${randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The organisation a token names; null when the text is not a token at all. */
export function parseApiToken(token: string): { organisationId: number } | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const organisationId = Number(m[1]);
  return organisationId <= 2_147_483_647 ? { organisationId } : null;
}

/** The bearer credential of an Authorization header: undefined without the header, null when malformed. */
export function bearerOf(header: string | null): string | null | undefined {
  if (header === null) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}

/** A read-only token may call only safe methods (API-2). */
export function scopeAllows(scope: TokenScope, write: boolean): boolean {
  return !write || scope === "write";
}
