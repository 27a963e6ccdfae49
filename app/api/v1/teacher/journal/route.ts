// API-1: the journal of a class × subject (× subgroup) for a period, read only (JRN-1), with the
// same gate as the «Журнал» page: journal.view*/edit* on that class and subject.
import { authorizeApi, apiError, apiRoute } from "@/lib/api/gate";
import { journalOf } from "@/lib/api/teacher/loaders";
import { journalSchema } from "@/lib/api/teacher/schema";
import { json, parseQuery } from "@/lib/api/request";
import { journalQuery } from "@/lib/api/schema";
import { VIEW_PERMISSIONS } from "@/lib/journal/access";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const query = parseQuery(request, journalQuery);
  if (!query.ok) {
    const gate = await authorizeApi(request, VIEW_PERMISSIONS);
    return gate.ok ? query.response : gate.response;
  }
  const { classId, subjectId, subgroupId, periodId } = query.data;
  const gate = await authorizeApi(request, VIEW_PERMISSIONS, {
    kind: "class",
    classId,
    subjectId,
    subgroupId: subgroupId ?? null,
  });
  if (!gate.ok) return gate.response;
  const journal = await journalOf(gate.user, { classId, subjectId, subgroupId, periodId });
  return journal ? json(journalSchema, journal) : apiError("FORBIDDEN");
});
