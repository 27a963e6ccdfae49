// Structured logs (issue 26, NFR-5): JSON lines through pino on stdout, the level from
// LOG_LEVEL (default info). One line per request is written by the app server when the response
// ends (`requestLine`): time, request id, route kind and name, method, status, duration, user id
// and organisation id — ids only, never names, logins, marks, passwords, query strings or bodies.
// One logger per process on globalThis, shared by the app server and the Next.js bundle.
import pino, { type Logger } from "pino";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LEVELS)[number];

/** LOG_LEVEL, checked (a wrong value stops the server at start with a Russian message). */
export function logLevel(setting: string | undefined): LogLevel {
  const raw = setting?.trim().toLowerCase() || "info";
  if (!(LEVELS as readonly string[]).includes(raw)) {
    throw new Error(`LOG_LEVEL должен быть одним из: ${LEVELS.join(", ")}; получено «${setting}»`);
  }
  return raw as LogLevel;
}

const KEY = Symbol.for("ejournal.logger");
const holder = globalThis as unknown as Record<symbol, Logger | undefined>;

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

/** The process's logger (created on first use from LOG_LEVEL). */
export function logger(): Logger {
  return (holder[KEY] ??= createLogger(safeLevel(process.env.LOG_LEVEL)));
}

/** Replaces the process's logger (the app server installs its own at start). */
export function installLogger(l: Logger): void {
  holder[KEY] = l;
}

function safeLevel(setting: string | undefined): LogLevel {
  try {
    return logLevel(setting);
  } catch {
    return "info";
  }
}

export type RequestLine = {
  reqId: string;
  kind: string;
  route: string;
  method: string;
  status: number;
  ms: number;
  userId: number | null;
  orgId: number | null;
  /** The body was refused or the client went away before the answer ended. */
  aborted?: true;
};

/** Exactly the fields of a request's line (a whitelist: nothing else can slip in). */
export function requestLine(fields: RequestLine): RequestLine {
  const line: RequestLine = {
    reqId: fields.reqId,
    kind: fields.kind,
    route: fields.route,
    method: fields.method,
    status: fields.status,
    ms: Math.round(fields.ms * 10) / 10,
    userId: fields.userId,
    orgId: fields.orgId,
  };
  if (fields.aborted) line.aborted = true;
  return line;
}

/** Every key a JSON log line of the app may hold (tests check the e2e run's log against it). */
export const LOG_KEYS: readonly string[] = [
  "level",
  "time",
  "pid",
  "msg",
  "reqId",
  "kind",
  "route",
  "method",
  "status",
  "ms",
  "userId",
  "orgId",
  "aborted",
  "port",
  "signal",
  "inFlight",
  "jobId",
  "err",
  "code",
];

/**
 * An error as it may be logged: its class, code and stack frames — not its message or fields,
 * which can quote the data of a query (a PostgreSQL `detail`, a Prisma argument dump).
 */
export function safeError(e: unknown): { type: string; code?: string; frames?: string } {
  if (!(e instanceof Error)) return { type: typeof e };
  const code = (e as { code?: unknown }).code;
  const frames = (e.stack ?? "")
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .slice(0, 8)
    .map((l) => l.trim())
    .join(" | ");
  return {
    type: e.name || "Error",
    ...(typeof code === "string" && /^[A-Za-z0-9_]{1,20}$/.test(code) ? { code } : {}),
    ...(frames ? { frames } : {}),
  };
}
