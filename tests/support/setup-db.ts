// Vitest setupFiles entry of the `integration` project. Runs before each test
// file's own imports are evaluated: gives the file a fresh database copied
// from the migrated template and points DATABASE_URL (and so lib/db) at it.
import { afterAll } from "vitest";
import { createTestDatabase, dropTestDatabase } from "./db";

type GlobalWithDb = typeof globalThis & { __ejournalPrisma?: unknown };

async function releaseAppClient(): Promise<void> {
  // lib/db keeps its PrismaClient on globalThis; import it only if it was used.
  if ((globalThis as GlobalWithDb).__ejournalPrisma === undefined) return;
  const { disconnectDb } = await import("../../lib/db");
  await disconnectDb();
}

await releaseAppClient(); // a client left over from a previous file in this worker
const url = await createTestDatabase();
process.env.DATABASE_URL = url;

afterAll(async () => {
  await releaseAppClient();
  if (!process.env.KEEP_TEST_DB) await dropTestDatabase(url);
});
