// `--orgs N`: copies the benchmark school N−1 times inside one database. Every tenant table has
// the composite key (organisationId, id), so a copy keeps every id and only changes
// organisationId — one INSERT … SELECT per table, foreign-key triggers off for the session
// (session_replication_role = replica, superuser), no id remapping at all.
import type pg from "pg";

/** Per-organisation history that a copy does not need (sign-ins, visits, the audit chain). */
const SKIPPED = new Set(["AuditEvent", "UserSession", "Visit"]);

async function tenantTables(sql: pg.ClientBase): Promise<Array<{ table: string; columns: string[] }>> {
  const r = await sql.query<{ table_name: string; cols: string[] }>(
    `SELECT c.table_name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS cols
     FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'organisationId')
     GROUP BY c.table_name ORDER BY c.table_name`,
  );
  return r.rows.filter((x) => !SKIPPED.has(x.table_name)).map((x) => ({ table: x.table_name, columns: x.cols }));
}

const q = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Copies organisation `sourceId` `copies` times; returns the new organisation ids. */
export async function cloneOrganisation(
  sql: pg.ClientBase,
  sourceId: number,
  copies: number,
  log: (s: string) => void,
): Promise<number[]> {
  const tables = await tenantTables(sql);
  const orgCols = (
    await sql.query<{ c: string }>(
      `SELECT column_name::text AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Organisation' AND column_name NOT IN ('id', 'name') ORDER BY ordinal_position`,
    )
  ).rows.map((r) => r.c);
  const ids: number[] = [];
  await sql.query("SET session_replication_role = replica");
  try {
    for (let k = 1; k <= copies; k++) {
      const started = Date.now();
      await sql.query("BEGIN");
      const org = await sql.query<{ id: number }>(
        `INSERT INTO "Organisation" (name, ${orgCols.map(q).join(", ")})
         SELECT name || ' — копия ' || $2::int, ${orgCols.map(q).join(", ")} FROM "Organisation" WHERE id = $1 RETURNING id`,
        [sourceId, k],
      );
      const newId = org.rows[0].id;
      for (const t of tables) {
        const cols = t.columns.map(q).join(", ");
        const select = t.columns.map((c) => (c === "organisationId" ? "$2::int" : q(c))).join(", ");
        await sql.query(
          `INSERT INTO ${q(t.table)} (${cols}) SELECT ${select} FROM ${q(t.table)} WHERE "organisationId" = $1`,
          [sourceId, newId],
        );
      }
      await sql.query("COMMIT");
      ids.push(newId);
      log(`  копия ${k}/${copies}: организация ${newId} за ${((Date.now() - started) / 1000).toFixed(1)} с`);
    }
  } catch (e) {
    await sql.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    await sql.query("SET session_replication_role = origin");
  }
  return ids;
}
