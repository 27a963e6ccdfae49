// Helpers of the raw SQL statements ($queryRaw) beside lib/db.ts (issue 19 item 5): what every
// statement's rows need once, instead of a copy per data file. Pure; no client here.

/** json / json_agg columns arrive parsed or as text depending on the driver path. */
export function jsonArray<T>(value: unknown): T[] {
  const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}
