// Download of a message attachment (MSG-1): only the message's sender or a recipient; for
// anyone else the attachment does not exist (404). Always served as a download.
import { z } from "zod";
import { requireAccessForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { loadAttachment } from "@/lib/messages/mail/loaders";
import { fileResponse } from "@/lib/storage/upload";
import { idSchema } from "@/lib/messages/schema";

const params = z.object({ attachmentId: idSchema });

export async function GET(
  _request: Request,
  { params: raw }: { params: Promise<{ attachmentId: string }> },
): Promise<Response> {
  const access = await requireAccessForRoute("mail.use");
  if (!access.ok) return access.response;
  const parsed = params.safeParse(await raw);
  if (!parsed.success) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const file = await loadAttachment(access.user, parsed.data.attachmentId);
  if (!file) return Response.json(fail("NOT_FOUND"), { status: 404 });
  return fileResponse(file.bytes, file);
}
