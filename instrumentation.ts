// Next.js calls register() once when a server instance starts: the report worker (RPT background
// jobs) runs in the Node.js runtime only, polling PostgreSQL for queued report jobs.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startReportWorker } = await import("./lib/reports/jobs/worker");
  startReportWorker();
}
