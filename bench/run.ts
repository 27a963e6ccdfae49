// `npm run bench [-- --quick] [-- --orgs N] [-- --replica] [-- --skip-build] [-- --only a,b] [-- --repeat N]`
// (issue 10): the bench database on its own embedded PostgreSQL (.data/bench-pg; or the server of
// BENCH_DATABASE_URL), the production build on loopback, every scenario at 1, 10 and 50 clients,
// results into bench/results.json and bench/RESULTS.md. `--repeat N` (issue 22, round 20): N full runs back
// to back, each on the pristine dataset, folded into their median (bench/repeat.ts).
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbedded, type EmbeddedServer } from "../prisma/tools/embedded";
import { DATA_DIR } from "../prisma/tools/paths";
import { withDatabase } from "../prisma/tools/pg-util";
import { buildApp, heapOf, signIn, startApp, type AppServer } from "./app-server";
import { prepareDataset } from "./dataset/generate";
import { logSize, replay, setStatementLogging, statementsFromLog } from "./db-floor";
import { BENCH_AUTHORITY_LOGIN, datasetToday, ensureBenchAuthority, loadFixtures, type Fixtures } from "./fixtures";
import { hashPassword } from "../lib/auth/password";
import { runLoad, send, startRequestLoops, type LoadResult, type Req } from "./http-load";
import { runPageSweep, type SweepResult } from "./page-sweep";
import { startReplica, type Replica } from "./replica";
import { medianRun } from "./repeat";
import { benchVisits, runBrowserVisits, type VisitsResult } from "./visits";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../prisma/seed/logins";
import {
  joinSingles,
  saveResults,
  machine,
  scenarioResult,
  type Measured,
  type RunResults,
  type ScenarioResult,
} from "./report";
import {
  diaryPath,
  gridPath,
  scenarios,
  orgReportPath,
  VERSION_MOVING_WRITE,
  type Role,
  type Scenario,
} from "./scenarios";

const log = (s: string): void => console.log(`[bench] ${s}`);

const { values: args } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    orgs: { type: "string", default: "1" },
    replica: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    only: { type: "string" },
    seconds: { type: "string" },
    /** page_sweep only: these menu links (comma-separated), e.g. --pages /plans,/control/remarks */
    pages: { type: "string" },
    /** N runs back to back, the results their median (bench/repeat.ts); the main run only. */
    repeat: { type: "string", default: "1" },
  },
});
const orgs = Math.max(1, Number.parseInt(args.orgs ?? "1", 10) || 1);
const seconds = Number(args.seconds ?? (args.quick ? 5 : 12));
const warmup = args.quick ? 1500 : 3000;
const levels = [1, 10, 50];
const defaultOnly = orgs > 1 ? "journal_grid,territory_report" : args.replica ? "diary_week,mark_save" : undefined;
const only = (args.only ?? defaultOnly)?.split(",").map((s) => s.trim());
const repeat = Number.parseInt(args.repeat ?? "1", 10);
if (!Number.isInteger(repeat) || repeat < 1 || repeat > 9) {
  console.error("--repeat: число прогонов от 1 до 9");
  process.exit(2);
}
if (repeat > 1 && (orgs > 1 || args.replica)) {
  console.error("--repeat только для основного прогона (без --orgs и --replica)");
  process.exit(2);
}

type MarkCell = Fixtures["cells"][number] & { value: number };

/**
 * `requests` requests one after another, each right after one finished write (VERSION_MOVING_WRITE),
 * so a heavy report is built every time instead of given from the kept file; the write is not timed.
 */
async function measureAfterWrites(
  app: AppServer,
  dbUrl: string,
  orgId: number,
  requests: number,
  next: (w: number, n: number) => Req,
): Promise<LoadResult> {
  const c = new pg.Client({ connectionString: dbUrl });
  await c.connect();
  try {
    const singles: LoadResult[] = [];
    for (let n = 0; n < requests; n++) {
      await c.query(VERSION_MOVING_WRITE, [orgId]);
      singles.push(
        await runLoad({ base: app.base, concurrency: 1, next: (w) => next(w, n), durationMs: 600_000, maxRequests: 1 }),
      );
    }
    return joinSingles(singles);
  } finally {
    await c.end();
  }
}

