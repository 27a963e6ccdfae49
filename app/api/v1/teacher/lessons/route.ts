// API-1: the caller's own lessons of a week as teacher or substitute (SCH-2), for staff who keep a journal.
import { authorizeApi, apiRoute } from "@/lib/api/gate";
import { lessonsOf } from "@/lib/api/teacher/loaders";
import { teacherLessonsSchema } from "@/lib/api/teacher/schema";
import { json, parseQuery } from "@/lib/api/request";
import { weekQuery } from "@/lib/api/schema";
import { VIEW_PERMISSIONS } from "@/lib/journal/access";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const gate = await authorizeApi(request, VIEW_PERMISSIONS);
  if (!gate.ok) return gate.response;
  const query = parseQuery(request, weekQuery);
  if (!query.ok) return query.response;
  return json(teacherLessonsSchema, await lessonsOf(gate.user, query.data.week));
});
