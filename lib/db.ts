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
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { readReplicas } from "@prisma/extension-read-replicas";
import pg from "pg";
import { logger, safeError } from "@/lib/ops/log";
import { registerPool } from "@/lib/ops/metrics";
import { onShutdown } from "@/lib/ops/shutdown";
import { z } from "zod";
import { Prisma, PrismaClient } from "@/prisma/generated/prisma/client";

const DEFAULT_POOL_SIZE = 10;

type GlobalWithDb = typeof globalThis & {
  __ejournalPrisma?: PrismaClient;
  __ejournalReplica?: { client: PrismaClient; replica: PrismaClient };
  __ejournalPools?: WeakMap<object, pg.Pool>;
  __ejournalStatementNames?: StatementNames;
};
const holder = globalThis as GlobalWithDb;

/** What a raw statement runs on straight on pg: a pool, or one of its connections (tests). */
export type PgQueryable = Pick<pg.Pool, "query">;

/**
 * The clients whose raw statements go straight to pg (issue 22, round 12): each to the pool its
 * Prisma adapter uses (the primary's, or the replica's). A transaction client is never here: its
 * statements stay in Prisma, on the transaction's own connection.
 */
const straight = new WeakMap<object, () => PgQueryable>();
/**
 * Each client's pool: raw statements of the client go there, and it is closed with the client even
 * when only raw statements used it (Prisma then never connected). Kept on globalThis with the clients
 * themselves: Next.js bundles this module into several chunks (pages, routes, instrumentation), and
 * a client made by one copy is used by all.
 */
const pools = (holder.__ejournalPools ??= new WeakMap<object, pg.Pool>());

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
  // An idle connection the server closed (a restart, a terminated backend) is an 'error' event of
  // the pool: logged, not an uncaught exception — raw statements use the pool before Prisma's
  // adapter (which listens too) may have connected.
  pool.on("error", (err) => logger().warn({ pool: name, err: safeError(err) }, "idle database connection lost"));
  onShutdown({ name: "database pools", phase: "pools", run: () => disconnectDb() });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions: TRANSACTION_OPTIONS,
  });
  pools.set(client, pool);
  return client;
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
    // The extension sends raw SQL to the primary (unless asked through `$replica()`): so do we.
    pools.set(client, pools.get(getDb())!);
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

/** The primary's pool (the one its Prisma client's adapter uses), opened on first use. */
function primaryPool(): PgQueryable {
  return pools.get(getDb())!;
}
// Raw statements through the lazy stand-ins run on the primary, as `$queryRaw` through them did.
straight.set(db, primaryPool);
straight.set(readDb, primaryPool);

