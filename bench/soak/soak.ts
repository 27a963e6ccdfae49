// `npm run soak` (issue 11, NFR): mixed users against the production build on loopback for
// SOAK_MINUTES (default 10): teachers saving attendance cells through POST /api/journal/cell,
// parents reading diaries, a deputy printing reports (PDF/XLSX), plus journal and home pages.
// Reports the 5xx count, p50/p95/max per request type and the server's RSS (the whole process
// tree of `next start`) after warm-up and at the end, into bench/soak/SOAK.md and soak.json.
// Not part of `npm test`. Reuses the demo seed and the way tests/e2e/run.ts builds and serves.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { treeRssMb } from "../app-server";
import { appServerArgv } from "../../prisma/tools/heap-cap";
import { startEmbedded } from "../../prisma/tools/embedded";
import { applyMigrations } from "../../prisma/tools/migrate-runner";
import { randomFreePort } from "../../prisma/tools/embedded-proc";
import { PROJECT_ROOT } from "../../prisma/tools/paths";
import { seedDemo } from "../../prisma/seed/index";
import { DEMO_ORG_NAMES, DEMO_PASSWORD } from "../../prisma/seed/logins";

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const OUT = path.join(PROJECT_ROOT, "bench", "soak");
const log = (s: string) => console.log(`[soak] ${new Date().toISOString().slice(11, 19)} ${s}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Server process tree and its memory.

// ---------------------------------------------------------------------------------------------
// HTTP with a cookie jar.

type Sample = { type: string; ms: number; status: number };
const samples: Sample[] = [];
/** Live heap (MiB) after each full GC of the server, from --trace-gc. */
const liveHeap: { at: number; mib: number; committed: number }[] = [];
const failures: string[] = [];
let recording = false;

class Client {
  private jar = new Map<string, string>();
  constructor(private base: string) {}

  private cookieHeader(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      this.jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }

  /** One request of this session: its cookies and same-origin header, no redirects followed, 60 s at most. */
  private send(pathname: string, init: RequestInit): Promise<Response> {
    return fetch(this.base + pathname, {
      ...init,
      redirect: "manual",
      headers: {
        origin: this.base,
        cookie: this.cookieHeader(),
        ...(init.headers as Record<string, string> | undefined),
      },
      signal: AbortSignal.timeout(60_000),
    });
  }

  async request(type: string, pathname: string, init: RequestInit = {}): Promise<Response> {
    const started = performance.now();
    let res: Response;
    try {
      res = await this.send(pathname, init);
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      if (recording) {
        samples.push({ type, ms: performance.now() - started, status: 0 });
        failures.push(`${type} ${pathname}: ${String(e)}`);
      }
      throw e;
    }
    const ms = performance.now() - started;
    this.keep(res);
    if (recording) {
      samples.push({ type, ms, status: res.status });
      if (res.status >= 500) failures.push(`${type} ${pathname}: HTTP ${res.status}`);
    }
    return res;
  }

  async json<T>(type: string, pathname: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const started = performance.now();
    const res = await this.send(pathname, init);
    const text = await res.text();
    this.keep(res);
    if (recording) {
      samples.push({ type, ms: performance.now() - started, status: res.status });
      if (res.status >= 500) failures.push(`${type} ${pathname}: HTTP ${res.status} ${text.slice(0, 200)}`);
    }
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async signIn(organisationId: number, login: string): Promise<void> {
    const csrf = await this.json<{ csrfToken: string }>("sign-in", "/api/auth/csrf");
    const body = new URLSearchParams({
      organisationId: String(organisationId),
      login,
      password: DEMO_PASSWORD,
      csrfToken: csrf.body.csrfToken,
      json: "true",
    });
    await this.request("sign-in", "/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body.toString(),
    });
    if (![...this.jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
      throw new Error(`sign-in of ${login} failed`);
  }
}

// ---------------------------------------------------------------------------------------------
// The demo region: who does what.

type Plan = {
  organisationId: number;
  teachers: { login: string; cells: { lessonId: number; studentId: number }[] }[];
  parents: { login: string; children: number[] }[];
  deputy: string;
  classes: number[];
};

async function planFrom(databaseUrl: string): Promise<Plan> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const org = (
      await c.query<{ id: number }>(`SELECT id FROM "Organisation" WHERE name = $1`, [DEMO_ORG_NAMES.school])
    ).rows[0];
    const o = org.id;
    const teacherLogins = ["teacher"];
    const more = await c.query<{ login: string }>(
      `SELECT DISTINCT u.login FROM "User" u JOIN "Lesson" l ON l."organisationId" = u."organisationId" AND l."teacherId" = u.id
        WHERE u."organisationId" = $1 AND u.login <> 'teacher' AND l.date BETWEEN CURRENT_DATE - 4 AND CURRENT_DATE ORDER BY u.login LIMIT 2`,
      [o],
    );
    teacherLogins.push(...more.rows.map((r) => r.login));
    const teachers = [];
    for (const login of teacherLogins) {
      const cells = await c.query<{ lessonId: number; studentId: number }>(
        `SELECT l.id AS "lessonId", m."studentId" FROM "Lesson" l
           JOIN "User" u ON u."organisationId" = l."organisationId" AND u.id = l."teacherId"
           JOIN "ClassMembership" m ON m."organisationId" = l."organisationId" AND m."classId" = l."classId"
            AND m."startDate" <= l.date AND (m."endDate" IS NULL OR m."endDate" >= l.date)
          WHERE l."organisationId" = $1 AND u.login = $2 AND l.date BETWEEN CURRENT_DATE - 4 AND CURRENT_DATE AND l."subgroupId" IS NULL
          ORDER BY l.id, m."studentId" LIMIT 200`,
        [o, login],
      );
      if (cells.rows.length) teachers.push({ login, cells: cells.rows });
    }
    const parentRows = await c.query<{ login: string; studentId: number }>(
      `SELECT u.login, pl."studentId" FROM "User" u JOIN "Parent" p ON p."organisationId" = u."organisationId" AND p."userId" = u.id
         JOIN "ParentLink" pl ON pl."organisationId" = p."organisationId" AND pl."parentId" = p.id
        WHERE u."organisationId" = $1 AND (u.login = 'parent' OR u.login LIKE 'p10%') ORDER BY u.login LIMIT 12`,
      [o],
    );
    const parents = new Map<string, number[]>();
    for (const r of parentRows.rows) parents.set(r.login, [...(parents.get(r.login) ?? []), r.studentId]);
    const classes = await c.query<{ id: number }>(
      `SELECT c.id FROM "ClassGroup" c JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
        WHERE c."organisationId" = $1 AND y."isCurrent" ORDER BY c.id LIMIT 8`,
      [o],
    );
    return {
      organisationId: o,
      teachers,
      parents: [...parents].slice(0, 4).map(([login, children]) => ({ login, children })),
      deputy: "zavuch",
      classes: classes.rows.map((r) => r.id),
    };
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Virtual users.

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length];
const think = () => sleep(150 + Math.floor(Math.random() * 350));
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** One teacher session; `part`/`parts` split the teacher's cells so two sessions never share a cell. */
async function teacherLoop(
  base: string,
  plan: Plan,
  t: Plan["teachers"][number],
  until: () => boolean,
  part: number,
  parts: number,
): Promise<void> {
  const client = new Client(base);
  await client.signIn(plan.organisationId, t.login);
  const mine = t.cells.filter((_, k) => k % parts === part);
  const versions = new Map<string, number>();
  let i = 0;
  while (!until()) {
    const cell = pick(mine, i++);
    const key = `${cell.lessonId}:${cell.studentId}`;
    const version = versions.get(key) ?? 0;
    const input = version % 2 === 0 ? "н" : "";
    const r = await client.json<{ ok: boolean; version?: number; current?: { version: number } }>(
      "cell save (POST /api/journal/cell)",
      "/api/journal/cell",
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          kind: "attendance",
          lessonId: cell.lessonId,
          studentId: cell.studentId,
          input,
          version,
        }),
      },
    );
    if (r.body?.ok && typeof r.body.version === "number") versions.set(key, r.body.version);
    else if (r.status === 409 && r.body?.current) versions.set(key, r.body.current.version);
    if (i % 10 === 0) await client.request("journal page (GET /journal)", "/journal");
    await think();
  }
}

async function parentLoop(base: string, plan: Plan, p: Plan["parents"][number], until: () => boolean): Promise<void> {
  const client = new Client(base);
  await client.signIn(plan.organisationId, p.login);
  let i = 0;
  while (!until()) {
    await client.request("diary (GET /diary/:id)", `/diary/${pick(p.children, i++)}`);
    if (i % 5 === 0) await client.request("home (GET /)", "/");
    await think();
  }
}

async function deputyLoop(base: string, plan: Plan, until: () => boolean): Promise<void> {
  const client = new Client(base);
  await client.signIn(plan.organisationId, plan.deputy);
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 86_400_000);
  let i = 0;
  while (!until()) {
    const classId = pick(plan.classes, i++);
    const format = i % 2 ? "pdf" : "xlsx";
    await client.request(
      `report ${format} (GET /api/reports/attendance)`,
      `/api/reports/attendance?classId=${classId}&from=${iso(from)}&to=${iso(to)}&format=${format}`,
    );
    if (i % 4 === 0) await client.request("reports page (GET /reports)", "/reports");
    await sleep(1000 + Math.floor(Math.random() * 1000));
  }
}

// ---------------------------------------------------------------------------------------------

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) =>
    spawn(cmd, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1)),
  );
}

async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url, { redirect: "manual" })).status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  throw new Error(`no answer at ${url}`);
}

async function main(): Promise<void> {
  const server = await startEmbedded({ dataDir: path.join(PROJECT_ROOT, ".data", "soak-pg"), durable: false, log });
  let app: ChildProcess | null = null;
  try {
    const admin = new pg.Client({ connectionString: server.url("postgres") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS soak WITH (FORCE)`);
    await admin.query(`CREATE DATABASE soak`);
    await admin.end();
    const databaseUrl = server.url("soak");
    await applyMigrations(databaseUrl, log);
    await seedDemo(databaseUrl, { log });
    const plan = await planFrom(databaseUrl);
    log(
      `teachers ${plan.teachers.map((t) => `${t.login}(${t.cells.length} cells)`).join(", ")}; parents ${plan.parents.map((p) => p.login).join(", ")}`,
    );

    const port = await randomFreePort();
    const base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: base,
      NEXTAUTH_SECRET: "soak-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
    };
    const nextBin = path.join(PROJECT_ROOT, "node_modules", ".bin", "next");
    if (process.env.SOAK_BUILD === "1" || !existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
      log("building the production app");
      if ((await run(nextBin, ["build"], env)) !== 0) throw new Error("build failed");
    }
    // --trace-gc: V8 prints the live heap after every full (mark-compact) GC — the leak check
    // beside RSS (not allowed in NODE_OPTIONS, so node runs the app server itself; forks inherit it).
    // The production server's heap cap too (MAX_HEAP_MB, as `npm start`; issue 10).
    app = spawn(process.execPath, ["--trace-gc", ...appServerArgv(env, PROJECT_ROOT)], {
      cwd: PROJECT_ROOT,
      env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let pending = "";
    app.stdout!.on("data", (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        const m = /Mark-Compact[^>]*->\s*([\d.]+)\s*\(([\d.]+)\)/.exec(line);
        if (m) liveHeap.push({ at: Date.now(), mib: Number(m[1]), committed: Number(m[2]) });
        else if (!/Scavenge|Mark-Compact|Minor/.test(line)) console.log(line);
      }
    });
    await waitForHttp(`${base}/login`);
    const pid = app.pid!;

    // Warm-up at full load for WARM_SECONDS (default 60), not recorded: JIT, caches and the
    // heap reach their working size before the memory baseline is taken.
    let stop = false;
    const warm = () => stop;
    const warmDone = sleep(Number(process.env.WARM_SECONDS ?? 60) * 1000).then(() => (stop = true));
    await Promise.all([
      ...plan.teachers.map((t) => teacherLoop(base, plan, t, warm, 0, 1)),
      ...plan.parents.map((p) => parentLoop(base, plan, p, warm)),
      deputyLoop(base, plan, warm),
      warmDone,
    ]);
    const rssStart = treeRssMb(pid);
    log(`warm; server RSS ${rssStart} MiB; running ${MINUTES} min`);

    recording = true;
    const started = Date.now();
    const end = started + MINUTES * 60_000;
    const until = () => Date.now() >= end;
    const rss: { minute: number; mib: number }[] = [{ minute: 0, mib: rssStart }];
    const sampler = setInterval(
      () => rss.push({ minute: Math.round(((Date.now() - started) / 60_000) * 10) / 10, mib: treeRssMb(pid) }),
      30_000,
    );
    const loops = [
      ...plan.teachers.flatMap((t) => [
        teacherLoop(base, plan, t, until, 0, 2),
        teacherLoop(base, plan, t, until, 1, 2),
      ]),
      ...plan.parents.map((p) => parentLoop(base, plan, p, until)),
      deputyLoop(base, plan, until),
    ];
    const results = await Promise.allSettled(loops);
    clearInterval(sampler);
    recording = false;
    for (const r of results) if (r.status === "rejected") failures.push(`virtual user stopped: ${String(r.reason)}`);
    const rssEnd = treeRssMb(pid);
    rss.push({ minute: MINUTES, mib: rssEnd });

    const types = [...new Set(samples.map((s) => s.type))].sort();
    const rows = types.map((type) => {
      const xs = samples.filter((s) => s.type === type);
      const ms = xs.map((s) => s.ms).sort((a, b) => a - b);
      const statuses: Record<string, number> = {};
      for (const s of xs) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
      return {
        type,
        count: xs.length,
        p50: Math.round(percentile(ms, 50)),
        p95: Math.round(percentile(ms, 95)),
        max: Math.round(ms[ms.length - 1] ?? 0),
        errors5xx: xs.filter((s) => s.status >= 500 || s.status === 0).length,
        statuses,
      };
    });
    const total5xx = rows.reduce((n, r) => n + r.errors5xx, 0);
    const growth = Math.round(((rssEnd - rssStart) / rssStart) * 1000) / 10;
    const gcs = liveHeap.filter((g) => g.at >= started);
    const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : 0);
    const heapFirst = median(gcs.slice(0, 5).map((g) => g.mib));
    const heapLast = median(gcs.slice(-5).map((g) => g.mib));
    const heapGrowth = heapFirst ? Math.round(((heapLast - heapFirst) / heapFirst) * 1000) / 10 : 0;
    const committedFirst = median(gcs.slice(0, 5).map((g) => g.committed));
    const committedLast = median(gcs.slice(-5).map((g) => g.committed));
    const report = {
      when: new Date().toISOString(),
      minutes: MINUTES,
      machine: {
        cpus: os.cpus().length,
        load: os.loadavg().map((l) => Math.round(l * 100) / 100),
        node: process.version,
      },
      virtualUsers: { teachers: plan.teachers.length * 2, parents: plan.parents.length, deputy: 1 },
      requests: samples.length,
      total5xx,
      liveHeapAfterFullGc: {
        count: gcs.length,
        firstFiveMedianMiB: heapFirst,
        lastFiveMedianMiB: heapLast,
        growthPercent: heapGrowth,
        maxMiB: Math.max(0, ...gcs.map((g) => g.mib)),
        committedFirstMiB: committedFirst,
        committedLastMiB: committedLast,
      },
      env: {
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? null,
        NODE_OPTIONS: process.env.NODE_OPTIONS ?? null,
        MAX_HEAP_MB: process.env.MAX_HEAP_MB ?? null,
      },
      rssStartMiB: rssStart,
      rssEndMiB: rssEnd,
      rssGrowthPercent: growth,
      rss,
      rows,
      failures: failures.slice(0, 50),
    };
    writeFileSync(path.join(OUT, "soak.json"), `${JSON.stringify(report, null, 2)}\n`);
    const md = [
      "# Soak run (issue 11)",
      "",
      `${report.when}: ${MINUTES} min against the production build on loopback (\`npm run soak\`), demo region, ` +
        `${report.virtualUsers.teachers} teacher sessions saving attendance cells, ${report.virtualUsers.parents} parents reading diaries, ` +
        `1 deputy printing attendance reports (PDF/XLSX). Machine: ${report.machine.cpus} cores, load average at the end ${report.machine.load.join(" / ")} ` +
        "(shared with other work running at the same time, so latencies are pessimistic).",
      "",
      `- requests: **${samples.length}**, 5xx / network errors: **${total5xx}** (target 0)`,
      `- server RSS (process tree of \`next start\`): **${rssStart} MiB** after warm-up → **${rssEnd} MiB** at the end, growth **${growth} %** (target ≤ 20 %)`,
      `- V8 live heap after a full GC (\`--trace-gc\`, ${gcs.length} mark-compacts): median of the first five **${heapFirst} MiB** → of the last five **${heapLast} MiB** (${heapGrowth} %); V8 heap committed ${committedFirst} → ${committedLast} MiB; \`MALLOC_ARENA_MAX\` = ${process.env.MALLOC_ARENA_MAX ?? "unset"}`,
      "",
      "| request | count | p50 ms | p95 ms | max ms | 5xx | statuses |",
      "|---|---:|---:|---:|---:|---:|---|",
      ...rows.map(
        (r) =>
          `| ${r.type} | ${r.count} | ${r.p50} | ${r.p95} | ${r.max} | ${r.errors5xx} | ${Object.entries(r.statuses)
            .map(([k, v]) => `${k}×${v}`)
            .join(", ")} |`,
      ),
      "",
      `RSS samples (minute: MiB): ${rss.map((s) => `${s.minute}: ${s.mib}`).join(", ")}`,
      "",
      failures.length
        ? `Failures (first 50):\n\n${failures
            .slice(0, 50)
            .map((f) => `- ${f}`)
            .join("\n")}`
        : "No failures.",
      "",
    ].join("\n");
    writeFileSync(path.join(OUT, "SOAK.md"), md);
    log(`done: ${samples.length} requests, 5xx ${total5xx}, RSS ${rssStart} → ${rssEnd} MiB (${growth} %)`);
  } finally {
    app?.kill("SIGTERM");
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
