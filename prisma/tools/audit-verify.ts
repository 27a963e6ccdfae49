// `npm run audit:verify`: walks every organisation's hash-chained audit log and names the first
// row that was altered or removed (exit code 1), in DATABASE_URL or the embedded dev database.
import { runDatabaseCheck } from "./dev-server";

runDatabaseCheck(async (client) => {
  // Imported once DATABASE_URL is set: lib/db connects lazily to it.
  const { verifyAuditChain } = await import("../../lib/audit/data");
  let broken = 0;
  const orgs = await client.query<{ id: number; name: string; n: string }>(
    `SELECT o.id, o.name, (SELECT count(*) FROM "AuditEvent" a WHERE a."organisationId" = o.id) AS n FROM "Organisation" o ORDER BY o.id`,
  );
  for (const org of orgs.rows) {
    const brokenId = await verifyAuditChain(org.id);
    if (brokenId === null) {
      console.log(`${org.name}: журнал цел, записей ${org.n}.`);
    } else {
      broken++;
      console.log(`${org.name}: ЦЕПОЧКА НАРУШЕНА — первая изменённая или следующая за удалённой запись № ${brokenId}.`);
    }
  }
  return broken;
});
