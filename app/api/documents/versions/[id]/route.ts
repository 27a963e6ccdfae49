// GET one version of a document (LRN-3) — the current or any older one — for a reader the
// document's list of roles admits (docs.edit: every document). Otherwise 403, whatever the id.
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { docReader } from "@/lib/documents/access";
import { versionById } from "@/lib/documents/data";
import { mayRead } from "@/lib/documents/rules";
import { fail } from "@/lib/errors";
import { getFile } from "@/lib/storage/files";
import { fileResponse } from "@/lib/storage/upload";
import { idSchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await requireUserForRoute();
  if (!auth.ok) return auth.response;
  const id = idSchema.safeParse((await params).id).data;
  if (id === undefined) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const version = await versionById(auth.user.organisationId, id);
  if (!version) return Response.json(fail("NOT_FOUND", "Документ не найден"), { status: 404 });
  const access = await authorizeUserForRoute(auth.user, async (u) =>
    mayRead(await docReader(u), version.document.visibleTo),
  );
  if (!access.ok) return access.response;
  const bytes = await getFile(version.storageKey);
  if (!bytes) return Response.json(fail("NOT_FOUND", "Файл не найден в хранилище"), { status: 404 });
  return fileResponse(bytes, version);
}
