// Entry points of the access gate for the three kinds of server code (ACL-1):
// pages → `requireAccess` (403 page «Нет доступа» via forbidden()),
// server actions → `requireAccessForAction` (a result value),
// route handlers → `requireAccessForRoute` (a 401/403 JSON response) — each over a permission or a
// module's own check built on `authorize` (`AccessCheck`); a handler whose URL holds ids reads the user first
// (`requireUserForRoute`), then the ids, then `authorizeUserForRoute` (the same two rules).
// REG-1: an education-authority session is no organisation user — every organisation entry point
// here refuses it (403 page, FORBIDDEN, 403 JSON) before any permission or scope is looked at; the
// authority pages, actions and routes enter through `requireAccessAsAuthority…` over lib/access/authority.ts.
import { forbidden, redirect } from "next/navigation";
import {
  getCurrentAuthority,
  getCurrentUser,
  requireUser,
  type CurrentAuthority,
  type CurrentUser,
} from "@/lib/auth/session";
import { readSessionClaims } from "@/lib/auth/session-cookie";
import { sessionClaimsSchema } from "@/lib/auth/schema";
import { cachedSessionUser } from "@/lib/auth/session-user";
import { noteRequestActor } from "@/lib/ops/request-context";
import { authorityAllows, type AuthorityPermission } from "./authority";
import { fail, type ErrorCode } from "@/lib/errors";
import { authorize } from "./authorize";
import type { TargetRef } from "./data";
import type { Permission, Scope } from "./matrix";

export type Granted = { user: CurrentUser; scopes: Scope[] };

/**
 * A module's own decision over the gate (lib/<domain>/access.ts: a plan's owner rule, portfolio
 * rights, a document's readers …, each built on `authorize`): a truthy value admits and is handed
 * back as `granted`; null / false refuses. Pages, actions and routes take it like a permission.
 */
export type AccessCheck<T> = (user: CurrentUser) => Promise<T | null | false>;

/** A page open through a permission, or through any of several (the first that admits wins), or a module's check. */
export async function requireAccess(
  permission: Permission | readonly Permission[],
  target?: TargetRef,
): Promise<Granted & { permission: Permission }>;
export async function requireAccess<T>(check: AccessCheck<T>): Promise<{ user: CurrentUser; granted: T }>;
export async function requireAccess<T>(
  rule: Permission | readonly Permission[] | AccessCheck<T>,
  target?: TargetRef,
): Promise<(Granted & { permission: Permission }) | { user: CurrentUser; granted: T }> {
  const user = await requireUser();
  if (typeof rule === "function") {
    const granted = await rule(user);
    if (granted) return { user, granted };
    forbidden();
  }
  for (const candidate of typeof rule === "string" ? [rule] : rule) {
    const decision = await authorize(user, candidate, target);
    if (decision.allowed) return { user, scopes: decision.scopes, permission: candidate };
  }
  forbidden();
}

export type ActionDenied = { ok: false; code: ErrorCode; message: string };

/** A server action open through a permission, or through any of several (the first that admits wins), or a module's check. */
export async function requireAccessForAction(
  permission: Permission | readonly Permission[],
  target?: TargetRef,
): Promise<({ ok: true } & Granted) | ActionDenied>;
export async function requireAccessForAction<T>(
  check: AccessCheck<T>,
): Promise<{ ok: true; user: CurrentUser; granted: T } | ActionDenied>;
export async function requireAccessForAction<T>(
  rule: Permission | readonly Permission[] | AccessCheck<T>,
  target?: TargetRef,
): Promise<({ ok: true } & Granted) | { ok: true; user: CurrentUser; granted: T } | ActionDenied> {
  const signedIn = await requireUserForAction();
  if (!signedIn.ok) return signedIn;
  const user = signedIn.user;
  if (typeof rule === "function") {
    const granted = await rule(user);
    return granted ? { ok: true, user, granted } : fail("FORBIDDEN");
  }
  for (const p of typeof rule === "string" ? [rule] : rule) {
    const decision = await authorize(user, p, target);
    if (decision.allowed) return { ok: true, user, scopes: decision.scopes };
  }
  return fail("FORBIDDEN");
}

/**
 * The signed-in user of an action that must read its target (by the user's organisation) before the
 * permission is decided; the decision then goes through `requireAccessForAction` or `authorize`.
 * An authority session is FORBIDDEN (REG-1), no session or a due password change UNAUTHENTICATED.
 */
export async function requireUserForAction(): Promise<{ ok: true; user: CurrentUser } | ActionDenied> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return fail(await refusalWithoutUser());
  return { ok: true, user };
}

type RouteRefusal = { ok: false; response: Response };

/** No organisation user: an authority session is refused (REG-1), anyone else must sign in. */
async function refusalWithoutUser(): Promise<"FORBIDDEN" | "UNAUTHENTICATED"> {
  return (await getCurrentAuthority()) ? "FORBIDDEN" : "UNAUTHENTICATED";
}

/**
 * The signed-in user of a route handler (never one who must change the password first), or 401.
 *
 * `{ optimistic: true }` (the mark save only, issue 22 item 6): a session this process keeps is taken
 * as it was kept, without reading the organisation's AccessVersion, and `unconfirmed` is the version
 * it was kept under. The caller decides and writes NOTHING before it has compared that version with
 * the current one, read in the statement that loads what it acts on; when they differ (or it cannot
 * compare) it calls `requireUserForRoute()` again, which reads the version and reloads — so a
 * revoked session or a removed right is refused at its next request as everywhere else. Without a
 * kept entry (or one that must change its password) it is today's path, `unconfirmed` unset.
 */
