// How many requests Next.js renders at once (issue 22, peak RSS ≤ 600 MB; bench/notes.md «Round 18, memG18»).
// Under 50 clients every request in flight holds its half-built page, its reads and its chunks while the
// others take turns on the two cores: a render that would take 10 ms lives 200–500 ms, outlives several
// young-generation collections and is promoted into the old generation, which fills with the garbage of
// renders in progress; the V8 heap grown that way (and let run on during marking) is the run's RSS peak
// (bench/notes.md «Round 16, marginP16»). With at most MAX_ACTIVE_REQUESTS pages in Next.js and the rest
// waiting in a FIFO before any of their work starts, the same requests per second leave a fraction of that
// garbage. The wait is inside the request's time (server/handler.ts starts its clock, counts it in flight
// and checks its body before this), so the log line, the metrics and the drain see it as before.
//
// Not limited: route handlers under /api/ (reports and files wait on builds, not on a render; the probes),
// requests with a body (a write: its body would be read only once admitted, and a client that
// trickles one would hold a place for minutes), a server action forwarded over loopback by Next.js to the
// page that bundles it (its caller holds a place: waiting behind it would deadlock), Next.js's static files. A request that holds its place longer than
// ADMISSION_HOLD_MS (a slow reader, a long report build) gives it up and runs on uncounted, so nothing can
// keep the queue shut for long. MAX_ACTIVE_REQUESTS=0 turns the limit off; development never limits.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { NextHandle } from "./handler";

type Env = { readonly [name: string]: string | undefined };

/** Default number of GET/HEAD renders at once: the database pool's size (lib/db.ts, 10) plus a few that render while others wait on it. */
export const DEFAULT_MAX_ACTIVE_REQUESTS = 12;
/** After this long a request stops counting against the limit (ms). */
export const ADMISSION_HOLD_MS = 5_000;

/** MAX_ACTIVE_REQUESTS as a whole number ≥ 0 (0: no limit), the default when unset. */
export function maxActiveRequests(env: Env): number {
  const raw = env.MAX_ACTIVE_REQUESTS?.trim();
  if (!raw) return DEFAULT_MAX_ACTIVE_REQUESTS;
  if (!/^\d+$/.test(raw) || Number(raw) > 10_000)
    throw new Error(
      `MAX_ACTIVE_REQUESTS должен быть целым числом запросов 0–10000 (0 — без ограничения), получено «${raw}»`,
    );
  return Number(raw);
}

// The route handlers under /api/ (the probes among them) are not the renders this limit is for: a report's
// download waits on its single build (lib/reports/single-flight.ts) and its layout thread for up to seconds,
// and 20 of them in parallel held every place while the grid's pages queued behind them — SEC-5's grid beside
// 20 organisation reports went from 1.32 to 1.72 × its plain p95 in round 18's first full run.
const EXEMPT_PATHS = ["/_next/static/", "/api/"];

/** Whether `req` bypasses the limit (see the header comment). */
export function exempt(req: IncomingMessage): boolean {
  const method = (req.method ?? "GET").toUpperCase();
  if (method !== "GET" && method !== "HEAD") return true;
  if (req.headers["x-action-forwarded"] === "1") return true;
  const url = req.url ?? "/";
  return EXEMPT_PATHS.some((p) => url.startsWith(p));
}

export type Timers = {
  setTimeout(fn: () => void, ms: number): { unref?: () => unknown } | number;
  clearTimeout(t: unknown): void;
};

export type Admission = {
  handle: NextHandle;
  /** Requests holding a place now, and waiting for one. */
  active(): number;
  waiting(): number;
};

/**
 * `handle` with at most `max` requests (not exempt) inside it at once; the rest wait in arrival order.
 * A place is given back when the request's handling settles, its response closes or ADMISSION_HOLD_MS
 * pass, whichever is first; a request whose client has gone while it waited is not started.
 */
export function limitActive(
  handle: NextHandle,
  max: number,
  holdMs: number = ADMISSION_HOLD_MS,
  timers: Timers = globalThis as unknown as Timers,
): Admission {
  let active = 0;
  const queue: Array<() => void> = [];
  const admitNext = () => {
    while (active < max && queue.length > 0) queue.shift()!();
  };
  const run = (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    active++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      active--;
      timers.clearTimeout(timer);
      res.off("close", release);
      admitNext();
    };
    const timer = timers.setTimeout(release, holdMs);
    if (typeof timer === "object") timer.unref?.();
    res.once("close", release);
    let done: Promise<void>;
    try {
      done = handle(req, res);
    } catch (e) {
      release();
      return Promise.reject(e);
    }
    return done.finally(release);
  };
  const limited: NextHandle = (req, res) => {
    if (max <= 0 || exempt(req)) return handle(req, res);
    if (active < max && queue.length === 0) return run(req, res);
    return new Promise<void>((resolve, reject) => {
      queue.push(() => {
        // The client went away while waiting: its answer is already logged (499); nothing to render.
        if (res.destroyed || res.writableEnded || req.socket?.destroyed) return resolve();
        run(req, res).then(resolve, reject);
      });
    });
  };
  return { handle: limited, active: () => active, waiting: () => queue.length };
}
