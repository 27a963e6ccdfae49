// Reading next-auth's session token without next-auth's per-request work (issue 22 items 1 and 3).
// next-auth's getServerSession derives the cookie's key with HKDF, decrypts the token, runs the
// callbacks and encrypts a fresh token that a server component cannot set anyway — on every
// request. This reads the same token the same way — the key derived exactly as next-auth/jwt
// derives it (HKDF-SHA256 of the secret, empty salt, its info string, 32 bytes) but once per
// secret, the same JWE decryption with the same 15 s clock tolerance for `exp`/`nbf`, the cookie
// joined from its chunks as next-auth's SessionStore joins them — and encrypts nothing. Sign-in and
// sign-out (the cookie's writing, its name and lifetime) stay next-auth's.
// Free of Next.js imports: unit tests decode tokens made by next-auth/jwt's own `encode`.
//
// Round 12 (issue 22): a token's claims are kept per process (an LRU of the last 10,000 tokens), so a
// signed-in user's every request after the first skips the decryption (≈ 0.9 ms of CPU). Only a token
// that decrypted is kept — under its exact string, so an altered byte is another key and is decrypted
// (and refused) as before; its `exp` and `nbf` are checked again at each use with jose's rule and
// tolerance. Whether the session still stands (signed out, password changed, login deactivated) is
// decided after the claims from the UserSession row and the AccessVersion (lib/auth/session-user.ts),
// which this does not touch.
import { hkdfSync } from "node:crypto";
import { errors, jwtDecrypt, type JWTPayload } from "jose";
import { LRUCache } from "lru-cache";

// next-auth/jwt's getDerivedEncryptionKey with the default (empty) salt.
const KEY_INFO = "NextAuth.js Generated Encryption Key";
/** next-auth's clock tolerance for `exp` / `nbf`, in seconds. */
const CLOCK_TOLERANCE = 15;
/** Tokens whose claims are kept (a few hundred bytes each). */
export const SESSION_TOKEN_CACHE_MAX = 10_000;

let derived: { secret: string; key: Uint8Array; claims: LRUCache<string, JWTPayload> } | null = null;

function forSecret(secret: string): NonNullable<typeof derived> {
  if (derived?.secret !== secret) {
    derived = {
      secret,
      key: new Uint8Array(hkdfSync("sha256", secret, "", KEY_INFO, 32)),
      claims: new LRUCache<string, JWTPayload>({ max: SESSION_TOKEN_CACHE_MAX }),
    };
  }
  return derived;
}

/** The token's AES-256-GCM key for `secret`, derived once (the secret does not change while the process runs). */
export function sessionTokenKey(secret: string): Uint8Array {
  return forSecret(secret).key;
}

/**
 * The claims of a session token, or the reason it is refused (thrown by jose: a token made with
 * another secret, altered, expired more than 15 s ago). Only what next-auth issues is accepted:
 * direct encryption with A256GCM. A token decrypted before in this process is not decrypted again:
 * its kept claims are checked for `exp` / `nbf` as jose checks them, now.
 */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload> {
  const { key, claims } = forSecret(secret);
  const known = claims.get(token);
  if (known) {
    try {
      checkTimes(known, Math.floor(Date.now() / 1000));
    } catch (refusal) {
      claims.delete(token);
      throw refusal;
    }
    return { ...known };
  }
  const { payload } = await jwtDecrypt(token, key, {
    clockTolerance: CLOCK_TOLERANCE,
    keyManagementAlgorithms: ["dir"],
    contentEncryptionAlgorithms: ["A256GCM"],
  });
  claims.set(token, { ...payload });
  return payload;
}

/** jose's `nbf` / `exp` checks of jwtDecrypt (lib/jwt_claims_set.js) with the same tolerance. */
function checkTimes(payload: JWTPayload, now: number): void {
  if (payload.nbf !== undefined && payload.nbf > now + CLOCK_TOLERANCE)
    throw new errors.JWTClaimValidationFailed('"nbf" claim timestamp check failed', payload, "nbf", "check_failed");
  if (payload.exp !== undefined && payload.exp <= now - CLOCK_TOLERANCE)
    throw new errors.JWTExpired('"exp" claim timestamp check failed', payload, "exp", "check_failed");
}

/** Forgets every kept token (tests). */
export function clearSessionTokenCache(): void {
  derived?.claims.clear();
}

/** Whether a token's claims are kept (tests). */
export function sessionTokenKept(token: string): boolean {
  return derived?.claims.has(token) ?? false;
}

/**
 * The token carried by the request's cookies under `name`: next-auth splits a token over 4 KB into
 * `name.0`, `name.1`, … and its SessionStore joins every cookie whose name starts with `name` in
 * the order of the number after the last dot. The same here, so the same cookies give the same token.
 */
export function sessionTokenOf(cookies: Iterable<{ name: string; value: string }>, name: string): string | null {
  const chunks: Array<{ name: string; value: string }> = [];
  for (const c of cookies) if (c.name.startsWith(name)) chunks.push(c);
  if (chunks.length === 0) return null;
  const suffix = (n: string) => parseInt(n.split(".").pop() ?? "0");
  chunks.sort((a, b) => suffix(a.name) - suffix(b.name));
  return chunks.map((c) => c.value).join("") || null;
}
