// `npx tsx bench/plans.ts [--paths ping,grid,grid35,diary,save]` (issue 22, round 13): do the hot
// statements keep a good plan as named prepared statements? This tree's build serves the bench
// dataset; the SQL of one request of each path (and of two mark saves: the second goes as ONE
// statement) is taken from the PostgreSQL log, then each statement is prepared on one connection and
// explained three ways inside a transaction that is rolled back:
//  - custom: `plan_cache_mode = force_custom_plan` (what an unnamed statement gets every time),
//  - generic: `force_generic_plan` (the plan PostgreSQL may switch to after five executions),
//  - auto: the mode the app runs with, after six executions — which plan it chose (generic or custom).
// Each `EXPLAIN (ANALYZE) EXECUTE` runs three times; the minimum of planning and execution is printed.
// A statement whose generic plan executes much slower than its custom one is flagged. Writes nothing
// that stays (every check rolls back); needs a build (`next build`).
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbedded } from "../prisma/tools/embedded";
import { DATA_DIR, PROJECT_ROOT } from "../prisma/tools/paths";
import { appServerArgv } from "../prisma/tools/heap-cap";
import { freePort, signIn } from "./app-server";
import { benchAppEnv, runScript } from "./compare";
import { prepareDataset } from "./dataset/generate";
import { logSize, setStatementLogging, statementsFromLog, type Statement } from "./db-floor";
import { datasetToday, loadFixtures } from "./fixtures";
import { send } from "./http-load";
import { bigGridPath, diaryPath, gridPath } from "./scenarios";

const { values: args } = parseArgs({
  options: { paths: { type: "string", default: "ping,grid,grid35,diary,save" } },
});
const log = (s: string): void => console.log(`[plans] ${s}`);

