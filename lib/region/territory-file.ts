// REG-1 × REG-2: the territory report of an authority account — the organisations of ITS territory
// (from the session's account, never from the request) through lib/region/report.ts, rendered by the
// organisation reports' renderers (renderModel: renderPdf / renderXlsx), built under the same heavy-report
// rules (SEC-5): an identical request of the same territory moments after another shares its build
// (single-flight), the next identical one gets the kept file while no write of any of the territory's
// organisations' report data has committed since that build began (reuseLanded under their report data
// version, lib/reports/data.ts reportDataVersion: a school outside the territory writing leaves it
// current; issue 22, round 20), and at most
// REPORTS_INLINE_MAX heavy builds run at once per process. When every
// inline slot is busy the route queues the request as the account's background job
// (lib/region/jobs: AuthorityReportJob, a global table — ReportJob is a tenant one), built by the
// report worker with the same buildTerritoryFile.
import { DEFAULT_TIME_ZONE } from "@/lib/org/defaults";
import { z } from "zod";
import { buildTerritoryReport } from "@/lib/region/report";
import { territoryReportRequest, type TerritoryReportRequest } from "@/lib/region/schema";
import { renderModel, type ReportFile } from "@/lib/reports/build";
import { organisationTimeZone, reportDataVersion } from "@/lib/reports/data";
import { heavyFile } from "@/lib/reports/single-flight";
import { issuesText } from "@/lib/schema";
import { organisationIdsOf, type CurrentAuthority } from "@/lib/auth/authority/data";
import type { Territory } from "@/lib/auth/authority/rules";

export const territoryFileRequest = territoryReportRequest.and(
  z.object({ format: z.enum(["pdf", "xlsx"], { error: "Выберите формат: PDF или XLSX" }) }),
);

export type TerritoryFileRequest = TerritoryReportRequest & { format: "pdf" | "xlsx" };

/** The query string's request, or its Russian messages. */
export function parseTerritoryFileRequest(
  params: URLSearchParams,
): { ok: true; data: TerritoryFileRequest } | { ok: false; message: string } {
  const parsed = territoryFileRequest.safeParse({
    kind: params.get("kind") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
    format: params.get("format") ?? undefined,
  });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, message: issuesText(parsed.error) };
}

/** The territory's file: its organisations as they are now, the model, the PDF or XLSX. */
export async function buildTerritoryFile(
  territory: Territory,
  territoryName: string,
  req: TerritoryFileRequest,
  now: Date,
): Promise<ReportFile> {
  const organisationIds = await organisationIdsOf(territory);
  const model = await buildTerritoryReport({
    territoryName,
    organisationIds,
    kind: req.kind,
    from: req.from,
    to: req.to,
    now,
  });
  // The territory's zone as its accounts get it (lib/auth/authority/data.ts): its first organisation's.
  const zone = organisationIds.length ? await organisationTimeZone(Math.min(...organisationIds)) : DEFAULT_TIME_ZONE;
  return renderModel(model, req.format, zone);
}

/** The file (shared, kept or built: heavyFile), or "busy" when every inline slot is taken (the route then queues it as a job). */
export async function territoryReportFile(
  authority: CurrentAuthority,
  req: TerritoryFileRequest,
  now: Date = new Date(),
): Promise<ReportFile | "busy"> {
  // The territory's name heads the file and no organisation's report data version moves with a rename
  // of the region or municipality: the name is part of the key (before, the old name was kept ≤ 10 min).
  const key = JSON.stringify([
    "territory",
    authority.territory,
    authority.territoryName,
    req.kind,
    req.from.toISOString(),
    req.to.toISOString(),
    req.format,
  ]);
  const build = () => buildTerritoryFile(authority.territory, authority.territoryName, req, now);
  // The member organisations are read anew each time: one joining or leaving changes the version too.
  const readVersion = async () => reportDataVersion(await organisationIdsOf(authority.territory));
  return heavyFile(key, build, now.getTime(), readVersion);
}
