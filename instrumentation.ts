// Next.js calls register() once when a server instance starts: the report worker (RPT background
// jobs) runs in the Node.js runtime only, polling PostgreSQL for queued report jobs — unless
// REPORT_WORKER=off, when a separate `npm run worker` process builds them (docs/DEPLOY.md).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (/^(off|0|false|no)$/i.test(process.env.REPORT_WORKER?.trim() ?? "")) return;
  const { startReportWorker } = await import("./lib/reports/jobs/worker");
  // DUT-1's duties and REG-2's stored fill days (lib/region/fill-store.ts).
  const { runDailySteps } = await import("./lib/region/fill-store");
  // REG-2: the authority accounts' territory reports queued beside the organisations' jobs.
  const { territoryJobQueue } = await import("./lib/region/jobs/worker");
  startReportWorker(runDailySteps, [territoryJobQueue]);
}

// Next.js reports every error of a request here (issue 26, SEC-6): a server action that threw on
// malformed arguments is marked so the app server answers 400 instead of 500.
export async function onRequestError(
  error: unknown,
  _request: unknown,
  context: { routeType?: string },
): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || context.routeType !== "action") return;
  const { noteMalformedCall } = await import("./lib/ops/request-context");
  noteMalformedCall(error);
}
