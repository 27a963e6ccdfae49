// GET the history of one cell or of a lesson's topic and homework (JRN-7), for anyone who may
// view the lesson's journal.
import { journalRights } from "@/lib/journal/access";
import { changesOf } from "@/lib/journal/data";
import { attendanceEntityKey, homeworkEntityKey, lessonEntityKey, markEntityKey } from "@/lib/journal/mutations";
import { routeUser } from "@/lib/journal/request";
import { firstIssue, historyQuerySchema } from "@/lib/journal/schema";
import { fail } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const auth = await routeUser();
  if (!auth.ok) return auth.response;
  const parsed = historyQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json(fail("INVALID_INPUT", firstIssue(parsed.error)), { status: 400 });
  const q = parsed.data;
  const rights = await journalRights(auth.user, { kind: "lesson", lessonId: q.lessonId });
  if (!rights.view) return Response.json(fail("FORBIDDEN"), { status: 403 });
  let keys: string[];
  if (q.kind === "mark") {
    if (!q.assignmentId || !q.studentId) return Response.json(fail("INVALID_INPUT"), { status: 400 });
    keys = [markEntityKey(q.assignmentId, q.studentId)];
  } else if (q.kind === "attendance") {
    if (!q.studentId) return Response.json(fail("INVALID_INPUT"), { status: 400 });
    keys = [attendanceEntityKey(q.lessonId, q.studentId)];
  } else {
    keys = [lessonEntityKey(q.lessonId), homeworkEntityKey(q.lessonId), `${lessonEntityKey(q.lessonId)}:attendance`];
  }
  // Bound to the authorised lesson: a key of another lesson's cell returns nothing (no IDOR).
  const rows = await changesOf(auth.user.organisationId, keys, 200, q.lessonId);
  return Response.json(
    { ok: true, data: rows.map((r) => ({ ...r, at: r.at.toISOString() })) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
