// Report jobs (RPT, long reports in the background). POST { report, format, …the report's
// parameters } orders a job after the same access check as the download route; GET lists the
// signed-in user's own jobs with their progress.
import { requireAccessForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { authorizeReport } from "@/lib/reports/access";
import { orderReportJob, reportJobList } from "@/lib/reports/jobs/orders";
import { parseReportRequest } from "@/lib/reports/schema";

export async function POST(request: Request) {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json(fail("INVALID_INPUT", "Ожидался JSON с параметрами отчёта"), { status: 400 });
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    return Response.json(fail("INVALID_INPUT", "Ожидался JSON с параметрами отчёта"), { status: 400 });
  const { report, ...rest } = body as Record<string, unknown>;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(rest))
    if (typeof v === "string" || typeof v === "number") query.set(k, String(v));
  const parsed = parseReportRequest(typeof report === "string" ? report : "", query);
  if (!parsed.ok) return Response.json(fail("INVALID_INPUT", parsed.message), { status: 400 });
  const access = await authorizeReport(parsed.data);
  if (!access.ok) return access.response;
  const id = await orderReportJob(access.user, access.req);
  if (id === null) {
    return Response.json(fail("INVALID_INPUT", "Уже формируются 5 ваших отчётов — дождитесь их готовности"), {
      status: 429,
    });
  }
  return Response.json({ ok: true, data: { id } }, { status: 202 });
}

export async function GET() {
  const access = await requireAccessForRoute(["reports.admin", "reports.class"]);
  if (!access.ok) return access.response;
  return Response.json(
    { ok: true, data: await reportJobList(access.user) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
