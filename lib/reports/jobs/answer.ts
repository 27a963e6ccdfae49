// The answer of one job's route — an organisation's report job (/api/reports/jobs/[id]) or REG-2's
// territory job (/api/region/report/jobs/[id]): GET → its status and progress (JSON); GET ?download=1 →
// the finished file. A job that is not the caller's is «not found» (404); a file not ready, or past its
// keeping time, «gone» (410). The caller has passed its gate and reads only the caller's own job.
import { fail } from "@/lib/errors";
import { fileResponse } from "../download";
import type { JobFile } from "./orders";
import type { JobView } from "./rules";

export async function jobAnswer(
  request: Request,
  job: { file: () => Promise<JobFile | "gone" | null>; status: () => Promise<JobView | null> },
): Promise<Response> {
  if (new URL(request.url).searchParams.get("download") === "1") {
    const file = await job.file();
    if (file === null) return Response.json(fail("NOT_FOUND", "Задание не найдено"), { status: 404 });
    if (file === "gone")
      return Response.json(fail("NOT_FOUND", "Файл отчёта не готов или удалён по сроку хранения"), { status: 410 });
    return fileResponse(file.bytes, file.fileName, file.contentType, file.format);
  }
  const view = await job.status();
  if (!view) return Response.json(fail("NOT_FOUND", "Задание не найдено"), { status: 404 });
  return Response.json({ ok: true, data: view }, { headers: { "Cache-Control": "no-store" } });
}
