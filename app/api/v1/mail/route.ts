// API-1: send a message (MSG-1) with the same recipient rules as «Почта»; needs a read-write
// token (or the session). Bad input or refused recipients store nothing.
import { authorizeApi, apiRoute } from "@/lib/api/gate";
import { send } from "@/lib/api/mail/commands";
import { sendSchema, sentResultSchema } from "@/lib/api/mail/schema";
import { json, parseBody } from "@/lib/api/request";
import { httpStatus } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request: Request) => {
  const gate = await authorizeApi(request, "mail.use");
  if (!gate.ok) return gate.response;
  const body = await parseBody(request, sendSchema);
  if (!body.ok) return body.response;
  const result = await send(gate.user, body.data);
  if (!result.ok) return Response.json(result, { status: httpStatus(result.code) });
  return json(sentResultSchema, result.data, 201);
});
