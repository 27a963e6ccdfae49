// `npx tsx bench/ab.ts --other <dir> [--rounds 7] [--seconds 4] [--clients 1] [--app-log] [--paths grid,grid35,diary,ping,zavuch@/control,zavuch@report,grid35~abl=d]`
// (`<name>~<query>`: a named page with more search parameters, e.g. `diary~view=week`, or a scratch
// build's switch that stops the page after its reads — issue 22 round 13's ablation)
// (issue 22, round 6): this tree's build and the build of another checkout (`git archive <commit> |
// tar -x -C <dir>`, node_modules hard-linked in, `next build` there) served side by side over the
// bench database and measured in alternating short windows — on a machine shared with other work only
// such interleaved medians compare two versions fairly; with each window's server CPU per request and
// each page's SQL statement count (from the PostgreSQL log of one request). Both builds must exist;
// writes nothing but the profiles of --prof (and, with AB_DUMP=<dir>, each page's body once).
// `<name>~<query>` adds search parameters to a named page — a scratch build's switch (round 13 split
// the grid's CPU by ablation: `grid35~abl=d` served the page stopped after its reads).
// `save` (or `save~<query>`, a scratch build's switch on the route): the mark save (POST /api/journal/cell) as the bench's mark_save sends it — the fixture's
// cells alternating 4 and 5 with the version each answer gives (issue 22 item 6, round 14); a 409
// would be an error. Both builds save the same cells in turn (the windows never overlap).
// AB_THIS_SQL / AB_OTHER_SQL: SQL run on the bench database before each window of that server — a database
// side of the comparison (issue 22, round 20: the report data version's triggers enabled for this build's
// windows and disabled for the other's, as the database of each build's own migrations would be).
// It runs before EVERY window on a database restored once per run: write it idempotent (`CREATE INDEX IF NOT
// EXISTS`, `DROP INDEX IF EXISTS`) — a plain CREATE INDEX fails from the second window on (round 22).
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbedded } from "../prisma/tools/embedded";
import { withClient } from "../prisma/tools/pg-util";
import { DATA_DIR, PROJECT_ROOT } from "../prisma/tools/paths";
import { appServerArgv } from "../prisma/tools/heap-cap";
import { freePort, signIn } from "./app-server";
import { benchAppEnv, median, runScript } from "./compare";
import { prepareDataset } from "./dataset/generate";
import { logSize, setStatementLogging, statementsFromLog } from "./db-floor";
import { datasetToday, loadFixtures } from "./fixtures";
import { answerRates, runLoad, send, startRequestLoops, type Req } from "./http-load";
import { cpuSeconds } from "./proc-cpu";
import { bigGridPath, diaryPath, gridPath, orgReportPath } from "./scenarios";

const { values: args } = parseArgs({
  options: {
    other: { type: "string" },
    rounds: { type: "string", default: "7" },
    seconds: { type: "string", default: "4" },
    clients: { type: "string", default: "1" },
    paths: { type: "string", default: "ping,grid,diary" },
    /**
     * Both servers' stdout (their JSON log lines) into a pipe this process reads and drops, as the bench's
     * app writes to the bench's own stdout — by default it goes to /dev/null, which costs a write nothing
     * (round 15: the request line's destination).
     */
    "app-log": { type: "boolean", default: false },
    /** A directory for both servers' V8 CPU profiles (written when they stop; bench/profile-top.ts reads them). */
    prof: { type: "string" },
    /**
     * SEC-5 side by side (issue 22, round 19): every path measured twice per round, alone and with this many
     * of the deputy's whole-organisation report requests in flight beside it (bench scenario
     * journal_grid_beside_20_org_reports: `--paths grid --beside 20`), with the report answers per second.
     */
    beside: { type: "string", default: "0" },
  },
});
const log = (s: string): void => console.log(`[ab] ${s}`);

/**
 * PostgreSQL's CPU seconds so far: the postmaster's own, its exited children's (reaped: cutime,
 * cstime) and its live backends' — so a backend that ends within a window is still counted.
 */
