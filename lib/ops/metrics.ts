// Prometheus metrics (issue 26) through prom-client: one registry per process on globalThis,
// shared by the app server (requests) and the Next.js bundle (report jobs, deliveries, the
// /api/metrics route). Label values are bounded: route kinds, route patterns from the build,
// HTTP statuses, fixed outcome words — never ids or paths with ids.
import client from "prom-client";

export type Outcome = "sent" | "failed" | "gone" | "skipped";
export type Channel = "push" | "mail" | "webhook";

type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

export type Metrics = {
  registry: client.Registry;
  requests: client.Counter<"kind" | "route" | "method" | "status">;
  duration: client.Histogram<"kind" | "route">;
  errors: client.Counter<"kind" | "code">;
  inFlight: client.Gauge;
  jobs: client.Gauge<"status">;
  jobDuration: client.Histogram<"outcome">;
  deliveries: client.Counter<"channel" | "outcome">;
  /** Pools to report (set by lib/db.ts when it opens them). */
  pools: Map<string, PoolStats>;
};

const KEY = Symbol.for("ejournal.metrics");
const holder = globalThis as unknown as Record<symbol, Metrics | undefined>;

function create(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const pools = new Map<string, PoolStats>();
  const m: Metrics = {
    registry,
    pools,
    requests: new client.Counter({
      name: "ejournal_http_requests_total",
      help: "HTTP requests by route kind (page, action, route, api, static), route pattern, method and status",
      labelNames: ["kind", "route", "method", "status"],
      registers: [registry],
    }),
    duration: new client.Histogram({
      name: "ejournal_http_request_duration_seconds",
      help: "Time from the request's arrival to the end of its answer, by route kind and route pattern",
      labelNames: ["kind", "route"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    errors: new client.Counter({
      name: "ejournal_http_errors_total",
      help: "Answers with a 4xx or 5xx status, by route kind and status code",
      labelNames: ["kind", "code"],
      registers: [registry],
    }),
    inFlight: new client.Gauge({
      name: "ejournal_http_requests_in_flight",
      help: "Requests being served now",
      registers: [registry],
    }),
    jobs: new client.Gauge({
      name: "ejournal_report_jobs",
      help: "Report jobs in the database by status (QUEUED is the queue length), read at each scrape",
      labelNames: ["status"],
      registers: [registry],
    }),
    jobDuration: new client.Histogram({
      name: "ejournal_report_job_duration_seconds",
      help: "Time to build and store one background report, by outcome (done, failed, released)",
      labelNames: ["outcome"],
      buckets: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900],
      registers: [registry],
    }),
    deliveries: new client.Counter({
      name: "ejournal_deliveries_total",
      help: "Notifications handed to push services, the mail server or webhooks, by outcome",
      labelNames: ["channel", "outcome"],
      registers: [registry],
    }),
  };
  new client.Gauge({
    name: "ejournal_db_pool_connections",
    help: "Database pool connections of this process: open (total), idle, and requests waiting for one",
    labelNames: ["pool", "state"],
    registers: [registry],
    collect() {
      for (const [pool, stats] of pools) {
        this.set({ pool, state: "total" }, stats.totalCount);
        this.set({ pool, state: "idle" }, stats.idleCount);
        this.set({ pool, state: "waiting" }, stats.waitingCount);
      }
    },
  });
  return m;
}

/** The process's metrics (created on first use). */
export function metrics(): Metrics {
  return (holder[KEY] ??= create());
}

/** One finished request. */
export function observeRequest(kind: string, route: string, method: string, status: number, seconds: number): void {
  const m = metrics();
  m.requests.inc({ kind, route, method, status: String(status) });
  m.duration.observe({ kind, route }, seconds);
  if (status >= 400) m.errors.inc({ kind, code: String(status) });
}

/** One delivery attempt of a notification (push, e-mail, webhook). */
export function countDelivery(channel: Channel, outcome: Outcome, n = 1): void {
  if (n > 0) metrics().deliveries.inc({ channel, outcome }, n);
}

/** One finished background report. */
export function observeJob(outcome: "done" | "failed" | "released", seconds: number): void {
  metrics().jobDuration.observe({ outcome }, seconds);
}

/** The database pool of this process under `name` ("primary", "replica"), for the pool gauge. */
export function registerPool(name: string, pool: PoolStats): void {
  metrics().pools.set(name, pool);
}

export const METRICS_CONTENT_TYPE = client.Registry.PROMETHEUS_CONTENT_TYPE;
