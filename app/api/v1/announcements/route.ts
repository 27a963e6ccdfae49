// API-1: the announcements shown to the caller now (MSG-3), newest first, page/limit.
import { authorizeApi, apiRoute } from "@/lib/api/gate";
import { announcementsPage } from "@/lib/api/mail/loaders";
import { announcementsSchema } from "@/lib/api/mail/schema";
import { json, parseQuery } from "@/lib/api/request";
import { pageQuery } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const gate = await authorizeApi(request, "board.view");
  if (!gate.ok) return gate.response;
  const query = parseQuery(request, pageQuery);
  if (!query.ok) return query.response;
  return json(announcementsSchema, await announcementsPage(gate.user, query.data.page, query.data.limit));
});
