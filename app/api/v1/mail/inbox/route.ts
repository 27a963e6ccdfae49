// API-1: the caller's mail (inbox, MSG-1), newest first, page/limit.
import { authorizeApi, apiRoute } from "@/lib/api/gate";
import { inboxPage } from "@/lib/api/mail/loaders";
import { inboxSchema } from "@/lib/api/mail/schema";
import { json, parseQuery } from "@/lib/api/request";
import { pageQuery } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const gate = await authorizeApi(request, "mail.use");
  if (!gate.ok) return gate.response;
  const query = parseQuery(request, pageQuery);
  if (!query.ok) return query.response;
  return json(inboxSchema, await inboxPage(gate.user, query.data.page, query.data.limit));
});
