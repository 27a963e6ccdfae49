// REG-1 × REG-2: /api/region/report?kind=progress|attendance|fill|contingent&from=…&to=…&format=pdf|xlsx —
// the territory report of the signed-in authority account (region.reports), over the organisations
// of its own territory (lib/region/territory-file.ts). Organisation users get 403, anonymous 401.
import { requireAccessAsAuthorityForRoute } from "@/lib/access/guard";
import { fail } from "@/lib/errors";
import { fileResponse } from "@/lib/reports/download";
import { parseTerritoryFileRequest, territoryReportFile, TERRITORY_BUSY_MESSAGE } from "@/lib/region/territory-file";

export async function GET(request: Request) {
  const access = await requireAccessAsAuthorityForRoute("region.reports");
  if (!access.ok) return access.response;
  const parsed = parseTerritoryFileRequest(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json(fail("INVALID_INPUT", parsed.message), { status: 400 });
  const file = await territoryReportFile(access.authority, parsed.data);
  if (file === "busy")
    return Response.json(fail("RATE_LIMITED", TERRITORY_BUSY_MESSAGE), {
      status: 429,
      headers: { "Retry-After": "60" },
    });
  return fileResponse(file.bytes, file.fileName, file.contentType, parsed.data.format);
}
