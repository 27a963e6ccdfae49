// API-1, LRN-1: one homework's hand-in — GET its state (the student or a parent: diary.view), POST a
// hand-in as JSON (the student only: homework.handin; a read-write token or the session). The same
// flow as the diary's form: another class's homework 403, after the review 423, bad files 400.
import { apiError, apiRoute } from "@/lib/api/gate";
import { handInFromApi, handinOf } from "@/lib/api/handin/loaders";
import { handinBodySchema, handinSchema } from "@/lib/api/handin/schema";
import { json, parseBody, parseId } from "@/lib/api/request";
import { authorizeApiForStudent } from "@/lib/api/student-route";
import { httpStatus } from "@/lib/errors";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ studentId: string; homeworkId: string }> };

export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const raw = await params;
  const gate = await authorizeApiForStudent(request, raw.studentId);
  if (!gate.ok) return gate.response;
  const homeworkId = parseId(raw.homeworkId);
  if (!homeworkId.ok) return homeworkId.response;
  const found = await handinOf(gate.user, gate.studentId, homeworkId.data);
  return found ? json(handinSchema, found) : apiError("NOT_FOUND");
});

export const POST = apiRoute(async (request: Request, { params }: Context) => {
  const raw = await params;
  const gate = await authorizeApiForStudent(request, raw.studentId);
  if (!gate.ok) return gate.response;
  const homeworkId = parseId(raw.homeworkId);
  if (!homeworkId.ok) return homeworkId.response;
  const body = await parseBody(request, handinBodySchema);
  if (!body.ok) return body.response;
  const result = await handInFromApi(gate.user, gate.studentId, homeworkId.data, body.data);
  if (!result.ok) return Response.json(result, { status: httpStatus(result.code) });
  const found = await handinOf(gate.user, gate.studentId, homeworkId.data);
  return found ? json(handinSchema, found, 201) : apiError("NOT_FOUND");
});
