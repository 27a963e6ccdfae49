// The bench database restored before each run (issue 22 item 6): a run's writes (mark_save's
// JournalChange rows, sign-ins, the authority's user) stay in the working database, so the next run
// would measure a different database. After seeding, a pristine copy `<name>__pristine` is made once
// (never connected to by the app); every later run drops the working database and recreates it
// from that copy (`CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY`: a file copy after a checkpoint,
// not the whole database through the WAL). A changed marker (the dataset's version, organisation
// count or «today») seeds anew.
import { dropDatabase, quoteIdent, withClient, withDatabase } from "../../prisma/tools/pg-util";

/** Name of the pristine copy of the working database `name`. */
export const pristineName = (name: string): string => `${name}__pristine`;

/** The marker (COMMENT ON DATABASE) of database `name`, or null when it does not exist. */
export async function databaseMarker(base: string, name: string): Promise<string | null> {
  return withClient(base, async (c) => {
    const r = await c.query<{ d: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`,
      [name],
    );
    return r.rows.length ? (r.rows[0].d ?? "") : null;
  });
}

async function copyDatabase(base: string, name: string, template: string, marker: string): Promise<void> {
  await withClient(base, async (c) => {
    await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)} STRATEGY FILE_COPY`);
    await c.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS '${marker.replace(/'/g, "''")}'`);
  });
}

export interface Restored {
  url: string;
  /** Seconds the seed took, when this call seeded. */
  seededSeconds: number | null;
  /** Seconds the working database's recreation from the pristine copy took, when this call restored. */
  restoredSeconds: number | null;
}

/**
 * Gives database `name` on the server of `base` (…/postgres) the state `seed` makes, marked `marker`:
 * recreated from its pristine copy when that copy carries `marker`, otherwise seeded anew (`seed`
 * must create `name` and fill it; no session may stay connected to it) and the pristine copy taken.
 */
export async function restoreOrSeed(opts: {
  base: string;
  name: string;
  marker: string;
  seed: () => Promise<void>;
  log?: (s: string) => void;
  force?: boolean;
}): Promise<Restored> {
  const { base, name, marker } = opts;
  const log = opts.log ?? (() => undefined);
  const pristine = pristineName(name);
  const url = withDatabase(base, name);
  if (!opts.force && (await databaseMarker(base, pristine)) === marker) {
    const started = Date.now();
    await dropDatabase(base, name);
    await copyDatabase(base, name, pristine, marker);
    const restoredSeconds = (Date.now() - started) / 1000;
    log(`База ${name} восстановлена из ${pristine} (${marker}) за ${restoredSeconds.toFixed(1)} с`);
    return { url, seededSeconds: null, restoredSeconds };
  }
  const started = Date.now();
  await dropDatabase(base, pristine);
  await dropDatabase(base, name);
  await opts.seed();
  const seededSeconds = (Date.now() - started) / 1000;
  await copyDatabase(base, pristine, name, marker);
  await withClient(base, (c) => c.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS '${marker.replace(/'/g, "''")}'`));
  log(`Копия ${pristine} сохранена: следующие запуски начнут с неё`);
  return { url, seededSeconds, restoredSeconds: null };
}
