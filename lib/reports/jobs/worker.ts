// The report worker: runs inside the Next.js server process (started once from instrumentation.ts)
// and in tests through `runJobStep`. Each step claims one job (FOR UPDATE SKIP LOCKED), builds the
// model, yields to the event loop, renders the file, stores it under lib/storage and marks the job
// done with a keeping time; progress is written between the stages for the page's progress bar.
import { deleteFile, putFile } from "@/lib/storage/files";
import { buildModel, renderModel } from "../build";
import { parseReportRequest } from "../schema";
import { claimNextJob, completeJob, failJob, removeExpiredJobs, setProgress } from "./mutations";
import { expiryOf } from "./rules";
import { runDutySteps } from "./duties";
import { serverNow } from "@/lib/org/clock";

const POLL_MS = 2000;
/** The daily duties (issue 17: the deadline's reminder, the day's absences) every 15 polls ≈ 30 s. */
const DUTY_EVERY = 15;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the next waiting job, if any; returns its id (null when nothing waited). */
export async function runJobStep(now: () => Date = () => new Date()): Promise<number | null> {
  const job = await claimNextJob();
  if (!job) return null;
  const { organisationId, id } = job;
  try {
    const parsed = parseReportRequest(job.report, new URLSearchParams(job.params));
    if (!parsed.ok) throw new Error(parsed.message);
    await setProgress(organisationId, id, 10);
    const model = await buildModel(organisationId, parsed.data, now());
    if (!model) {
      await failJob(organisationId, id, "Класс, период или преподаватель не найден");
      return id;
    }
    await setProgress(organisationId, id, 50);
    await breathe();
    const file = await renderModel(model, parsed.data.format, now());
    await setProgress(organisationId, id, 90);
    await breathe();
    const stored = await putFile(organisationId, "report", file.bytes);
    await completeJob(organisationId, id, stored.storageKey, file.fileName, expiryOf(now()));
  } catch (e) {
    console.error(`report job ${id} failed:`, e instanceof Error ? e.message : e);
    await failJob(organisationId, id, "Не удалось сформировать отчёт");
  }
  return id;
}

/** Deletes the files and rows of jobs past their keeping time. */
export async function purgeExpired(now: Date = new Date()): Promise<number> {
  const keys = await removeExpiredJobs(now);
  await Promise.all(keys.map((k) => deleteFile(k).catch(() => undefined)));
  return keys.length;
}

type WorkerState = { started: boolean };
const holder = globalThis as typeof globalThis & { __ejReportWorker?: WorkerState };

/** Starts the polling loop once per process; one job at a time, never overlapping. */
export function startReportWorker(): void {
  const state = (holder.__ejReportWorker ??= { started: false });
  if (state.started || !process.env.DATABASE_URL) return;
  state.started = true;
  let ticks = 0;
  const tick = async () => {
    try {
      while ((await runJobStep()) !== null) await breathe();
      if (ticks % DUTY_EVERY === 0) await runDutySteps(serverNow());
      if (ticks++ % 300 === 0) await purgeExpired();
    } catch (e) {
      console.error("report worker:", e instanceof Error ? e.message : e);
    } finally {
      setTimeout(tick, POLL_MS).unref();
    }
  };
  setTimeout(tick, POLL_MS).unref();
}
