// The database's own floor for a page (issue 10): the SQL one request issues, captured from the
// PostgreSQL log (log_min_duration_statement = 0 for the length of one request), then replayed
// straight through `pg` — one connection, statements one after another, as many rounds as fit
// in the time given. Only for the embedded bench server (its log file is known).
import { readFileSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import pg from "pg";
import { percentile } from "./http-load";

export interface Statement {
  sql: string;
  params: string[];
}

function parseParams(detail: string): string[] {
  const out: string[] = [];
  const re = /\$(\d+) = (NULL|'((?:[^']|'')*)')/g;
  for (let m = re.exec(detail); m; m = re.exec(detail))
    out[Number(m[1]) - 1] = m[2] === "NULL" ? (null as unknown as string) : m[3].replace(/''/g, "'");
  return out;
}

/**
 * The background worker's job claims (lib/reports/jobs, lib/region/jobs, lib/webhooks CLAIM_*: an UPDATE of
 * the job table from a FOR UPDATE SKIP LOCKED pick). The worker ticks in the same app process, so its claims
 * fell into one request's log window and were counted, and replayed, as the page's own (round 21: «/ping 5»,
 * «grid 8» for pages of 1–3 statements). No page or route issues one.
 */
const BACKGROUND_CLAIM =
  /^\s*UPDATE "(?:ReportJob|AuthorityReportJob|WebhookDelivery)" AS \w+\s[\s\S]*FOR UPDATE SKIP LOCKED/;

/** Statements of the log written after `offset` (execute lines with their parameters), the worker's claims left out. */
export function statementsFromLog(logFile: string, offset: number): Statement[] {
  const text = readFileSync(logFile, "utf8").slice(offset);
  const lines = text.split("\n");
  const out: Statement[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /duration: [\d.]+ ms {2}execute [^:]*: (.*)$/.exec(lines[i]);
    if (!m) continue;
    let sql = m[1];
    let j = i + 1;
    while (j < lines.length && !/^\d{4}-\d\d-\d\d /.test(lines[j]) && !/DETAIL:/.test(lines[j]))
      sql += `\n${lines[j++]}`;
    // The parameters' DETAIL entry runs to the next timestamped line: a value holding a newline (a
    // comment, a topic's text) continues it, and reading its first line alone lost every parameter
    // after that value («bind message supplies 1285 parameters, but prepared statement requires 2003»).
    let detail = "";
    if (j < lines.length && /DETAIL: {2}[Pp]arameters:/.test(lines[j])) {
      detail = lines[j++];
      while (j < lines.length && !/^\d{4}-\d\d-\d\d /.test(lines[j])) detail += `\n${lines[j++]}`;
    }
    if (/pg_catalog|pg_reload_conf|ALTER SYSTEM/.test(sql) || BACKGROUND_CLAIM.test(sql)) continue;
    out.push({ sql, params: detail ? parseParams(detail) : [] });
  }
  return out;
}

export function logSize(logFile: string): number {
  try {
    return statSync(logFile).size;
  } catch {
    return 0;
  }
}

export async function setStatementLogging(adminUrl: string, on: boolean): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(
      on ? "ALTER SYSTEM SET log_min_duration_statement = 0" : "ALTER SYSTEM RESET log_min_duration_statement",
    );
    await c.query("SELECT pg_reload_conf()");
  } finally {
    await c.end();
  }
  await new Promise((r) => setTimeout(r, 300)); // backends pick the reload up between queries
}

/**
 * Replays `statements` in order for `ms`; per-round latency of the whole sequence. Each statement is
 * a named prepared statement (one name per text), as the app's raw statements are since round 13 of
 * issue 22: parsed once on the connection, its plan kept by PostgreSQL.
 */
const nameOf = (sql: string) => `floor_${createHash("sha256").update(sql).digest("hex").slice(0, 40)}`;

export async function replay(
  url: string,
  statements: Statement[],
  ms: number,
): Promise<{ statements: number; rounds: number; p50_ms: number; p95_ms: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const times: number[] = [];
  try {
    const end = performance.now() + ms;
    while (performance.now() < end) {
      const t0 = performance.now();
      for (const s of statements) await c.query({ name: nameOf(s.sql), text: s.sql, values: s.params });
      times.push(performance.now() - t0);
    }
  } finally {
    await c.end();
  }
  times.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    statements: statements.length,
    rounds: times.length,
    p50_ms: r(percentile(times, 50)),
    p95_ms: r(percentile(times, 95)),
  };
}