/** Closes the pools (if opened); the next use of `db` / `readDb` opens new ones. */
export async function disconnectDb(): Promise<void> {
  const client = holder.__ejournalPrisma;
  const replica = holder.__ejournalReplica?.replica;
  holder.__ejournalPrisma = undefined;
  holder.__ejournalReplica = undefined;
  await Promise.all(
    [client, replica].map(async (c) => {
      if (!c) return;
      await c.$disconnect();
      const pool = pools.get(c);
      if (pool && !pool.ended) await pool.end();
    }),
  );
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

/**
 * «The full name starts with what was typed», as a JS filter over names (`filterVisits`) decides it:
 * both lower-cased in Russian, the column under the ICU Russian collation (lists filtered by surname:
 * «Статистика посещений», the portfolio's pupils).
 */
export function nameStartsWithSql(column: Prisma.Sql, typed: string): Prisma.Sql {
  return Prisma.sql`starts_with(lower(${column} COLLATE "ru-x-icu"), ${typed.toLocaleLowerCase("ru")})`;
}

/** What a raw statement runs on: the client, a transaction, or the replica reader. */
export type RawClient = Pick<Prisma.TransactionClient, "$queryRaw">;

/**
 * The client for raw reads that may lag the primary (the diary): the replica when
 * DATABASE_REPLICA_URL is set — @prisma/extension-read-replicas sends raw SQL to the primary unless
 * asked through `$replica()` — else the primary.
 */
export function replicaReader(client: RawClient = readDb): RawClient {
  if ((client === readDb || client === holder.__ejournalReplica?.client) && replicaUrl()) {
    getReadDb();
    // The replica's own client: its raw statements go straight to the replica's pool.
    return holder.__ejournalReplica!.replica;
  }
  const extended = client as RawClient & { $replica?: () => RawClient };
  return typeof extended.$replica === "function" ? extended.$replica() : client;
}

export type RawStatement<S extends z.ZodRawShape, A extends unknown[]> = {
  /** The rows' shape: exactly these columns, of these runtime types. */
  readonly shape: z.ZodObject<S, z.core.$strict>;
  readonly sql: (...args: A) => Prisma.Sql;
  /**
   * On the client (`db`, `readDb`, the replica reader) straight on pg; on a transaction inside it,
   * as `$queryRaw`. A PrismaPromise, so it may also go into a batch `$transaction([...])`, where it
   * runs as `$queryRaw` in that transaction.
   */
  readonly run: (client: RawClient, ...args: A) => Prisma.PrismaPromise<z.infer<z.ZodObject<S, z.core.$strict>>[]>;
};

/** The row type of a statement. */
export type RowOf<T> = T extends RawStatement<infer S, infer _A> ? z.infer<z.ZodObject<S, z.core.$strict>> : never;

/** A raw statement and its rows' shape; `run(client, …args)` runs it (see RawStatement.run). */
export function rawStatement<S extends z.ZodRawShape, A extends unknown[]>(
  columns: S,
  sql: (...args: A) => Prisma.Sql,
): RawStatement<S, A> {
  const shape = z.strictObject(columns);
  return {
    shape,
    sql,
    run: (client, ...args) => runRaw<z.infer<typeof shape>>(client, sql(...args)),
  };
}

/** `query` on `client`: straight on pg when the client is one of ours, else as `$queryRaw`. */
function runRaw<T>(client: RawClient, query: Prisma.Sql): Prisma.PrismaPromise<T[]> {
  const pool = pools.get(client);
  const on = straight.get(client) ?? (pool ? () => pool : undefined);
  if (!on) return client.$queryRaw<T[]>(query);
  // Lazy like a PrismaPromise: nothing is sent until it is awaited. A batch `$transaction([...])`
  // asks it for its part of the batch (`requestTransaction`): then `$queryRaw` runs it there.
  let sent: Promise<T[]> | undefined;
  const send = () => (sent ??= queryOnPg<T>(on(), query));
  const promise = {
    [Symbol.toStringTag]: "PrismaPromise",
    then: (ok?: (rows: T[]) => unknown, fail?: (e: unknown) => unknown) => send().then(ok, fail),
    catch: (fail?: (e: unknown) => unknown) => send().catch(fail),
    finally: (f?: () => void) => send().finally(f),
    requestTransaction: (batch: unknown) =>
      (client.$queryRaw<T[]>(query) as unknown as { requestTransaction: (b: unknown) => unknown }).requestTransaction(
        batch,
      ),
  };
  return promise as unknown as Prisma.PrismaPromise<T[]>;
}

/**
 * A raw client whose statements run straight on `queryable` (a pool or one connection of it) — as
 * the app's own clients do; tests run the statements this way inside a transaction they roll back.
 */
export function pgRawClient(queryable: PgQueryable): RawClient {
  const client = {
    $queryRaw: <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      queryOnPg<T>(queryable, query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values)),
  };
  straight.set(client, () => queryable);
  return client as unknown as RawClient;
}

// ── Raw SQL straight on pg, with Prisma's values (issue 22, round 12) ─────────────────────────────
// `$queryRaw` costs ≈ 0.4–0.5 ms of the app's CPU per statement over pg's own (the request's
// serialisation to JSON and back, the query interpreter, the adapter, two passes of value
// conversion). Here the statement goes to the same pool with the same text and parameters as
// @prisma/adapter-pg sends them, and each column comes back as the JS value `$queryRaw` gives:
// int2/int4/float → number, int8/oid → bigint, numeric/money → Decimal, date/timestamp(tz)/time →
// Date (read as UTC, as the adapter does), json(b) → parsed, bytea → Uint8Array, text, enums and
// other types of the schema → string, arrays of these element by element. A column type Prisma
// refuses is refused here too. tests/integration/raw-pg.test.ts compares both paths value by value.

/** A parameter as Prisma serialises it for pg (client JSON round trip + the adapter's `mapArg`). */
function pgParam(value: unknown): unknown {
  if (!Array.isArray(value)) return pgValue(value, "scalar");
  // A list is typed by its first element: a list of dates is sent as dates, anything else as is.
  return value.map((v) => pgValue(v, value[0] instanceof Date ? "dates" : "list"));
}

