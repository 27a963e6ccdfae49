// Migrations stay in step with prisma/schema.prisma, are recorded exactly as
// Prisma records them, and the runner is idempotent, safe to run concurrently
// and refuses edited history.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "@/prisma/tools/migration-diff";
import { applyMigrations, readMigrations, sha256 } from "@/prisma/tools/migrate-runner";
import { withClient } from "@/prisma/tools/pg-util";
import { createTestDatabase, dropTestDatabase, testServerUrl } from "../support/db";

interface Row {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

const extraDatabases: string[] = [];
async function freshDatabase(): Promise<string> {
  const url = await createTestDatabase();
  extraDatabases.push(url);
  return url;
}
afterAll(async () => {
  await Promise.all(extraDatabases.map((u) => dropTestDatabase(u)));
});

async function emptyDatabase(): Promise<string> {
  const url = await freshDatabase();
  await withClient(url, async (c) => {
    await c.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  });
  return url;
}

describe("migrations", () => {
  it("match prisma/schema.prisma (run `npm run db:migrate -- --name <name>` if this fails)", async () => {
    const missing = await diffMigrationsToSchema(testServerUrl());
    expect(missing, `schema and migrations disagree; missing SQL:\n${missing ?? ""}`).toBeNull();
  });

  it("are recorded in _prisma_migrations with the files’ sha256", async () => {
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const rows = await withClient(process.env.DATABASE_URL ?? "", async (c) => {
      const r = await c.query<Row>("SELECT * FROM _prisma_migrations ORDER BY migration_name");
      return r.rows;
    });
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, row] of rows.entries()) {
      const file = files[i];
      expect(row.checksum).toBe(file ? sha256(file.sql) : "");
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("runner is idempotent", async () => {
    const url = process.env.DATABASE_URL ?? "";
    expect(await applyMigrations(url)).toEqual([]);
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("runner applies everything once, also when two runs race", async () => {
    const url = await emptyDatabase();
    const names = (await readMigrations()).map((f) => f.name);
    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect([...a, ...b].sort()).toEqual(names);
    const count = await withClient(url, async (c) => {
      const r = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations");
      return r.rows[0]?.n;
    });
    expect(count).toBe(names.length);
  });
});

describe("migration runner", () => {
  it("keeps $$ bodies intact and refuses an edited applied migration", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ej-migrations-"));
    try {
      const m1 = path.join(dir, "20000101000000_fn", "migration.sql");
      await fs.mkdir(path.dirname(m1));
      await fs.writeFile(
        m1,
        `CREATE TABLE t (v text);
CREATE FUNCTION trim_v() RETURNS trigger AS $$
BEGIN
  NEW.v := btrim(NEW.v);
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER t_trim BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trim_v();
`,
      );
      const url = await emptyDatabase();
      expect(await applyMigrations(url, undefined, { migrationsDir: dir })).toEqual(["20000101000000_fn"]);
      const v = await withClient(url, async (c) => {
        await c.query(`INSERT INTO t VALUES ('  x  ')`);
        return (await c.query<{ v: string }>("SELECT v FROM t")).rows[0]?.v;
      });
      expect(v).toBe("x");

      // A failing migration leaves no trace (own transaction).
      const m2 = path.join(dir, "20000102000000_bad", "migration.sql");
      await fs.mkdir(path.dirname(m2));
      await fs.writeFile(m2, "CREATE TABLE u (id int);\nSELECT * FROM no_such_table;\n");
      await expect(applyMigrations(url, undefined, { migrationsDir: dir })).rejects.toThrow(/20000102000000_bad/);
      const u = await withClient(url, async (c) => (await c.query(`SELECT to_regclass('u') AS r`)).rows[0]);
      expect(u).toEqual({ r: null });
      await fs.rm(path.dirname(m2), { recursive: true });

      await fs.appendFile(m1, "-- edited\n");
      await expect(applyMigrations(url, undefined, { migrationsDir: dir })).rejects.toThrow(/контрольная сумма/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("runs with the configured time zone", () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("Asia/Vladivostok");
  });
});