async function serve(env: NodeJS.ProcessEnv): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, appServerArgv(env, PROJECT_ROOT), {
    cwd: PROJECT_ROOT,
    env: { ...env, NODE_ENV: "production", NEXTAUTH_URL: base, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 120_000;
  while (
    !(await send(new http.Agent(), base, { path: "/login" }).then(
      (r) => r.status === 200,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("сервер не ответил");
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, child };
}

type Explained = { planning: number; execution: number };

/** `EXPLAIN (ANALYZE) EXECUTE name(...)` three times: the minimum planning and execution time. */
async function explain(c: pg.Client, name: string, params: string[]): Promise<Explained> {
  const lits = params.map((p) => (p === null ? "NULL" : c.escapeLiteral(p))).join(", ");
  const call = `EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${name}${params.length ? `(${lits})` : ""}`;
  let best: Explained = { planning: Infinity, execution: Infinity };
  for (let i = 0; i < 3; i++) {
    const r = await c.query<{ "QUERY PLAN": [{ "Planning Time": number; "Execution Time": number }] }>(call);
    const [p] = r.rows[0]["QUERY PLAN"];
    best = {
      planning: Math.min(best.planning, p["Planning Time"]),
      execution: Math.min(best.execution, p["Execution Time"]),
    };
  }
  return best;
}

type Checked = { custom: Explained; generic: Explained; auto: Explained; autoGeneric: boolean };

async function check(c: pg.Client, s: Statement): Promise<Checked> {
  const name = `p_${createHash("sha256").update(s.sql).digest("hex").slice(0, 16)}`;
  await c.query("BEGIN");
  try {
    await c.query({ name, text: s.sql, values: s.params });
    await c.query("SET LOCAL plan_cache_mode = force_custom_plan");
    const custom = await explain(c, name, s.params);
    await c.query("SET LOCAL plan_cache_mode = force_generic_plan");
    const generic = await explain(c, name, s.params);
    await c.query(`DEALLOCATE ${name}`);
    await c.query("SET LOCAL plan_cache_mode = auto");
    const auto = `${name}_a`;
    for (let i = 0; i < 6; i++) await c.query({ name: auto, text: s.sql, values: s.params });
    const before = await c.query<{ g: string }>(
      "SELECT generic_plans::text AS g FROM pg_prepared_statements WHERE name = $1",
      [auto],
    );
    const a = await explain(c, auto, s.params);
    const after = await c.query<{ g: string }>(
      "SELECT generic_plans::text AS g FROM pg_prepared_statements WHERE name = $1",
      [auto],
    );
    await c.query(`DEALLOCATE ${auto}`);
    return { custom, generic, auto: a, autoGeneric: Number(after.rows[0].g) > Number(before.rows[0].g) };
  } finally {
    await c.query("ROLLBACK");
  }
}

/** A statement's label: its first table or CTE, and its length. */
function label(sql: string): string {
  const flat = sql.replace(/\s+/g, " ").trim();
  const from = /\b(?:FROM|INTO|UPDATE)\s+("?\w+"?)/i.exec(flat)?.[1] ?? "?";
  return `${flat.slice(0, 48)}… [${from}, ${flat.length} ch]`;
}

async function main(): Promise<void> {
  const pgServer = await startEmbedded({ dataDir: path.join(DATA_DIR, "bench-pg"), port: await freePort(), log });
  let app: { base: string; child: ChildProcess } | undefined;
  try {
    const ds = await prepareDataset(pgServer.url("postgres"), 1, datasetToday(), log);
    const fx = await loadFixtures(ds.url, ds.orgIds[0]);
    app = await serve(benchAppEnv(ds.url));
    const teacher = await signIn(app.base, fx.orgId, fx.grid.teacherLogin, "demo2026");
    const parent = await signIn(app.base, fx.orgId, "parent", "demo2026");
    const big = fx.bigGrid ? await signIn(app.base, fx.orgId, fx.bigGrid.teacherLogin, "demo2026") : teacher;
    const cell = fx.cells[0];
    let version = cell.version;
    let value = 4;
    const save = async () => {
      value = value === 4 ? 5 : 4;
      const body = JSON.stringify({
        kind: "mark",
        lessonId: cell.lessonId,
        studentId: cell.studentId,
        assignmentId: cell.assignmentId,
        input: String(value),
        version,
      });
      const r = await send(new http.Agent(), app!.base, {
        method: "POST",
        path: "/api/journal/cell",
        headers: { cookie: teacher, origin: app!.base, "content-type": "application/json" },
        body,
      });
      const out = JSON.parse(r.body.toString()) as { ok: boolean; version?: number; current?: { version?: number } };
      version = (out.ok ? out.version : out.current?.version) ?? version;
    };
    const requests: Record<string, () => Promise<unknown>> = {
      ping: () => send(new http.Agent(), app!.base, { path: "/ping", headers: { cookie: teacher } }),
      grid: () => send(new http.Agent(), app!.base, { path: gridPath(fx), headers: { cookie: teacher } }),
      grid35: () => send(new http.Agent(), app!.base, { path: bigGridPath(fx), headers: { cookie: big } }),
      diary: () => send(new http.Agent(), app!.base, { path: diaryPath(fx), headers: { cookie: parent } }),
      // Two saves: the second carries the version the first wrote, so it is the one-statement save.
      save: async () => {
        await save();
        await save();
      },
    };
    const wanted = args.paths.split(",").map((p) => p.trim());
    const logFile = `${path.join(DATA_DIR, "bench-pg")}.log`;
    const seen = new Map<string, { statement: Statement; paths: Set<string> }>();
    for (const [i, w] of wanted.entries()) {
      // The first path's logged request is the session's first: the session check and the gate's
      // actor facts are read then (later requests take them from the process cache).
      if (i > 0) await requests[w]();
      await setStatementLogging(pgServer.url("postgres"), true);
      const offset = logSize(logFile);
      await requests[w]();
      await new Promise((r) => setTimeout(r, 500));
      await setStatementLogging(pgServer.url("postgres"), false);
      const statements = statementsFromLog(logFile, offset).filter(
        (s) => !/^\s*(BEGIN|COMMIT|ROLLBACK|SELECT 1\b)/i.test(s.sql),
      );
      log(`${w}: ${statements.length} statements`);
      for (const s of statements) {
        const e = seen.get(s.sql) ?? { statement: s, paths: new Set<string>() };
        e.paths.add(w);
        seen.set(s.sql, e);
      }
    }
    app.child.kill("SIGTERM");
    const c = new pg.Client({ connectionString: ds.url });
    await c.connect();
    const r = (x: number) => x.toFixed(2);
    console.log(
      "\n| statement | paths | custom plan / exec ms | generic plan / exec ms | auto after 6: plan, exec ms |",
    );
    console.log("|---|---|---:|---:|---|");
    try {
      for (const { statement, paths } of seen.values()) {
        try {
          const x = await check(c, statement);
          const worse = x.generic.execution > 1.5 * x.custom.execution + 0.2 ? " **generic slower**" : "";
          console.log(
            `| ${label(statement.sql)} | ${[...paths].join(",")} | ${r(x.custom.planning)} / ${r(x.custom.execution)} | ` +
              `${r(x.generic.planning)} / ${r(x.generic.execution)}${worse} | ${x.autoGeneric ? "generic" : "custom"}, ${r(x.auto.planning)} / ${r(x.auto.execution)} |`,
          );
        } catch (e) {
          console.log(`| ${label(statement.sql)} | ${[...paths].join(",")} | — | — | ${(e as Error).message} |`);
        }
      }
      // What the prepared statements hold in one backend (PostgreSQL 14+): each named once here.
      await c.query("DISCARD ALL");
      const held = async () =>
        Number(
          (
            await c.query<{ b: string }>(
              `SELECT coalesce(sum(total_bytes), 0)::text AS b FROM pg_backend_memory_contexts
                WHERE name IN ('CachedPlanSource', 'CachedPlanQuery', 'CachedPlan')`,
            )
          ).rows[0].b,
        );
      const before = await held();
      let n = 0;
      for (const { statement } of seen.values()) {
        if (/^\s*(UPDATE|DELETE|INSERT)/i.test(statement.sql)) continue;
        await c.query("BEGIN");
        try {
          const was = await held();
          for (let i = 0; i < 6; i++) await c.query({ name: `m${n}`, text: statement.sql, values: statement.params });
          n++;
          log(`  ${label(statement.sql)}: ${(((await held()) - was) / 1024).toFixed(0)} KB`);
        } finally {
          await c.query("ROLLBACK");
        }
      }
      const kb = (await held()) - before;
      log(
        `${n} read statements prepared and run 6 times on one connection: ${(kb / 1024).toFixed(0)} KB of cached plans`,
      );
    } finally {
      await c.end();
    }
  } finally {
    if (app && app.child.exitCode === null) app.child.kill("SIGTERM");
    await pgServer.stop();
  }
}

runScript(main);