async function measure(
  app: AppServer,
  s: Scenario,
  fx: Fixtures,
  cookies: Record<Role, string>,
  dbUrl: string,
): Promise<ScenarioResult> {
  const cookie = cookies[s.role];
  const headers: Record<string, string> = cookie ? { cookie, origin: app.base } : { origin: app.base };
  const make = s.request(fx);
  if (s.optional) {
    const probe = await send(new http.Agent(), app.base, { ...make(0, 0), headers });
    if (probe.status === 404 || probe.status === 400) {
      log(`${s.name}: HTTP ${probe.status} — сценарий пропущен (функции нет в этой сборке)`);
      return scenarioResult({}, `HTTP ${probe.status} in this build`);
    }
  }
  const levelsOut: Record<string, Measured> = {};
  // mark_save: the cells keep their versions from level to level (a stale one would be a 409).
  const markCells: MarkCell[] = fx.cells.map((x) => ({ ...x, value: 4 }));
  for (const c of s.concurrencies) {
    let next: (w: number, n: number) => Req = (w, n) => ({ ...make(w, n), headers });
    let check: ((w: number, status: number, body: Buffer) => boolean) | undefined;
    if (s.name === "mark_save") {
      if (markCells.length === 0) throw new Error("нет ячеек для mark_save");
      const current = new Map<number, MarkCell>();
      next = (w, n) => {
        const own = markCells.filter((_, i) => i % c === w % markCells.length);
        const cell = own[n % own.length];
        current.set(w, cell);
        cell.value = cell.value === 4 ? 5 : 4;
        return {
          method: "POST",
          path: "/api/journal/cell",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({
            kind: "mark",
            lessonId: cell.lessonId,
            studentId: cell.studentId,
            assignmentId: cell.assignmentId,
            input: String(cell.value),
            version: cell.version,
          }),
        };
      };
      check = (w, _status, body) => {
        const r = JSON.parse(body.toString()) as { ok: boolean; version?: number; current?: { version?: number } };
        const cell = current.get(w);
        const version = r.ok ? r.version : r.current?.version;
        if (cell && typeof version === "number") cell.version = version;
        return r.ok;
      };
    }
    // Whole-organisation report requests kept in flight beside the measured load (one, or a burst).
    const reportLoops = s.reportBurst ?? (s.duringReport ? 1 : 0);
    const besidePath = () => (s.besideReport ? s.besideReport.path(fx) : orgReportPath(fx));
    const besideCookie = cookies[s.besideReport?.role ?? "deputy"];
    // SEC-5 (issue 22, round 19): the burst times the kept file of an unchanged database (single-flight's
    // reuse), as in a full run, where the scenario before has built it. Run alone (`--only`), its first
    // request built the file inside the timed window — 5–14 s on a busy machine, while the 20 loops waited
    // and the grid beside ran nearly alone — so it is built before the plain grid's level (not for the
    // territory report beside: its four kinds take turns). A write landing later still makes the burst
    // rebuild: report_statuses then shows 202s, and the level is not SEC-5's kept-file figure.
    if (s.reportBurst && !s.besideReport)
      await send(new http.Agent(), app.base, { path: besidePath(), headers: { cookie: besideCookie } });
    // The plain grid at the same level right before, so the comparison shares the machine's load.
    const plain =
      reportLoops > 0
        ? await runLoad({ base: app.base, concurrency: c, next, durationMs: seconds * 1000, warmupMs: warmup })
        : undefined;
    const burst = reportLoops > 0 ? startRequestLoops(app.base, besideCookie, besidePath, reportLoops) : undefined;
    if (burst) await new Promise((r) => setTimeout(r, 500));
    app.resetPeak();
    const res =
      s.afterWrite && s.requests
        ? await measureAfterWrites(app, dbUrl, fx.orgId, s.requests, next)
        : await runLoad({
            base: app.base,
            concurrency: c,
            next,
            check,
            durationMs: s.requests ? 600_000 : seconds * 1000,
            maxRequests: s.requests,
            warmupMs: s.requests ? 0 : warmup,
          });
    const answered = await burst?.stop();
    const { rss_mb, anon_mb, threads } = app.peakMemory();
    const heap = await heapOf(app.base);
    levelsOut[String(c)] = {
      ...res,
      ...(s.afterWrite ? { after_write: true } : {}),
      peak_rss_mb: rss_mb,
      memory: { anon_mb, threads, ...heap },
      ...(plain
        ? {
            reports_beside: answered?.done ?? 0,
            baseline_p95_ms: plain.p95_ms,
            baseline_rps: plain.rps,
            ...(s.reportBurst ? { report_statuses: answered?.statuses ?? {} } : {}),
          }
        : {}),
    };
    log(
      `${s.name} ×${c}: p50 ${res.p50_ms} мс, p95 ${res.p95_ms} мс, p99 ${res.p99_ms} мс, ${res.rps} запр/с, ошибок ${res.errors} ${res.errors ? JSON.stringify(res.statuses) : ""}${res.warmup_errors ? ` (+${res.warmup_errors} при разогреве)` : ""}, RSS ${rss_mb} МБ (анонимной ${anon_mb}, потоков ${threads}${heap ? `; куча V8 после уровня ${heap.heap_used_mb} из ${heap.heap_total_mb}, внешняя ${heap.external_mb}` : ""})`,
    );
  }
  return scenarioResult(levelsOut);
}

