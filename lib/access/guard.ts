// Entry points of the access gate for the three kinds of server code (ACL-1):
// pages → `requireAccess` (403 page «Нет доступа» via forbidden()),
// server actions → `requireAccessForAction` (a result value),
// route handlers → `requireAccessForRoute` (a 401/403 JSON response).
import { forbidden } from "next/navigation";
import { getCurrentUser, requireUser, type CurrentUser } from "@/lib/auth/session";
import { fail, type ErrorCode } from "@/lib/errors";
import { authorize } from "./authorize";
import type { TargetRef } from "./data";
import type { Permission, Scope } from "./matrix";

export type Granted = { user: CurrentUser; scopes: Scope[] };

export async function requireAccess(permission: Permission, target?: TargetRef): Promise<Granted> {
  const user = await requireUser();
  const decision = await authorize(user, permission, target);
  if (!decision.allowed) forbidden();
  return { user, scopes: decision.scopes };
}

export type ActionDenied = { ok: false; code: ErrorCode; message: string };

export async function requireAccessForAction(
  permission: Permission,
  target?: TargetRef,
): Promise<({ ok: true } & Granted) | ActionDenied> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return fail("UNAUTHENTICATED");
  const decision = await authorize(user, permission, target);
  if (!decision.allowed) return fail("FORBIDDEN");
  return { ok: true, user, scopes: decision.scopes };
}

export async function requireAccessForRoute(
  permission: Permission,
  target?: TargetRef,
): Promise<({ ok: true } & Granted) | { ok: false; response: Response }> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) {
    return { ok: false, response: Response.json(fail("UNAUTHENTICATED"), { status: 401 }) };
  }
  const decision = await authorize(user, permission, target);
  if (!decision.allowed) return { ok: false, response: Response.json(fail("FORBIDDEN"), { status: 403 }) };
  return { ok: true, user, scopes: decision.scopes };
}
