// GET a homework file (JRN-2) for anyone who may view the lesson's journal.
import { authorizeJournal } from "@/lib/journal/access";
import { homeworkFile } from "@/lib/journal/data";
import { requireUserForRoute } from "@/lib/access/guard";
import { getFile } from "@/lib/storage/files";
import { fileResponse } from "@/lib/storage/upload";
import { fail } from "@/lib/errors";
import { idSchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await requireUserForRoute();
  if (!auth.ok) return auth.response;
  const id = idSchema.safeParse((await params).id).data;
  if (id === undefined) return Response.json(fail("INVALID_INPUT"), { status: 400 });
  const file = await homeworkFile(auth.user.organisationId, id);
  if (!file?.homework) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const rights = await authorizeJournal(auth.user, { kind: "lesson", lessonId: file.homework.lessonId });
  if (!rights.view) return Response.json(fail("FORBIDDEN"), { status: 403 });
  const bytes = await getFile(file.storageKey);
  if (!bytes) return Response.json(fail("NOT_FOUND"), { status: 404 });
  return fileResponse(bytes, file);
}
