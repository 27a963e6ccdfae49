// REG-2: one territory report job of the signed-in authority account: GET → status and progress
// (JSON); GET ?download=1 → the finished file. Another account's job (of any territory) is «not
// found» (404), an expired file «gone» (410); organisation users 403, anonymous 401 (the gate).
import { requireAccessAsAuthorityForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { territoryJobFile, territoryJobStatus } from "@/lib/region/jobs/orders";
import { fileResponse } from "@/lib/reports/download";
import { idSchema } from "@/lib/schema";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const access = await requireAccessAsAuthorityForRoute("region.reports");
  if (!access.ok) return access.response;
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return Response.json(fail("INVALID_INPUT", "Неверный номер задания"), { status: 400 });
  if (new URL(request.url).searchParams.get("download") === "1") {
    const file = await territoryJobFile(access.authority, id.data);
    if (file === null) return Response.json(fail("NOT_FOUND", "Задание не найдено"), { status: 404 });
    if (file === "gone")
      return Response.json(fail("NOT_FOUND", "Файл отчёта не готов или удалён по сроку хранения"), { status: 410 });
    return fileResponse(file.bytes, file.fileName, file.contentType, file.format);
  }
  const job = await territoryJobStatus(access.authority, id.data);
  if (!job) return Response.json(fail("NOT_FOUND", "Задание не найдено"), { status: 404 });
  return Response.json({ ok: true, data: job }, { headers: { "Cache-Control": "no-store" } });
}
