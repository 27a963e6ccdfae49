// The schema stays distributable by organisation (ACL-5, ARCHITECTURE "Data"): every tenant table
// carries organisationId, every primary key, unique constraint and index of a tenant table begins
// with it, and every foreign key between tenant tables includes it. Read from the migrated database.
import { describe, expect, it } from "vitest";
import pg from "pg";

/** Tables without organisationId by design: the tenant root and what precedes choosing one. */
const GLOBAL_TABLES = new Set([
  "Region",
  "Municipality",
  "Organisation",
  "SignInThrottle",
  "_prisma_migrations",
  ...AUTHORITY_TABLES(),
]);

/**
 * REG-1: the education-authority accounts belong to a territory, not to an organisation. They are
 * global only on the condition checked below: no foreign key from them reaches a tenant table (or
 * the tenant root), so no authority row leads to a person of an organisation. REG-2's background
 * territory reports (AuthorityReportJob) are an account's rows under the same condition.
 */
function AUTHORITY_TABLES(): string[] {
  return ["AuthorityUser", "AuthoritySession", "AuthorityEvent", "AuthorityReportJob"];
}

async function rows<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("tenant tables (ACL-5)", () => {
  it("carry organisationId, except the global tables", async () => {
    const tables = await rows<{ table: string; has: boolean }>(`
      SELECT c.relname AS table,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisationId') AS has
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'`);
    expect(tables.length).toBeGreaterThan(50);
    const missing = tables.filter((t) => !t.has && !GLOBAL_TABLES.has(t.table)).map((t) => t.table);
    expect(missing).toEqual([]);
  });

  it("begin every primary key, unique constraint and index with organisationId", async () => {
    const indexes = await rows<{ table: string; index: string; first: string }>(`
      SELECT t.relname AS table, i.relname AS index, a.attname AS first
        FROM pg_index x
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
       WHERE n.nspname = 'public'`);
    expect(indexes.length).toBeGreaterThan(100);
    const offending = indexes
      .filter((i) => !GLOBAL_TABLES.has(i.table) && i.first !== "organisationId")
      .map((i) => `${i.table}.${i.index}`);
    expect(offending).toEqual([]);
  });

  it("let the authority tables (REG-1) reference only territories and each other, never a tenant table", async () => {
    const fks = await rows<{ table: string; target: string }>(`
      SELECT t.relname AS table, r.relname AS target
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_class r ON r.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE c.contype = 'f' AND n.nspname = 'public'`);
    const authority = new Set(AUTHORITY_TABLES());
    const allowed = new Set(["Region", "Municipality", ...authority]);
    const outgoing = fks.filter((f) => authority.has(f.table));
    expect(outgoing.length).toBeGreaterThanOrEqual(6);
    // Each authority table that points anywhere is checked (the job table's three references among them).
    expect(new Set(outgoing.map((f) => f.table))).toEqual(
      new Set(["AuthorityUser", "AuthoritySession", "AuthorityReportJob"]),
    );
    expect(outgoing.filter((f) => !allowed.has(f.target))).toEqual([]);
    // And no tenant table points at an authority account (no personal row carries one).
    expect(fks.filter((f) => authority.has(f.target) && !authority.has(f.table))).toEqual([]);
  });

  it("include organisationId in every foreign key between tenant tables", async () => {
    const fks = await rows<{ table: string; name: string; target: string; cols: string[] }>(`
      SELECT t.relname AS table, c.conname AS name, r.relname AS target,
             ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k) AS cols
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_class r ON r.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE c.contype = 'f' AND n.nspname = 'public'`);
    expect(fks.length).toBeGreaterThan(100);
    const offending = fks
      .filter((f) => !GLOBAL_TABLES.has(f.table) && !GLOBAL_TABLES.has(f.target) && !f.cols.includes("organisationId"))
      .map((f) => f.name);
    expect(offending).toEqual([]);
  });
});
