// Reads of report jobs: always the job of the user who ordered it (another user gets nothing).
// Push jobs on the same queue (lib/push/jobs.ts) are not the user's reports: never listed or counted.
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { PUSH_JOB } from "@/lib/push/jobs";
import type { JobViewRow } from "./rules";

const REPORTS = { not: PUSH_JOB };

/** The columns a job's view reads (JobViewRow) — REG-2's territory jobs select the same ones. */
export const JOB_VIEW = {
  id: true,
  report: true,
  format: true,
  status: true,
  progress: true,
  fileName: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  expiresAt: true,
} as const;

const JOB = { ...JOB_VIEW, params: true, fileKey: true } as const;

export type JobRow = JobViewRow & { params: unknown; fileKey: string | null };

export async function ownJob(organisationId: number, userId: number, id: number): Promise<JobRow | null> {
  return db.reportJob.findFirst({ where: { organisationId, id, userId, report: REPORTS }, select: JOB });
}

/** The user's latest jobs (the reports page lists them with their progress). */
export async function ownJobs(organisationId: number, userId: number, take = 10): Promise<JobRow[]> {
  return db.reportJob.findMany({
    where: { organisationId, userId, report: REPORTS },
    orderBy: { id: "desc" },
    take,
    select: JOB,
  });
}

/** How many of the user's jobs still wait or run (a user may not flood the queue). */
export async function pendingJobCount(organisationId: number, userId: number): Promise<number> {
  return db.reportJob.count({
    where: { organisationId, userId, report: REPORTS, status: { in: ["QUEUED", "RUNNING"] } },
  });
}

/** The user's job for the same report, format and parameters still waiting or running, if any. */
export async function pendingIdenticalJob(
  organisationId: number,
  userId: number,
  report: string,
  format: string,
  params: Record<string, string>,
): Promise<number | null> {
  const job = await db.reportJob.findFirst({
    where: {
      organisationId,
      userId,
      report,
      format,
      status: { in: ["QUEUED", "RUNNING"] },
      params: { equals: params as Prisma.InputJsonValue },
    },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return job?.id ?? null;
}
