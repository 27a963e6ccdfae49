// API-1: one message the caller sent or received (MSG-1); anyone else gets 404 without data.
import { authorizeApi, apiError, apiRoute } from "@/lib/api/gate";
import { messageOf } from "@/lib/api/mail/loaders";
import { messageSchema } from "@/lib/api/mail/schema";
import { json, parseId } from "@/lib/api/request";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ messageId: string }> }) => {
  const gate = await authorizeApi(request, "mail.use");
  if (!gate.ok) return gate.response;
  const messageId = parseId((await params).messageId);
  if (!messageId.ok) return messageId.response;
  const message = await messageOf(gate.user, messageId.data);
  return message ? json(messageSchema, message) : apiError("NOT_FOUND", "Сообщение не найдено");
});
