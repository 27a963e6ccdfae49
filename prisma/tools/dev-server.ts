// Chooses the PostgreSQL server for the CLI tools: the one in DATABASE_URL,
// or else the embedded development server in .data/pg.
import pg from "pg";
import { startEmbedded, type EmbeddedServer } from "./embedded";
import { APP_DATABASE, DEV_PG_DIR, DEV_PG_PORT } from "./paths";
import { ensureDatabase } from "./pg-util";

export interface ResolvedServer {
  /** Application database URL (DATABASE_URL or the embedded `ejournal`). */
  databaseUrl: string;
  /** The embedded server, when one was started (null with DATABASE_URL). */
  embedded: EmbeddedServer | null;
  /** Stops the embedded server if it was started here; idempotent. */
  stop(): Promise<void>;
}

export async function resolveServer(log: (s: string) => void = console.log): Promise<ResolvedServer> {
  const fromEnv = process.env.DATABASE_URL?.trim();
  if (fromEnv) {
    return { databaseUrl: fromEnv, embedded: null, stop: async () => undefined };
  }
  const embedded = await startEmbedded({ dataDir: DEV_PG_DIR, port: DEV_PG_PORT, log });
  try {
    const databaseUrl = await ensureDatabase(embedded.url("postgres"), APP_DATABASE);
    return { databaseUrl, embedded, stop: () => embedded.stop() };
  } catch (e) {
    await embedded.stop();
    throw e;
  }
}

/** Runs `main`, stopping `cleanup` on SIGINT/SIGTERM and on completion. */
export function runCli(main: () => Promise<number | void>, cleanup: () => Promise<void> = async () => undefined): void {
  let exiting = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (exiting) return;
    exiting = true;
    void cleanup().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  main()
    .then((code) => code ?? 0)
    .catch((e: unknown) => {
      const verbose = Boolean(process.env.DEBUG);
      console.error(e instanceof Error ? (verbose ? (e.stack ?? e.message) : `Ошибка: ${e.message}`) : String(e));
      return 1;
    })
    .then(async (code) => {
      await cleanup().catch(() => undefined);
      process.exit(code);
    });
}

/**
 * A check over the database (DATABASE_URL or the embedded dev one): `check` gets a connected pg client
 * (DATABASE_URL is set first, so lib/db, imported inside it, connects to the same database) and returns
 * how many problems it found; the exit code is 1 when any, else 0. The client and lib/db are closed and
 * an embedded server stopped whatever happens (`npm run audit:verify`, `npm run archive:verify`).
 */
export function runDatabaseCheck(check: (client: pg.Client) => Promise<number>): void {
  let server: ResolvedServer | undefined;
  const main = async () => {
    server = await resolveServer(() => undefined);
    process.env.DATABASE_URL = server.databaseUrl;
    const client = new pg.Client({ connectionString: server.databaseUrl });
    await client.connect();
    try {
      return (await check(client)) === 0 ? 0 : 1;
    } finally {
      await client.end();
      const { disconnectDb } = await import("../../lib/db");
      await disconnectDb();
    }
  };
  runCli(main, async () => {
    await server?.stop();
  });
}
