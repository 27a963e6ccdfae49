// Operations (issue 26; SEC-1, SEC-6): two production app servers (server/main.ts over the .next
// build) on different ports over one PostgreSQL of their own (so it can be stopped without
// disturbing the other test files). Sessions valid on both; a right removed through A refused on
// B at the next request; report jobs built once while both workers poll; readiness 503/200 as
// the database stops and comes back; metrics behind the token, parsed by a Prometheus parser;
// one JSON log line per request with the id the error body shows; the client address from the
// socket unless TRUST_PROXY; body limits and malformed actions; SIGTERM drains.
// The build is made first when it is missing or stale (prisma/tools/fresh-build.ts).
import { randomBytes } from "node:crypto";
import http from "node:http";
import path from "node:path";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbedded, type EmbeddedServer } from "../../prisma/tools/embedded";
import { randomFreePort } from "../../prisma/tools/embedded-proc";
import { ensureBuild } from "../../prisma/tools/fresh-build";
import { applyMigrations } from "../../prisma/tools/migrate-runner";
import { DATA_DIR } from "../../prisma/tools/paths";
import { createDatabase } from "../../prisma/tools/pg-util";
import { seedDemo } from "../../prisma/seed/index";
import { actionId, callAction, signInHttp, startApp, type AppProcess } from "../support/app-process";

const PG_DIR = path.join(DATA_DIR, "ops-pg");
const METRICS_TOKEN = `metrics-${randomBytes(12).toString("hex")}`;
const log = (s: string) => {
  if (process.env.OPS_VERBOSE) console.log(`[ops] ${s}`);
};

let server: EmbeddedServer;
let pgPort: number;
let databaseUrl: string;
let sql: pg.Pool;
let a: AppProcess;
let b: AppProcess;
let school: number;

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const r = await sql.query(text, params);
  return r.rows[0] as T;
}

beforeAll(async () => {
  await ensureBuild(process.env, log);
  pgPort = await randomFreePort();
  server = await startEmbedded({ dataDir: PG_DIR, port: pgPort, durable: false, log });
  pgPort = server.port;
  const name = `ops_${randomBytes(4).toString("hex")}`;
  databaseUrl = await createDatabase(server.url("postgres"), name);
  await applyMigrations(databaseUrl);
  await seedDemo(databaseUrl, { log });
  sql = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  sql.on("error", () => undefined);
  ({ id: school } = await one<{ id: number }>(
    `SELECT id FROM "Organisation" WHERE kind = 'SCHOOL' ORDER BY id LIMIT 1`,
  ));
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "ops-test-secret-shared-by-both-nodes-0123456789",
    METRICS_TOKEN,
    SHUTDOWN_TIMEOUT_SECONDS: "20",
    HEALTH_DB_TIMEOUT_MS: "1500",
    FILES_DIR: path.join(DATA_DIR, `ops-files-${name}`),
  };
  // B sits behind one (simulated) reverse proxy: TRUST_PROXY=1 (SEC-1).
  [a, b] = await Promise.all([startApp("A", env), startApp("B", { ...env, TRUST_PROXY: "1" })]);
}, 1_200_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await sql?.end();
  await server?.stop();
}, 120_000);

