// Readiness and liveness (issue 26, NFR-1) for a load balancer and the operator. Ready means:
// the database answers within HEALTH_DB_TIMEOUT_MS (default 2000), every migration shipped in
// prisma/migrations is applied, the replica (when DATABASE_REPLICA_URL is set) is no more than
// HEALTH_REPLICA_LAG_SECONDS (default 30) behind, the files directory (FILES_DIR) is writable, and
// the process is not draining after SIGTERM. The answer names each check with ok / fail / off —
// never a version, an address, an error text or personal data.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { appliedMigrations, pingDatabase, replicaLagSeconds } from "./data";
import { isDraining } from "./shutdown";

export type CheckState = "ok" | "fail" | "off";
export type Readiness = {
  status: "ok" | "fail";
  checks: {
    database: CheckState;
    migrations: CheckState;
    replica: CheckState;
    files: CheckState;
    accepting: CheckState;
  };
};

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** Resolves with `work`'s result or rejects after `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** The migrations this build ships (prisma/migrations/<name>/migration.sql), or null when absent. */
function shippedMigrations(): string[] | null {
  try {
    const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return null;
  }
}

/** Whether every shipped migration is among the applied ones (pure). */
export function migrationsApplied(shipped: readonly string[] | null, applied: readonly string[]): boolean {
  if (shipped === null) return true;
  const done = new Set(applied);
  return shipped.every((m) => done.has(m));
}

async function filesWritable(): Promise<boolean> {
  const root = path.resolve(
    /*turbopackIgnore: true*/ process.env.FILES_DIR ??
      path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "files"),
  );
  const probe = path.join(/*turbopackIgnore: true*/ root, `.health-${randomUUID()}`);
  try {
    await mkdir(root, { recursive: true });
    await writeFile(probe, "ok");
    await rm(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

export async function readiness(env: { readonly [k: string]: string | undefined } = process.env): Promise<Readiness> {
  const timeout = positive(env.HEALTH_DB_TIMEOUT_MS, 2000);
  const maxLag = positive(env.HEALTH_REPLICA_LAG_SECONDS, 30);
  const ok = (v: boolean): CheckState => (v ? "ok" : "fail");
  const [database, migrations, replica, files] = await Promise.all([
    withTimeout(pingDatabase(), timeout).then(
      () => "ok" as const,
      () => "fail" as const,
    ),
    withTimeout(appliedMigrations(), timeout).then(
      (applied) => ok(migrationsApplied(shippedMigrations(), applied)),
      () => "fail" as const,
    ),
    withTimeout(replicaLagSeconds(), timeout).then(
      (lag): CheckState => (lag === null ? "off" : ok(lag <= maxLag)),
      () => "fail" as const,
    ),
    filesWritable().then(ok),
  ]);
  const checks = { database, migrations, replica, files, accepting: ok(!isDraining()) };
  return { status: Object.values(checks).includes("fail") ? "fail" : "ok", checks };
}
