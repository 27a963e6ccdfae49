// Backup and restore of the whole database (ARC-3). Two formats, told apart by their first bytes:
// - PostgreSQL's own custom format (pg_dump -Fc / pg_restore) when pg_dump is on PATH or in
//   /usr/lib/postgresql/<version>/bin (Debian's postgresql-client);
// - a built-in logical dump needing only Node and `pg`: gzip'd JSON lines — a header with the
//   applied migrations, then every table's rows in batches (row_to_json), read in one
//   REPEATABLE READ snapshot. Restore rebuilds the schema from those migrations and loads the
//   rows with json_populate_recordset, then moves every sequence past its column's maximum.
// Restore replaces the schema `public` of the target database; it refuses a target that holds
// data unless `force` is given.
import { execFile } from "node:child_process";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { copyFile, mkdtemp, open, readdir, rm, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import readline from "node:readline";
import { promisify } from "node:util";
import { createGunzip, createGzip } from "node:zlib";
import { once } from "node:events";
import pg from "pg";
import { applyMigrations } from "./migrate-runner";
import { MIGRATIONS_DIR } from "./paths";
import { quoteIdent, withClient } from "./pg-util";

const run = promisify(execFile);
export const BUILTIN_FORMAT = "ejournal-backup/1";
const BATCH = 500;

export type BackupMethod = "pg_dump" | "builtin";

/** pg_dump / pg_restore from PATH or the newest /usr/lib/postgresql/<v>/bin; null when absent. */
export async function findPgTool(name: "pg_dump" | "pg_restore"): Promise<string | null> {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return null;
  const versions = (await readdir(base)).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(path.join(base, v, "bin", name))) return path.join(base, v, "bin", name);
  return null;
}

/** libpq refuses Prisma's own query parameters (e.g. ?schema=public). */
function libpqUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.delete("schema");
  u.searchParams.delete("connection_limit");
  u.searchParams.delete("pool_timeout");
  return u.toString();
}

/** Base tables of `public` (without _prisma_migrations), parents before the tables that refer to them. */
async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const tables = (
    await client.query<{ t: string }>(
      `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    )
  ).rows.map((r) => r.t);
  const edges = (
    await client.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
    )
  ).rows;
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return;
    path.add(t);
    for (const p of parents.get(t) ?? []) visit(p, path);
    path.delete(t);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

async function writeLine(out: NodeJS.WritableStream, value: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, "drain");
}

/** The built-in dump of `url` into `file`. */
export async function builtinDump(url: string, file: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
      const migrations = (
        await client.query<{ migration_name: string }>(
          `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
        )
      ).rows.map((r) => r.migration_name);
      const tables = await tablesInOrder(client);
      const gzip = createGzip();
      const sink = createWriteStream(file);
      gzip.pipe(sink);
      await writeLine(gzip, { format: BUILTIN_FORMAT, createdAt: new Date().toISOString(), migrations, tables });
      for (const table of tables) {
        await client.query(
          `DECLARE dump_cursor NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quoteIdent(table)} t`,
        );
        for (;;) {
          const { rows } = await client.query<{ j: string }>(`FETCH ${BATCH} FROM dump_cursor`);
          if (rows.length === 0) break;
          // Rows stay JSON text, joined into an array without parsing (bigints, decimals intact).
          if (!gzip.write(`{"table":${JSON.stringify(table)},"rows":[${rows.map((r) => r.j).join(",")}]}\n`))
            await once(gzip, "drain");
        }
        await client.query("CLOSE dump_cursor");
      }
      gzip.end();
      await once(sink, "finish");
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    }
  });
}

