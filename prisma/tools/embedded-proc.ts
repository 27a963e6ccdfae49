// Process, port and file-system helpers for the embedded PostgreSQL server.
import { execFileSync } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";

/** Port of a system-wide PostgreSQL; the embedded server never uses it. */
export const SYSTEM_PG_PORT = 5432;

export interface PostmasterPid {
  pid: number;
  port: number;
}

/** Parses `postmaster.pid` of a data directory (null when absent/garbled). */
export async function readPostmasterPid(dataDir: string): Promise<PostmasterPid | null> {
  const text = await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (!text) return null;
  const lines = text.split("\n");
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return { pid, port: Number.isInteger(port) ? port : 0 };
}

/** True when a process with this pid exists (even if owned by another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** True when `pid` is a PostgreSQL server process (Linux /proc check; true when unknown). */
export async function isPostgresProcess(pid: number): Promise<boolean> {
  const cmd = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => null);
  if (cmd === null) return isAlive(pid);
  return /postgres/.test(cmd);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits until the process is gone; false on timeout. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/**
 * Stops a postmaster we do not own: fast shutdown (SIGINT), then immediate
 * shutdown (SIGQUIT), then SIGKILL as the last resort.
 */
export async function killPostmaster(pid: number): Promise<void> {
  const steps: Array<[NodeJS.Signals, number]> = [
    ["SIGINT", 20_000],
    ["SIGQUIT", 5_000],
    ["SIGKILL", 5_000],
  ];
  for (const [signal, wait] of steps) {
    try {
      process.kill(pid, signal);
    } catch {
      return; // already gone
    }
    if (await waitForExit(pid, wait)) return;
  }
  throw new Error(`Не удалось остановить процесс PostgreSQL (pid ${pid})`);
}

/** True when nothing listens on 127.0.0.1:port. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host: "127.0.0.1", exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/** A port that is free right now (asked from the OS), never 5432. */
export async function randomFreePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen({ port: 0, host: "127.0.0.1" }, () => {
        const addr = server.address();
        const p = typeof addr === "object" && addr ? addr.port : 0;
        server.close(() => resolve(p));
      });
    });
    if (port > 0 && port !== SYSTEM_PG_PORT) return port;
  }
}

/** First free port among candidates, else a random free one. */
export async function choosePort(candidates: Array<number | undefined>): Promise<number> {
  for (const p of candidates) {
    if (p && p !== SYSTEM_PG_PORT && (await isPortFree(p))) return p;
  }
  return randomFreePort();
}

export function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** uid/gid of the `postgres` system user, or null when it does not exist. */
export function postgresUserIds(): { uid: number; gid: number } | null {
  try {
    const uid = Number.parseInt(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }), 10);
    const gid = Number.parseInt(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }), 10);
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
  } catch {
    return null;
  }
}

/**
 * When running as root the server runs as `postgres`: every ancestor of the
 * data directory must be traversable by it (adds o+x where missing) and the
 * data directory itself must belong to it.
 */
export async function prepareDirsForPostgresUser(
  dataDir: string,
  ids: { uid: number; gid: number },
  log: (s: string) => void,
): Promise<void> {
  let dir = path.dirname(dataDir);
  for (;;) {
    const st = await fs.stat(dir);
    if ((st.mode & 0o001) === 0) {
      log(`chmod o+x ${dir} (нужно пользователю postgres для доступа к данным)`);
      await fs.chmod(dir, st.mode | 0o001);
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const st = await fs.stat(dataDir).catch(() => null);
  if (st && st.uid !== ids.uid) {
    execFileSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir]);
  }
}

/** What we remember about a data directory (port, and which process runs it). */
export interface Meta {
  port: number;
  ownerPid: number | null;
}

const META_FILE = "ejournal-embedded.json";

export async function readMeta(dataDir: string): Promise<Meta | null> {
  const text = await fs.readFile(path.join(dataDir, META_FILE), "utf8").catch(() => null);
  if (!text) return null;
  try {
    const m = JSON.parse(text) as Partial<Meta>;
    return typeof m.port === "number" ? { port: m.port, ownerPid: m.ownerPid ?? null } : null;
  } catch {
    return null;
  }
}

export async function writeMeta(dataDir: string, meta: Meta): Promise<void> {
  await fs.writeFile(path.join(dataDir, META_FILE), JSON.stringify(meta) + "\n");
}

/** postgres command-line settings; `durable: false` trades crash safety for speed. */
export function serverFlags(durable: boolean): string[] {
  const flags = [
    ["listen_addresses", "127.0.0.1"],
    ["unix_socket_directories", ""],
    ["max_connections", "200"],
    ["timezone", "UTC"],
  ];
  if (!durable) {
    flags.push(["fsync", "off"], ["synchronous_commit", "off"], ["full_page_writes", "off"]);
  }
  return flags.flatMap(([k, v]) => ["-c", `${k}=${v}`]);
}
