// The home of the raw SQL statements ($queryRaw) beside lib/db.ts (issue 19 item 5): what every
// statement needs once — the json helper, the UTC fragment, the replica reader — and `rawStatement`,
// which pairs a statement with the runtime shape of its rows. The row type the code sees is
// inferred from that shape (enums from Prisma's generated enums, not local unions), and
// tests/integration/raw-sql.test.ts runs every statement on the demo data and checks each returned
// column's name and runtime type against the same shape, so a column renamed or retyped in the SQL
// fails a test instead of reaching a page as `undefined`. The shape is not parsed at run time.
import { z } from "zod";
import { readDb } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";

/** json / json_agg columns arrive parsed or as text depending on the driver path. */
export function jsonArray<T>(value: unknown): T[] {
  const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

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

/** Column descriptors for the row shapes (zod; `col.int.nullable()` for a nullable column). */
export const col = {
  int: z.number().int(),
  float: z.number(),
  text: z.string(),
  bool: z.boolean(),
  /** timestamp / date columns: the driver returns Date. */
  date: z.date(),
  bigint: z.bigint(),
  /** A Prisma enum: `col.enum(PlanStatus)` (the column read as the enum or cast ::text). */
  enum: <const E extends Record<string, string>>(values: E) => z.enum(values),
  /** An array column (array_agg): `col.array(col.text)`. */
  array: <T extends z.ZodType>(item: T) => z.array(item),
  /** A json / json_agg column: null when nothing was aggregated; read it through jsonArray. */
  jsonArray: z.union([z.array(z.unknown()), z.string()]).nullable(),
  /** A json object column (json_build_object). */
  json: z.union([z.record(z.string(), z.unknown()), z.string()]).nullable(),
};

export type RawStatement<S extends z.ZodRawShape, A extends unknown[]> = {
  /** The rows' shape: exactly these columns, of these runtime types. */
  readonly shape: z.ZodObject<S, z.core.$strict>;
  readonly sql: (...args: A) => Prisma.Sql;
  readonly run: (client: RawClient, ...args: A) => Promise<z.infer<z.ZodObject<S, z.core.$strict>>[]>;
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