/** Rows in any table of `public` except the migrations table? */
export async function holdsData(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const tables = (
      await client.query<{ t: string }>(
        `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
      )
    ).rows;
    for (const { t } of tables) {
      const r = await client.query(`SELECT 1 FROM ${quoteIdent(t)} LIMIT 1`);
      if (r.rowCount) return true;
    }
    return false;
  });
}

async function resetSchema(url: string): Promise<void> {
  await withClient(url, (c) => c.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public"));
}

async function readHeaderBytes(file: string): Promise<Buffer> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.alloc(5);
    await fh.read(buf, 0, 5, 0);
    return buf;
  } finally {
    await fh.close();
  }
}

/** Which format a backup file is in (null: neither). */
export async function detectFormat(file: string): Promise<BackupMethod | null> {
  const head = await readHeaderBytes(file);
  if (head.toString("latin1") === "PGDMP") return "pg_dump";
  if (head[0] === 0x1f && head[1] === 0x8b) return "builtin";
  return null;
}

async function builtinRestore(url: string, file: string): Promise<void> {
  const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = first.done ? null : (JSON.parse(first.value) as { format?: string; migrations?: string[] });
  if (!header || header.format !== BUILTIN_FORMAT || !Array.isArray(header.migrations))
    throw new Error("Файл не является резервной копией этой системы");
  // The schema is rebuilt from exactly the migrations the backup was taken at.
  const dir = await mkdtemp(path.join(tmpdir(), "ej-restore-"));
  try {
    for (const name of header.migrations) {
      const source = path.join(MIGRATIONS_DIR, name, "migration.sql");
      if (!existsSync(source))
        throw new Error(
          `В этой версии программы нет миграции ${name}: восстановите копию той версией, которой она сделана`,
        );
      await mkdir(path.join(dir, name));
      await copyFile(source, path.join(dir, name, "migration.sql"));
    }
    await resetSchema(url);
    await applyMigrations(url, () => undefined, { migrationsDir: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  await withClient(url, async (client) => {
    await client.query("BEGIN");
    try {
      // Superusers skip FK triggers while loading; others rely on the parents-first order.
      await client.query("SAVEPOINT replica");
      await client
        .query(`SET LOCAL session_replication_role = replica`)
        .catch(async () => client.query("ROLLBACK TO SAVEPOINT replica"));
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (!next.value.trim()) continue;
        const start = next.value.indexOf(',"rows":');
        const table = JSON.parse(next.value.slice('{"table":'.length, start)) as string;
        const rows = next.value.slice(start + ',"rows":'.length, -1);
        await client.query(
          `INSERT INTO ${quoteIdent(table)} SELECT * FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`,
          [rows],
        );
      }
      const serials = (
        await client.query<{ t: string; c: string; s: string }>(
          `SELECT c.table_name AS t, c.column_name AS c, pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS s
           FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.column_default LIKE 'nextval(%'`,
        )
      ).rows;
      for (const { t, c, s } of serials) {
        if (!s) continue;
        await client.query(
          `SELECT setval($1, COALESCE((SELECT max(${quoteIdent(c)}) FROM ${quoteIdent(t)}), 1), (SELECT max(${quoteIdent(c)}) FROM ${quoteIdent(t)}) IS NOT NULL)`,
          [s],
        );
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    }
  });
}

export type BackupOptions = { method?: BackupMethod | "auto" };

/** Backs up `url` into `file`; pg_dump when available (or asked for), else the built-in dump. */
export async function backupDatabase(url: string, file: string, options: BackupOptions = {}): Promise<BackupMethod> {
  const want = options.method ?? "auto";
  const pgDump = want === "builtin" ? null : await findPgTool("pg_dump");
  if (want === "pg_dump" && !pgDump)
    throw new Error("pg_dump не найден: установите postgresql-client или используйте встроенный формат");
  if (pgDump) {
    await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", libpqUrl(url)], {
      maxBuffer: 16 * 1024 * 1024,
    });
    return "pg_dump";
  }
  await builtinDump(url, file);
  return "builtin";
}

/** Restores `file` into `url`, replacing its schema `public`; refuses a database with data unless forced. */
export async function restoreDatabase(
  url: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupMethod> {
  if (!existsSync(file)) throw new Error(`Файл не найден: ${file}`);
  const format = await detectFormat(file);
  if (!format) throw new Error("Файл не является резервной копией (ни формат pg_dump, ни встроенный)");
  if (!options.force && (await holdsData(url))) {
    throw new Error("В базе уже есть данные. Восстановление заменит их: повторите с --force");
  }
  if (format === "builtin") {
    await builtinRestore(url, file);
    return "builtin";
  }
  const pgRestore = await findPgTool("pg_restore");
  if (!pgRestore)
    throw new Error("Копия сделана pg_dump; для восстановления нужен pg_restore (пакет postgresql-client)");
  await resetSchema(url);
  await run(
    pgRestore,
    [
      "--clean",
      "--if-exists",
      "--no-owner",
      "--no-privileges",
      "--single-transaction",
      "--exit-on-error",
      "--dbname",
      libpqUrl(url),
      file,
    ],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return "pg_dump";
}
