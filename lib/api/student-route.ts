// API-1: the weekly resources of one student (diary, schedule, homework, attendance) share one
// route shape — the caller, the id, `diary.view` on the student (the student self or a parent of theirs, the
// same gate as the diary pages), `?week=`, then the loader's answer under its schema.
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeApiCallerFor, authorizeApiCaller, apiRoute, type ApiGranted, type Gate } from "./gate";
import { json, parseId, parseQuery } from "./request";
import { weekQuery } from "./schema";

type Context = { params: Promise<{ studentId: string }> };

/**
 * The caller first (an anonymous request is 401 whatever the URL holds), then the student id of
 * the path, then `diary.view` on that student.
 */
export async function authorizeApiForStudent(
  request: Request,
  rawStudentId: string,
): Promise<Gate<ApiGranted & { studentId: number }>> {
  const caller = await authorizeApiCaller(request);
  if (!caller.ok) return caller;
  const studentId = parseId(rawStudentId);
  if (!studentId.ok) return studentId;
  const gate = await authorizeApiCallerFor(caller, "diary.view", { kind: "student", studentId: studentId.data });
  return gate.ok ? { ...gate, studentId: studentId.data } : gate;
}

export function authorizedStudentWeek<S extends z.ZodType>(
  schema: S,
  load: (user: CurrentUser, studentId: number, week: string | undefined) => Promise<z.input<S>>,
): (request: Request, context: Context) => Promise<Response> {
  return apiRoute(async (request: Request, { params }: Context) => {
    const gate = await authorizeApiForStudent(request, (await params).studentId);
    if (!gate.ok) return gate.response;
    const query = parseQuery(request, weekQuery);
    if (!query.ok) return query.response;
    return json(schema, await load(gate.user, gate.studentId, query.data.week));
  });
}
