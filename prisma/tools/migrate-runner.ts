// Applies prisma/migrations/*/migration.sql without the Prisma CLI, keeping
// `_prisma_migrations` in Prisma's own format so `prisma migrate` stays
// compatible with databases migrated here.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { MIGRATIONS_DIR } from "./paths";

export interface MigrationFile {
  /** Directory name, e.g. `20250101120000_init`. */
  name: string;
  sql: string;
  /** sha256 (hex) of migration.sql, as Prisma computes it. */
  checksum: string;
}

export interface AppliedMigration {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Key of Prisma's own advisory lock, so we also exclude a concurrent `prisma migrate`. */
const ADVISORY_LOCK_KEY = 72707369;

/** Prisma's DDL for the migrations table on PostgreSQL (verbatim). */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A checksum matches the file as is, or with CRLF line ends normalised. */
function checksumMatches(file: MigrationFile, checksum: string): boolean {
  return checksum === file.checksum || checksum === sha256(file.sql.replace(/\r\n/g, "\n"));
}

/** Migration folders holding a migration.sql, in name order. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const sql = await fs.readFile(path.join(dir, name, "migration.sql"), "utf8").catch(() => null);
    if (sql !== null) files.push({ name, sql, checksum: sha256(sql) });
  }
  return files;
}

/** Rows of `_prisma_migrations` (empty when the table does not exist). */
export async function readAppliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return [];
  const r = await client.query<AppliedMigration>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at
       FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );
  return r.rows;
}

export interface ApplyOptions {
  migrationsDir?: string;
}

/**
 * Applies not yet applied migrations in name order, each in its own
 * transaction together with its `_prisma_migrations` row. Returns the names
 * applied now. Throws when an applied migration's file was edited or when the
 * table records a failed migration.
 */
export async function applyMigrations(
  databaseUrl: string,
  log: (s: string) => void = () => undefined,
  options: ApplyOptions = {},
): Promise<string[]> {
  const files = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      return await applyLocked(client, files, log);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function applyLocked(client: pg.Client, files: MigrationFile[], log: (s: string) => void): Promise<string[]> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
  if (!exists.rows[0]?.t) await client.query(CREATE_MIGRATIONS_TABLE);

  const rows = await readAppliedMigrations(client);
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed.length > 0) {
    throw new Error(
      `В базе есть незавершённые (упавшие) миграции: ${failed.map((r) => r.migration_name).join(", ")}. ` +
        "Исправьте базу вручную и пометьте их откатанными (rolled_back_at), затем повторите.",
    );
  }
  const applied = new Map<string, AppliedMigration>();
  for (const r of rows) if (r.rolled_back_at === null) applied.set(r.migration_name, r);

  const byName = new Map(files.map((f) => [f.name, f]));
  for (const r of applied.values()) {
    const file = byName.get(r.migration_name);
    if (!file) {
      log(`Внимание: миграция ${r.migration_name} применена к базе, но её нет в prisma/migrations`);
    } else if (!checksumMatches(file, r.checksum)) {
      throw new Error(
        `Миграция ${r.migration_name} уже применена к базе, но её файл migration.sql изменён ` +
          "(контрольная сумма не совпадает). Не редактируйте применённые миграции — создайте новую.",
      );
    }
  }

  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file.name)) continue;
    log(`Применяю миграцию ${file.name}…`);
    const id = randomUUID();
    await client.query("BEGIN");
    try {
      await client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, clock_timestamp(), 0)`,
        [id, file.checksum, file.name],
      );
      // Whole file as one simple-protocol query: multi-statement, $$ bodies intact.
      await client.query(file.sql);
      await client.query(
        `UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      const msg = e instanceof Error ? e.message : String(e);
      throw new Error(`Миграция ${file.name} не применена: ${msg}`, { cause: e });
    }
    done.push(file.name);
  }
  return done;
}
