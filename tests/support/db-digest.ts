// A digest of every table of the test database (one md5 per table), to prove a refused or bad
// request changed nothing: compare before and after. Tables the harness itself writes
// (UserSession: the sessions of signInAs) or that only count page views (Visit) are left out.
import pg from "pg";

const SKIP = new Set(["UserSession", "Visit", "_prisma_migrations"]);

export type Digest = Record<string, string>;

export async function dbDigest(url = process.env.DATABASE_URL!): Promise<Digest> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const out: Digest = {};
    for (const { tablename } of tables.rows) {
      if (SKIP.has(tablename)) continue;
      const r = await client.query<{ d: string | null }>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS d FROM "${tablename}" t`,
      );
      out[tablename] = r.rows[0].d ?? "empty";
    }
    return out;
  } finally {
    await client.end();
  }
}

/** Names of the tables whose digest differs. */
export function changedTables(before: Digest, after: Digest): string[] {
  return Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
}
