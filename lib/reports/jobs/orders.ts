// Ordering, watching and downloading report jobs for the signed-in user. The caller (a route
// handler) has passed the access gate for the request; a job is only ever visible to the user
// who ordered it — another user's id reads as «not found».
import type { CurrentUser } from "@/lib/auth/session";
import { getFile } from "@/lib/storage/files";
import { CONTENT_TYPES } from "../download";
import type { ReportRequest } from "../schema";
import { ownJob, ownJobs, pendingIdenticalJob, pendingJobCount } from "./data";
import { insertJob } from "./mutations";
import { jobView, requestParams, type JobView } from "./rules";

/** At most this many of one user's jobs wait or run at a time. */
export const MAX_PENDING_JOBS = 5;

/**
 * The job's id — the user's identical job still waiting or running (SEC-5: asking again does not queue
 * the same report twice), else a new one — or null when the user already has MAX_PENDING_JOBS pending.
 */
export async function orderReportJob(user: CurrentUser, req: ReportRequest): Promise<number | null> {
  const params = { format: req.format, ...requestParams(req) };
  const same = await pendingIdenticalJob(user.organisationId, user.id, req.report, req.format, params);
  if (same !== null) return same;
  if ((await pendingJobCount(user.organisationId, user.id)) >= MAX_PENDING_JOBS) return null;
  return insertJob(user.organisationId, user.id, req.report, req.format, params);
}

export async function reportJobStatus(user: CurrentUser, id: number, now = new Date()): Promise<JobView | null> {
  const job = await ownJob(user.organisationId, user.id, id);
  return job ? jobView(job, now) : null;
}

export async function reportJobList(user: CurrentUser, now = new Date()): Promise<JobView[]> {
  return (await ownJobs(user.organisationId, user.id)).map((j) => jobView(j, now));
}

export type JobFile = { bytes: Buffer; fileName: string; contentType: string; format: string };

/** The finished file: null when there is no such job of the user; "gone" when not (or no longer) there. */
export async function reportJobFile(user: CurrentUser, id: number, now = new Date()): Promise<JobFile | "gone" | null> {
  const job = await ownJob(user.organisationId, user.id, id);
  if (!job) return null;
  const view = jobView(job, now);
  if (view.status !== "DONE" || !job.fileKey || !job.fileName) return "gone";
  const bytes = await getFile(job.fileKey);
  if (!bytes) return "gone";
  // RPT-1, RPT-3, RPT-12 over many classes are a ZIP of files (PRN-8).
  const format = job.fileName.endsWith(".zip") ? "zip" : job.format === "xlsx" ? "xlsx" : "pdf";
  return { bytes, fileName: job.fileName, contentType: CONTENT_TYPES[format], format };
}
