// The shapes of raw SQL rows beside lib/db.ts (issue 19 item 5): the column descriptors a
// statement's row shape is written with (`rawStatement` in lib/db.ts pairs a statement with it) and
// the json helper. Only zod here — the Prisma client is reached through lib/db.ts alone.
import { z } from "zod";

/** json / json_agg columns arrive parsed or as text depending on the driver path. */
export function jsonArray<T>(value: unknown): T[] {
  const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}

/**
 * A column-wise json column (issue 22 item 2): `json_build_array(array_to_json(array_agg(a)), …)` —
 * one array per column, not one json_build_array per row (PostgreSQL looks up each value's type for
 * each row of those; the app parses one array per column instead of one per row). Each column's
 * values in the rows' order; a column of no rows (array_agg's null) is empty.
 */
export function jsonColumns<T extends unknown[]>(value: unknown, width: T["length"]): { [K in keyof T]: T[K][] } {
  const columns = jsonArray<unknown[] | null>(value);
  return Array.from({ length: width }, (_, i) => columns[i] ?? []) as { [K in keyof T]: T[K][] };
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
