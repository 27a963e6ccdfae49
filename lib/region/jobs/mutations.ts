// Writes of the territory report jobs (REG-2 in the background): the same queue discipline as the
// organisations' ReportJob (lib/reports/jobs/mutations.ts) on a global table — a worker claims the
// oldest queued job with FOR UPDATE SKIP LOCKED (several processes never build one job twice), a job
// left RUNNING by a crashed process is claimed again after STALE_MINUTES, and the finished file is
// kept in the row until its expiry.
import { db, rawStatement, type RowOf } from "@/lib/db";
import { STALE_MINUTES } from "@/lib/reports/jobs/mutations";
import { Prisma } from "@/prisma/generated/prisma/client";
import { z } from "zod";
import { col } from "@/lib/sql";
import { ownerWhere, type JobOwner } from "./data";

/** A queued job of the owner for the request's fields (its kind is the job's `report`). */
export async function insertTerritoryJob(
  owner: JobOwner,
  params: { kind: string; format: string } & Record<string, string>,
): Promise<number> {
  const data = { ...ownerWhere(owner), report: params.kind, format: params.format };
  return (await db.authorityReportJob.create({ data: { ...data, params }, select: { id: true } })).id;
}

/** Marks the oldest queued (or stale running) territory job RUNNING; it, or no row. */
export const CLAIM_NEXT_TERRITORY_JOB = rawStatement(
  {
    id: col.int,
    authorityUserId: col.int,
    regionId: col.int,
    municipalityId: col.int.nullable(),
    params: z.record(z.string(), z.unknown()),
  },
  () => Prisma.sql`
    UPDATE "AuthorityReportJob" AS j
       SET status = 'RUNNING'::"JobStatus", "startedAt" = now(), progress = 1
      FROM (SELECT id FROM "AuthorityReportJob"
             WHERE status = 'QUEUED'::"JobStatus"
                OR (status = 'RUNNING'::"JobStatus" AND "startedAt" < now() - make_interval(mins => ${STALE_MINUTES}))
             ORDER BY "createdAt", id
             LIMIT 1
             FOR UPDATE SKIP LOCKED) AS next
     WHERE j.id = next.id
 RETURNING j.id, j."authorityUserId", j."regionId", j."municipalityId", j.params`,
);

export type ClaimedTerritoryJob = RowOf<typeof CLAIM_NEXT_TERRITORY_JOB>;

export async function claimNextTerritoryJob(): Promise<ClaimedTerritoryJob | null> {
  const rows = await CLAIM_NEXT_TERRITORY_JOB.run(db);
  return rows[0] ?? null;
}

export async function setTerritoryJobProgress(id: number, progress: number): Promise<void> {
  await db.authorityReportJob.updateMany({ where: { id, status: "RUNNING" }, data: { progress } });
}

/** Puts a job this process claimed back in the queue (graceful shutdown). */
export async function releaseTerritoryJob(id: number): Promise<void> {
  await db.authorityReportJob.updateMany({
    where: { id, status: "RUNNING" },
    data: { status: "QUEUED", progress: 0, startedAt: null },
  });
}

export async function completeTerritoryJob(
  id: number,
  file: { bytes: Uint8Array; fileName: string },
  finishedAt: Date,
  expiresAt: Date,
): Promise<void> {
  // Only a job still RUNNING: one returned to the queue at shutdown is not marked done by a late finish.
  await db.authorityReportJob.updateMany({
    where: { id, status: "RUNNING" },
    data: {
      status: "DONE",
      progress: 100,
      bytes: new Uint8Array(file.bytes),
      fileName: file.fileName,
      finishedAt,
      expiresAt,
      error: null,
    },
  });
}

export async function failTerritoryJob(id: number, error: string, finishedAt: Date): Promise<void> {
  await db.authorityReportJob.updateMany({ where: { id }, data: { status: "FAILED", error, finishedAt } });
}

/**
 * Jobs past their keeping time: a finished file after its expiry, and a failed job (which keeps no
 * file) once as old as a file would be kept — `failedBefore`. Returns how many rows went.
 */
export async function removeExpiredTerritoryJobs(now: Date, failedBefore: Date): Promise<number> {
  const { count } = await db.authorityReportJob.deleteMany({
    where: { OR: [{ expiresAt: { lt: now } }, { status: "FAILED", finishedAt: { lt: failedBefore } }] },
  });
  return count;
}
