// Vitest globalSetup of the `integration` project: starts the test
// PostgreSQL server (.data/test-pg), recreates the migrated template database
// `ej_template` and hands the server's URL to the test workers via provide().
import type { TestProject } from "vitest/node";
import { prepareTemplate, startTestServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Maintenance database URL of the test server (…/postgres). */
    testDbBaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startTestServer();
  try {
    const baseUrl = await prepareTemplate(server.baseUrl("postgres"), server.owned);
    project.provide("testDbBaseUrl", baseUrl);
    // Also for code running outside inject()'s reach (child processes etc.).
    process.env.TEST_DB_BASE_URL = baseUrl;
  } catch (e) {
    await server.stop();
    throw e;
  }
  return async () => {
    await server.stop();
  };
}