function pgValue(v: unknown, within: "scalar" | "dates" | "list"): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime()))
      throw new Prisma.PrismaClientValidationError("Provided Date object is invalid", {
        clientVersion: Prisma.prismaVersion.client,
      });
    return within === "list" ? v.toJSON() : utcDateTime(v);
  }
  switch (typeof v) {
    case "string":
      return within === "dates" ? utcDateTime(new Date(v)) : v;
    case "number":
      return Number.isFinite(v) ? v : null;
    case "bigint":
      return v.toString();
    case "boolean":
      return v;
  }
  if (Prisma.Decimal.isDecimal(v)) return v.toJSON();
  if (ArrayBuffer.isView(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (Array.isArray(v)) return v.map((x) => pgValue(x, within === "scalar" ? "list" : within));
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x));
}

/** @prisma/adapter-pg's `formatDateTime`: the instant's UTC wall clock, no zone. */
function utcDateTime(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  const ms = d.getUTCMilliseconds();
  return (
    `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ` +
    `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}${ms ? `.${p(ms, 3)}` : ""}`
  );
}

type Parse = (text: string) => unknown;
const pgParser = (oid: number) => pg.types.getTypeParser(oid, "text") as Parse;
const textArray = pgParser(1009);
const each =
  (parse: Parse): Parse =>
  (text) =>
    (textArray(text) as (string | null)[]).map((v) => (v === null ? null : parse(v)));
const ZONE = /[+-]\d{2}(:\d{2})?$/;
const timestamp: Parse = (t) => new Date(`${t.replace(" ", "T")}+00:00`);
const timestamptz: Parse = (t) => new Date(t.replace(" ", "T").replace(ZONE, "+00:00"));
const time: Parse = (t) => new Date(`1970-01-01T${t}Z`);
const decimal: Parse = (t) => new Prisma.Decimal(t);
const bytes: Parse = (t) => new Uint8Array(pgParser(17)(t) as Buffer);
const oid: Parse = (t) => BigInt(Number.parseInt(t, 10));

/** Column types whose value is Prisma's own conversion (the rest Prisma reads with pg's parser). */
const PARSE: Record<number, Parse> = {
  20: (t) => BigInt(t), // int8
  26: oid,
  1700: decimal, // numeric
  790: (t) => decimal(t.slice(1)), // money
  1082: (t) => new Date(t), // date
  1083: time,
  1266: (t) => time(t.replace(ZONE, "")), // timetz
  1114: timestamp,
  1184: timestamptz,
  17: bytes,
  114: (t) => JSON.parse(t) as unknown, // json
  3802: (t) => JSON.parse(t) as unknown, // jsonb
  1016: each((t) => BigInt(t)), // int8[]
  1028: each(oid),
  1231: each(decimal), // numeric[]
  791: each((t) => decimal(t.slice(1))), // money[]
  1182: each((t) => new Date(t)), // date[]
  1183: each(time),
  1115: each(timestamp),
  1185: each(timestamptz),
  199: each((t) => JSON.parse(t) as unknown), // json[]
  3807: each((t) => JSON.parse(t) as unknown), // jsonb[]
  1001: (t) => (pgParser(1001)(t) as (Buffer | null)[]).map((b) => (b === null ? null : new Uint8Array(b))),
  1561: textArray, // bit[]
  1563: textArray, // varbit[]
  143: textArray, // xml[]
};
/** Types @prisma/adapter-pg reads with pg's own parser (text, bool, int2/4, float4/8, uuid, their arrays…). */
const PG_OWN = new Set([
  16, 19, 21, 23, 25, 142, 650, 700, 701, 869, 1042, 1043, 1560, 1562, 2950, 1000, 1002, 1005, 1007, 1009, 1014, 1015,
  1021, 1022, 1041, 651, 2951,
]);
/** The first oid of the database's own types (enums, domains…): text, as the adapter reads them. */
const FIRST_NORMAL_OBJECT_ID = 16384;

const TYPES = {
  getTypeParser: (oid: number): Parse => {
    const own = PARSE[oid];
    if (own) return own;
    if (PG_OWN.has(oid)) return pgParser(oid);
    return (t) => t;
  },
};

// ── Named prepared statements (issue 22, round 13) ───────────────────────────────────────────────
// An unnamed statement is parsed, analysed and planned by PostgreSQL at every execution — about half
// of a grid or diary request's database time (round 11's EXPLAIN). A named one is parsed once per
// connection (pg remembers which names each connection holds) and PostgreSQL keeps its plan: custom
// plans for the first five executions, then the generic plan when it is not costlier
// (`plan_cache_mode` auto). The name is a hash of the exact text, so one name is always one text —
// in every copy of this module (Next bundles it into several chunks) and on every connection — and a
// registry on globalThis refuses a second text under a name already taken. Only the first
// DATABASE_NAMED_STATEMENTS distinct texts of the process (200) get names, so texts that vary (a list
// expanded into `$1 … $n`) cannot grow every backend's statement cache without bound — a named
// statement keeps ≈ 150 bytes of a backend's memory per character of its text (its parse trees and
// generic plan: 12 KB for AccessVersion's read, ≈ 1 MB for the diary week's; bench/plans.ts); the rest, and
// everything with DATABASE_NAMED_STATEMENTS=0 (a PgBouncer in transaction mode older than 1.21, or
// without `max_prepared_statements`), stay unnamed.

