// Report files (RPT): /api/reports/<report>?format=pdf|xlsx&… — checked through the access gate
// (lib/reports/access.ts: reports.admin for all classes, reports.class for one's own class), built
// as one model and rendered to the requested format. A heavy report (the whole organisation, a
// parallel or department, the printed journal) is built here only while fewer than
// REPORTS_INLINE_MAX others are (lib/reports/inline-slots.ts, SEC-5); otherwise the same request
// becomes a background job and the answer is 202 with its id — the reports page shows it in «Мои
// отчёты» — or 429 when the user already has MAX_PENDING_JOBS waiting.
import { requireUserForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { authorizeReport } from "@/lib/reports/access";
import { buildReport } from "@/lib/reports/build";
import { reportDataVersion } from "@/lib/reports/data";
import { fileResponse } from "@/lib/reports/download";
import { ARCHIVE_QUEUED_MESSAGE, isHeavyReport, QUEUED_MESSAGE } from "@/lib/reports/inline-slots";
import { MAX_PENDING_JOBS, orderReportJob } from "@/lib/reports/jobs/orders";
import { isArchiveRequest, parseReportRequest } from "@/lib/reports/schema";
import { flightKey, heavyFile } from "@/lib/reports/single-flight";
import { takeUserTurn } from "@/lib/reports/user-turns";

export async function GET(request: Request, { params }: { params: Promise<{ report: string }> }) {
  // Who asks first: an anonymous request is 401 whatever its parameters (authorizeReport then
  // decides the permission on the parsed target).
  const signedIn = await requireUserForRoute();
  if (!signedIn.ok) return signedIn.response;
  const parsed = parseReportRequest((await params).report, new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json(fail("INVALID_INPUT", parsed.message), { status: 400 });
  const access = await authorizeReport(parsed.data);
  if (!access.ok) return access.response;
  // PRN-8: RPT-1, RPT-3, RPT-12 for many classes are a ZIP made in the background; SEC-5: an identical
  // heavy report already being built (started moments ago) is shared, not built again, and the file of
  // the last identical build is given again while no write of the organisation's report data has
  // committed since it began (its report data version, lib/reports/data.ts reportDataVersion);
  // any other heavy report beyond REPORTS_INLINE_MAX concurrent builds goes to the background as well.
  const archive = isArchiveRequest(access.req);
  const heavy = !archive && isHeavyReport(access.req);
  // A user's heavy requests are answered USER_HEAVY_TURNS at a time; the rest wait their turn.
  const turn = heavy ? await takeUserTurn(`${access.user.organisationId}:${access.user.id}`) : () => undefined;
  try {
    return await answer(request, access, archive, heavy);
  } finally {
    turn();
  }
}

type Granted = Extract<Awaited<ReturnType<typeof authorizeReport>>, { ok: true }>;

async function answer(request: Request, access: Granted, archive: boolean, heavy: boolean): Promise<Response> {
  if (archive) return queued(request, access, ARCHIVE_QUEUED_MESSAGE);
  const now = new Date();
  const organisationId = access.user.organisationId;
  const build = () => buildReport(organisationId, access.req, now);
  // A heavy file is shared, kept or built in an inline slot (heavyFile, SEC-5); a light one is built here.
  const file = heavy
    ? await heavyFile(flightKey(organisationId, access.req), build, now.getTime(), () =>
        reportDataVersion([organisationId]),
      )
    : await build();
  if (file === "busy") return queued(request, access, QUEUED_MESSAGE);
  if (!file) return Response.json(fail("NOT_FOUND", "Класс, период или преподаватель не найден"), { status: 404 });
  return fileResponse(file.bytes, file.fileName, file.contentType, access.req.format);
}

/** The request as a background job: 202 with its id (a browser: back to «Отчёты»), or 429 over MAX_PENDING_JOBS. */
async function queued(request: Request, access: Granted, message: string): Promise<Response> {
  const id = await orderReportJob(access.user, access.req);
  if (id === null)
    return Response.json(
      fail("RATE_LIMITED", `Уже формируются ${MAX_PENDING_JOBS} ваших отчётов — дождитесь их готовности`),
      { status: 429 },
    );
  // A browser navigating to the download goes back to «Отчёты», where «Мои отчёты» shows the job.
  if ((request.headers.get("accept") ?? "").includes("text/html"))
    return new Response(null, { status: 303, headers: { Location: `/reports?job=${id}` } });
  return Response.json(
    { ok: true, queued: true, message, data: { id } },
    { status: 202, headers: { Location: `/api/reports/jobs/${id}`, "Cache-Control": "no-store" } },
  );
}
