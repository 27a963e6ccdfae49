// SEC-5: identical heavy report requests share one build. Twenty deputies (or one deputy's twenty
// tabs) asking for the same whole-school report at the same moment cost one build, not twenty: a
// request whose organisation, report and parameters equal those of a build still running, started
// less than JOIN_WINDOW_MS ago, waits for that build and gets its file (request coalescing, as a
// caching proxy does) — as if it had been sent when that build began. The report's content depends
// only on the organisation and the request, never on who asks (each asker has passed the access gate
// for the request first), so sharing the file leaks nothing. A finished build is not kept: the next
// request builds anew from the current data.
import { requestParams } from "./jobs/rules";
import type { ReportRequest } from "./schema";

/** A build that started longer ago than this is not joined (its data may predate a recent change). */
export const JOIN_WINDOW_MS = 5_000;

type Flight = { startedAt: number; promise: Promise<unknown> };
const holder = globalThis as typeof globalThis & { __ejReportFlights?: Map<string, Flight> };
const flights = (holder.__ejReportFlights ??= new Map<string, Flight>());
let joins = 0;

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

/** Runs `build` as the flight of `key`: identical requests share it while it runs. */
export function startFlight<T>(key: string, build: () => Promise<T>, now: number = Date.now()): Promise<T> {
  const promise = build();
  const flight: Flight = { startedAt: now, promise };
  flights.set(key, flight);
  const land = () => {
    if (flights.get(key) === flight) flights.delete(key);
  };
  promise.then(land, land);
  return promise;
}

/** How many requests have shared another request's build since the process started (tests, metrics). */
export function joinedRequests(): number {
  return joins;
}

/** How many builds are running now (tests, metrics). */
export function flightsInAir(): number {
  return flights.size;
}