function pgCpuSeconds(postmaster: number): number {
  const f = readFileSync(`/proc/${postmaster}/stat`, "utf8");
  const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
  const reaped = Number(fields[13]) + Number(fields[14]); // cutime, cstime
  return cpuSeconds(postmaster) + reaped / 100;
}

/** The machine's CPU ticks from /proc/stat's first line: busy (all but idle and iowait) and total. */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - cpu[3] - (cpu[4] ?? 0), total };
}

interface Served {
  name: string;
  base: string;
  child: ChildProcess;
  /**
   * AB_THIS_PROCESSES / AB_OTHER_PROCESSES=k (round 24): that build served by k app processes on k ports, as
   * docs/DEPLOY.md runs one per core behind the proxy; the clients are spread over them (client w → process
   * w mod k, as a proxy's round robin would) and the app CPU is their sum. `base` and `child` are the first.
   */
  all: Array<{ base: string; child: ChildProcess }>;
}

/** A checkout's production server: its own `server/main.ts` when it has one, else `next start`. */
async function serve(name: string, root: string, env: NodeJS.ProcessEnv): Promise<Served> {
  const k = Number(process.env[name === "this" ? "AB_THIS_PROCESSES" : "AB_OTHER_PROCESSES"] ?? "1");
  const all: Served["all"] = [];
  for (let i = 0; i < Math.max(1, k); i++) all.push(await serveOne(i ? `${name}${i + 1}` : name, root, env));
  return { name, base: all[0].base, child: all[0].child, all };
}

async function serveOne(
  name: string,
  root: string,
  env: NodeJS.ProcessEnv,
): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const own = existsSync(path.join(root, "server", "main.ts"));
  const argv = own
    ? appServerArgv(env, root)
    : [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  const prof = args.prof ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.prof, name)}`] : [];
  // AB_THIS_FLAGS / AB_OTHER_FLAGS: node flags for one of the two servers only (e.g. a GC setting tried
  // on the same build: `--other` this tree's own directory).
  const flags = (process.env[name === "this" ? "AB_THIS_FLAGS" : "AB_OTHER_FLAGS"] ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...prof, ...flags, ...argv], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", NEXTAUTH_URL: base, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", args["app-log"] ? "pipe" : "ignore", "inherit"],
  });
  // AB_APP_LOG_DIR=<dir> (with --app-log): each server's log lines kept in <dir>/<name>.log, e.g. to set
  // the request lines' own `ms` (the app server's time) against the client's latency (issue 22 item 6, round 19).
  if (child.stdout && process.env.AB_APP_LOG_DIR)
    child.stdout.pipe(createWriteStream(path.join(process.env.AB_APP_LOG_DIR, `${name}.log`)));
  else child.stdout?.resume();
  const deadline = Date.now() + 120_000;
  for (;;) {
    const ok = await send(new http.Agent(), base, { path: "/login" }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${name}: сервер не ответил`);
    await new Promise((r) => setTimeout(r, 500));
  }
  log(`${name}: ${base} (${root})`);
  return { base, child };
}

