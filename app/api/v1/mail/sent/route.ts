// API-1: the caller's mail (sent, MSG-1), newest first, page/limit.
import { authorizeApi, apiRoute } from "@/lib/api/gate";
import { sentPage } from "@/lib/api/mail/loaders";
import { sentSchema } from "@/lib/api/mail/schema";
import { json, parseQuery } from "@/lib/api/request";
import { pageQuery } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const gate = await authorizeApi(request, "mail.use");
  if (!gate.ok) return gate.response;
  const query = parseQuery(request, pageQuery);
  if (!query.ok) return query.response;
  return json(sentSchema, await sentPage(gate.user, query.data.page, query.data.limit));
});
