// SEC-5: identical heavy report requests share one build. Twenty deputies (or one deputy's twenty
// tabs) asking for the same whole-school report at the same moment cost one build, not twenty: a
// request whose organisation, report and parameters equal those of a build still running, started
// less than JOIN_WINDOW_MS ago, waits for that build and gets its file (request coalescing, as a
// caching proxy does) — as if it had been sent when that build began. The report's content depends
// only on the organisation, the request and the date, never on who asks (each asker has passed the
// access gate for the request first), so sharing the file leaks nothing.
// A finished build's file is kept (LANDED_MAX files, LANDED_TTL_MS) and given to the next identical
// request only while the report data of its organisations is exactly as it was when that build began:
// the caller's version reader (data.ts reportDataVersion over the organisation, or over a territory's
// member organisations, REG-2) is read before the build and again at the request, and any write to
// what the reports read that committed in between — a corrected mark or final, a moved student — in
// one of those organisations makes the next request build anew (issue 22, round 20: until then the
// test was the server's pg_current_snapshot(), staled by any write of any organisation and by every
// background job's row, so at a school day's peak the kept file was almost never given). This is exact
// across several app processes (the version is the database's, raised by triggers with the write
// itself; each process compares its own file with it) and costs the request one tiny read. A failed
// or empty build is never kept, and a file of another calendar day is not given (the date of printing).
import { isoDate } from "@/lib/org/time";
import { takeInlineSlot } from "./inline-slots";
import { requestParams } from "./jobs/rules";
import type { ReportRequest } from "./schema";

/** A build that started longer ago than this is not joined (its data may predate a recent change). */
export const JOIN_WINDOW_MS = 5_000;

/** How many finished files are kept (the oldest goes first), and for how long at most. */
export const LANDED_MAX = 16;
export const LANDED_TTL_MS = 10 * 60_000;
/**
 * The bytes the kept files may hold together (SEC-5, round 7): the oldest go first, and a file larger
 * than this alone is not kept — sixteen printed journals of a year must not sit in the server's memory.
 */
export const LANDED_MAX_BYTES = 32 * 1024 * 1024;

/**
 * Reads the version of the data a key's file is built from (data.ts reportDataVersion over its
 * organisations; tests pass their own): equal readings — the file is still current.
 */
export type VersionReader = () => Promise<string>;

type Flight = { startedAt: number; promise: Promise<unknown> };
type Landed = { value: unknown; version: string; day: string; startedAt: number; bytes: number };
const holder = globalThis as typeof globalThis & {
  __ejReportFlights?: Map<string, Flight>;
  __ejReportLanded?: Map<string, Landed>;
};
const flights = (holder.__ejReportFlights ??= new Map<string, Flight>());
const landed = (holder.__ejReportLanded ??= new Map<string, Landed>());
let joins = 0;
let reuses = 0;

