// Reading next-auth's session token without next-auth's per-request work (issue 22 items 1 and 3).
// next-auth's getServerSession derives the cookie's key with HKDF, decrypts the token, runs the
// callbacks and encrypts a fresh token that a server component cannot set anyway — on every
// request. This reads the same token the same way — the key derived exactly as next-auth/jwt
// derives it (HKDF-SHA256 of the secret, empty salt, its info string, 32 bytes) but once per
// secret, the same JWE decryption with the same 15 s clock tolerance for `exp`/`nbf`, the cookie
// joined from its chunks as next-auth's SessionStore joins them — and encrypts nothing. Sign-in and
// sign-out (the cookie's writing, its name and lifetime) stay next-auth's.
// Free of Next.js imports: unit tests decode tokens made by next-auth/jwt's own `encode`.
import { hkdfSync } from "node:crypto";
import { jwtDecrypt, type JWTPayload } from "jose";

// next-auth/jwt's getDerivedEncryptionKey with the default (empty) salt.
const KEY_INFO = "NextAuth.js Generated Encryption Key";

let derived: { secret: string; key: Uint8Array } | null = null;

/** The token's AES-256-GCM key for `secret`, derived once (the secret does not change while the process runs). */
export function sessionTokenKey(secret: string): Uint8Array {
  if (derived?.secret !== secret) {
    derived = { secret, key: new Uint8Array(hkdfSync("sha256", secret, "", KEY_INFO, 32)) };
  }
  return derived.key;
}

/**
 * The claims of a session token, or the reason it is refused (thrown by jose: a token made with
 * another secret, altered, expired more than 15 s ago). Only what next-auth issues is accepted:
 * direct encryption with A256GCM.
 */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(token, sessionTokenKey(secret), {
    clockTolerance: 15,
    keyManagementAlgorithms: ["dir"],
    contentEncryptionAlgorithms: ["A256GCM"],
  });
  return payload;
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
