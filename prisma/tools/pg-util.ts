// Small helpers around `pg` used by the database tools and test support.
import pg from "pg";

/** Returns `url` with its database name replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** Database name of a connection string. */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
}

/** Same URL with the password masked, for printing. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Opens one connection, runs `fn`, always closes the connection. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined); // errors surface through the awaited queries
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** True when a server answers `SELECT 1` at `url` within `timeoutMs`. */
export async function canConnect(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Connection string of the maintenance database `postgres` on the server of `url`. */
export function maintenanceUrl(url: string): string {
  return withDatabase(url, "postgres");
}

export async function databaseExists(url: string, name: string): Promise<boolean> {
  return withClient(maintenanceUrl(url), async (c) => {
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return (r.rowCount ?? 0) > 0;
  });
}

/** Creates database `name` on the server of `url` (optionally from a template). */
export async function createDatabase(url: string, name: string, template?: string): Promise<string> {
  const sql = `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`;
  await withClient(maintenanceUrl(url), (c) => c.query(sql));
  return withDatabase(url, name);
}

/** Creates database `name` unless it exists; returns its URL. */
export async function ensureDatabase(url: string, name: string): Promise<string> {
  if (!(await databaseExists(url, name))) {
    try {
      await createDatabase(url, name);
    } catch (e) {
      // A concurrent creator may have won the race.
      if (!(await databaseExists(url, name))) throw e;
    }
  }
  return withDatabase(url, name);
}

/** Drops database `name` (terminating its sessions) if it exists. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await withClient(maintenanceUrl(url), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}
