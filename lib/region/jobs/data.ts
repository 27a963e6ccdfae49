// Reads of the territory report jobs (REG-2): always the job of the authority account that ordered it,
// in the territory it ordered it for — another account, or the same account moved to another
// territory, gets nothing. The file's bytes are read only for the download.
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import type { Territory } from "@/lib/auth/authority/rules";
import { JOB_VIEW } from "@/lib/reports/jobs/data";
import type { JobViewRow } from "@/lib/reports/jobs/rules";

/** The job's owner and its territory, as the row stores them (a region's job has no municipality). */
export type JobOwner = { authorityUserId: number; territory: Territory };

export function ownerWhere(owner: JobOwner) {
  const { territory } = owner;
  return {
    authorityUserId: owner.authorityUserId,
    regionId: territory.regionId,
    municipalityId: territory.kind === "municipality" ? territory.municipalityId : null,
  };
}

export async function ownTerritoryJob(owner: JobOwner, id: number): Promise<JobViewRow | null> {
  return db.authorityReportJob.findFirst({ where: { id, ...ownerWhere(owner) }, select: JOB_VIEW });
}

/** The finished file of the owner's job (its bytes), or null. */
export async function ownTerritoryJobBytes(
  owner: JobOwner,
  id: number,
): Promise<(JobViewRow & { bytes: Uint8Array | null }) | null> {
  return db.authorityReportJob.findFirst({ where: { id, ...ownerWhere(owner) }, select: { ...JOB_VIEW, bytes: true } });
}

/** The owner's latest jobs (the territory reports page lists them). */
export async function ownTerritoryJobs(owner: JobOwner, take = 10): Promise<JobViewRow[]> {
  return db.authorityReportJob.findMany({ where: ownerWhere(owner), orderBy: { id: "desc" }, take, select: JOB_VIEW });
}

/** How many of the account's jobs still wait or run (whatever territory: an account may not flood the queue). */
export async function pendingTerritoryJobCount(authorityUserId: number): Promise<number> {
  return db.authorityReportJob.count({ where: { authorityUserId, status: { in: ["QUEUED", "RUNNING"] } } });
}

/** The owner's job for the same request still waiting or running, if any. */
export async function pendingIdenticalTerritoryJob(
  owner: JobOwner,
  params: Record<string, string>,
): Promise<number | null> {
  const job = await db.authorityReportJob.findFirst({
    where: {
      ...ownerWhere(owner),
      status: { in: ["QUEUED", "RUNNING"] },
      params: { equals: params as Prisma.InputJsonValue },
    },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return job?.id ?? null;
}

const NAME = { select: { name: true } } as const;

/** The account a job is built for, as it is now (blocked or moved: the worker does not build). */
export async function jobAccount(authorityUserId: number) {
  return db.authorityUser.findUnique({
    where: { id: authorityUserId },
    select: { role: true, isActive: true, regionId: true, municipalityId: true, region: NAME, municipality: NAME },
  });
}
