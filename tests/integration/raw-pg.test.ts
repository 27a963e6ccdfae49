// Issue 22 (round 12): `rawStatement(...).run(client, …)` sends a statement on the app's own
// clients straight to pg — the pool Prisma's adapter uses — instead of through `$queryRaw`, and
// keeps it in Prisma on a transaction (same connection) and inside a batch `$transaction([...])`.
// The rows must be the very JS values `$queryRaw` gives and the parameters must reach PostgreSQL as
// Prisma sends them: each statement below runs both ways and the results are compared value by value
// (the process runs in Asia/Vladivostok, so a date sent or read in local time would differ).
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { col } from "@/lib/sql";
import pg from "pg";
import {
  db,
  disconnectDb,
  getDb,
  pgRawClient,
  rawStatement,
  readDb,
  replicaReader,
  resetStatementNames,
  statementName,
} from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";

const INSTANT = new Date("2026-11-23T19:45:06.789Z");
const WHOLE = new Date("2026-11-23T00:00:00Z");

/** Every column type Prisma reads, with NULLs and arrays, from parameters of every kind. */
const EVERY_TYPE = (
  n: number,
  big: bigint,
  at: Date,
  day: Date,
  text: string,
  flag: boolean,
  json: object,
  dec: Prisma.Decimal,
  ids: readonly number[],
  days: readonly Date[],
) => Prisma.sql`
  SELECT ${n}::int2 AS i2, ${n}::int4 AS i4, ${big}::int8 AS i8, 26::oid AS o, 1.5::float4 AS f4, ${n}::float8 / 3 AS f8,
         ${dec}::numeric AS num, '12.34'::money AS m, ${flag} AS b,
         ${day}::date AS d, ${at}::timestamp AS ts, ${at}::timestamptz AS tstz, (${at}::timestamptz)::text AS tstz_text,
         ${at}::timestamp::text AS ts_text, '10:11:12.5'::time AS t, '10:11:12+03'::timetz AS ttz,
         ${json}::jsonb AS jb, ${json}::json AS j, 'null'::jsonb AS jnull,
         ${text} AS txt, ${text}::varchar(40) AS vc, 'ab'::char(4) AS bp, 'pg_class'::name AS nm,
         '6c5b2b9e-3b4c-4c1e-9a57-0a0b0c0d0e0f'::uuid AS u, '\\x0102ff'::bytea AS by, '192.168.0.1'::inet AS ip,
         'TEACHER'::"Role" AS role, ARRAY['TEACHER','ADMIN']::"Role"[] AS roles,
         ${ids}::int[] AS ids, ARRAY[1, NULL, 3]::int2[] AS i2s, ARRAY[${big}, NULL]::int8[] AS i8s,
         ARRAY['1.10', NULL]::numeric[] AS nums, ARRAY[1.5, NULL]::float8[] AS f8s, ARRAY[true, NULL] AS bs,
         ARRAY['a,b', 'c"d', NULL, 'NULL']::text[] AS texts, ${days}::date[] AS ds, ${days}::timestamp[] AS tss,
         ${days}::timestamptz[] AS tstzs, ARRAY['{"a":1}', NULL]::jsonb[] AS jbs, ARRAY['10:00:00']::time[] AS times,
         ARRAY['6c5b2b9e-3b4c-4c1e-9a57-0a0b0c0d0e0f']::uuid[] AS us, ARRAY['\\x01'::bytea] AS bys,
         NULL::int AS nothing, NULL::timestamp AS no_time, NULL::jsonb AS no_json,
         json_build_object('at', ${at}::timestamp, 'n', ${n}::int) AS built,
         (SELECT json_agg(x) FROM unnest(${ids}::int[]) x) AS agg`;

const ARGS = [
  7,
  9_007_199_254_740_993n,
  INSTANT,
  WHOLE,
  "Ёлка «тест»",
  true,
  { a: [1, "б"], when: INSTANT, deep: { n: null } },
  new Prisma.Decimal("123456789.0123456789"),
  [3, 1, 2],
  [WHOLE, INSTANT],
] as const;

