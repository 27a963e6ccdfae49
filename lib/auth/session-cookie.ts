// The claims of the request's session cookie (AUTH-1): where the session check gets who the cookie
// says the caller is; everything after it (the UserSession row, the user, the roles) is decided in
// lib/auth/session.ts from the database. The integration tests replace this one module
// (tests/support/session-harness.ts) and so run that real decision.
// Issue 22: the token is decrypted with a key derived once (lib/auth/session-token.ts) instead of
// next-auth's getServerSession, which derives it, runs the callbacks and encrypts a fresh token on
// every request. Without a configured secret next-auth derives one of its own in development and
// refuses every request in production: getServerSession is kept for that case, so it behaves as before.
import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";
import { decodeSessionToken, sessionTokenOf } from "./session-token";
import { logger, safeError } from "@/lib/ops/log";

/** The decoded token's claims (still to be checked by the caller), or null without a valid cookie. */
export async function readSessionClaims(): Promise<unknown> {
  const secret = authOptions.secret ?? process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) return getServerSession(authOptions);
  const token = sessionTokenOf((await cookies()).getAll(), authOptions.cookies!.sessionToken!.name);
  if (!token) return null;
  try {
    return await decodeSessionToken(token, secret);
  } catch (error) {
    // What next-auth logged as JWT_SESSION_ERROR: a cookie of another secret, altered or expired.
    logger().warn({ code: "JWT_SESSION_ERROR", err: safeError(error) }, "session cookie refused");
    return null;
  }
}