describe("two app nodes over one database (issue 26)", { timeout: 180_000 }, () => {
  it("a sign-in on A works on B (sessions live in PostgreSQL, NEXTAUTH_SECRET from configuration)", async () => {
    const teacher = await signInHttp(a.base, school, "teacher", "demo2026");
    expect(teacher.cookie).not.toBeNull();
    const onB = await fetch(`${b.base}/board`, { headers: { cookie: teacher.cookie! }, redirect: "manual" });
    expect(onB.status).toBe(200);
    const anonymous = await fetch(`${b.base}/board`, { redirect: "manual" });
    expect(anonymous.status).toBe(307);
  });

  it("a right removed through A is refused on B at the next request (ACL-2)", async () => {
    const admin = await signInHttp(a.base, school, "admin", "demo2026");
    const teacher = await signInHttp(b.base, school, "teacher", "demo2026");
    expect((await fetch(`${b.base}/board`, { headers: { cookie: teacher.cookie! }, redirect: "manual" })).status).toBe(
      200,
    );
    const form = new FormData();
    form.set("c:TEACHER:board.view", "none");
    form.set("c:CLASS_TEACHER:board.view", "none");
    const saved = await callAction(
      a.base,
      "/admin/access",
      await actionId("lib/access/actions.ts", "saveMatrixAction"),
      [null, form],
      admin.cookie!,
    );
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('"ok":true');
    const refused = await fetch(`${b.base}/board`, { headers: { cookie: teacher.cookie! }, redirect: "manual" });
    expect(refused.status).toBe(403);
  });

  it("report jobs are built once each while both nodes' workers poll (FOR UPDATE SKIP LOCKED)", async () => {
    const { id: deputy } = await one<{ id: number }>(
      `SELECT id FROM "User" WHERE "organisationId" = $1 AND login = 'zavuch'`,
      [school],
    );
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const row = await one<{ id: number }>(
        `INSERT INTO "ReportJob" ("organisationId", "userId", report, format, params)
         VALUES ($1, $2, 'occupancy', 'xlsx', '{"format":"xlsx","date":"2026-11-20"}') RETURNING id`,
        [school, deputy],
      );
      ids.push(row.id);
    }
    const deadline = Date.now() + 180_000;
    for (;;) {
      const { waiting } = await one<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM "ReportJob" WHERE id = ANY($1) AND status IN ('QUEUED', 'RUNNING')`,
        [ids],
      );
      if (waiting === 0) break;
      if (Date.now() > deadline) throw new Error(`${waiting} jobs not done`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const { done } = await one<{ done: number }>(
      `SELECT count(*)::int AS done FROM "ReportJob" WHERE id = ANY($1) AND status = 'DONE'`,
      [ids],
    );
    expect(done).toBe(ids.length);
    const built = [...a.lines(), ...b.lines()]
      .filter((l) => l.msg === "report job done" && ids.includes(l.jobId as number))
      .map((l) => l.jobId as number)
      .sort((x, y) => x - y);
    expect(built).toEqual([...ids].sort((x, y) => x - y));
  }, 240_000);
});

describe("health and metrics (issue 26)", { timeout: 180_000 }, () => {
  it("/api/health/live answers; /api/health/ready names its checks without versions or data", async () => {
    expect(await (await fetch(`${a.base}/api/health/live`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${a.base}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ok",
      checks: { database: "ok", migrations: "ok", replica: "off", files: "ok", accepting: "ok" },
    });
  });

  it("/api/metrics refuses without the token; with it, Prometheus text holding the request histogram", async () => {
    expect((await fetch(`${a.base}/api/metrics`)).status).toBe(403);
    expect((await fetch(`${a.base}/api/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(403);
    for (const p of ["/login", "/login", "/api/v1/openapi.json"]) await (await fetch(`${a.base}${p}`)).text();
    const res = await fetch(`${a.base}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const families = parsePrometheusTextFormat(text);
    const byName = new Map(families.map((f) => [f.name, f]));
    const histogram = byName.get("ejournal_http_request_duration_seconds");
    expect(histogram?.type).toBe("HISTOGRAM");
    expect(histogram!.metrics[0]?.buckets?.["+Inf"]).toBeDefined();
    // This parser folds a histogram's label sets into one; the per-route figures are read from the
    // counter family and the histogram's own _count line.
    const requests = byName.get("ejournal_http_requests_total");
    expect(requests?.type).toBe("COUNTER");
    const loginPages = requests!.metrics.filter((m) => m.labels?.route === "/login" && m.labels?.kind === "page");
    expect(loginPages.reduce((n, m) => n + Number(m.value), 0)).toBeGreaterThanOrEqual(2);
    const count = /^ejournal_http_request_duration_seconds_count\{kind="page",route="\/login"\} (\d+)$/m.exec(text);
    expect(Number(count?.[1])).toBeGreaterThanOrEqual(2);
    for (const name of [
      "ejournal_db_pool_connections",
      "ejournal_report_jobs",
      "ejournal_report_job_duration_seconds",
      "ejournal_deliveries_total",
      "nodejs_eventloop_lag_seconds",
      "nodejs_heap_size_used_bytes",
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
  });

  it("/api/health/ready answers 503 while the database is stopped and 200 once it is back", async () => {
    await server.stop();
    try {
      const down = await fetch(`${b.base}/api/health/ready`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: "fail", checks: { database: "fail" } });
    } finally {
      server = await startEmbedded({ dataDir: PG_DIR, port: pgPort, durable: false, log });
    }
    const deadline = Date.now() + 60_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await fetch(`${b.base}/api/health/ready`)).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
  });
});

describe("logs, request ids and the client address (issue 26, SEC-1, SEC-6)", { timeout: 180_000 }, () => {
  it("one JSON line per request with the request id the error body and X-Request-Id show; ids only", async () => {
    const res = await fetch(`${a.base}/api/v1/children`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { requestId?: string; message: string };
    expect(body.requestId).toBe(res.headers.get("x-request-id"));
    await new Promise((r) => setTimeout(r, 100));
    const line = a.lines().find((l) => l.reqId === body.requestId);
    expect(line).toMatchObject({ msg: "request", kind: "api", route: "/api/v1/children", method: "GET", status: 401 });
    expect(typeof line?.ms).toBe("number");

    const parent = await signInHttp(a.base, school, "parent", "demo2026");
    const diary = await fetch(`${a.base}/diary`, { headers: { cookie: parent.cookie! }, redirect: "manual" });
    const id = diary.headers.get("x-request-id");
    await new Promise((r) => setTimeout(r, 100));
    const seen = a.lines().find((l) => l.reqId === id);
    const { id: parentId } = await one<{ id: number }>(
      `SELECT id FROM "User" WHERE "organisationId" = $1 AND login = 'parent'`,
      [school],
    );
    expect(seen).toMatchObject({ userId: parentId, orgId: school, kind: "page", route: "/diary" });
  });

  it("X-Forwarded-For is ignored without TRUST_PROXY (the throttle blocks the socket address) and honoured with TRUST_PROXY=1 (SEC-1)", async () => {
    const throttleKeys = async () =>
      (await sql.query<{ key: string }>(`SELECT key FROM "SignInThrottle" WHERE key LIKE 'ip:%'`)).rows.map(
        (r) => r.key,
      );
    await sql.query(`DELETE FROM "SignInThrottle" WHERE key LIKE 'ip:%'`);
    try {
      // A (no TRUST_PROXY): a failure with a forged XFF counts for the socket address.
      await signInHttp(a.base, school, "teacher", "wrong-password", { "x-forwarded-for": "10.99.0.6" });
      expect(await throttleKeys()).toEqual(["ip:127.0.0.1"]);
      // One failure short of the address limit, then one more from «10.99.0.6»: the socket is blocked,
      // and the right password from «10.99.0.7» is refused too.
      await sql.query(`UPDATE "SignInThrottle" SET failures = 39 WHERE key = 'ip:127.0.0.1'`);
      await signInHttp(a.base, school, "teacher", "wrong-password", { "x-forwarded-for": "10.99.0.6" });
      const blocked = await signInHttp(a.base, school, "teacher", "demo2026", { "x-forwarded-for": "10.99.0.7" });
      expect(blocked.cookie).toBeNull();
      expect(blocked.error).toMatch(/ADDRESS_BLOCKED/);
      await sql.query(`DELETE FROM "SignInThrottle" WHERE key LIKE 'ip:%'`);
      // B (TRUST_PROXY=1): the address our proxy appended counts, the client's own entries do not.
      await signInHttp(b.base, school, "teacher", "wrong-password", { "x-forwarded-for": "6.6.6.6, 10.99.0.6" });
      expect(await throttleKeys()).toEqual(["ip:10.99.0.6"]);
    } finally {
      await sql.query(`DELETE FROM "SignInThrottle" WHERE key LIKE 'ip:%'`);
    }
  });

  it("a server action with Origin evil and a matching X-Forwarded-Host is refused without TRUST_PROXY", async () => {
    const admin = await signInHttp(a.base, school, "admin", "demo2026");
    const id = await actionId("lib/access/actions.ts", "saveMatrixAction");
    const res = await fetch(`${a.base}/admin/access`, {
      method: "POST",
      headers: {
        "next-action": id,
        "content-type": "text/plain;charset=UTF-8",
        origin: "https://evil.example",
        "x-forwarded-host": "evil.example",
        cookie: admin.cookie!,
      },
      body: "[null]",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/другого сайта/);
  });

  it("a 60 MB server-action upload gets 413 with a Russian message before Next.js reads it (SEC-6)", async () => {
    const admin = await signInHttp(a.base, school, "admin", "demo2026");
    const id = await actionId("lib/access/actions.ts", "saveMatrixAction");
    const status = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        `${a.base}/admin/access`,
        {
          method: "POST",
          headers: {
            "next-action": id,
            "content-type": "multipart/form-data; boundary=x",
            "content-length": String(60 * 1024 * 1024),
            origin: a.base,
            cookie: admin.cookie!,
          },
        },
        (res) => {
          let text = "";
          res.on("data", (d: Buffer) => (text += d.toString()));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(Buffer.alloc(64 * 1024, 97));
    });
    expect(status.status).toBe(413);
    expect(status.text).toMatch(/^Запрос слишком большой: не более 52 МБ/);
  });

  it("a malformed server-action call gets 400 with a Russian message, never 500 (SEC-6)", async () => {
    const admin = await signInHttp(a.base, school, "admin", "demo2026");
    const id = await actionId("lib/access/actions.ts", "saveMatrixAction");
    for (const body of ["garbage{{", "[1,2,3]"]) {
      const res = await fetch(`${a.base}/admin/access`, {
        method: "POST",
        headers: {
          "next-action": id,
          "content-type": "text/plain;charset=UTF-8",
          origin: a.base,
          cookie: admin.cookie!,
        },
        body,
      });
      expect(res.status, body).toBe(400);
      expect(await res.text()).toMatch(/^Неверный вызов действия/);
    }
  });
});

describe("graceful shutdown (issue 26)", { timeout: 180_000 }, () => {
  it("SIGTERM lets a running request finish, takes no new connections and leaves no claimed job", async () => {
    // A request whose body is still arriving when SIGTERM comes (the route awaits its JSON): it
    // must still be answered — here with the route's own 400 for an empty report request.
    const answer = new Promise<number>((resolve, reject) => {
      const req = http.request(
        `${a.base}/api/reports/jobs`,
        { method: "POST", headers: { "content-type": "application/json", "content-length": "2" } },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", reject);
      req.write("{");
      setTimeout(() => {
        a.child.kill("SIGTERM");
        setTimeout(() => req.end("}"), 700);
      }, 300);
    });
    expect(await answer).toBe(400);
    expect(await a.exited).toBe(0);
    const lines = a.lines();
    expect(lines.some((l) => l.msg === "draining")).toBe(true);
    // The in-flight request's own log line may be flushed just before or after «stopped» (pino
    // writes asynchronously); what matters is that the process stopped with nothing in flight.
    const draining = lines.findIndex((l) => l.msg === "draining");
    const stopped = lines.findIndex((l) => l.msg === "stopped");
    expect(stopped).toBeGreaterThan(draining);
    expect(lines[stopped]).toMatchObject({ msg: "stopped", inFlight: 0 });
    const { running } = await one<{ running: number }>(
      `SELECT count(*)::int AS running FROM "ReportJob" WHERE status = 'RUNNING'`,
    );
    expect(running).toBe(0);
    expect(
      await fetch(`${a.base}/api/health/live`).then(
        () => "answered",
        () => "refused",
      ),
    ).toBe("refused");
  }, 120_000);
});
