// POST one grid cell (JRN-5): a mark, an attendance code or «все присутствуют». JSON in, JSON out;
// the client grid saves each cell on its own in the background. Access: saveCell authorizes the
// cell's lesson (authorizeAnyOnLesson, journal.editAll / journal.editOwn) before anything is written.
import { saveCell, saveCellIfCurrent } from "@/lib/journal/commands";
import type { CellOutcome } from "@/lib/journal/cells";
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
  // Issue 22 item 6: a session this process keeps is taken without reading the AccessVersion;
  // the save then goes on only if CELL_CONTEXT returns the version it was kept under (else
  // nothing is decided or written and the request takes the checked path below).
  let auth = await requireUserForRoute({ optimistic: true });
  if (!auth.ok) return auth.response;
  const body = await request.json().then(
    (value: unknown) => ({ ok: true as const, value }),
    () => ({ ok: false as const }),
  );
  if (auth.unconfirmed !== undefined) {
    const kept = body.ok ? await saveCellIfCurrent(auth.user, body.value, auth.unconfirmed) : null;
    if (kept) return answer(kept);
    auth = await requireUserForRoute();
    if (!auth.ok) return auth.response;
  }
  if (!body.ok) return Response.json(fail("INVALID_INPUT", "Запрос не в формате JSON"), { status: 400 });
  return answer(await saveCell(auth.user, body.value));
}

const answer = (result: CellOutcome): Response =>
  Response.json(result.body, { status: result.status, headers: { "Cache-Control": "no-store" } });
