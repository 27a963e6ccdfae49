// `npm run audit:verify`: walks every organisation's hash-chained audit log and names the first
// row that was altered or removed (exit code 1), in DATABASE_URL or the embedded dev database.
import pg from "pg";
import { resolveServer, runCli, type ResolvedServer } from "./dev-server";

let server: ResolvedServer | undefined;

async function main(): Promise<number> {
  server = await resolveServer(() => undefined);
  process.env.DATABASE_URL = server.databaseUrl;
  // Imported after DATABASE_URL is set: lib/db connects lazily to it.
  const { verifyAuditChain } = await import("../../lib/audit/data");
  const { disconnectDb } = await import("../../lib/db");
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  let broken = 0;
  try {
    const orgs = await client.query<{ id: number; name: string; n: string }>(
      `SELECT o.id, o.name, (SELECT count(*) FROM "AuditEvent" a WHERE a."organisationId" = o.id) AS n FROM "Organisation" o ORDER BY o.id`,
    );
    for (const org of orgs.rows) {
      const brokenId = await verifyAuditChain(org.id);
      if (brokenId === null) {
        console.log(`${org.name}: журнал цел, записей ${org.n}.`);
      } else {
        broken++;
        console.log(
          `${org.name}: ЦЕПОЧКА НАРУШЕНА — первая изменённая или следующая за удалённой запись № ${brokenId}.`,
        );
      }
    }
  } finally {
    await client.end();
    await disconnectDb();
  }
  return broken === 0 ? 0 : 1;
}

runCli(main, async () => {
  await server?.stop();
});
