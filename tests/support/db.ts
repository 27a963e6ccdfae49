// Per-test-file databases for integration tests: copies of the migrated
// template `ej_template` on the test server started by global-setup.ts.
import { inject } from "vitest";
import { createDatabaseFromTemplate } from "./server";
import { databaseName, dropDatabase } from "../../prisma/tools/pg-util";

/** Maintenance URL of the test server (…/postgres). */
export function testServerUrl(): string {
  const url = inject("testDbBaseUrl") || process.env.TEST_DB_BASE_URL;
  if (!url) throw new Error("test server URL missing: is tests/support/global-setup.ts configured?");
  return url;
}

/** Creates `t_<random>` from `ej_template` (all migrations applied, no data); returns its URL. */
export async function createTestDatabase(): Promise<string> {
  return createDatabaseFromTemplate(testServerUrl());
}

/** Drops a database made by createTestDatabase(). */
export async function dropTestDatabase(url: string): Promise<void> {
  await dropDatabase(testServerUrl(), databaseName(url));
}
