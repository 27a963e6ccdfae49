// The application's single PrismaClient (PostgreSQL through @prisma/adapter-pg).
//
// Created lazily on first use, so DATABASE_URL is read at that moment: tests
// set it per test file before touching `db`. Kept on globalThis so that Next.js
// hot reloading in development does not open a new pool on every edit.
//
// Read replica (scale-out, docs/SCALING.md): with DATABASE_REPLICA_URL set, `readDb` routes
// non-transactional reads (findMany, count, aggregate…) to a second client on the streaming
// replica through @prisma/extension-read-replicas, while writes, transactions and raw queries
// stay on the primary. Unset: `readDb` is `db`. Only the diary and report reads use it.
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { registerPool } from "@/lib/ops/metrics";
import { onShutdown } from "@/lib/ops/shutdown";
import { z } from "zod";
import { Prisma, PrismaClient } from "@/prisma/generated/prisma/client";

const DEFAULT_POOL_SIZE = 10;

type GlobalWithDb = typeof globalThis & {
  __ejournalPrisma?: PrismaClient;
  __ejournalReplica?: { client: PrismaClient; replica: PrismaClient };
};
const holder = globalThis as GlobalWithDb;

function poolSize(): number {
  const n = Number.parseInt(process.env.DATABASE_POOL_MAX ?? "", 10);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_POOL_SIZE;
}

/**
 * Interactive transactions (the mark save) wait up to 10 s for a free connection instead of
 * Prisma's 2 s: under an evening burst a save queues briefly rather than failing with 503.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** A client over its own pg pool, reported to /api/metrics as `name` and closed on SIGTERM (issue 26). */
function clientFor(connectionString: string, name: "primary" | "replica"): PrismaClient {
  const pool = new pg.Pool({ connectionString, max: poolSize() });
  registerPool(name, pool);
  onShutdown({ name: "database pools", phase: "pools", run: () => disconnectDb() });
  return new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
}

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL не задан. Запускайте приложение через npm run dev / npm start " +
        "(они поднимают встроенный PostgreSQL) или задайте DATABASE_URL явно.",
    );
  }
  return clientFor(connectionString, "primary");
}

/** The shared client, created on first call. */
export function getDb(): PrismaClient {
  holder.__ejournalPrisma ??= createClient();
  return holder.__ejournalPrisma;
}

/**
 * Lazy stand-in for the client: `db.user.findMany()` etc. create the real
 * PrismaClient on first property access.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
  has(_target, prop) {
    return Reflect.has(getDb(), prop);
  },
});

/** The replica URL, or null when no replica is configured. */
export function replicaUrl(): string | null {
  return process.env.DATABASE_REPLICA_URL?.trim() || null;
}

/**
 * The client for reads that may lag the primary by the replication delay (diary, reports): the
 * primary extended with the replica when DATABASE_REPLICA_URL is set, else the primary itself.
 * The extension keeps the model API unchanged (it only chooses the connection), hence the cast.
 */
export function getReadDb(): PrismaClient {
  const url = replicaUrl();
  if (!url) return getDb();
  if (!holder.__ejournalReplica) {
    const replica = clientFor(url, "replica");
    const client = getDb().$extends(readReplicas({ replicas: [replica] })) as unknown as PrismaClient;
    holder.__ejournalReplica = { client, replica };
  }
  return holder.__ejournalReplica.client;
}

/** The replica's own client (for its health check), or null without a replica. */
export function replicaClient(): PrismaClient | null {
  if (!replicaUrl()) return null;
  getReadDb();
  return holder.__ejournalReplica?.replica ?? null;
}

/** Lazy stand-in for getReadDb(), like `db`. */
export const readDb: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getReadDb();
    const value: unknown = Reflect.get(client, prop, client);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
  has(_target, prop) {
    return Reflect.has(getReadDb(), prop);
  },
});

/** Closes the pools (if opened); the next use of `db` / `readDb` opens new ones. */
export async function disconnectDb(): Promise<void> {
  const client = holder.__ejournalPrisma;
  const replica = holder.__ejournalReplica?.replica;
  holder.__ejournalPrisma = undefined;
  holder.__ejournalReplica = undefined;
  await Promise.all([client?.$disconnect(), replica?.$disconnect()]);
}

// Raw SQL (issue 19 item 5): `rawStatement` pairs a statement with the runtime shape of its rows
// (written with lib/sql.ts `col`); the row type the code sees is inferred from that shape, and
// tests/integration/raw-sql.test.ts runs every statement on the demo data and checks each returned
// column's name and runtime type against it, so a column renamed or retyped in the SQL fails a test
// instead of reaching a page as `undefined`. The shape is not parsed at run time.

/**
 * An instant as the UTC wall-clock `timestamp` the schema stores (`timestamp(3)` columns hold UTC
 * without a zone): compare or insert `now` through this, never through the session's zone.
 */
export function utcSql(instant: Date): Prisma.Sql {
  return Prisma.sql`(${instant.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

/** What a raw statement runs on: the client, a transaction, or the replica reader. */
export type RawClient = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * The client for raw reads that may lag the primary (the diary): the replica when
 * DATABASE_REPLICA_URL is set — @prisma/extension-read-replicas sends raw SQL to the primary unless
 * asked through `$replica()` — else the primary.
 */
export function replicaReader(client: RawClient = readDb): RawClient {
  const extended = client as RawClient & { $replica?: () => RawClient };
  return typeof extended.$replica === "function" ? extended.$replica() : client;
}

export type RawStatement<S extends z.ZodRawShape, A extends unknown[]> = {
  /** The rows' shape: exactly these columns, of these runtime types. */
  readonly shape: z.ZodObject<S, z.core.$strict>;
  readonly sql: (...args: A) => Prisma.Sql;
  /** A PrismaPromise, so it may also go into a batch `$transaction([...])`. */
  readonly run: (client: RawClient, ...args: A) => Prisma.PrismaPromise<z.infer<z.ZodObject<S, z.core.$strict>>[]>;
};

/** The row type of a statement. */
export type RowOf<T> = T extends RawStatement<infer S, infer _A> ? z.infer<z.ZodObject<S, z.core.$strict>> : never;

/** A raw statement and its rows' shape; `run(client, …args)` runs it as `$queryRaw`. */
export function rawStatement<S extends z.ZodRawShape, A extends unknown[]>(
  columns: S,
  sql: (...args: A) => Prisma.Sql,
): RawStatement<S, A> {
  const shape = z.strictObject(columns);
  return {
    shape,
    sql,
    run: (client, ...args) => client.$queryRaw<z.infer<typeof shape>[]>(sql(...args)),
  };
}
