// The report worker: runs inside the Next.js server process (started once from instrumentation.ts)
// and in tests through `runJobStep`. Each step claims one job (FOR UPDATE SKIP LOCKED), builds the
// model, yields to the event loop, renders the file, stores it under lib/storage and marks the job
// done with a keeping time; progress is written between the stages for the page's progress bar.
// A push job (lib/push/jobs.ts) is claimed before any report and delivered through deliverPush.
import { deleteFile, putFile } from "@/lib/storage/files";
import { buildArchive, buildModelInZone, renderModel, type ReportFile } from "../build";
import { isArchiveRequest, parseReportRequest } from "../schema";
import { logger, safeError } from "@/lib/ops/log";
import { observeJob } from "@/lib/ops/metrics";
import { onShutdown } from "@/lib/ops/shutdown";
import {
  claimNextJob,
  completeJob,
  failJob,
  finishPushJob,
  releaseJob,
  removeExpiredJobs,
  setProgress,
  type ClaimedJob,
} from "./mutations";
import { PUSH_JOB, pushEventSchema } from "@/lib/push/jobs";
import { deliverPush } from "@/lib/push/send";
import { expiryOf, KEEP_HOURS } from "./rules";
import { serverNow } from "@/lib/org/clock";
import { runWebhookStep } from "@/lib/webhooks/worker";

const POLL_MS = 2000;
/** The daily duties (issue 17: the deadline's reminder, the day's absences) every 15 polls ≈ 30 s. */
const DUTY_EVERY = 15;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

type WorkerState = {
  started: boolean;
  /** Set on SIGTERM: no new job is claimed. */
  stopping: boolean;
  /** The job being built now (of any queue), the promise of its end, and how to return it to its queue. */
  current: { id: number; done: Promise<unknown>; release: () => Promise<void> } | null;
};
const holder = globalThis as typeof globalThis & { __ejReportWorker?: WorkerState };
const workerState = (): WorkerState => (holder.__ejReportWorker ??= { started: false, stopping: false, current: null });

/** Runs the next waiting job, if any; returns its id (null when nothing waited or the worker stops). */
export async function runJobStep(now: () => Date = () => new Date()): Promise<number | null> {
  const state = workerState();
  if (state.stopping) return null;
  const job = await claimNextJob();
  if (!job) return null;
  await trackJob(job.id, job.report === PUSH_JOB ? pushJob(job, now) : buildJob(job, now), () =>
    releaseJob(job.organisationId, job.id),
  );
  return job.id;
}

/** Is the worker stopping (SIGTERM)? A queue of another domain then claims nothing more either. */
export function workerStopping(): boolean {
  return workerState().stopping;
}

/**
 * Waits for a claimed job's build under the worker's watch (REG-2's territory jobs use it too): its
 * outcome is observed, and a graceful stop waits for it or returns it to its queue through `release`.
 */
export async function trackJob(
  id: number,
  done: Promise<"done" | "failed">,
  release: () => Promise<void>,
): Promise<void> {
  const state = workerState();
  const started = performance.now();
  state.current = { id, done, release };
  try {
    observeJob(await done, (performance.now() - started) / 1000);
  } finally {
    state.current = null;
  }
}

/**
 * Another domain's queue the worker drains beside the organisations' jobs (REG-2's territory reports,
 * lib/region/jobs/worker.ts): handed in by the starter, so that reports does not import region.
 */
export type JobQueue = {
  /** Runs the next waiting job of the queue, if any; its id, or null when none waited. */
  step: () => Promise<number | null>;
  /** Deletes the rows (and files) past their keeping time. */
  purge: (now: Date) => Promise<unknown>;
};

/** Delivers a push job (never rejects: deliverPush logs its own failures) and removes it. */
async function pushJob(job: ClaimedJob, now: () => Date): Promise<"done" | "failed"> {
  const event = pushEventSchema.safeParse(job.params);
  if (!event.success) {
    await failJob(job.organisationId, job.id, "Неверное уведомление", now());
    return "failed";
  }
  await deliverPush(job.organisationId, event.data);
  await finishPushJob(job.organisationId, job.id);
  return "done";
}

