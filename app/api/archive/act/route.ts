// The PDF of an act of destruction (REC-5): /api/archive/act?id=<id>, archive.manage; the act is
// looked up inside the user's organisation and kept permanently.
import { z } from "zod";
import { requireAccessForRoute } from "@/lib/access/guard";
import { disposalAct } from "@/lib/archive/data";
import { fail } from "@/lib/errors";
import { CONTENT_TYPES, fileResponse } from "@/lib/reports/download";
import { formatDate } from "@/lib/org/time";
import { getFile } from "@/lib/storage/files";
import { idSchema } from "@/lib/schema";

const query = z.object({ id: idSchema });

export async function GET(request: Request) {
  const access = await requireAccessForRoute("archive.manage");
  if (!access.ok) return access.response;
  const parsed = query.safeParse({ id: new URL(request.url).searchParams.get("id") });
  if (!parsed.success) return Response.json(fail("INVALID_INPUT", "Неверный номер акта"), { status: 400 });
  const act = await disposalAct(access.user.organisationId, parsed.data.id);
  if (!act) return Response.json(fail("NOT_FOUND", "Акт не найден"), { status: 404 });
  const bytes = await getFile(act.storageKey);
  if (!bytes) return Response.json(fail("NOT_FOUND", "Файл акта отсутствует в хранилище"), { status: 404 });
  const name = `Акт о выделении к уничтожению № ${act.number} от ${formatDate(act.actDate)}.pdf`;
  return fileResponse(bytes, name, CONTENT_TYPES.pdf, "pdf");
}
