// REG-2: the territory report jobs' step on the report worker (lib/reports/jobs/worker.ts takes it as
// a handed-in queue: instrumentation.ts and prisma/tools/worker.ts pass `territoryJobQueue`). A step
// claims one job, checks that its account still works in the job's territory (a blocked or moved
// account's job fails with a reason, nothing is built), builds the file with the inline path's
// buildTerritoryFile and keeps it in the row for KEEP_HOURS; a failed build shows its error.
import { territoryOf, type Territory } from "@/lib/auth/authority/rules";
import { logger, safeError } from "@/lib/ops/log";
import { expiryOf, KEEP_HOURS } from "@/lib/reports/jobs/rules";
import { trackJob, workerStopping, type JobQueue } from "@/lib/reports/jobs/worker";
import { buildTerritoryFile, parseTerritoryFileRequest } from "../territory-file";
import { jobAccount } from "./data";
import {
  claimNextTerritoryJob,
  completeTerritoryJob,
  failTerritoryJob,
  releaseTerritoryJob,
  removeExpiredTerritoryJobs,
  setTerritoryJobProgress,
  type ClaimedTerritoryJob,
} from "./mutations";

export const ACCOUNT_CHANGED_MESSAGE = "Учётная запись заблокирована или работает с другой территорией";
export const BUILD_FAILED_MESSAGE = "Не удалось сформировать отчёт";

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the next waiting territory job, if any; returns its id (null when none waited or the worker stops). */
export async function runTerritoryJobStep(now: () => Date = () => new Date()): Promise<number | null> {
  if (workerStopping()) return null;
  const job = await claimNextTerritoryJob();
  if (!job) return null;
  await trackJob(job.id, buildTerritoryJob(job, now), () => releaseTerritoryJob(job.id));
  return job.id;
}

const sameTerritory = (a: Territory, job: ClaimedTerritoryJob) =>
  a.regionId === job.regionId && (a.kind === "municipality" ? a.municipalityId : null) === job.municipalityId;

/** «г. о. Самара (Самарская область)» or «Самарская область», as the session names the territory. */
function territoryName(
  territory: Territory,
  account: { region: { name: string }; municipality: { name: string } | null },
): string {
  return territory.kind === "municipality" && account.municipality
    ? `${account.municipality.name} (${account.region.name})`
    : account.region.name;
}

async function buildTerritoryJob(job: ClaimedTerritoryJob, now: () => Date): Promise<"done" | "failed"> {
  const { id } = job;
  try {
    const account = await jobAccount(job.authorityUserId);
    const territory = account ? territoryOf(account) : null;
    if (!account || !account.isActive || !territory || !sameTerritory(territory, job)) {
      await failTerritoryJob(id, ACCOUNT_CHANGED_MESSAGE, now());
      return "failed";
    }
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(job.params)) if (typeof v === "string") query.set(k, v);
    const parsed = parseTerritoryFileRequest(query);
    if (!parsed.ok) throw new Error(parsed.message);
    await setTerritoryJobProgress(id, 10);
    await breathe();
    const file = await buildTerritoryFile(territory, territoryName(territory, account), parsed.data, now());
    await setTerritoryJobProgress(id, 90);
    await breathe();
    const finished = now();
    await completeTerritoryJob(id, file, finished, expiryOf(finished));
    logger().info({ jobId: id }, "territory report job done");
    return "done";
  } catch (e) {
    logger().error({ jobId: id, err: safeError(e) }, "territory report job failed");
    await failTerritoryJob(id, BUILD_FAILED_MESSAGE, now());
    return "failed";
  }
}

/** Deletes the territory jobs past their keeping time (a failed one KEEP_HOURS after it failed). */
export async function purgeTerritoryJobs(now: Date = new Date()): Promise<number> {
  return removeExpiredTerritoryJobs(now, new Date(now.getTime() - KEEP_HOURS * 3600_000));
}

/** The queue the report worker drains beside the organisations' jobs. */
export const territoryJobQueue: JobQueue = { step: () => runTerritoryJobStep(), purge: purgeTerritoryJobs };
