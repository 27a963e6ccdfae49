// Report files (RPT): /api/reports/<report>?format=pdf|xlsx&… — checked through the access gate
// (lib/reports/access.ts: reports.admin for all classes, reports.class for one's own class), built
// as one model and rendered to the requested format. Long reports are better ordered as jobs
// (/api/reports/jobs), but every report still downloads here synchronously.
import { requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { authorizeReport } from "@/lib/reports/access";
import { buildReport } from "@/lib/reports/build";
import { fileResponse } from "@/lib/reports/download";
import { orderReportJob } from "@/lib/reports/jobs/orders";
import { isArchiveRequest, parseReportRequest } from "@/lib/reports/schema";

export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  // Who asks first: an anonymous request is 401 whatever its parameters (authorizeReport then
  // decides the permission on the parsed target).
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const parsed = parseReportRequest((await params).report, new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json(fail("INVALID_INPUT", parsed.message), { status: 400 });
  const access = await authorizeReport(parsed.data);
  if (!access.ok) return access.response;
  if (isArchiveRequest(access.req)) {
    // PRN-8: RPT-1, RPT-3, RPT-12 for many classes are a ZIP made in the background; the browser
    // goes back to «Отчёты», where «Мои отчёты» shows the job, an API caller gets its id.
    const id = await orderReportJob(access.user, access.req);
    if (id === null)
      return Response.json(fail("INVALID_INPUT", "Уже формируются 5 ваших отчётов — дождитесь их готовности"), {
        status: 429,
      });
    if ((request.headers.get("accept") ?? "").includes("text/html"))
      return new Response(null, { status: 303, headers: { Location: `/reports?job=${id}` } });
    return Response.json({ ok: true, data: { id } }, { status: 202 });
  }
  const file = await buildReport(access.user.organisationId, access.req, new Date());
  if (!file) return Response.json(fail("NOT_FOUND", "Класс, период или преподаватель не найден"), { status: 404 });
  return fileResponse(file.bytes, file.fileName, file.contentType, access.req.format);
}
