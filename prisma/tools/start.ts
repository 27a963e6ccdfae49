// `npm start` / `npm run dev` (--dev): one command from a fresh checkout to a
// running journal. Without DATABASE_URL an embedded PostgreSQL (.data/pg) is
// started; migrations are applied; an empty database gets demo data; then
// the app server (server/main.ts) runs as a child over the production build (building first when
// needed) or, with --dev, in development mode.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { printDemoLogins, seedIfEmpty } from "./demo-data";
import { isAlive, waitForExit } from "./embedded-proc";
import { maxActiveRequests } from "../../server/admission";
import { buildServer } from "../../server/build";
import { compiledServer } from "../../server/entry";
import { resolveServer, type ResolvedServer } from "./dev-server";
import { appServerArgv, heapCapArgs } from "./heap-cap";
import { applyMigrations } from "./migrate-runner";
import { DATA_DIR, PROJECT_ROOT } from "./paths";
import { redactUrl } from "./pg-util";

const log = (s: string): void => console.log(s);
const dev = process.argv.includes("--dev");
const port = process.env.PORT?.trim() || "3000";

let server: ResolvedServer | undefined;
let child: ChildProcess | undefined;
let shuttingDown = false;

function nextBin(): string {
  const require = createRequire(import.meta.url);
  const pkgPath = require.resolve("next/package.json");
  const pkg = JSON.parse(fs.readFileSync(pkgPath, "utf8")) as { bin: { next: string } | string };
  const bin = typeof pkg.bin === "string" ? pkg.bin : pkg.bin.next;
  return path.join(path.dirname(pkgPath), bin);
}

/** NEXTAUTH_SECRET from the environment, else one generated once into .data/secret. */
function authSecret(): string {
  const fromEnv = process.env.NEXTAUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.join(DATA_DIR, "secret");
  if (fs.existsSync(file)) {
    const saved = fs.readFileSync(file, "utf8").trim();
    if (saved) return saved;
  }
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const CHILD_PID_FILE = path.join(DATA_DIR, "next.pid");

/** A Next.js child left running by a start process that was killed hard (kill -9). */
async function stopLeftoverNext(): Promise<void> {
  const pid = Number.parseInt(fs.existsSync(CHILD_PID_FILE) ? fs.readFileSync(CHILD_PID_FILE, "utf8") : "", 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const cmd = fs.existsSync(`/proc/${pid}/cmdline`) ? fs.readFileSync(`/proc/${pid}/cmdline`, "utf8") : "";
  if (!cmd.includes("next") && !cmd.includes("server/main.ts") && !cmd.includes("app-server.mjs")) return;
  log(`Останавливаю оставшийся от прошлого запуска процесс Next.js (pid ${pid})`);
  process.kill(pid, "SIGTERM");
  if (!(await waitForExit(pid, 10_000))) process.kill(pid, "SIGKILL");
}

/** Runs node with `argv` (next's CLI and its arguments) as a child; resolves with its exit code. */
function runNext(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, argv, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    child = c;
    if (c.pid) fs.writeFileSync(CHILD_PID_FILE, `${c.pid}\n`);
    c.once("error", reject);
    c.once("exit", (code, signal) => {
      child = undefined;
      fs.rmSync(CHILD_PID_FILE, { force: true });
      resolve(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : 15) : 1));
    });
  });
}

async function shutdown(code: number): Promise<never> {
  await server?.stop().catch((e: unknown) => console.error(e));
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals): void {
  if (shuttingDown) return;
  shuttingDown = true;
  log(`\nПолучен ${signal}, останавливаюсь…`);
  if (child) {
    child.kill(signal); // its exit continues main(), which then stops PostgreSQL
    // The app server drains for up to SHUTDOWN_TIMEOUT_SECONDS (default 25, issue 26) first.
    const drain = Number.parseInt(process.env.SHUTDOWN_TIMEOUT_SECONDS ?? "", 10) || 25;
    setTimeout(() => child?.kill("SIGKILL"), (drain + 10) * 1000).unref();
  } else {
    void shutdown(signal === "SIGINT" ? 130 : 143);
  }
}

async function main(): Promise<number> {
  // Issue 10: the server's heap is capped (MAX_HEAP_MB, default in heap-cap.ts) unless NODE_OPTIONS
  // sets it; a bad MAX_HEAP_MB (or MAX_ACTIVE_REQUESTS, issue 22) is refused here, before PostgreSQL is started.
  const cap = heapCapArgs(process.env);
  maxActiveRequests(process.env);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  fs.mkdirSync(DATA_DIR, { recursive: true });
  await stopLeftoverNext();
  server = await resolveServer(log);
  const databaseUrl = server.databaseUrl;
  if (shuttingDown) return 130;

  const applied = await applyMigrations(databaseUrl, log);
  if (applied.length > 0) log(`Применено миграций: ${applied.length}`);
  await seedIfEmpty(databaseUrl, log);
  await printDemoLogins(log);
  if (shuttingDown) return 130;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL?.trim() || `http://localhost:${port}`,
    NEXTAUTH_SECRET: authSecret(),
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
  };
  // The Playwright tier's moved clock (lib/org/clock.ts) is never active in a server npm start runs.
  delete env.E2E_CLOCK_FILE;
  if (server.embedded) {
    log(`Встроенный PostgreSQL: ${databaseUrl}`);
    log(`  подключиться: psql "${databaseUrl}"`);
  } else {
    log(`База данных: ${redactUrl(databaseUrl)}`);
  }

  // Both run the app server (server/main.ts: client address, body limits, logs, metrics, drain).
  if (dev) {
    return runNext(appServerArgv({ ...process.env, MAX_HEAP_MB: "0" }, PROJECT_ROOT, ["--dev"]), {
      ...env,
      NODE_ENV: "development",
    });
  }
  if (!fs.existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
    log("Готовой сборки нет — выполняю next build…");
    const code = await runNext([nextBin(), "build"], { ...env, NODE_ENV: "production" });
    if (code !== 0 || shuttingDown) return code || 130;
  }
  // Issue 22 (peak RSS): the app server runs compiled ahead, with plain node (server/entry.ts says why);
  // compiled here when `npm run build` did not (a fresh clone) or its sources changed since.
  if (!compiledServer(PROJECT_ROOT)) await buildServer(PROJECT_ROOT);
  log(`Журнал: http://localhost:${port}${cap.length ? ` (память V8: ${cap[0]})` : ""}`);
  return runNext(appServerArgv(process.env, PROJECT_ROOT), { ...env, NODE_ENV: "production" });
}

main()
  .catch((e: unknown) => {
    console.error(e instanceof Error ? `Ошибка: ${e.message}` : String(e));
    if (process.env.DEBUG && e instanceof Error) console.error(e.stack);
    return 1;
  })
  .then((code) => shutdown(code));
