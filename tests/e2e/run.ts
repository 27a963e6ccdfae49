// `npm run test:e2e`: Playwright against the production build (ARCHITECTURE "Tests").
// Starts the test PostgreSQL, creates a fresh database with the migrations and the demo region,
// builds the app when the build is missing or stale (E2E_SKIP_BUILD=1: any existing build), starts
// the app server (server/main.ts, as `npm start` does) on a free port, runs Playwright in Debian's
// Chromium, then checks the server's log of the run (issue 26: JSON request lines with whitelisted
// fields only, no personal value of the database — tests/e2e/server-log.ts; kept in
// .data/e2e-server.log) and tears everything down.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "../../prisma/tools/embedded";
import { applyMigrations } from "../../prisma/tools/migrate-runner";
import { randomFreePort } from "../../prisma/tools/embedded-proc";
import { ensureBuild } from "../../prisma/tools/fresh-build";
import { appServerArgv } from "../../prisma/tools/heap-cap";
import { DATA_DIR, PROJECT_ROOT } from "../../prisma/tools/paths";
import { seedDemo } from "../../prisma/seed/index";
import { checkServerLog, personalValues } from "./server-log";

const SERVER_LOG = path.join(DATA_DIR, "e2e-server.log");

const log = (s: string) => console.log(`[e2e] ${s}`);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Server did not answer at ${url}`);
}

async function main(): Promise<number> {
  const server = await startEmbedded({ dataDir: path.join(PROJECT_ROOT, ".data", "e2e-pg"), durable: false, log });
  let app: ChildProcess | null = null;
  try {
    const dbName = `e2e_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server.url("postgres") });
    await admin.connect();
    const old = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'e2e_%'");
    for (const row of old.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const databaseUrl = server.url(dbName);
    await applyMigrations(databaseUrl, log);
    const started = Date.now();
    await seedDemo(databaseUrl, { log });
    log(`demo region seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // The server's moved clock for this tier only (lib/org/clock.ts): a spec writes an offset here.
    const clockFile = path.join(PROJECT_ROOT, ".data", "e2e-clock.json");
    rmSync(clockFile, { force: true });
    const port = await randomFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      NEXT_TELEMETRY_DISABLED: "1",
      E2E_BASE_URL: baseUrl,
      // SEC-5: no heavy report is built inline here, so the reports spec sees the queued (202) path
      // deterministically; the inline path is covered by tests/integration/reports-inline.test.ts.
      REPORTS_INLINE_MAX: "0",
      E2E_CLOCK_FILE: clockFile,
    };
    const hasBuild = existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"));
    if (!(process.env.E2E_SKIP_BUILD === "1" && hasBuild)) await ensureBuild(env, log);
    const serverLog = createWriteStream(SERVER_LOG);
    app = spawn(process.execPath, appServerArgv(env, PROJECT_ROOT), {
      cwd: PROJECT_ROOT,
      env: { ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    app.stdout!.pipe(serverLog);
    app.stderr!.on("data", (d: Buffer) => {
      serverLog.write(d);
      process.stderr.write(d);
    });
    const exited = new Promise<void>((resolve) => app!.once("exit", () => resolve()));
    await waitForHttp(`${baseUrl}/login`, 120_000);
    log(`app at ${baseUrl}`);
    const playwright = path.join(PROJECT_ROOT, "node_modules", ".bin", "playwright");
    const code = await run(
      playwright,
      ["test", "--config", "tests/e2e/playwright.config.ts", ...process.argv.slice(2)],
      env,
    );
    app.kill("SIGTERM");
    await exited;
    app = null;
    await new Promise<void>((resolve) => serverLog.end(resolve));
    const problems = checkServerLog(readFileSync(SERVER_LOG, "utf8"), await personalValues(databaseUrl));
    if (problems.length) {
      console.error(`[e2e] the server log of the run (${SERVER_LOG}) breaks NFR-5:\n  ${problems.join("\n  ")}`);
      return code || 1;
    }
    log(`server log checked: JSON request lines only, no personal data (${SERVER_LOG})`);
    return code;
  } finally {
    app?.kill("SIGTERM");
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