const DEFAULT_NAMED_STATEMENTS = 200;

type StatementNames = {
  readonly max: number;
  /** Text → its name, or "" for a text that stays unnamed (a hash taken, a plan that changed type). */
  readonly byText: Map<string, string>;
  readonly taken: Set<string>;
};

function statementNames(): StatementNames {
  if (holder.__ejournalStatementNames) return holder.__ejournalStatementNames;
  const raw = process.env.DATABASE_NAMED_STATEMENTS?.trim();
  const n = raw ? Number(raw) : DEFAULT_NAMED_STATEMENTS;
  const max = Number.isInteger(n) && n >= 0 ? n : DEFAULT_NAMED_STATEMENTS;
  return (holder.__ejournalStatementNames = { max, byText: new Map(), taken: new Set() });
}

/** Forgets every name given (tests: a new DATABASE_NAMED_STATEMENTS takes effect). */
export function resetStatementNames(): void {
  holder.__ejournalStatementNames = undefined;
}

/** The prepared statement's name for `text`, or undefined when it goes unnamed (see above). */
export function statementName(text: string): string | undefined {
  const names = statementNames();
  const known = names.byText.get(text);
  if (known !== undefined) return known || undefined;
  if (names.byText.size >= names.max) return undefined;
  const name = `ej_${createHash("sha256").update(text).digest("base64url").slice(0, 40)}`;
  // A hash already given to another text (never seen in practice): this text stays unnamed.
  names.byText.set(text, names.taken.has(name) ? "" : name);
  names.taken.add(name);
  return names.byText.get(text) || undefined;
}

/**
 * PostgreSQL refuses to run a prepared statement whose result columns changed type since it was
 * prepared (a migration altered a column it returns): its text then goes unnamed in this process.
 * The error comes when the statement is bound, before it runs, so running it again is safe.
 */
function resultTypeChanged(e: unknown): boolean {
  const { code, message } = e as { code?: unknown; message?: unknown };
  return code === "0A000" && typeof message === "string" && message.includes("cached plan must not change result type");
}

/**
 * Runs `query` on pg and gives its rows as `$queryRaw` would. `Prisma.Sql#text` joins the fragments
 * anew at every read: it is read once, and that one string is both the name's key and the text pg
 * checks against the name (issue 22, round 15: a 12 KB text of 200 fragments, read and looked up
 * twice, 41 µs; once, 33 µs — bench/notes.md).
 */
async function queryOnPg<T>(queryable: PgQueryable, query: Prisma.Sql): Promise<T[]> {
  let result: pg.QueryArrayResult;
  const values = query.values.map(pgParam);
  const text = query.text;
  const name = statementName(text);
  const send = (named: string | undefined) =>
    queryable.query({ name: named, text, values, rowMode: "array", types: TYPES });
  try {
    try {
      result = await send(name);
    } catch (e) {
      if (!name || !resultTypeChanged(e)) throw e;
      statementNames().byText.set(text, "");
      result = await send(undefined);
    }
  } catch (e) {
    throw rawQueryFailed(e);
  }
  const names = result.fields.map((f) => f.name);
  for (const f of result.fields) {
    const id = f.dataTypeID;
    if (!(id in PARSE) && !PG_OWN.has(id) && id < FIRST_NORMAL_OBJECT_ID)
      throw rawQueryFailed(new Error(`Unsupported column type ${id}`));
  }
  return result.rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) out[names[i]] = row[i];
    return out as T;
  });
}

/** A failed statement as `$queryRaw` reports it (P2010 with the database's code and message). */
function rawQueryFailed(e: unknown): Error {
  const { code, message } = e as { code?: unknown; message?: unknown };
  const original = typeof code === "string" ? code : "N/A";
  const text = typeof message === "string" ? message : String(e);
  return new Prisma.PrismaClientKnownRequestError(`Raw query failed. Code: \`${original}\`. Message: \`${text}\``, {
    code: "P2010",
    clientVersion: Prisma.prismaVersion.client,
    meta: { code: original, message: text },
  });
}
