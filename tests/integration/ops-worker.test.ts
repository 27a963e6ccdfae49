// Graceful shutdown of the report worker (issue 26): on SIGTERM it claims nothing more, lets the
// running job finish within the drain time, and returns a job still running at the deadline to
// the queue — so no job is left RUNNING by a stopped node and another node builds it.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { claimNextJob, insertJob, releaseJob } from "@/lib/reports/jobs/mutations";
import { runJobStep, stopReportWorker } from "@/lib/reports/jobs/worker";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";

type State = {
  started: boolean;
  stopping: boolean;
  current: { id: number; done: Promise<unknown>; release: () => Promise<void> } | null;
};
const holder = globalThis as typeof globalThis & { __ejReportWorker?: State };
let f: AccessFixture;

beforeAll(async () => {
  f = await createAccessFixture();
});

afterEach(async () => {
  holder.__ejReportWorker = { started: false, stopping: false, current: null };
  await db.reportJob.deleteMany({ where: { organisationId: f.organisationId } });
});

async function statusOf(id: number) {
  return (await db.reportJob.findFirstOrThrow({ where: { organisationId: f.organisationId, id } })).status;
}

describe("report worker on SIGTERM (issue 26)", () => {
  it("returns a job still running at the deadline to the queue", async () => {
    const id = await insertJob(f.organisationId, f.users.DEPUTY, "occupancy", "xlsx", { date: "2026-11-20" });
    const job = await claimNextJob();
    expect(job?.id).toBe(id);
    expect(await statusOf(id)).toBe("RUNNING");
    // The build that never ends before the deadline.
    holder.__ejReportWorker = {
      started: true,
      stopping: false,
      current: { id, done: new Promise(() => undefined), release: () => releaseJob(f.organisationId, id) },
    };
    await stopReportWorker(Date.now() + 600);
    expect(await statusOf(id)).toBe("QUEUED");
    // …and another node claims it again.
    expect((await claimNextJob())?.id).toBe(id);
  });

  it("lets a job that ends in time finish, and claims nothing once stopping", async () => {
    const id = await insertJob(f.organisationId, f.users.DEPUTY, "occupancy", "xlsx", { date: "2026-11-20" });
    let finish!: () => void;
    const done = new Promise<void>((r) => (finish = r));
    holder.__ejReportWorker = {
      started: true,
      stopping: false,
      current: { id, done, release: () => releaseJob(f.organisationId, id) },
    };
    await claimNextJob();
    const stopping = stopReportWorker(Date.now() + 10_000);
    finish();
    await stopping;
    expect(await statusOf(id)).toBe("RUNNING"); // left to its own completion, not released
    const next = await insertJob(f.organisationId, f.users.DEPUTY, "occupancy", "xlsx", { date: "2026-11-20" });
    expect(await runJobStep()).toBeNull();
    expect(await statusOf(next)).toBe("QUEUED");
  });
});
