// The signed-in user of the journal's JSON route handlers (never one who must change the password
// first). Cross-site writes are refused before any handler runs (proxy.ts, NFR-5).
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import { fail } from "@/lib/errors";

export async function routeUser(): Promise<{ ok: true; user: CurrentUser } | { ok: false; response: Response }> {
  const user = await getCurrentUser();
  if (!user || user.mustChangePassword) return { ok: false, response: Response.json(fail("UNAUTHENTICATED"), { status: 401 }) };
  return { ok: true, user };
}
