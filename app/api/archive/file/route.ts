// One file of an archive set (ARC-1): /api/archive/file?set=<id>&file=<index>|manifest, through
// the gate (archive.manage); the set is looked up inside the user's organisation.
import { z } from "zod";
import { requireAccessForRoute } from "@/lib/access/guard";
import { archiveSet, documentByKey } from "@/lib/archive/data";
import { formatDate } from "@/lib/org/time";
import { fail } from "@/lib/errors";
import { getFile } from "@/lib/storage/files";
import { idSchema } from "@/lib/schema";

const query = z.object({
  set: idSchema,
  file: z.union([z.literal("manifest"), z.coerce.number().int().min(0).max(100_000)]),
});

export async function GET(request: Request) {
  const url = new URL(request.url);
  const parsed = query.safeParse({ set: url.searchParams.get("set"), file: url.searchParams.get("file") });
  if (!parsed.success) return Response.json(fail("INVALID_INPUT", "Неверная ссылка на файл архива"), { status: 400 });
  const access = await requireAccessForRoute("archive.manage");
  if (!access.ok) return access.response;
  const stored = await archiveSet(access.user.organisationId, parsed.data.set);
  if (!stored) return Response.json(fail("NOT_FOUND", "Архив не найден"), { status: 404 });
  const entry =
    parsed.data.file === "manifest"
      ? { name: "manifest.json", storageKey: stored.manifestFile.storageKey }
      : stored.manifest.files[parsed.data.file];
  if (!entry) return Response.json(fail("NOT_FOUND", "Файл не найден"), { status: 404 });
  // REC-5: a document destroyed by an act is gone on purpose — say so.
  const registered =
    parsed.data.file === "manifest" ? null : await documentByKey(access.user.organisationId, entry.storageKey);
  if (registered?.destroyedAt)
    return Response.json(
      fail(
        "NOT_FOUND",
        registered.disposalAct
          ? `Документ уничтожен по акту № ${registered.disposalAct.number} от ${formatDate(registered.disposalAct.actDate)}`
          : "Документ уничтожен по акту",
      ),
      { status: 410 },
    );
  const bytes = await getFile(entry.storageKey);
  if (!bytes) return Response.json(fail("NOT_FOUND", "Файл архива отсутствует в хранилище"), { status: 404 });
  const name = `${stored.manifest.yearName}-${entry.name}`.replace(/[\\/:*?"<>|]/g, "_");
  const type = name.endsWith(".pdf") ? "application/pdf" : "application/json; charset=utf-8";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="archive"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "no-store",
    },
  });
}
