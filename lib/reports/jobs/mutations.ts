// Writes of report jobs (RPT: long reports in the background). A job is a row in PostgreSQL;
// workers claim the oldest queued one with FOR UPDATE SKIP LOCKED, so several server processes
// never build the same job twice; a job left RUNNING by a crashed process is claimed again
// after STALE_MINUTES. Push jobs (lib/push/jobs.ts) share the queue: claimed before reports (a
// push is short and waited for), never claimed again once RUNNING (a late duplicate notification
// is worse than a lost one), and deleted when delivered.
import { db, rawStatement, type RowOf } from "@/lib/db";
import { PUSH_JOB } from "@/lib/push/jobs";
import { Prisma } from "@/prisma/generated/prisma/client";
import { z } from "zod";
import { col } from "@/lib/sql";

export const STALE_MINUTES = 15;

export async function insertJob(
  organisationId: number,
  userId: number,
  report: string,
  format: string,
  params: Record<string, string>,
): Promise<number> {
  const job = await db.reportJob.create({
    data: { organisationId, userId, report, format, params: params as Prisma.InputJsonValue },
    select: { id: true },
  });
  return job.id;
}

/** Marks the oldest queued (or stale running) job RUNNING; it, or no row. */
export const CLAIM_NEXT_JOB = rawStatement(
  {
    organisationId: col.int,
    id: col.int,
    userId: col.int,
    report: col.text,
    format: col.text,
    params: z.record(z.string(), z.string()),
  },
  () => Prisma.sql`
    UPDATE "ReportJob" AS j
       SET status = 'RUNNING'::"JobStatus", "startedAt" = now(), progress = 1
      FROM (SELECT "organisationId", id FROM "ReportJob"
             WHERE status = 'QUEUED'::"JobStatus"
                OR (status = 'RUNNING'::"JobStatus" AND report <> ${PUSH_JOB}
                    AND "startedAt" < now() - make_interval(mins => ${STALE_MINUTES}))
             ORDER BY report = ${PUSH_JOB} DESC, "createdAt", id
             LIMIT 1
             FOR UPDATE SKIP LOCKED) AS next
     WHERE j."organisationId" = next."organisationId" AND j.id = next.id
 RETURNING j."organisationId", j.id, j."userId", j.report, j.format, j.params`,
);

/** A report's query parameters in `params`, or a push job's event (parsed by the worker). */
export type ClaimedJob = RowOf<typeof CLAIM_NEXT_JOB>;

/** Marks the oldest queued (or stale running) job RUNNING and returns it; null when none waits. */
export async function claimNextJob(): Promise<ClaimedJob | null> {
  const rows = await CLAIM_NEXT_JOB.run(db);
  return rows[0] ?? null;
}

export async function setProgress(organisationId: number, id: number, progress: number): Promise<void> {
  await db.reportJob.updateMany({ where: { organisationId, id, status: "RUNNING" }, data: { progress } });
}

/** Puts a job this process claimed back in the queue (graceful shutdown, issue 26). */
export async function releaseJob(organisationId: number, id: number): Promise<void> {
  await db.reportJob.updateMany({
    where: { organisationId, id, status: "RUNNING" },
    data: { status: "QUEUED", progress: 0, startedAt: null },
  });
}

export async function completeJob(
  organisationId: number,
  id: number,
  fileKey: string,
  fileName: string,
  expiresAt: Date,
): Promise<void> {
  // Only a job still RUNNING: one returned to the queue at shutdown is not marked done by a late finish.
  await db.reportJob.updateMany({
    where: { organisationId, id, status: "RUNNING" },
    data: { status: "DONE", progress: 100, fileKey, fileName, finishedAt: new Date(), expiresAt, error: null },
  });
}

/** `finishedAt` is the worker's clock: a failed job is purged KEEP_HOURS after it (purgeExpired). */
export async function failJob(organisationId: number, id: number, error: string, finishedAt: Date): Promise<void> {
  await db.reportJob.updateMany({
    where: { organisationId, id },
    data: { status: "FAILED", error, finishedAt },
  });
}

/**
 * Jobs past their keeping time: a finished file after its expiry, and a failed job (which keeps no
 * file) once it failed before `failedBefore`. Their file keys, and how many rows were deleted.
 */
export async function removeExpiredJobs(now: Date, failedBefore: Date): Promise<{ keys: string[]; rows: number }> {
  const rows = await db.reportJob.findMany({
    where: { OR: [{ expiresAt: { lt: now } }, { status: "FAILED", finishedAt: { lt: failedBefore } }] },
    select: { organisationId: true, id: true, fileKey: true },
    take: 100,
  });
  if (rows.length === 0) return { keys: [], rows: 0 };
  await db.reportJob.deleteMany({ where: { OR: rows.map((r) => ({ organisationId: r.organisationId, id: r.id })) } });
  return { keys: rows.flatMap((r) => (r.fileKey ? [r.fileKey] : [])), rows: rows.length };
}

/** A push job delivered: its row goes (the queue keeps no history of notifications). */
export async function finishPushJob(organisationId: number, id: number): Promise<void> {
  await db.reportJob.deleteMany({ where: { organisationId, id, report: PUSH_JOB } });
}
