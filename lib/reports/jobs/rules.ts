// Pure parts of report jobs: which requests are long (offered as jobs), how long a file is kept,
// and the job as the page sees it.
import { isoDate } from "@/lib/org/time";
import type { ReportRequest } from "../schema";

/** Finished files stay downloadable this long (then the worker deletes them). */
export const KEEP_HOURS = 24;

export function expiryOf(finishedAt: Date): Date {
  return new Date(finishedAt.getTime() + KEEP_HOURS * 3600_000);
}

/** Long reports: a whole organisation, or the printed journal of a class for a whole year. */
export function isLongReport(req: ReportRequest): boolean {
  if (req.report === "journal") return req.periodId === undefined;
  return !("classId" in req) || req.classId === undefined;
}

/** The request as stored in the job row: the query string's fields (re-parsed when it runs). */
export function requestParams(req: ReportRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req)) {
    if (v === undefined || k === "report") continue;
    if (v instanceof Date) out[k] = k === "month" ? v.toISOString().slice(0, 7) : isoDate(v);
    else out[k] = String(v);
  }
  return out;
}

export type JobView = {
  id: number;
  report: string;
  format: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED" | "EXPIRED";
  progress: number;
  fileName: string | null;
  error: string | null;
  createdAt: string;
  expiresAt: string | null;
};

/** A job row as its view reads it (an organisation's ReportJob, or REG-2's AuthorityReportJob). */
export type JobViewRow = {
  id: number;
  report: string;
  format: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  progress: number;
  fileName: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  expiresAt: Date | null;
};

export function jobView(job: JobViewRow, now: Date): JobView {
  const expired = job.status === "DONE" && job.expiresAt !== null && job.expiresAt < now;
  return {
    id: job.id,
    report: job.report,
    format: job.format,
    status: expired ? "EXPIRED" : job.status,
    progress: job.progress,
    fileName: expired ? null : job.fileName,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    expiresAt: job.expiresAt?.toISOString() ?? null,
  };
}
