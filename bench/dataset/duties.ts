// The background worker's daily steps run by the bench itself before any app server starts (issue 22,
// round 23, DATASET_VERSION 6). Every app process's worker runs DUT-1's duties (the fill-deadline reminders
// to teachers, the day's absence notices) and REG-2's fill store once per organisation and closed day
// (lib/region/fill-store.ts runDailySteps), recorded per day so it runs once. The pristine copy had no such
// record, so the first server of every bench run did a whole term's work in its first seconds — the fill
// store over every past day and its JournalChange rows, and ≈ 93 reminder push jobs it then delivered
// (round 22: «the first server's worker clears queued push jobs», the trivial ÷ ceiling doubt) — inside
// the first scenario's windows. Here: run by the generator before the pristine copy (a real school's
// worker ran them every night), and again after each restore for the days since (normally nothing, or
// the few days since the copy was taken); what they queue is dropped (drainQueuedJobs: the dataset is
// history, the notices were delivered that night).
import { withClient } from "../../prisma/tools/pg-util";
import { drainQueuedJobs, type Drained } from "./history";

export type Duties = { duties: unknown; fillDays: number; drained: Drained; seconds: number };

/** runDailySteps(now) on database `url` (the app's own code, its client pointed there for the call). */
export async function runBenchDuties(url: string, now: Date): Promise<Duties> {
  const started = Date.now();
  const saved = process.env.DATABASE_URL;
  const { disconnectDb } = await import("../../lib/db");
  await disconnectDb();
  process.env.DATABASE_URL = url;
  try {
    const { runDailySteps } = await import("../../lib/region/fill-store");
    const r = await runDailySteps(now);
    const drained = await withClient(url, (c) => drainQueuedJobs(c));
    return { ...r, drained, seconds: (Date.now() - started) / 1000 };
  } finally {
    await disconnectDb();
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}
