// API-1: a student's the week's attendance marks (JRN-3). diary.view on the student: the student self or a parent of theirs.
import { authorizeApi, apiRoute } from "@/lib/api/gate";
import { attendanceOf } from "@/lib/api/family/loaders";
import { json, parseId, parseQuery } from "@/lib/api/request";
import { attendanceListSchema, weekQuery } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ studentId: string }> }) => {
  const studentId = parseId((await params).studentId);
  if (!studentId.ok) return studentId.response;
  const gate = await authorizeApi(request, "diary.view", { kind: "student", studentId: studentId.data });
  if (!gate.ok) return gate.response;
  const query = parseQuery(request, weekQuery);
  if (!query.ok) return query.response;
  return json(attendanceListSchema, await attendanceOf(gate.user, studentId.data, query.data.week));
});