// The shape is not what this file checks (raw-sql.test.ts does that per statement): any columns.
const ANY_ROW = rawStatement({}, EVERY_TYPE);
const TXID = rawStatement({ x: col.bigint }, () => Prisma.sql`SELECT txid_current() AS x`);
const SETTING = rawStatement({ name: col.text }, () => Prisma.sql`SELECT current_setting('application_name') AS name`);

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  delete process.env.DATABASE_REPLICA_URL;
  await disconnectDb();
});

describe("raw statements straight on pg (issue 22, round 12)", () => {
  it("give the very values $queryRaw gives, for every column type and parameter kind", async () => {
    const viaPrisma = await db.$queryRaw<Record<string, unknown>[]>(EVERY_TYPE(...ARGS));
    const viaPg = (await ANY_ROW.run(db, ...ARGS)) as Record<string, unknown>[];
    expect(viaPg).toEqual(viaPrisma);
    const [row] = viaPg;
    // toEqual does not tell a Decimal from an equal-looking object, nor a bigint's origin: check the kinds.
    expect(Object.keys(row)).toEqual(Object.keys(viaPrisma[0]));
    for (const [key, value] of Object.entries(row)) {
      const theirs = viaPrisma[0][key];
      expect(Object.prototype.toString.call(value), key).toBe(Object.prototype.toString.call(theirs));
      expect((value as object | null)?.constructor, key).toBe((theirs as object | null)?.constructor);
    }
    expect(row.i8).toBe(9_007_199_254_740_993n);
    expect(Prisma.Decimal.isDecimal(row.num)).toBe(true);
    expect(row.ts).toEqual(INSTANT);
    expect(row.tstz).toEqual(INSTANT);
    expect(row.ds).toEqual([WHOLE, WHOLE]);
    expect(row.jb).toEqual({ a: [1, "б"], when: INSTANT.toISOString(), deep: { n: null } });
  });

  it("runs on the client's pool, not through $queryRaw, for db and readDb", async () => {
    const spy = vi.spyOn(getDb(), "$queryRaw");
    const rows = await ANY_ROW.run(db, ...ARGS);
    await ANY_ROW.run(readDb, ...ARGS);
    expect(rows).toHaveLength(1);
    expect(spy).not.toHaveBeenCalled();
  });

  it("reports a failed statement as $queryRaw does (P2010 with the database's code)", async () => {
    const BAD = rawStatement({ x: col.int }, () => Prisma.sql`SELECT 1 / ${0} AS x`);
    const theirs = await db.$queryRaw(BAD.sql()).catch((e: unknown) => e);
    const ours = await BAD.run(db).catch((e: unknown) => e);
    expect(ours).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect(theirs).toBeInstanceOf(Prisma.PrismaClientKnownRequestError);
    expect((ours as Prisma.PrismaClientKnownRequestError).code).toBe("P2010");
    expect((ours as Error).message).toContain("22012");
    expect((theirs as Error).message).toContain("22012");
  });

  it("is sent only when awaited, like a PrismaPromise", async () => {
    const WRITE = rawStatement(
      { n: col.int },
      () => Prisma.sql`INSERT INTO "Region" (name) VALUES ('raw-pg lazy') RETURNING 1 AS n`,
    );
    WRITE.run(db);
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.region.count({ where: { name: "raw-pg lazy" } })).toBe(0);
  });

  it("stays in an interactive transaction: a rolled-back transaction's statement sees its own write", async () => {
    const NAMED = rawStatement(
      { n: col.int },
      (name: string) => Prisma.sql`SELECT count(*)::int AS n FROM "Region" WHERE name = ${name}`,
    );
    let seen = -1;
    await db
      .$transaction(async (tx) => {
        await tx.region.create({ data: { name: "raw-pg uncommitted" } });
        [{ n: seen }] = await NAMED.run(tx, "raw-pg uncommitted");
        throw new Error("rollback");
      })
      .catch(() => undefined);
    expect(seen).toBe(1);
    expect((await NAMED.run(db, "raw-pg uncommitted"))[0].n).toBe(0);
  });

  it("runs in a batch $transaction([...]) as part of it (one transaction id)", async () => {
    const [mine, theirs] = await db.$transaction([TXID.run(db), db.$queryRaw<{ x: bigint }[]>(TXID.sql())]);
    expect(mine[0].x).toBe(theirs[0].x);
    // Outside a batch the two are separate transactions.
    const [a, b] = await Promise.all([TXID.run(db), TXID.run(db)]);
    expect(a[0].x).not.toBe(b[0].x);
  });

  it("works when another copy of lib/db made the client (Next.js bundles the module into several chunks)", async () => {
    const made = getDb();
    vi.resetModules();
    const copy = await import("@/lib/db");
    expect(copy.getDb()).toBe(made);
    const spy = vi.spyOn(made, "$queryRaw");
    const ONE = copy.rawStatement({ x: col.int }, () => Prisma.sql`SELECT 1 AS x`);
    expect(await ONE.run(copy.db)).toEqual([{ x: 1 }]);
    expect(await ONE.run(copy.readDb)).toEqual([{ x: 1 }]);
    expect(spy).not.toHaveBeenCalled();
  });

  it("sends the replica reader's statements to the replica's pool", async () => {
    await disconnectDb();
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set("application_name", "raw-pg-replica");
    process.env.DATABASE_REPLICA_URL = url.toString();
    const [onReplica] = await SETTING.run(replicaReader());
    const [onPrimary] = await SETTING.run(readDb);
    expect(onReplica.name).toBe("raw-pg-replica");
    expect(onPrimary.name).not.toBe("raw-pg-replica");
    delete process.env.DATABASE_REPLICA_URL;
    await disconnectDb();
  });
});

