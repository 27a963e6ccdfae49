// Guards shared by the journal's JSON route handlers: the signed-in user (never one who must
// change the password first) and a same-origin check for writes, since a route handler, unlike
// a server action, gets no built-in origin check from Next.js.
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { fail } from "@/lib/errors";

export async function routeUser(): Promise<{ ok: true; user: CurrentUser } | { ok: false; response: Response }> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return { ok: false, response: Response.json(fail("UNAUTHENTICATED"), { status: 401 }) };
  return { ok: true, user };
}

/** A write must come from this site: the Origin header (sent by browsers on POST) must name our host. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") !== "cross-site";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function crossSite(): Response {
  return Response.json(fail("CROSS_SITE"), { status: 403 });
}