/** Starts the app with `env`, signs in, runs the selected scenarios (and the SQL floors), stops it. */
async function measureApp(env: NodeJS.ProcessEnv, orgId: number, base: string, dbUrl: string, withFloor: boolean) {
  const fx = await loadFixtures(dbUrl, orgId); // fresh cell versions: an earlier pass has saved over them
  const authority = await ensureBenchAuthority(dbUrl, orgId, () => hashPassword("demo2026"));
  log(`Отчёт по территории: ${authority.territory}, организаций ${authority.organisations}`);
  const app: AppServer = await startApp(env, log);
  try {
    const cookies: Record<Role, string> = {
      teacher: await signIn(app.base, orgId, fx.grid.teacherLogin, "demo2026"),
      bigTeacher: fx.bigGrid ? await signIn(app.base, orgId, fx.bigGrid.teacherLogin, "demo2026") : "",
      parent: await signIn(app.base, orgId, "parent", "demo2026"),
      deputy: await signIn(app.base, orgId, "zavuch", "demo2026"),
      authority: await signIn(app.base, authority.territory, BENCH_AUTHORITY_LOGIN, "demo2026"),
      anonymous: "",
    };
    const out: Record<string, ScenarioResult> = {};
    let peak = 0;
    for (const s of scenarios(levels)) {
      if (only && !only.includes(s.name)) continue;
      out[s.name] = await measure(app, s, fx, cookies, dbUrl);
      peak = Math.max(peak, ...Object.values(out[s.name].levels).map((m) => m.peak_rss_mb));
    }
    let pageSweep: SweepResult | undefined;
    if (!only || only.includes("page_sweep")) {
      log("Обход страниц меню каждой демо-роли (1 клиент)…");
      pageSweep = await runPageSweep({
        base: app.base,
        organisationId: orgId,
        logins: DEMO_LOGINS.filter((d) => d.org === "school").map((d) => ({ role: d.role, login: d.login })),
        password: DEMO_PASSWORD,
        perPage: args.quick ? 10 : 20,
        signInsPerLogin: 3,
        onlyPages: args.pages?.split(",").map((x) => x.trim()),
        log,
      });
      peak = Math.max(peak, app.peakMb());
      log(`Вход → главная: p50 ${pageSweep.signin.p50_ms} мс, p95 ${pageSweep.signin.p95_ms} мс`);
    }
    // Real browser visits (issue 22): in a full run and with --only browser_visits, not in a plain --quick.
    let browserVisits: VisitsResult | undefined;
    if (only ? only.includes("browser_visits") : !args.quick) {
      log("Визиты браузера (Chromium): родитель — дневник, учитель — журнал, завуч — контроль…");
      browserVisits = await runBrowserVisits({
        base: app.base,
        pid: app.pid,
        organisationId: orgId,
        plans: benchVisits(fx),
        log,
      });
      peak = Math.max(peak, app.peakMb());
    }
    const dbFloor: NonNullable<RunResults["db_floor"]> = {};
    const floors: Array<[string, string, Role]> = [
      ["journal_grid", gridPath(fx), "teacher"],
      ...(fx.bigGrid ? [["journal_grid_35x90", gridPath(fx, fx.bigGrid), "bigTeacher"] as [string, string, Role]] : []),
      ["diary_week", diaryPath(fx), "parent"],
    ];
    for (const [name, page, role] of floors) {
      if (!withFloor || (only && !only.includes(name))) continue;
      // The page's own SQL, captured from one request and replayed straight through pg.
      const logFile = `${path.join(DATA_DIR, "bench-pg")}.log`;
      await setStatementLogging(base, true);
      const offset = logSize(logFile);
      await send(new http.Agent(), app.base, { path: page, headers: { cookie: cookies[role] } });
      await new Promise((r) => setTimeout(r, 500));
      await setStatementLogging(base, false);
      const floor = await replay(dbUrl, statementsFromLog(logFile, offset), Math.min(seconds, 5) * 1000);
      dbFloor[name] = floor;
      log(
        `${name}, только SQL (${floor.statements} запросов подряд через pg): p50 ${floor.p50_ms} мс, p95 ${floor.p95_ms} мс`,
      );
    }
    return { out, peak, dbFloor, pageSweep, browserVisits };
  } finally {
    await app.stop();
  }
}

