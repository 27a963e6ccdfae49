// API-1: the weekly resources of one student (diary, schedule, homework, attendance) share one
// route shape — the id, `diary.view` on the student (the student self or a parent of theirs, the
// same gate as the diary pages), `?week=`, then the loader's answer under its schema.
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { authorizeApi, apiRoute } from "./gate";
import { json, parseId, parseQuery } from "./request";
import { weekQuery } from "./schema";

type Context = { params: Promise<{ studentId: string }> };

export function authorizedStudentWeek<S extends z.ZodType>(
  schema: S,
  load: (user: CurrentUser, studentId: number, week: string | undefined) => Promise<z.input<S>>,
): (request: Request, context: Context) => Promise<Response> {
  return apiRoute(async (request: Request, { params }: Context) => {
    const studentId = parseId((await params).studentId);
    if (!studentId.ok) return studentId.response;
    const gate = await authorizeApi(request, "diary.view", { kind: "student", studentId: studentId.data });
    if (!gate.ok) return gate.response;
    const query = parseQuery(request, weekQuery);
    if (!query.ok) return query.response;
    return json(schema, await load(gate.user, studentId.data, query.data.week));
  });
}
