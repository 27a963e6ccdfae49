// The request being served (issue 26 logs): its id, kind and route, and — once the session or
// the API token is resolved — the user and organisation ids, for the one log line the app server
// writes when the response ends. The store is an AsyncLocalStorage created by the app server
// (server/handler.ts) and kept on globalThis, so the server and the Next.js bundle (two copies of
// this module) share it; outside a request (tests, scripts) there is none and every call is a
// no-op. No Node imports: lib/errors.ts reads the request id from here in any bundle.
import type { RouteKind } from "./routes";

export type RequestStore = {
  requestId: string;
  kind: RouteKind;
  route: string;
  userId: number | null;
  organisationId: number | null;
  /** Set when a server action failed on arguments it could not have been sent by the app's pages. */
  malformed?: boolean;
};

type Storage = { getStore(): RequestStore | undefined };

const KEY = Symbol.for("ejournal.request-context");
const holder = globalThis as unknown as Record<symbol, Storage | undefined>;

/** Installs the server's AsyncLocalStorage (once per process). */
export function installRequestStorage(storage: Storage): void {
  holder[KEY] = storage;
}

export function currentRequest(): RequestStore | undefined {
  return holder[KEY]?.getStore();
}

/** The id of the request being served (returned in error bodies and the X-Request-Id header). */
export function currentRequestId(): string | undefined {
  return currentRequest()?.requestId;
}

/** Records who is calling (ids only) for the request's log line. */
export function noteRequestActor(userId: number, organisationId: number): void {
  const store = currentRequest();
  if (!store) return;
  store.userId = userId;
  store.organisationId = organisationId;
}

/**
 * Whether an error thrown while a server action ran means the call itself was malformed (SEC-6):
 * Next.js could not decode its arguments (a JSON or multipart syntax error, a cut-off body) or
 * the action was handed arguments of another shape than its form sends (a TypeError reading a
 * missing FormData). Well-formed calls are parsed by zod and answered with a result, never thrown.
 */
export function isMalformedCallError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (e instanceof SyntaxError || e instanceof TypeError) return true;
  return /^(Unexpected end of form|Malformed part header|Multipart: Boundary not found|Connection closed\.?|Unexpected end of multipart data)$/i.test(
    e.message,
  );
}

/** Records that the current server action call failed on malformed input (answered 400 by the app server). */
export function noteMalformedCall(e: unknown): void {
  const store = currentRequest();
  if (store && isMalformedCallError(e)) store.malformed = true;
}