async function main(): Promise<number> {
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  let pgServer: EmbeddedServer | undefined;
  let replica: Replica | undefined;
  try {
    const external = process.env.BENCH_DATABASE_URL?.trim();
    if (!external) pgServer = await startEmbedded({ dataDir: path.join(DATA_DIR, "bench-pg"), port: 54349, log });
    const base = external ? withDatabase(external, "postgres") : pgServer!.url("postgres");
    const ds = await prepareDataset(base, orgs, datasetToday(), log);
    const orgId = ds.orgIds[Math.floor(ds.orgIds.length / 2)];
    const fx = await loadFixtures(ds.url, orgId);
    for (const g of [fx.grid, fx.bigGrid]) {
      if (g)
        log(
          `Журнал: класс ${g.classId}, предмет ${g.subjectId}, период ${g.periodId}: ${g.students} учеников × ${g.lessons} уроков; учитель ${g.teacherLogin}`,
        );
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: ds.url,
      NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (args.replica) {
      if (!pgServer) throw new Error("--replica работает только со встроенным PostgreSQL");
      replica = await startReplica(pgServer, log);
      env.DATABASE_REPLICA_URL = replica.url(ds.name);
    }
    await buildApp(env, args["skip-build"] ?? false, log);
    // --orgs N and --replica also measure the same scenarios without the change in the same run
    // (machine load drifts between runs, so a ratio is only fair within one run).
    let baseline: RunResults["baseline"];
    if (orgs > 1) {
      const one = await prepareDataset(base, 1, datasetToday(), log);
      log("Сравнение: те же сценарии на базе с одной организацией");
      const b = await measureApp({ ...env, DATABASE_URL: one.url }, one.orgIds[0], base, one.url, false);
      baseline = { label: "1 organisation (ejournal_bench), same run", scenarios: b.out };
    } else if (replica) {
      const { DATABASE_REPLICA_URL: _replica, ...primaryOnly } = env;
      void _replica;
      log("Сравнение: те же сценарии без реплики");
      const b = await measureApp(primaryOnly, orgId, base, ds.url, false);
      baseline = { label: "primary only (no DATABASE_REPLICA_URL), same run", scenarios: b.out };
    }
    const runs: RunResults[] = [];
    for (let i = 0; i < repeat; i++) {
      // Every run after the first on the pristine dataset again (the saves of the run before moved the cells'
      // versions and marks) — restored in seconds.
      const loadNow = i === 0 ? loadAtStart : os.loadavg().map((x) => Math.round(x * 100) / 100);
      if (repeat > 1) log(`Прогон ${i + 1} из ${repeat} (нагрузка ${loadNow.join(" / ")})`);
      const dsNow = i === 0 ? ds : await prepareDataset(base, orgs, datasetToday(), log);
      const { out, peak, dbFloor, pageSweep, browserVisits } = await measureApp(
        env,
        orgId,
        base,
        dsNow.url,
        Boolean(pgServer?.owned) && !replica,
      );
      runs.push({
        date: new Date().toISOString(),
        machine: machine(),
        load_at_start: loadNow,
        dataset: {
          orgs: ds.orgIds.length,
          students: ds.sizes.Student,
          classes: ds.sizes.ClassGroup,
          users: ds.sizes.User,
          lessons: ds.sizes.Lesson,
          assignments: ds.sizes.Assignment,
          marks: ds.sizes.Mark,
          absences: ds.sizes.Attendance,
          finals: ds.sizes.FinalMark,
          homework: ds.sizes.Homework,
          messages: ds.sizes.Message,
          plans: ds.sizes.LessonPlan,
          ...(ds.generatedSeconds !== null ? { generated_s: Math.round(ds.generatedSeconds) } : {}),
          ...(ds.restoredSeconds !== null ? { restored_s: Math.round(ds.restoredSeconds * 10) / 10 } : {}),
        },
        grid: {
          students: fx.grid.students,
          lessons: fx.grid.lessons,
          teacher: fx.grid.teacherLogin,
          ...(fx.bigGrid
            ? {
                big_students: fx.bigGrid.students,
                big_lessons: fx.bigGrid.lessons,
                big_teacher: fx.bigGrid.teacherLogin,
              }
            : {}),
          seconds_per_level: seconds,
        },
        scenarios: out,
        ...(Object.keys(dbFloor).length ? { db_floor: dbFloor } : {}),
        ...(pageSweep ? { page_sweep: pageSweep } : {}),
        ...(browserVisits ? { browser_visits: browserVisits } : {}),
        ...(baseline ? { baseline } : {}),
        peak_rss_mb: peak,
      });
    }
    const run = medianRun(runs);
    const saved = saveResults(run, { orgs, replica: args.replica ?? false }, runs.length > 1 ? runs : undefined);
    log(`Готово: bench/results.json, bench/RESULTS.md; ratios ${JSON.stringify(saved.ratios)}`);
    return 0;
  } finally {
    await replica?.stop();
    await pgServer?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
