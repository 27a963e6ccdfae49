// GET a learning material's file (LRN-2) for a reader whose «materials.view» scope covers it:
// staff by their scope, a family for the classes and grades of their own children (and materials
// attached to those classes' lessons and КТП topics).
import { requireAccessForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { readerVisibility } from "@/lib/learning/materials/access";
import { materialById, materialVisible } from "@/lib/learning/materials/data";
import { getFile } from "@/lib/storage/files";
import { fileResponse } from "@/lib/storage/upload";
import { idSchema } from "@/lib/schema";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const auth = await requireAccessForRoute(readerVisibility);
  if (!auth.ok) return auth.response;
  const visibility = auth.granted;
  const id = idSchema.safeParse((await params).id).data;
  if (id === undefined) return Response.json(fail("NOT_FOUND"), { status: 404 });
  const material = await materialById(auth.user.organisationId, id);
  if (!material || !(await materialVisible(auth.user.organisationId, id, visibility)))
    return Response.json(fail("NOT_FOUND", "Материал не найден"), { status: 404 });
  if (material.kind !== "FILE" || !material.storageKey || !material.fileName || !material.mimeType)
    return Response.json(fail("NOT_FOUND", "У материала нет файла — это ссылка"), { status: 404 });
  const bytes = await getFile(material.storageKey);
  if (!bytes) return Response.json(fail("NOT_FOUND", "Файл не найден в хранилище"), { status: 404 });
  return fileResponse(bytes, { fileName: material.fileName, mimeType: material.mimeType }, true);
}