/** The identity of a request's file: organisation, report and its parameters in a fixed order. */
export function flightKey(organisationId: number, req: ReportRequest): string {
  const params = Object.entries(requestParams(req)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([organisationId, req.report, params]);
}

/** The file of an identical build still running that started within the window, or null. */
export function joinFlight<T>(key: string, now: number = Date.now()): Promise<T> | null {
  const flight = flights.get(key);
  if (!flight || now - flight.startedAt >= JOIN_WINDOW_MS) return null;
  joins++;
  return flight.promise as Promise<T>;
}

/**
 * Runs `build` as the flight of `key`: identical requests share it while it runs. `now` is the
 * instant the build uses; its file is kept for later identical requests (reuseLanded) under the
 * data version read before the build began (before its first data read: data.ts reportDataVersion
 * says why that is exact) — unless the build fails or has no file.
 */
export function startFlight<T>(
  key: string,
  build: () => Promise<T>,
  now: number,
  readVersion: VersionReader,
): Promise<T> {
  landed.delete(key);
  const promise = (async () => {
    const version = await readVersion().catch(() => null);
    const value = await build();
    if (version !== null && value !== null && value !== undefined)
      keep(key, { value, version, day: dayOf(now), startedAt: now, bytes: sizeOf(value) });
    return value;
  })();
  const flight: Flight = { startedAt: now, promise };
  flights.set(key, flight);
  const land = () => {
    if (flights.get(key) === flight) flights.delete(key);
  };
  promise.then(land, land);
  return promise;
}

/** The bytes a kept value holds: a file's `bytes` (a ReportFile), else 0. */
function sizeOf(value: unknown): number {
  const bytes = (value as { bytes?: unknown }).bytes;
  return bytes instanceof Uint8Array ? bytes.byteLength : 0;
}

function keep(key: string, entry: Landed): void {
  landed.delete(key);
  if (entry.bytes > LANDED_MAX_BYTES) return;
  landed.set(key, entry);
  let total = 0;
  for (const e of landed.values()) total += e.bytes;
  while (landed.size > LANDED_MAX || total > LANDED_MAX_BYTES) {
    const [oldest, e] = landed.entries().next().value!;
    landed.delete(oldest);
    total -= e.bytes;
  }
}

const dayOf = (instant: number) => isoDate(new Date(instant));

/**
 * The file of the last finished identical build when its data version is unchanged since that build
 * began (no write of its organisations committed), it was built for the same day and not longer than
 * LANDED_TTL_MS ago; else null (and a stale file is dropped). The version is read only when there is a
 * file to offer.
 */
export async function reuseLanded<T>(key: string, now: number, readVersion: VersionReader): Promise<T | null> {
  const entry = landed.get(key);
  if (!entry) return null;
  const drop = () => {
    if (landed.get(key) === entry) landed.delete(key);
    return null;
  };
  if (entry.day !== dayOf(now) || now - entry.startedAt > LANDED_TTL_MS) return drop();
  const version = await readVersion().catch(() => null);
  if (version === null || version !== entry.version) return drop();
  reuses++;
  return entry.value as T;
}

/**
 * SEC-5's order for one heavy file — the organisation's report route and the territory report (REG-2)
 * alike: join an identical build still running → else the kept file of unchanged data (`readVersion`:
 * the organisation's, or the territory's member organisations') → else
 * build it as the flight of `key` in an inline slot → else "busy", every slot being taken (the caller
 * then queues the request as a background job).
 */
export async function heavyFile<T>(
  key: string,
  build: () => Promise<T>,
  now: number,
  readVersion: VersionReader,
): Promise<T | "busy"> {
  const joined = joinFlight<T>(key, now);
  if (joined) return joined;
  const reused = await reuseLanded<T>(key, now, readVersion);
  if (reused !== null) return reused;
  // Again after the version's read (issue 22, round 19): an identical request that arrived at the same
  // moment (one user's USER_HEAVY_TURNS come in pairs) may have started the build meanwhile. Without this
  // look the second took no slot and was queued (202) — and its job's row, a write, made the file being
  // built stale before it landed: every later pair rebuilt and queued again (SEC-5's burst after any write).
  const joinedLate = joinFlight<T>(key, now);
  if (joinedLate) return joinedLate;
  const release = takeInlineSlot();
  if (!release) return "busy";
  try {
    return await startFlight(key, build, now, readVersion);
  } finally {
    release();
  }
}

/** How many requests have shared another request's build since the process started (tests, metrics). */
export function joinedRequests(): number {
  return joins;
}

/** How many builds are running now (tests, metrics). */
export function flightsInAir(): number {
  return flights.size;
}

/** How many requests got a kept file of unchanged data since the process started (tests, metrics). */
export function reusedFiles(): number {
  return reuses;
}

/** How many finished files are kept now (tests, metrics). */
export function landedFiles(): number {
  return landed.size;
}

/** The bytes the kept files hold now (tests, metrics). */
export function landedBytes(): number {
  let total = 0;
  for (const e of landed.values()) total += e.bytes;
  return total;
}
