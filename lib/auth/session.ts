// The signed-in user for server components, server actions and route handlers (ACL-1, ACL-6).
// Server-only: it reads the request's cookies through next-auth and the database through
// lib/auth/data.ts. The cookie only names a server-side session; the user, their roles and
// the must-change-password flag always come from the database.
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { readSessionClaims } from "./session-cookie";
import { sessionUser } from "./session-user";
import { authorityClaimsSchema, sessionClaimsSchema, tokenClaimsSchema } from "./schema";
import { loadAuthoritySession, type CurrentAuthority } from "@/lib/auth/authority/data";
import { noteRequestActor } from "@/lib/ops/request-context";
import type { CurrentUser } from "./rules";

export type { CurrentUser } from "./rules";
export type { CurrentAuthority } from "@/lib/auth/authority/data";

/**
 * The session cookie's claims as next-auth's session callback gave them (lib/auth/options.ts: only
 * an organisation user's or an authority account's claims, nothing else), read once per request.
 */
const requestClaims = cache(async (): Promise<unknown> => {
  const claims = tokenClaimsSchema.safeParse(await readSessionClaims());
  return claims.success ? claims.data : null;
});

/**
 * Decodes the session cookie, then loads the UserSession (must exist, not revoked, not
 * expired), the active user and their roles from the database — or takes them from the
 * in-process cache while the organisation's AccessVersion is unchanged (lib/auth/session-user.ts).
 * Null when any of it fails. Memoised per request with React cache().
 */
export const getCurrentUser: () => Promise<CurrentUser | null> = cache(async (): Promise<CurrentUser | null> => {
  const claims = sessionClaimsSchema.safeParse(await requestClaims());
  if (!claims.success) return null;
  const user = await sessionUser(claims.data, new Date());
  // The request's log line names the caller by ids (issue 26).
  if (user) noteRequestActor(user.id, user.organisationId);
  return user;
});

/**
 * REG-1: the signed-in education-authority account, or null. An authority session is never an
 * organisation user: `getCurrentUser` is null for it, so nothing organisation-scoped is ever
 * computed for it; lib/access/guard.ts turns that into a refusal (403), not a sign-in prompt.
 */
export const getCurrentAuthority: () => Promise<CurrentAuthority | null> = cache(
  async (): Promise<CurrentAuthority | null> => {
    const claims = authorityClaimsSchema.safeParse(await requestClaims());
    if (!claims.success) return null;
    return loadAuthoritySession(claims.data, new Date());
  },
);

/**
 * The current user or a redirect: to /login without a valid session, to /change-password while
 * the password must be changed (AUTH-2) unless `allowPasswordChange` (the change page itself).
 * An education-authority session (REG-1) gets «Нет доступа» on every organisation page.
 */
export async function requireUser(opts: { allowPasswordChange?: boolean } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user && (await getCurrentAuthority())) forbidden();
  if (!user) redirect("/login");
  if (user.mustChangePassword && !opts.allowPasswordChange) redirect("/change-password");
  return user;
}
