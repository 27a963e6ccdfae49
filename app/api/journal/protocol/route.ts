// GET a control work's specification and per-student protocol (JRN-8) for the lesson panel.
import { z } from "zod";
import { authorizeJournal } from "@/lib/journal/access";
import { protocolOf } from "@/lib/journal/lesson/mutations";
import { requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { idSchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

const query = z.object({
  lessonId: idSchema,
  assignmentId: idSchema,
});

export async function GET(request: Request): Promise<Response> {
  const auth = await requireUserForRoute();
  if (!auth.ok) return auth.response;
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json(fail("INVALID_INPUT"), { status: 400 });
  const rights = await authorizeJournal(auth.user, { kind: "lesson", lessonId: parsed.data.lessonId });
  if (!rights.view) return Response.json(fail("FORBIDDEN"), { status: 403 });
  const p = await protocolOf(auth.user.organisationId, parsed.data.assignmentId);
  if (!p || p.lessonId !== parsed.data.lessonId) return Response.json(fail("NOT_FOUND"), { status: 404 });
  return Response.json(
    { ok: true, data: { specification: p.specification, rows: p.rows } },
    { headers: { "Cache-Control": "no-store" } },
  );
}
