// Report files (RPT): /api/reports/<report>?format=pdf|xlsx&… — checked through the access gate
// (reports.admin for all classes, reports.class for one's own class), built as one model and
// rendered to the requested format.
import { requireAccessForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { buildReport } from "@/lib/reports/build";
import { parseReportRequest } from "@/lib/reports/schema";

export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  const parsed = parseReportRequest((await params).report, new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json(fail("INVALID_INPUT", parsed.message), { status: 400 });
  const req = parsed.data;
  const target = req.classId ? { kind: "class" as const, classId: req.classId } : undefined;
  const access = await requireAccessForRoute(req.classId ? ["reports.admin", "reports.class"] : ["reports.admin"], target);
  if (!access.ok) return access.response;
  // A whole-organisation report needs the «all classes» scope, not a department's.
  if (!req.classId && !access.scopes.includes("all")) return Response.json(fail("FORBIDDEN"), { status: 403 });
  const file = await buildReport(access.user.organisationId, req, new Date());
  if (!file) return Response.json(fail("NOT_FOUND", "Класс или период не найден"), { status: 404 });
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="report.${req.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "Cache-Control": "no-store",
    },
  });
}
