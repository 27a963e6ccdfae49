// `[N=300] npx tsx bench/stmt-real.ts` (issue 22, round 15; needs `next build`): the grid's, the big grid's
// and the diary's statements of one request each, from the PostgreSQL log, replayed named in a loop —
// µs of CPU per execution through pg with no conversion (`text`), with pg's own parsers (`pg`) and
// through lib/db's path (`libdb`), with the result's size and the socket reads one execution takes.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
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
import { diaryPath, gridPath, bigGridPath } from "./scenarios";

const N = Number(process.env.N ?? 300);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main(): Promise<void> {
  const pgServer = await startEmbedded({ dataDir: path.join(DATA_DIR, "bench-pg"), port: await freePort() });
  let child: ChildProcess | undefined;
  try {
    const ds = await prepareDataset(pgServer.url("postgres"), 1, datasetToday(), () => {});
    const fx = await loadFixtures(ds.url, ds.orgIds[0]);
    const env = benchAppEnv(ds.url);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, appServerArgv(env, PROJECT_ROOT), {
      cwd: PROJECT_ROOT,
      env: { ...env, NODE_ENV: "production", NEXTAUTH_URL: base, PORT: String(port), HOST: "127.0.0.1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    for (;;) {
      const ok = await send(new http.Agent(), base, { path: "/login" }).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const teacher = await signIn(base, fx.orgId, fx.grid.teacherLogin, "demo2026");
    const parent = await signIn(base, fx.orgId, "parent", "demo2026");
    const big = fx.bigGrid ? await signIn(base, fx.orgId, fx.bigGrid.teacherLogin, "demo2026") : teacher;
    const logFile = `${path.join(DATA_DIR, "bench-pg")}.log`;
    const got: Array<[string, Statement]> = [];
    for (const [name, p, cookie] of [
      ["grid", gridPath(fx), teacher],
      ["grid35", bigGridPath(fx), big],
      ["diary", diaryPath(fx), parent],
    ] as const) {
      await send(new http.Agent(), base, { path: p, headers: { cookie } });
      await setStatementLogging(pgServer.url("postgres"), true);
      const off = logSize(logFile);
      await send(new http.Agent(), base, { path: p, headers: { cookie } });
      await new Promise((r) => setTimeout(r, 500));
      await setStatementLogging(pgServer.url("postgres"), false);
      for (const s of statementsFromLog(logFile, off)) got.push([name, s]);
    }
    child.kill("SIGTERM");
    process.env.DATABASE_URL = ds.url;
    const { pgRawClient } = await import("../lib/db");
    const { Prisma } = await import("../prisma/generated/prisma/client");
    const pool = new pg.Pool({ connectionString: ds.url, max: 2 });
    const raw = pgRawClient(pool);
    const asText = { getTypeParser: () => (t: string) => t };
    let i = 0;
    for (const [page, s] of got) {
      const strings = s.sql.split(/\$\d+/);
      const sql = new Prisma.Sql(strings, s.params);
      if (sql.text !== s.sql) {
        console.log(`skip ${page} (placeholders out of order)`);
        continue;
      }
      const name = `r${i++}`;
      const variants: Record<string, () => Promise<unknown>> = {
        text: () => pool.query({ name, text: s.sql, values: s.params, rowMode: "array", types: asText }),
        pg: () => pool.query({ name: `${name}p`, text: s.sql, values: s.params }),
        libdb: () => raw.$queryRaw(sql),
      };
      const out: string[] = [];
      let bytes = 0;
      const r = await pool.query({ name, text: s.sql, values: s.params, rowMode: "array", types: asText });
      for (const row of r.rows as (string | null)[][]) for (const v of row) bytes += v?.length ?? 0;
      for (const [k, f] of Object.entries(variants)) {
        for (let j = 0; j < 20; j++) await f();
        const best: number[] = [];
        for (let round = 0; round < 3; round++) {
          const c0 = cpu();
          for (let j = 0; j < N; j++) await f();
          best.push(((cpu() - c0) / N) * 1000);
        }
        out.push(`${k} ${Math.min(...best).toFixed(0)}`);
      }
      const flat = s.sql.replace(/\s+/g, " ").slice(0, 50);
      const c = await pool.connect();
      let events = 0;
      const stream = (c as unknown as { connection: { stream: NodeJS.EventEmitter } }).connection.stream;
      const count = () => events++;
      await c.query({ name, text: s.sql, values: s.params });
      stream.on("data", count);
      await c.query({ name, text: s.sql, values: s.params });
      stream.off("data", count);
      c.release();
      out.push(`${events} socket reads`);
      console.log(`| ${page} | ${flat} | ${r.rows.length} rows, ${bytes} B | ${out.join(" · ")} µs |`);
    }
    await pool.end();
  } finally {
    if (child && child.exitCode === null) child.kill("SIGTERM");
    await pgServer.stop();
  }
}
runScript(main);
