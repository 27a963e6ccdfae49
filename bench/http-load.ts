// A small closed-loop HTTP load generator (in place of autocannon: no extra dependency, and each
// request can carry its own body — mark_save needs a different cell and version per request).
// `concurrency` workers on keep-alive connections each send the next request as soon as the
// previous one is answered, for `durationMs` (after a warm-up that is not recorded) or until
// `maxRequests` are done. Latency = first byte sent → whole body read.
import http from "node:http";

export interface Req {
  method?: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  concurrency: number;
  requests: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
  rps: number;
  errors: number;
  /** Failed requests during the (unrecorded) warm-up — e.g. the first burst of all clients at once. */
  warmup_errors: number;
  /** Status codes other than 2xx, with counts (errors). */
  statuses: Record<string, number>;
  /**
   * With `queuedApart`: the recorded answers 202 (a report queued for the background jobs, SEC-5) — not
   * served, so neither in the latencies and req/s nor errors (issue 22, round 20).
   */
  queued?: number;
  bytes_avg: number;
  duration_s: number;
}

export interface LoadOptions {
  base: string;
  /** Several app processes of one build (bench/ab.ts AB_*_PROCESSES): worker w sends to bases[w mod their count]. */
  bases?: string[];
  concurrency: number;
  durationMs: number;
  warmupMs?: number;
  maxRequests?: number;
  /** Request of worker `w`, its `n`-th; called once per request. */
  next: (w: number, n: number) => Req;
  /** Sees every answered response (e.g. to pick up a new version); false marks it an error. */
  check?: (w: number, status: number, body: Buffer) => boolean;
  /**
   * Count a 202 (queued, not served) apart — LoadResult.queued — instead of as a served 2xx with its
   * few-millisecond latency (bench/ab.ts; issue 22, round 20). Off by default: bench/run.ts's figures as before.
   */
  queuedApart?: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function send(
  agent: http.Agent,
  base: string,
  r: Req,
): Promise<{ status: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
  const url = new URL(r.path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: r.method ?? "GET",
        agent,
        headers: { ...(r.body ? { "content-length": Buffer.byteLength(r.body).toString() } : {}), ...r.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    if (r.body) req.write(r.body);
    req.end();
  });
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let queued = 0;
  let warmupErrors = 0;
  let bytes = 0;
  let recording = (o.warmupMs ?? 0) === 0;
  let started = performance.now();
  const warmEnd = performance.now() + (o.warmupMs ?? 0);
  let stopAt = warmEnd + o.durationMs;
  let done = 0;
  const worker = async (w: number): Promise<void> => {
    for (let n = 0; ; n++) {
      const now = performance.now();
      if (!recording && now >= warmEnd) {
        recording = true;
        started = now;
        stopAt = now + o.durationMs;
      }
      if (now >= stopAt || (o.maxRequests !== undefined && done >= o.maxRequests)) return;
      const rec = recording;
      if (rec) done++;
      const t0 = performance.now();
      let ok: boolean;
      let status = "network";
      try {
        const res = await send(agent, o.bases?.length ? o.bases[w % o.bases.length] : o.base, o.next(w, n));
        status = String(res.status);
        if (rec && o.queuedApart && res.status === 202) {
          queued++;
          continue;
        }
        ok = res.status >= 200 && res.status < 300 && (o.check ? o.check(w, res.status, res.body) : true);
        if (rec) bytes += res.body.length;
      } catch {
        ok = false;
      }
      if (!rec) {
        if (!ok) warmupErrors++;
        continue;
      }
      latencies.push(performance.now() - t0);
      if (!ok) {
        errors++;
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 10) / 10;
  return {
    concurrency: o.concurrency,
    requests: latencies.length,
    p50_ms: r2(percentile(latencies, 50)),
    p95_ms: r2(percentile(latencies, 95)),
    p99_ms: r2(percentile(latencies, 99)),
    max_ms: r2(latencies.at(-1) ?? 0),
    rps: r2(latencies.length / Math.max(elapsed, 0.001)),
    errors,
    warmup_errors: warmupErrors,
    statuses,
    ...(o.queuedApart ? { queued } : {}),
    bytes_avg: latencies.length ? Math.round(bytes / latencies.length) : 0,
    duration_s: r2(elapsed),
  };
}

/**
 * `loops` closed loops of GET `path()` with `cookie` kept in flight (SEC-5's report burst: bench/run.ts,
 * bench/ab.ts `--beside`); a non-200 answer (202 queued, 429 refused) comes back at once, so that loop asks
 * again a second later. `stop()` ends them and gives the answers counted by status and the seconds they ran.
 */
/**
 * The answers of startRequestLoops per second, served (200) apart from queued (202, SEC-5: the report goes
 * to the background jobs — not served) and the rest (429 refused, errors): before round 20 bench/ab.ts's
 * «report answers / s» counted every answer, a 202 as a served report (issue 22).
 */
export function answerRates(answered: { seconds: number; statuses: Record<string, number> }): {
  served: number;
  queued: number;
  other: number;
} {
  const per = (n: number) => (answered.seconds > 0 ? Math.round((n / answered.seconds) * 10) / 10 : 0);
  const all = Object.values(answered.statuses).reduce((a, b) => a + b, 0);
  const served = answered.statuses["200"] ?? 0;
  const queued = answered.statuses["202"] ?? 0;
  return { served: per(served), queued: per(queued), other: per(all - served - queued) };
}

export function startRequestLoops(base: string, cookie: string, path: () => string, loops: number) {
  let stopped = false;
  let done = 0;
  const statuses: Record<string, number> = {};
  const t0 = performance.now();
  const running = Promise.all(
    Array.from({ length: loops }, async () => {
      const agent = new http.Agent({ keepAlive: true });
      while (!stopped) {
        const status = await send(agent, base, { path: path(), headers: { cookie } }).then(
          (r) => String(r.status),
          () => "network",
        );
        statuses[status] = (statuses[status] ?? 0) + 1;
        done++;
        if (status !== "200") await new Promise((r) => setTimeout(r, 1000));
      }
      agent.destroy();
    }),
  );
  return {
    async stop(): Promise<{ done: number; seconds: number; statuses: Record<string, number> }> {
      stopped = true;
      const seconds = (performance.now() - t0) / 1000;
      await running;
      return { done, seconds, statuses };
    },
  };
}
