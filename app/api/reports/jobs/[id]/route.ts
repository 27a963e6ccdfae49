// One report job of the signed-in user: GET → status and progress (JSON); GET ?download=1 → the
// finished file. Another user's job is «not found» (404), an expired file «gone» (410).
import { authorizeUserForRoute, requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { fileResponse } from "@/lib/reports/download";
import { reportJobFile, reportJobStatus } from "@/lib/reports/jobs/orders";
import { idSchema } from "@/lib/schema";

const jobId = idSchema;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const id = jobId.safeParse((await params).id);
  if (!id.success) return Response.json(fail("INVALID_INPUT", "Неверный номер задания"), { status: 400 });
  const access = await authorizeUserForRoute(signedIn.user, ["reports.admin", "reports.class"]);
  if (!access.ok) return access.response;
  if (new URL(request.url).searchParams.get("download") === "1") {
    const file = await reportJobFile(access.user, id.data);
    if (file === null) return Response.json(fail("NOT_FOUND", "Задание не найдено"), { status: 404 });
    if (file === "gone")
      return Response.json(fail("NOT_FOUND", "Файл отчёта не готов или удалён по сроку хранения"), { status: 410 });
    return fileResponse(file.bytes, file.fileName, file.contentType, file.format);
  }
  const job = await reportJobStatus(access.user, id.data);
  if (!job) return Response.json(fail("NOT_FOUND", "Задание не найдено"), { status: 404 });
  return Response.json({ ok: true, data: job }, { headers: { "Cache-Control": "no-store" } });
}
