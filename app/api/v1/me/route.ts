// API-1: who the caller is (token or session), with the token's scope.
import { authorizeApiCaller, apiRoute } from "@/lib/api/gate";
import { json } from "@/lib/api/request";
import { meSchema } from "@/lib/api/schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const caller = await authorizeApiCaller(request);
  if (!caller.ok) return caller.response;
  const { user } = caller;
  return json(meSchema, {
    id: user.id,
    fullName: user.fullName,
    roles: user.roles,
    organisation: { id: user.organisationId, name: user.orgName, kind: user.orgKind, timeZone: user.timeZone },
    via: caller.via,
    tokenScope: caller.tokenScope,
  });
});
