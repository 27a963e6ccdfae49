// REG-2: the authority account's territory report jobs. POST { kind, from, to, format } orders the
// report in the background («В фоне»: always queued, whatever the inline slots) after the same gate
// and parsing as the download route; GET lists the account's own jobs with their progress.
import { requireAccessAsAuthorityForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { orderTerritoryJob, territoryJobList, TERRITORY_QUEUE_FULL_MESSAGE } from "@/lib/region/jobs/orders";
import { parseTerritoryFileRequest } from "@/lib/region/territory-file";

const NOT_JSON = "Ожидался JSON с параметрами отчёта";

export async function POST(request: Request) {
  const access = await requireAccessAsAuthorityForRoute("region.reports");
  if (!access.ok) return access.response;
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return Response.json(fail("INVALID_INPUT", NOT_JSON), { status: 400 });
  }
  if (!body || typeof body !== "object" || Array.isArray(body))
    return Response.json(fail("INVALID_INPUT", NOT_JSON), { status: 400 });
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) if (typeof v === "string") query.set(k, v);
  const parsed = parseTerritoryFileRequest(query);
  if (!parsed.ok) return Response.json(fail("INVALID_INPUT", parsed.message), { status: 400 });
  const id = await orderTerritoryJob(access.authority, parsed.data);
  if (id === null) return Response.json(fail("RATE_LIMITED", TERRITORY_QUEUE_FULL_MESSAGE), { status: 429 });
  return Response.json(
    { ok: true, data: { id } },
    { status: 202, headers: { Location: `/api/region/report/jobs/${id}`, "Cache-Control": "no-store" } },
  );
}

export async function GET() {
  const access = await requireAccessAsAuthorityForRoute("region.reports");
  if (!access.ok) return access.response;
  return Response.json(
    { ok: true, data: await territoryJobList(access.authority) },
    { headers: { "Cache-Control": "no-store" } },
  );
}