async function buildJob(
  job: { organisationId: number; id: number; report: string; params: Record<string, string> },
  now: () => Date,
): Promise<"done" | "failed"> {
  const { organisationId, id } = job;
  try {
    const parsed = parseReportRequest(job.report, new URLSearchParams(job.params));
    if (!parsed.ok) throw new Error(parsed.message);
    await setProgress(organisationId, id, 10);
    let file: ReportFile | null;
    if (isArchiveRequest(parsed.data)) {
      // PRN-8: one file per class into a ZIP; progress after each class.
      file = await buildArchive(organisationId, parsed.data, now(), async (done, of) => {
        await setProgress(organisationId, id, 10 + Math.floor((80 * done) / of));
        await breathe();
      });
    } else {
      const { model, timeZone } = await buildModelInZone(organisationId, parsed.data, now());
      await setProgress(organisationId, id, 50);
      await breathe();
      file = model ? await renderModel(model, parsed.data.format, timeZone) : null;
    }
    if (!file) {
      await failJob(organisationId, id, "Класс, период или преподаватель не найден", now());
      return "failed";
    }
    await setProgress(organisationId, id, 90);
    await breathe();
    const stored = await putFile(organisationId, "report", file.bytes);
    await completeJob(organisationId, id, stored.storageKey, file.fileName, expiryOf(now()));
    logger().info({ jobId: id }, "report job done");
    return "done";
  } catch (e) {
    logger().error({ jobId: id, err: safeError(e) }, "report job failed");
    await failJob(organisationId, id, "Не удалось сформировать отчёт", now());
    return "failed";
  }
}

/**
 * Graceful stop (issue 26): claims nothing more, lets the running job finish until `deadline`,
 * and returns it to the queue (QUEUED) when it is still running then, so another node builds it.
 */
export async function stopReportWorker(deadline: number): Promise<void> {
  const state = workerState();
  state.stopping = true;
  const current = state.current;
  if (!current) return;
  const left = Math.max(0, deadline - Date.now() - 500);
  const finished = await Promise.race([
    current.done.then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), left).unref()),
  ]);
  if (!finished) {
    await current.release();
    observeJob("released", 0);
    logger().info({ jobId: current.id }, "report job returned to the queue");
  }
}

/** One job of each queue (the organisations' first); whether any ran. */
async function runRound(queues: readonly JobQueue[]): Promise<boolean> {
  let ran = (await runJobStep()) !== null;
  for (const q of queues) if ((await q.step()) !== null) ran = true;
  return ran;
}

/** Deletes the files and rows of jobs past their keeping time (a failed one KEEP_HOURS after it failed). Returns how many rows went. */
export async function purgeExpired(now: Date = new Date()): Promise<number> {
  const { keys, rows } = await removeExpiredJobs(now, new Date(now.getTime() - KEEP_HOURS * 3600_000));
  await Promise.all(keys.map((k) => deleteFile(k).catch(() => undefined)));
  return rows;
}

/**
 * Starts the polling loop once per process; one job at a time, never overlapping. `duties` is the
 * daily duties' step (lib/control/deadline/commands.ts runDutySteps), handed in by the starter so
 * that reports does not import control (issue 19 item 3); `queues` are other domains' job queues
 * (REG-2's territory reports), taken in turn with the organisations' jobs — one job of each per
 * round, so a burst on one queue does not starve the other.
 */
export function startReportWorker(duties: (now: Date) => Promise<unknown>, queues: readonly JobQueue[] = []): void {
  const state = workerState();
  if (state.started || !process.env.DATABASE_URL) return;
  state.started = true;
  onShutdown({ name: "report worker", phase: "work", run: stopReportWorker });
  let ticks = 0;
  const tick = async () => {
    try {
      while ((await runRound(queues)) && !state.stopping) await breathe();
      // REG-4: the webhooks due now (a batch per tick; the rest on the next ones).
      await runWebhookStep(serverNow());
      if (ticks % DUTY_EVERY === 0) await duties(serverNow());
      if (ticks++ % 300 === 0) {
        await purgeExpired();
        for (const q of queues) await q.purge(new Date());
      }
    } catch (e) {
      logger().error({ err: safeError(e) }, "report worker");
    } finally {
      if (!state.stopping) setTimeout(tick, POLL_MS).unref();
    }
  };
  setTimeout(tick, POLL_MS).unref();
}
