// The gate of /api/v1 (API-1, API-2): who is calling, then the same `authorize` as the pages.
// A caller is a personal access token (`Authorization: Bearer ejt_…`, read from the database on
// every request, so a revoked token stops at once) or, without that header, the signed-in
// session cookie (same-origin: the app server refuses cross-site writes, and no CORS headers are sent,
// so another site cannot read the answers). A read-only token is refused for writes.
import { noteRequestActor } from "@/lib/ops/request-context";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { authorize } from "@/lib/access/authorize";
import type { TargetRef } from "@/lib/access/data";
import type { Permission, Scope } from "@/lib/access/matrix";
import { fail, httpStatus, type ErrorCode } from "@/lib/errors";
import { userOfToken } from "./data";
import { touchApiToken } from "./mutations";
import { takeRequest, userBudgetKey } from "./rate-limit";
import { bearerOf, hashApiToken, parseApiToken, scopeAllows, type TokenScope } from "./token";

export type ApiCaller = { user: CurrentUser; via: "token" | "session"; tokenScope: TokenScope | null };
export type ApiGranted = ApiCaller & { scopes: Scope[]; permission: Permission | null };
export type Gate<T> = ({ ok: true } & T) | { ok: false; response: Response };

export function apiError(code: ErrorCode, message?: string, headers?: HeadersInit): Response {
  return Response.json(fail(code, message), {
    status: httpStatus(code),
    headers: { "cache-control": "no-store", ...headers },
  });
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Resolves the caller and applies the rate limit; no permission checked yet. */
export async function authorizeApiCaller(request: Request): Promise<Gate<ApiCaller>> {
  const bearer = bearerOf(request.headers.get("authorization"));
  const write = WRITE_METHODS.has(request.method.toUpperCase());
  let caller: ApiCaller;
  if (bearer === undefined) {
    const user = await getCurrentUser();
    if (!user || user.mustChangePassword) return { ok: false, response: apiError("UNAUTHENTICATED") };
    caller = { user, via: "session", tokenScope: null };
  } else {
    const named = bearer === null ? null : parseApiToken(bearer);
    const found = named && bearer ? await userOfToken(named.organisationId, hashApiToken(bearer)) : null;
    if (!found) return { ok: false, response: apiError("UNAUTHENTICATED", "Токен доступа недействителен или отозван") };
    caller = { user: found.user, via: "token", tokenScope: found.scope };
    noteRequestActor(found.user.id, found.user.organisationId);
    // SEC-5: every token of the user and their session share one budget.
    const wait = await takeRequest(userBudgetKey(found.user.organisationId, found.user.id));
    if (wait !== null)
      return { ok: false, response: apiError("RATE_LIMITED", undefined, { "retry-after": String(wait) }) };
    void touchApiToken(found.user.organisationId, found.tokenId, new Date());
    if (!scopeAllows(found.scope, write)) {
      return { ok: false, response: apiError("FORBIDDEN", "Нет доступа: токен выдан только для чтения") };
    }
    if (found.user.mustChangePassword)
      return { ok: false, response: apiError("UNAUTHENTICATED", "Смените пароль, чтобы пользоваться API") };
    return { ok: true, ...caller };
  }
  const wait = await takeRequest(userBudgetKey(caller.user.organisationId, caller.user.id));
  if (wait !== null)
    return { ok: false, response: apiError("RATE_LIMITED", undefined, { "retry-after": String(wait) }) };
  return { ok: true, ...caller };
}

/** The caller, admitted through any of `permissions` for the target (the first that admits wins). */
export async function authorizeApi(
  request: Request,
  permissions: Permission | readonly Permission[],
  target?: TargetRef,
): Promise<Gate<ApiGranted>> {
  const caller = await authorizeApiCaller(request);
  if (!caller.ok) return caller;
  return authorizeApiCallerFor(caller, permissions, target);
}

/**
 * The second half of authorizeApi, for routes that must know the caller before they read an id
 * from the URL (an anonymous request is answered 401 whatever the id looks like).
 */
export async function authorizeApiCallerFor(
  caller: ApiCaller,
  permissions: Permission | readonly Permission[],
  target?: TargetRef,
): Promise<Gate<ApiGranted>> {
  for (const permission of typeof permissions === "string" ? [permissions] : permissions) {
    const decision = await authorize(caller.user, permission, target);
    if (decision.allowed) return { ok: true, ...caller, scopes: decision.scopes, permission };
  }
  return { ok: false, response: apiError("FORBIDDEN") };
}

/** Further permission checks inside a route (e.g. on a second target). */
export async function allowed(caller: ApiCaller, permission: Permission, target: TargetRef): Promise<boolean> {
  return (await authorize(caller.user, permission, target)).allowed;
}

/**
 * Wraps a route handler: an unexpected error answers the generic Russian message with a request
 * id (logged with the error's name only — no personal data), never a bare 500 page.
 */
export function apiRoute<C>(
  handler: (request: Request, context: C) => Promise<Response>,
): (request: Request, context: C) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      const requestId = crypto.randomUUID();
      console.error(`[api] request ${requestId} failed: ${error instanceof Error ? error.name : "error"}`);
      return apiError("INTERNAL", `Внутренняя ошибка. Повторите попытку позже (запрос ${requestId})`);
    }
  };
}
