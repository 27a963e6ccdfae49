// API-1: a student's marks of a period by subject, with the average by the organisation's method
// and the final marks. diary.view on the student.
import { authorizeApi, apiError, apiRoute } from "@/lib/api/gate";
import { marksOf } from "@/lib/api/family/loaders";
import { json, parseId, parseQuery } from "@/lib/api/request";
import { marksQuery, marksSchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ studentId: string }> }) => {
  const studentId = parseId((await params).studentId);
  if (!studentId.ok) return studentId.response;
  const gate = await authorizeApi(request, "diary.view", { kind: "student", studentId: studentId.data });
  if (!gate.ok) return gate.response;
  const query = parseQuery(request, marksQuery);
  if (!query.ok) return query.response;
  const data = await marksOf(gate.user, studentId.data, query.data.periodId);
  return data ? json(marksSchema, data) : apiError("NOT_FOUND", "Учебный период не найден");
});