export async function requireUserForRoute(
  opts: { optimistic?: boolean } = {},
): Promise<{ ok: true; user: CurrentUser; unconfirmed?: bigint } | RouteRefusal> {
  if (opts.optimistic) {
    const claims = sessionClaimsSchema.safeParse(await readSessionClaims());
    const kept = claims.success ? cachedSessionUser(claims.data, new Date()) : null;
    if (kept && !kept.user.mustChangePassword) {
      // The request's log line names the caller by ids (issue 26), as getCurrentUser does.
      noteRequestActor(kept.user.id, kept.user.organisationId);
      return { ok: true, user: kept.user, unconfirmed: kept.version };
    }
  }
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) {
    const code = await refusalWithoutUser();
    return { ok: false, response: Response.json(fail(code), { status: code === "FORBIDDEN" ? 403 : 401 }) };
  }
  return { ok: true, user };
}

/** AccessCheck for a route: null / false refuses with 403. */
export type RouteCheck<T> = AccessCheck<T>;
type RouteRule<T> = Permission | readonly Permission[] | RouteCheck<T>;
type RouteGranted = { ok: true; user: CurrentUser; granted?: unknown; scopes?: Scope[]; permission?: Permission };

/** The permission half of requireAccessForRoute, for a handler that read the user before the ids of its URL. */
export async function authorizeUserForRoute(
  user: CurrentUser,
  permission: Permission | readonly Permission[],
  target?: TargetRef,
): Promise<({ ok: true; permission: Permission } & Granted) | RouteRefusal>;
export async function authorizeUserForRoute<T>(
  user: CurrentUser,
  check: RouteCheck<T>,
): Promise<{ ok: true; user: CurrentUser; granted: T } | RouteRefusal>;
export async function authorizeUserForRoute<T>(
  user: CurrentUser,
  rule: RouteRule<T>,
  target?: TargetRef,
): Promise<RouteGranted | RouteRefusal> {
  if (typeof rule === "function") {
    const granted = await rule(user);
    if (granted) return { ok: true, user, granted };
  } else {
    for (const candidate of typeof rule === "string" ? [rule] : rule) {
      const decision = await authorize(user, candidate, target);
      if (decision.allowed) return { ok: true, user, scopes: decision.scopes, permission: candidate };
    }
  }
  return { ok: false, response: Response.json(fail("FORBIDDEN"), { status: 403 }) };
}

/** The one adapter for route handlers: signed in (else 401), then a permission or a module's check (else 403). */
export async function requireAccessForRoute(
  permission: Permission | readonly Permission[],
  target?: TargetRef,
): Promise<({ ok: true; permission: Permission } & Granted) | RouteRefusal>;
export async function requireAccessForRoute<T>(
  check: RouteCheck<T>,
): Promise<{ ok: true; user: CurrentUser; granted: T } | RouteRefusal>;
export async function requireAccessForRoute<T>(
  rule: RouteRule<T>,
  target?: TargetRef,
): Promise<RouteGranted | RouteRefusal> {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn;
  return typeof rule === "function"
    ? authorizeUserForRoute(signedIn.user, rule)
    : authorizeUserForRoute(signedIn.user, rule, target);
}

/**
 * Self-service settings (API tokens, push devices — one's own credentials, like a password): no
 * matrix permission, the subject is the signed-in user themself; a user who must still change a
 * one-time password gets nothing. Null = refuse with UNAUTHENTICATED.
 */
export async function requireAccessToOwnSettings(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return user && !user.mustChangePassword ? user : null;
}

// ───────────── education-authority entry points (REG-1) ─────────────

/** An authority page: /login without a session, the password change when due, 403 for anyone else. */
export async function requireAccessAsAuthority(
  permission: AuthorityPermission,
): Promise<{ authority: CurrentAuthority }> {
  const authority = await getCurrentAuthority();
  if (!authority) {
    if (await getCurrentUser()) forbidden();
    redirect("/login");
  }
  if (authority.mustChangePassword) redirect("/change-password");
  if (!authorityAllows(authority.role, permission)) forbidden();
  return { authority };
}

/** An authority server action: UNAUTHENTICATED without a session, FORBIDDEN for organisation users and other roles. */
export async function requireAccessAsAuthorityForAction(
  permission: AuthorityPermission,
): Promise<{ ok: true; authority: CurrentAuthority } | ActionDenied> {
  const authority = await getCurrentAuthority();
  if (!authority || authority.mustChangePassword)
    return fail(authority || (await getCurrentUser()) ? "FORBIDDEN" : "UNAUTHENTICATED");
  if (!authorityAllows(authority.role, permission)) return fail("FORBIDDEN");
  return { ok: true, authority };
}

/** An authority route handler: 401 without a session, 403 for organisation users and other roles. */
export async function requireAccessAsAuthorityForRoute(
  permission: AuthorityPermission,
): Promise<{ ok: true; authority: CurrentAuthority } | RouteRefusal> {
  const granted = await requireAccessAsAuthorityForAction(permission);
  if (granted.ok) return granted;
  const status = granted.code === "UNAUTHENTICATED" ? 401 : 403;
  return { ok: false, response: Response.json(fail(granted.code), { status }) };
}
