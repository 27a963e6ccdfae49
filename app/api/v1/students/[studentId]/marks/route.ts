// API-1: a student's marks of a period by subject, with the average by the organisation's method
// and the final marks. diary.view on the student.
import { apiError, apiRoute } from "@/lib/api/gate";
import { authorizeApiForStudent } from "@/lib/api/student-route";
import { marksOf } from "@/lib/api/family/loaders";
import { json, parseQuery } from "@/lib/api/request";
import { marksQuery, marksSchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ studentId: string }> }) => {
  const gate = await authorizeApiForStudent(request, (await params).studentId);
  if (!gate.ok) return gate.response;
  const query = parseQuery(request, marksQuery);
  if (!query.ok) return query.response;
  const data = await marksOf(gate.user, gate.studentId, query.data.periodId);
  return data ? json(marksSchema, data) : apiError("NOT_FOUND", "Учебный период не найден");
});
