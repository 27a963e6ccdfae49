// Loads Prisma's schema engine compiled to WebAssembly
// (@prisma/schema-engine-wasm) and connects it to PostgreSQL through
// @prisma/adapter-pg, so migrations can be authored without the native
// engine binary (which Prisma would download from the internet).
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

export type { SchemaEngine };

/** OID of PostgreSQL's internal one-byte `"char"` type (pg_constraint.contype…). */
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryFn = (...args: unknown[]) => unknown;
type FieldList = Array<{ dataTypeID: number }>;

function charToText<T>(result: T): T {
  const fields = (result as { fields?: FieldList } | undefined)?.fields;
  if (Array.isArray(fields)) {
    for (const f of fields) if (f.dataTypeID === CHAR_OID) f.dataTypeID = TEXT_OID;
  }
  return result;
}

/**
 * adapter-pg rejects result columns of type `"char"`, which the engine reads
 * from the catalogs. Its values already arrive as strings, so such columns are
 * re-labelled as text on every connection of the pool.
 */
function patchClient(client: pg.ClientBase): void {
  const target = client as unknown as { query: QueryFn };
  const original = target.query.bind(client) as QueryFn;
  target.query = (...args: unknown[]): unknown => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const cb = last as (err: unknown, res: unknown) => void;
      args[args.length - 1] = (err: unknown, res: unknown) => cb(err, err ? res : charToText(res));
      return original(...args);
    }
    const ret = original(...args);
    return ret instanceof Promise ? ret.then(charToText) : ret;
  };
}

function charSafePool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on("connect", patchClient);
  pool.on("error", () => undefined);
  return pool;
}

/**
 * Adapter factory for the engine: every connection (including the one the
 * engine would use for a `url` diff target) goes to `url`. A shadow database
 * is deliberately unsupported: callers apply migrations into a scratch
 * database with our own runner instead (the engine would send them through
 * adapter-pg's executeScript, which splits on `;` and breaks `$$` bodies).
 */
class EngineAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly pools = new Set<pg.Pool>();
  constructor(private readonly url: string) {}

  connect(): Promise<SqlDriverAdapter> {
    const pool = charSafePool(this.url);
    this.pools.add(pool);
    return new PrismaPg(pool).connect();
  }

  /** Closes every connection opened for the engine. */
  async close(): Promise<void> {
    const pools = [...this.pools];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
  }

  connectToShadowDb(): Promise<SqlDriverAdapter> {
    return Promise.reject(new Error("shadow database is not supported by this tool"));
  }
}

let wasmReady: Promise<void> | undefined;

function initWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await fs.readFile(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/** Version string of the loaded wasm engine. */
export async function engineVersion(): Promise<string> {
  await initWasm();
  return bg.version();
}

/**
 * Runs `fn` with an engine whose database connections go to `databaseUrl`;
 * frees the engine and closes its connections afterwards.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  fn: (engine: SchemaEngine) => Promise<T>,
  debug: (s: string) => void = () => undefined,
): Promise<T> {
  await initWasm();
  const factory = new EngineAdapterFactory(databaseUrl);
  const engine = await bg.SchemaEngine.new(
    { datamodels: undefined },
    debug,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await fn(engine);
  } finally {
    engine.free();
    await factory.close();
  }
}
