// The embedded PostgreSQL server for tests (.data/test-pg, its own port) and
// the migrated template database `ej_template`. Free of vitest imports, so
// other runners (tests/e2e/run.ts) can use it too.
import { randomBytes } from "node:crypto";
import { startEmbedded, type EmbeddedServer } from "../../prisma/tools/embedded";
import { applyMigrations } from "../../prisma/tools/migrate-runner";
import { TEST_PG_DIR, TEST_PG_PORT } from "../../prisma/tools/paths";
import { createDatabase, dropDatabase, quoteIdent, withClient, withDatabase } from "../../prisma/tools/pg-util";

/** Template every test database is copied from (freshly migrated per run). */
export const TEMPLATE_DB = "ej_template";

export interface TestServer {
  /** false when another live process runs the server (e.g. a parallel test run). */
  owned: boolean;
  /** Connection string for database `db` on the test server. */
  baseUrl(db: string): string;
  /** Stops the server (if this process started it); idempotent. */
  stop(): Promise<void>;
}

let current: Promise<EmbeddedServer> | undefined;

function log(s: string): void {
  if (process.env.TEST_PG_VERBOSE) console.log(`[test-pg] ${s}`);
}

/** Starts (or joins) the test server in .data/test-pg. */
export async function startTestServer(): Promise<TestServer> {
  const pending = (current ??= startEmbedded({
    dataDir: TEST_PG_DIR,
    port: TEST_PG_PORT,
    durable: false,
    log,
  }));
  let server: EmbeddedServer;
  try {
    server = await pending;
  } catch (e) {
    current = undefined;
    throw e;
  }
  return {
    owned: server.owned,
    baseUrl: (db) => server.url(db),
    stop: async () => {
      if (current === pending) current = undefined;
      await server.stop();
    },
  };
}

async function server(): Promise<EmbeddedServer> {
  if (!current) await startTestServer();
  if (!current) throw new Error("test server is not running");
  return current;
}

/** Drops `name` if present, creates it empty and applies all migrations. */
export async function createMigratedDatabase(name: string): Promise<string> {
  const base = (await server()).url("postgres");
  await dropDatabase(base, name);
  const url = await createDatabase(base, name);
  await applyMigrations(url);
  return url;
}

/**
 * Recreates `ej_template` from the current migrations; with `dropStale`, also
 * removes test databases left behind by earlier (killed) runs. Returns the
 * maintenance URL of the server.
 */
export async function prepareTemplate(baseUrl: string, dropStale: boolean): Promise<string> {
  const base = withDatabase(baseUrl, "postgres");
  if (dropStale) await dropStaleDatabases(base);
  await dropDatabase(base, TEMPLATE_DB);
  const url = await createDatabase(base, TEMPLATE_DB);
  await applyMigrations(url);
  return base;
}

async function dropStaleDatabases(base: string): Promise<void> {
  await withClient(base, async (c) => {
    const stale = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 't\\_%' OR datname LIKE 'ej\\_shadow\\_%'`,
    );
    for (const { datname } of stale.rows) {
      await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  });
}

/** Creates `t_<random>` as a copy of the template on the server of `baseUrl`. */
export async function createDatabaseFromTemplate(baseUrl: string): Promise<string> {
  const name = `t_${randomBytes(8).toString("hex")}`;
  return createDatabase(baseUrl, name, TEMPLATE_DB);
}
