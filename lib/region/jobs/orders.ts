// REG-2: territory reports in the background for the signed-in authority account — ordering,
// watching and downloading. The caller (a route handler) has passed the authority gate
// (region.reports); a job is visible only to the account that ordered it and only while the account
// works in the territory it was ordered for — anything else reads as «not found».
import type { CurrentAuthority } from "@/lib/auth/authority/data";
import { isoDate } from "@/lib/org/time";
import { CONTENT_TYPES } from "@/lib/reports/download";
import { MAX_PENDING_JOBS, type JobFile } from "@/lib/reports/jobs/orders";
import { jobView, type JobView } from "@/lib/reports/jobs/rules";
import type { TerritoryFileRequest } from "../territory-file";
import {
  ownTerritoryJob,
  ownTerritoryJobBytes,
  ownTerritoryJobs,
  pendingIdenticalTerritoryJob,
  pendingTerritoryJobCount,
  type JobOwner,
} from "./data";
import { insertTerritoryJob } from "./mutations";

/** The queue cap's refusal (the same cap as the organisations' reports: MAX_PENDING_JOBS per account). */
export const TERRITORY_QUEUE_FULL_MESSAGE = `Уже формируются ${MAX_PENDING_JOBS} ваших отчётов — дождитесь их готовности`;

export const TERRITORY_QUEUED_MESSAGE =
  "Сейчас формируется много больших отчётов — ваш поставлен в очередь, он появится в «Мои отчёты» ниже";

const ownerOf = (authority: CurrentAuthority): JobOwner => ({
  authorityUserId: authority.id,
  territory: authority.territory,
});

/** The request as the job row keeps it: the query string's fields (re-parsed when the job runs). */
export function territoryJobParams(req: TerritoryFileRequest): {
  kind: string;
  format: string;
  from: string;
  to: string;
} {
  return { kind: req.kind, from: isoDate(req.from), to: isoDate(req.to), format: req.format };
}

/**
 * The job's id — the account's identical job still waiting or running (asking again does not queue
 * the same report twice), else a new one — or null when the account already has MAX_PENDING_JOBS pending.
 */
export async function orderTerritoryJob(
  authority: CurrentAuthority,
  req: TerritoryFileRequest,
): Promise<number | null> {
  const owner = ownerOf(authority);
  const params = territoryJobParams(req);
  const same = await pendingIdenticalTerritoryJob(owner, params);
  if (same !== null) return same;
  if ((await pendingTerritoryJobCount(authority.id)) >= MAX_PENDING_JOBS) return null;
  return insertTerritoryJob(owner, params);
}

export async function territoryJobStatus(
  authority: CurrentAuthority,
  id: number,
  now = new Date(),
): Promise<JobView | null> {
  const job = await ownTerritoryJob(ownerOf(authority), id);
  return job ? jobView(job, now) : null;
}

export async function territoryJobList(authority: CurrentAuthority, now = new Date()): Promise<JobView[]> {
  // As «Мои отчёты» shows an organisation's jobs (JobView; `report` is the territory report's kind).
  return (await ownTerritoryJobs(ownerOf(authority))).map((j) => jobView(j, now));
}

/** The finished file: null when there is no such job of the account; "gone" when not (or no longer) there. */
export async function territoryJobFile(
  authority: CurrentAuthority,
  id: number,
  now = new Date(),
): Promise<JobFile | "gone" | null> {
  const job = await ownTerritoryJobBytes(ownerOf(authority), id);
  if (!job) return null;
  if (jobView(job, now).status !== "DONE" || !job.bytes || !job.fileName) return "gone";
  const format = job.format === "xlsx" ? "xlsx" : "pdf";
  return { bytes: Buffer.from(job.bytes), fileName: job.fileName, contentType: CONTENT_TYPES[format], format };
}