// Issue 22 (round 13): on the pg path a statement is a named prepared statement — parsed once per
// connection, its plan kept by PostgreSQL — named by a hash of its exact text, for at most
// DATABASE_NAMED_STATEMENTS distinct texts per process.
describe("named prepared statements on the pg path (issue 22, round 13)", () => {
  const BY_NAME = rawStatement(
    { id: col.int, name: col.text },
    (name: string) => Prisma.sql`SELECT id, name FROM "Region" WHERE name = ${name} ORDER BY id`,
  );
  const PREPARED = `SELECT name, statement, generic_plans + custom_plans AS runs
                      FROM pg_prepared_statements WHERE name LIKE 'ej\\_%' ORDER BY statement`;

  /** A connection of its own, so that the statements it holds can be listed. */
  async function connection(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return client;
  }

  afterEach(() => {
    delete process.env.DATABASE_NAMED_STATEMENTS;
    resetStatementNames();
  });

  it("is parsed once on a connection and reused: the same rows as $queryRaw at every execution", async () => {
    await db.region.createMany({ data: [{ name: "raw-pg named А" }, { name: "raw-pg named Б" }] });
    const client = await connection();
    try {
      const raw = pgRawClient(client);
      for (let i = 0; i < 7; i++) {
        const name = i % 2 ? "raw-pg named А" : "raw-pg named Б";
        expect(await BY_NAME.run(raw, name)).toEqual(await db.$queryRaw(BY_NAME.sql(name)));
      }
      const { rows } = await client.query(PREPARED);
      // One statement, prepared once under the name of its text and executed seven times.
      expect(rows).toEqual([
        { name: statementName(BY_NAME.sql("x").text), statement: BY_NAME.sql("x").text, runs: "7" },
      ]);
    } finally {
      await client.end();
    }
  });

  it("builds a statement's text once per execution (Prisma.Sql joins its fragments at every read; issue 22)", async () => {
    const sql = BY_NAME.sql("raw-pg text once");
    let reads = 0;
    const counted = Object.create(sql, {
      text: {
        get: () => {
          reads++;
          return sql.text;
        },
      },
    }) as Prisma.Sql;
    const client = await connection();
    try {
      expect(await pgRawClient(client).$queryRaw(counted)).toEqual([]);
      expect(reads).toBe(1);
    } finally {
      await client.end();
    }
  });

  it("gives one name to one text and different names to different texts, in every copy of the module", async () => {
    const a = BY_NAME.sql("x").text;
    const b = TXID.sql().text;
    expect(statementName(a)).toMatch(/^ej_[\w-]{40}$/);
    expect(statementName(a)).toBe(statementName(`${a}`));
    expect(statementName(a)).not.toBe(statementName(b));
    vi.resetModules();
    const copy = await import("@/lib/db");
    expect(copy.statementName(a)).toBe(statementName(a));
    // Two texts one character apart on one connection: two statements, no «must be unique» error.
    const client = await connection();
    try {
      const raw = pgRawClient(client);
      const ONE = rawStatement({ x: col.int }, () => Prisma.sql`SELECT 1 AS x`);
      const TWO = rawStatement({ x: col.int }, () => Prisma.sql`SELECT 2 AS x`);
      expect([await ONE.run(raw), await TWO.run(raw), await ONE.run(raw)]).toEqual([
        [{ x: 1 }],
        [{ x: 2 }],
        [{ x: 1 }],
      ]);
      const { rows } = await client.query<{ name: string; statement: string }>(PREPARED);
      expect(rows.map((r) => r.statement)).toEqual(["SELECT 1 AS x", "SELECT 2 AS x"]);
      expect(new Set(rows.map((r) => r.name)).size).toBe(2);
    } finally {
      await client.end();
    }
  });

  it("names at most DATABASE_NAMED_STATEMENTS texts per process; the rest run unnamed with the same rows", async () => {
    process.env.DATABASE_NAMED_STATEMENTS = "3";
    resetStatementNames();
    const client = await connection();
    try {
      const raw = pgRawClient(client);
      for (let round = 0; round < 2; round++)
        for (let n = 1; n <= 5; n++) {
          const N = rawStatement(
            { x: col.int },
            () => Prisma.sql`SELECT ${n}::int + ${round} AS x${Prisma.raw(` -- ${n}`)}`,
          );
          expect(await N.run(raw)).toEqual([{ x: n + round }]);
        }
      const { rows } = await client.query<{ statement: string; runs: string }>(PREPARED);
      expect(rows.map((r) => [r.statement.slice(-4), r.runs])).toEqual([
        ["-- 1", "2"],
        ["-- 2", "2"],
        ["-- 3", "2"],
      ]);
      expect(statementName("SELECT 4")).toBeUndefined();
      // 0 turns naming off (a PgBouncer without prepared-statement support).
      process.env.DATABASE_NAMED_STATEMENTS = "0";
      resetStatementNames();
      expect(statementName("SELECT 1 AS x")).toBeUndefined();
    } finally {
      await client.end();
    }
  });

  it("runs a statement whose result column changed type after it was prepared (a migration) unnamed", async () => {
    await db.$executeRawUnsafe(`CREATE TABLE "RawPgRetype" (x int)`);
    await db.$executeRawUnsafe(`INSERT INTO "RawPgRetype" VALUES (41)`);
    const X = rawStatement({ x: col.int }, () => Prisma.sql`SELECT x FROM "RawPgRetype"`);
    const client = await connection();
    try {
      const raw = pgRawClient(client);
      expect(await X.run(raw)).toEqual([{ x: 41 }]);
      expect(statementName(X.sql().text)).toBeDefined();
      await db.$executeRawUnsafe(`ALTER TABLE "RawPgRetype" ALTER COLUMN x TYPE int8`);
      expect(await X.run(raw)).toEqual([{ x: 41n }]);
      expect(statementName(X.sql().text)).toBeUndefined();
      expect(await X.run(raw)).toEqual([{ x: 41n }]);
    } finally {
      await client.end();
      await db.$executeRawUnsafe(`DROP TABLE "RawPgRetype"`);
    }
  });
});
