// REG-1 × REG-2: /api/region/report?kind=progress|attendance|fill|contingent&from=…&to=…&format=pdf|xlsx —
// the territory report of the signed-in authority account (region.reports), over the organisations
// of its own territory (lib/region/territory-file.ts). Organisation users get 403, anonymous 401.
// SEC-5 as for the organisations' heavy reports: one account's requests are answered USER_HEAVY_TURNS
// at a time; beyond REPORTS_INLINE_MAX concurrent builds the request becomes the account's background
// job (lib/region/jobs) — 202 with its id, or 303 to /region/reports for a plain form GET — and 429
// only when the account already has MAX_PENDING_JOBS waiting.
import { requireAccessAsAuthorityForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { orderTerritoryJob, TERRITORY_QUEUE_FULL_MESSAGE, TERRITORY_QUEUED_MESSAGE } from "@/lib/region/jobs/orders";
import { parseTerritoryFileRequest, territoryReportFile } from "@/lib/region/territory-file";
import { fileResponse } from "@/lib/reports/download";
import { takeUserTurn } from "@/lib/reports/user-turns";

export async function GET(request: Request) {
  const access = await requireAccessAsAuthorityForRoute("region.reports");
  if (!access.ok) return access.response;
  const parsed = parseTerritoryFileRequest(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json(fail("INVALID_INPUT", parsed.message), { status: 400 });
  const turn = await takeUserTurn(`authority:${access.authority.id}`);
  try {
    const file = await territoryReportFile(access.authority, parsed.data);
    if (file !== "busy") return fileResponse(file.bytes, file.fileName, file.contentType, parsed.data.format);
    const id = await orderTerritoryJob(access.authority, parsed.data);
    if (id === null) return Response.json(fail("RATE_LIMITED", TERRITORY_QUEUE_FULL_MESSAGE), { status: 429 });
    // A browser navigating to the download goes back to the reports page, where «Мои отчёты» shows the job.
    if ((request.headers.get("accept") ?? "").includes("text/html"))
      return new Response(null, { status: 303, headers: { Location: `/region/reports?job=${id}` } });
    return Response.json(
      { ok: true, queued: true, message: TERRITORY_QUEUED_MESSAGE, data: { id } },
      { status: 202, headers: { Location: `/api/region/report/jobs/${id}`, "Cache-Control": "no-store" } },
    );
  } finally {
    turn();
  }
}
