// `npm run worker`: the background report worker as a process of its own (issue 26), for app
// nodes started with REPORT_WORKER=off (docs/DEPLOY.md). Jobs are claimed with FOR UPDATE SKIP
// LOCKED, so any number of workers and app nodes may poll one database; each job is built once.
// SIGTERM: claim nothing more, let the running job finish (SHUTDOWN_TIMEOUT_SECONDS, default 25)
// or return it to the queue, close the pool.
import { logger, safeError } from "@/lib/ops/log";
import { runShutdownHooks } from "@/lib/ops/shutdown";
import { runDailySteps } from "@/lib/region/fill-store";
import { territoryJobQueue } from "@/lib/region/jobs/worker";
import { startReportWorker } from "@/lib/reports/jobs/worker";

if (!process.env.DATABASE_URL) {
  console.error("Ошибка: DATABASE_URL не задан — рабочему процессу отчётов нужна база данных");
  process.exit(1);
}
const drainMs = (Number.parseInt(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? "", 10) || 25) * 1000;
startReportWorker(runDailySteps, [territoryJobQueue]);
logger().info("report worker started");
// The polling timers are unref'd; this keeps the process alive until a signal.
const keepAlive = setInterval(() => undefined, 60_000);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger().info({ signal }, "draining");
  await runShutdownHooks(Date.now() + drainMs, (name, e) =>
    logger().error({ code: name, err: safeError(e) }, "shutdown hook failed"),
  );
  clearInterval(keepAlive);
  logger().info("stopped");
  logger().flush();
  process.exit(0);
}
process.on("SIGTERM", (s) => void stop(s));
process.on("SIGINT", (s) => void stop(s));