async function main(): Promise<void> {
  if (!args.other) throw new Error("--other <каталог другой сборки> обязателен");
  // A free port rather than a fixed one: two comparisons at once (two checkouts) do not collide.
  const pgServer = await startEmbedded({ dataDir: path.join(DATA_DIR, "bench-pg"), port: await freePort(), log });
  const apps: Served[] = [];
  try {
    const ds = await prepareDataset(pgServer.url("postgres"), 1, datasetToday(), log);
    const fx = await loadFixtures(ds.url, ds.orgIds[0]);
    const env = benchAppEnv(ds.url);
    apps.push(await serve("this", PROJECT_ROOT, env));
    apps.push(await serve("other", path.resolve(args.other), env));
    // grid35: the realistic grid (issue 22 item 2, scenario journal_grid_35x90), as its own teacher.
    const all: Record<string, string> = {
      ping: "/ping",
      grid: gridPath(fx),
      diary: diaryPath(fx),
      save: "/api/journal/cell?",
      // SEC-5's report (as the deputy: `zavuch@report`): its kept file while the database is unchanged.
      report: orgReportPath(fx),
    };
    const wanted = args.paths.split(",").map((p) => p.trim());
    if (wanted.some((w) => w.split("~")[0] === "grid35")) all.grid35 = bigGridPath(fx);
    // The save's cells (shared by both builds: their windows run one after another).
    const clients = Number(args.clients);
    const markCells = fx.cells.map((x) => ({ ...x, value: 4 }));
    const JSON_TYPE = { "content-type": "application/json" };
    const saveCells = new Map<number, (typeof markCells)[number]>();
    const saveRequest = (cookie: string, base: string, w: number, n: number, query = ""): Req => {
      const own = markCells.filter((_, i) => i % clients === w % clients);
      const cell = own[n % own.length];
      saveCells.set(w, cell);
      cell.value = cell.value === 4 ? 5 : 4;
      const { lessonId, studentId, assignmentId, version } = cell;
      const body = JSON.stringify({ kind: "mark", lessonId, studentId, assignmentId, input: `${cell.value}`, version });
      return {
        method: "POST",
        path: `/api/journal/cell${query}`,
        body,
        headers: { cookie, origin: base, ...JSON_TYPE },
      };
    };
    const saveCheck = (w: number, _status: number, body: Buffer): boolean => {
      const r = JSON.parse(body.toString()) as { ok: boolean; version?: number; current?: { version?: number } };
      const cell = saveCells.get(w);
      const version = r.ok ? r.version : r.current?.version;
      if (cell && typeof version === "number") cell.version = version;
      return r.ok;
    };
    const beside = Number(args.beside);
    const cases: Array<{
      key: string;
      app: Served;
      path: string;
      cookie: string;
      save: boolean;
      beside: number;
      deputy?: string;
    }> = [];
    for (const app of apps) {
      const teacher = await signIn(app.base, fx.orgId, fx.grid.teacherLogin, "demo2026");
      const parent = await signIn(app.base, fx.orgId, "parent", "demo2026");
      const bigTeacher =
        fx.bigGrid && wanted.some((w) => w.split("~")[0] === "grid35")
          ? await signIn(app.base, fx.orgId, fx.bigGrid.teacherLogin, "demo2026")
          : teacher;
      const others = new Map<string, string>();
      for (const w of wanted) {
        // `<login>@<path>`: the page as another demo login of the bench school (deputy@/control).
        const at = w.indexOf("@");
        const login = at > 0 ? w.slice(0, at) : null;
        if (login && !others.has(login)) others.set(login, await signIn(app.base, fx.orgId, login, "demo2026"));
        // `<name>~<query>`: a named page with more search parameters (grid35~abl=b).
        const [name, extra] = w.split("~");
        const cookie = login
          ? others.get(login)!
          : name === "diary"
            ? parent
            : name === "grid35"
              ? bigTeacher
              : teacher;
        const p =
          at > 0
            ? (all[w.slice(at + 1)] ?? w.slice(at + 1))
            : extra !== undefined
              ? `${all[name]}&${extra}`
              : (all[w] ?? w);
        const save = name === "save";
        const query = save ? p.slice(all.save.length - 1).replace(/^\?$/, "") : "";
        const one = (): Req => (save ? saveRequest(cookie, app.base, 0, 0, query) : { path: p, headers: { cookie } });
        const first = one();
        const r = await send(new http.Agent(), app.base, first);
        if (r.status !== 200 || (save && !saveCheck(0, r.status, r.body)))
          throw new Error(`${app.name} ${first.path}: HTTP ${r.status} ${save ? r.body.toString() : ""}`);
        // AB_DUMP=<dir>: each page's body as served by each build, to compare the markup byte for byte.
        if (process.env.AB_DUMP)
          writeFileSync(path.join(process.env.AB_DUMP, `${app.name}-${w.replace(/\W/g, "_")}.html`), r.body);
        // The SQL statements of one request, from the PostgreSQL log (as the bench's database floor).
        const logFile = `${path.join(DATA_DIR, "bench-pg")}.log`;
        await setStatementLogging(pgServer.url("postgres"), true);
        const offset = logSize(logFile);
        const logged = await send(new http.Agent(), app.base, one());
        if (save) saveCheck(0, logged.status, logged.body);
        await new Promise((r) => setTimeout(r, 500));
        await setStatementLogging(pgServer.url("postgres"), false);
        const statements = statementsFromLog(logFile, offset).length;
        log(`${app.name} ${w}: ${r.body.length} bytes, ${statements} SQL statements`);
        cases.push({ key: `${w} · ${app.name}`, app, path: save ? query : p, cookie, save, beside: 0 });
        if (beside > 0) {
          const deputy = await signIn(app.base, fx.orgId, "zavuch", "demo2026");
          const key = `${w} · ${app.name} · beside ${beside} reports`;
          cases.push({ key, app, path: save ? query : p, cookie, save, beside, deputy });
        }
      }
    }
    // SEC-5: the first request builds the file; the windows time its kept answers, as the bench's burst does.
    // After every sign-in of both servers: a sign-in writes (its session), which makes a kept file stale.
    for (const c of cases)
      if (c.deputy)
        await send(new http.Agent(), c.app.base, { path: orgReportPath(fx), headers: { cookie: c.deputy } });
    const p50 = new Map<string, number[]>(cases.map((c) => [c.key, []]));
    const p95 = new Map<string, number[]>(cases.map((c) => [c.key, []]));
    const rps = new Map<string, number[]>(cases.map((c) => [c.key, []]));
    // The app server's CPU per request: steadier than latency on a busy machine, though contention
    // still inflates it. (PostgreSQL's is not summed: its backends come and go with their CPU time.)
    const appCpu = new Map<string, number[]>(cases.map((c) => [c.key, []]));
    // PostgreSQL's CPU per request (both apps share it: their idle pools and background job ticks
    // add a little to every window).
    const dbCpu = new Map<string, number[]>(cases.map((c) => [c.key, []]));
    // The load generator's own CPU per request (this process: the clients, their parsing and timing) and the
    // machine's busy share of its two cores over the window (/proc/stat) — round 24: where a closed loop's
    // ceiling lies on this machine (app + PostgreSQL + generator per request against the cores' time).
    const genCpu = new Map<string, number[]>(cases.map((c) => [c.key, []]));
    const busy = new Map<string, number[]>(cases.map((c) => [c.key, []]));
    // SEC-5 beside a path: the reports served (200) per second, and the ones queued (202) apart — a queued
    // report is not served (issue 22, round 20: every answer counted as served before).
    const reportRps = new Map<string, number[]>(cases.map((c) => [c.key, []]));
    const reportQueued = new Map<string, number[]>(cases.map((c) => [c.key, []]));
    // The path's own answers 202 (a queued report, e.g. `zavuch@report` beyond the inline limit): counted
    // apart, not as served requests with their few-millisecond latency (issue 22, round 20).
    const queued = new Map<string, number>(cases.map((c) => [c.key, 0]));
    const postmaster = Number(readFileSync(path.join(DATA_DIR, "bench-pg", "postmaster.pid"), "utf8").split("\n")[0]);
    const rounds = Number(args.rounds);
    for (let round = 1; round <= rounds; round++) {
      for (const c of round % 2 ? cases : [...cases].reverse()) {
        const before = process.env[c.app.name === "this" ? "AB_THIS_SQL" : "AB_OTHER_SQL"];
        if (before) await withClient(ds.url, (db) => db.query(before));
        let sent = 0;
        const appCpuNow = () => c.app.all.reduce((sum, p) => sum + cpuSeconds(p.child.pid!), 0);
        const app0 = appCpuNow();
        const baseOf = (w: number) => c.app.all[w % c.app.all.length].base;
        const db0 = pgCpuSeconds(postmaster);
        const gen0 = process.cpuUsage();
        const machine0 = machineTicks();
        // SEC-5: the report loops start half a second before the window (as bench/run.ts) and stop after it.
        const reports = c.deputy
          ? startRequestLoops(c.app.base, c.deputy, () => orgReportPath(fx), c.beside)
          : undefined;
        if (reports) await new Promise((r) => setTimeout(r, 500));
        const res = await runLoad({
          base: c.app.base,
          bases: c.app.all.map((p) => p.base),
          concurrency: clients,
          durationMs: Number(args.seconds) * 1000,
          warmupMs: 500,
          next: (w, n) => {
            sent++;
            return c.save
              ? saveRequest(c.cookie, baseOf(w), w, n, c.path)
              : { path: c.path, headers: { cookie: c.cookie } };
          },
          check: c.save ? saveCheck : undefined,
          queuedApart: true,
        });
        queued.set(c.key, queued.get(c.key)! + (res.queued ?? 0));
        const answered = reports ? await reports.stop() : undefined;
        if (answered && Object.keys(answered.statuses).some((s) => s !== "200"))
          log(`${c.key}: report answers ${JSON.stringify(answered.statuses)}`);
        const rates = answered ? answerRates(answered) : { served: 0, queued: 0 };
        reportRps.get(c.key)!.push(rates.served);
        reportQueued.get(c.key)!.push(rates.queued);
        if (res.errors) throw new Error(`${c.key}: ${res.errors} errors ${JSON.stringify(res.statuses)}`);
        p50.get(c.key)!.push(res.p50_ms);
        p95.get(c.key)!.push(res.p95_ms);
        rps.get(c.key)!.push(res.rps);
        // The window's CPU over every request sent in it (the warm-up's too).
        const n = Math.max(1, sent);
        appCpu.get(c.key)!.push(Math.round(((appCpuNow() - app0) * 1e4) / n) / 10);
        dbCpu.get(c.key)!.push(Math.round(((pgCpuSeconds(postmaster) - db0) * 1e4) / n) / 10);
        const gen = process.cpuUsage(gen0);
        genCpu.get(c.key)!.push(Math.round((gen.user + gen.system) / 100 / n) / 10);
        const machine1 = machineTicks();
        busy
          .get(c.key)!
          .push(Math.round((100 * (machine1.busy - machine0.busy)) / Math.max(1, machine1.total - machine0.total)));
      }
      log(`round ${round}/${rounds}: ${cases.map((c) => `${c.key} ${p50.get(c.key)!.at(-1)}`).join(" · ")}`);
    }
    console.log(
      `\n| ${args.clients} client(s), ${rounds} interleaved rounds of ${args.seconds} s | median p50 ms | median p95 ms | median req/s | app CPU ms / request | PostgreSQL CPU ms / request | load generator CPU ms / request | machine busy % | 202 queued, not served (all windows) |${beside ? " reports served (200) / s beside | reports queued (202) / s beside |" : ""}`,
    );
    console.log(`|---|---:|---:|---:|---:|---:|---:|---:|---:|${beside ? "---:|---:|" : ""}`);
    for (const c of cases)
      console.log(
        `| ${c.key} | ${median(p50.get(c.key)!)} | ${median(p95.get(c.key)!)} | ${median(rps.get(c.key)!)} | ${median(appCpu.get(c.key)!)} | ${median(dbCpu.get(c.key)!)} | ${median(genCpu.get(c.key)!)} | ${median(busy.get(c.key)!)} | ${queued.get(c.key)} |${beside ? ` ${median(reportRps.get(c.key)!)} | ${median(reportQueued.get(c.key)!)} |` : ""}`,
      );
  } finally {
    for (const a of apps.flatMap((x) => x.all)) {
      if (a.child.exitCode !== null) continue;
      const exited = new Promise((r) => a.child.once("exit", r));
      a.child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    await pgServer.stop();
  }
}

runScript(main);
