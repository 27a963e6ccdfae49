// The database reads of the operations endpoints (issue 26): a ping, the applied migrations,
// the replica's lag and the report-job counts. Ids and counts only.
import { db, replicaClient, rawStatement } from "@/lib/db";
import { col } from "@/lib/sql";
import { Prisma } from "@/prisma/generated/prisma/client";

export async function pingDatabase(): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

/** The migrations recorded as applied. */
export const APPLIED_MIGRATIONS = rawStatement(
  { migration_name: col.text },
  () => Prisma.sql`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
);

/** Names of the migrations recorded as applied (finished, not rolled back). */
export async function appliedMigrations(): Promise<string[]> {
  const rows = await APPLIED_MIGRATIONS.run(db);
  return rows.map((r) => r.migration_name);
}

/** Seconds the replica's replay is behind (0 on a primary or a caught-up replica). */
export const REPLICA_LAG = rawStatement(
  { lag: col.float.nullable() },
  () => Prisma.sql`
    SELECT CASE
             WHEN NOT pg_is_in_recovery() THEN 0
             WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
             ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8
           END AS lag`,
);

/**
 * Seconds the replica's replay is behind (0 when it has replayed everything it received), or
 * null without a replica. Fails when the replica cannot be reached.
 */
export async function replicaLagSeconds(): Promise<number | null> {
  const replica = replicaClient();
  if (!replica) return null;
  const rows = await REPLICA_LAG.run(replica);
  return rows[0]?.lag ?? 0;
}

/** Report jobs by status (QUEUED is the queue length). */
export async function reportJobCounts(): Promise<Record<string, number>> {
  const rows = await db.reportJob.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
}
