// Computes the SQL that brings a database with all migrations applied up to
// the Prisma schema ("from migrations → to schema"), using a throwaway shadow
// database on the given server and the wasm schema engine.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { applyMigrations } from "./migrate-runner";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "./paths";
import { createDatabase, dropDatabase } from "./pg-util";
import { withSchemaEngine } from "./schema-engine";

export interface DiffOptions {
  schemaPath?: string;
  migrationsDir?: string;
  /** Engine debug lines (JSON); printed when DEBUG mentions "engine". */
  debug?: (s: string) => void;
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

function defaultDebug(s: string): void {
  if (/engine/i.test(process.env.DEBUG ?? "")) process.stderr.write(`[schema-engine] ${s}\n`);
}

/** Runs `fn` with a fresh empty database on the server of `serverUrl`, dropped afterwards. */
export async function withShadowDatabase<T>(serverUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `ej_shadow_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(serverUrl, name);
  try {
    return await fn(url);
  } finally {
    await dropDatabase(serverUrl, name).catch(() => undefined);
  }
}

/**
 * SQL script (migration body) from the state produced by the migrations to
 * the schema; null when they agree. Throws on schema validation errors.
 */
export async function diffMigrationsToSchema(serverUrl: string, opts: DiffOptions = {}): Promise<string | null> {
  const schemaPath = path.resolve(opts.schemaPath ?? SCHEMA_PATH);
  const content = await fs.readFile(schemaPath, "utf8").catch(() => {
    throw new Error(`Не найдена схема Prisma: ${schemaPath}`);
  });
  const files = [{ path: schemaPath, content }];
  return withShadowDatabase(serverUrl, async (shadowUrl) => {
    await applyMigrations(shadowUrl, () => undefined, { migrationsDir: opts.migrationsDir ?? MIGRATIONS_DIR });
    return withSchemaEngine(
      shadowUrl,
      async (engine) => {
        const result = await engine.diff({
          // The live shadow database, reached through the engine's adapter.
          from: { tag: "schemaDatasource", files, configDir: path.dirname(schemaPath) },
          to: { tag: "schemaDatamodel", files },
          script: true,
          exitCode: true,
          filters: NO_FILTERS,
        });
        const script = result.stdout ?? "";
        return result.exitCode === 0 || script.trim() === "" ? null : script;
      },
      opts.debug ?? defaultDebug,
    );
  });
}
