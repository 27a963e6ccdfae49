// The API's send (API-1, MSG-1): a command over lib/messages/mail/commands.ts — the same recipient
// rules as «Почта»; the e-mail copies go out after the response. The route has passed mail.use.
import { after } from "next/server";
import type { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { sendMessage } from "@/lib/messages/mail/commands";
import type { ActionResult } from "@/lib/errors";
import type { sendSchema } from "./schema";

/** Sends through lib/messages/mail/commands.ts (recipient rules, one transaction); no files over the API. */
export async function send(
  user: CurrentUser,
  input: z.output<typeof sendSchema>,
): Promise<ActionResult<{ messageId: number }>> {
  return sendMessage({ organisationId: user.organisationId, id: user.id, timeZone: user.timeZone }, input, [], {
    schedule: (task) => after(task),
  });
}
