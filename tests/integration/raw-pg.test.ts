// Issue 22 (round 12): `rawStatement(...).run(client, …)` sends a statement on the app's own
// clients straight to pg — the pool Prisma's adapter uses — instead of through `$queryRaw`, and
// keeps it in Prisma on a transaction (same connection) and inside a batch `$transaction([...])`.
// The rows must be the very JS values `$queryRaw` gives and the parameters must reach PostgreSQL as
// Prisma sends them: each statement below runs both ways and the results are compared value by value
// (the process runs in Asia/Vladivostok, so a date sent or read in local time would differ).
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { col } from "@/lib/sql";
import { db, disconnectDb, getDb, rawStatement, readDb, replicaReader } from "@/lib/db";
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
