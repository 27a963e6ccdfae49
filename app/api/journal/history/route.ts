// GET the history of one cell or of a lesson's topic and homework (JRN-7), for anyone who may
// view the lesson's journal.
import { firstIssue } from "@/lib/schema";
import { authorizeJournal } from "@/lib/journal/access";
import { changesOf, lessonChanges } from "@/lib/journal/data";
import { attendanceEntityKey, markEntityKey } from "@/lib/journal/mutations";
import { requireUserForRoute } from "@/lib/access/guard";
import { historyQuerySchema } from "@/lib/journal/schema";
import { fail } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await requireUserForRoute();
  if (!auth.ok) return auth.response;
  const parsed = historyQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json(fail("INVALID_INPUT", firstIssue(parsed.error)), { status: 400 });
  const q = parsed.data;
  const rights = await authorizeJournal(auth.user, { kind: "lesson", lessonId: q.lessonId });
  if (!rights.view) return Response.json(fail("FORBIDDEN"), { status: 403 });
  let rows;
  if (q.kind === "lesson") {
    rows = await lessonChanges(auth.user.organisationId, q.lessonId);
  } else {
    let key: string;
    if (q.kind === "mark") {
      if (!q.assignmentId || !q.studentId) return Response.json(fail("INVALID_INPUT"), { status: 400 });
      key = markEntityKey(q.assignmentId, q.studentId);
    } else {
      if (!q.studentId) return Response.json(fail("INVALID_INPUT"), { status: 400 });
      key = attendanceEntityKey(q.lessonId, q.studentId);
    }
    // Bound to the authorised lesson: a key of another lesson's cell returns nothing (no IDOR).
    rows = await changesOf(auth.user.organisationId, [key], 200, q.lessonId);
  }
  return Response.json(
    { ok: true, data: rows.map((r) => ({ ...r, at: r.at.toISOString() })) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
