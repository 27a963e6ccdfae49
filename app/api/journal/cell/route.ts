// POST one grid cell (JRN-5): a mark, an attendance code or «все присутствуют». JSON in, JSON out;
// the client grid saves each cell on its own in the background. Access: saveCell authorizes the
// cell's lesson (authorizeAnyOnLesson, journal.editAll / journal.editOwn) before anything is written.
import { saveCell } from "@/lib/journal/cells";
import { routeUser } from "@/lib/journal/request";
import { fail } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const auth = await routeUser();
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
