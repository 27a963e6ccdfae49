// POST one grid cell (JRN-5): a mark, an attendance code or «все присутствуют». JSON in, JSON out;
// the client grid saves each cell on its own in the background. Access: saveCell authorizes the
// cell's lesson (authorizeAnyOnLesson, journal.editAll / journal.editOwn) before anything is written.
import { saveCell } from "@/lib/journal/commands";
import { requireUserForRoute } from "@/lib/access/guard";
import { fail, isTransientDbError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  try {
    return await save(request);
  } catch (e) {
    // Pool exhausted under a burst of saves, or the database connection dropped: nothing was
    // committed (one transaction per save) and the grid retries a 5xx — say so instead of a bare 500.
    if (!isTransientDbError(e)) throw e;
    return Response.json(fail("UNAVAILABLE"), {
      status: 503,
      headers: { "Retry-After": "1", "Cache-Control": "no-store" },
    });
  }
}

async function save(request: Request): Promise<Response> {
  const auth = await requireUserForRoute();
  if (!auth.ok) return auth.response;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json(fail("INVALID_INPUT", "Запрос не в формате JSON"), { status: 400 });
  }
  const result = await saveCell(auth.user, body);
  return Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
}
