// `npm run archive:verify`: checks every archive set of every organisation against its manifest
// of SHA-256 digests (ARC-1) and names each changed or missing file (exit code 1), in
// DATABASE_URL or the embedded dev database; files are read from FILES_DIR (default .data/files).
import { runDatabaseCheck } from "./dev-server";

runDatabaseCheck(async (client) => {
  // Imported once DATABASE_URL is set: lib/db connects lazily to it.
  const { verifyActs, verifyAllArchives } = await import("../../lib/archive/verify");
  const { PROBLEM_LABELS } = await import("../../lib/archive/rules");
  let broken = 0;
  let sets = 0;
  const orgs = await client.query<{ id: number; name: string }>(
    `SELECT o.id, o.name FROM "Organisation" o WHERE EXISTS (SELECT 1 FROM "ArchiveSet" a WHERE a."organisationId" = o.id) ORDER BY o.id`,
  );
  for (const org of orgs.rows) {
    for (const report of await verifyAllArchives(org.id)) {
      sets++;
      // Files destroyed by an act of destruction (REC-5) are gone on purpose: counted, not a problem.
      const destroyed = report.destroyed > 0 ? `, уничтожено по акту ${report.destroyed}` : "";
      if (report.problems.length === 0) {
        console.log(
          `${org.name}: архив № ${report.setId} (${report.yearName}) цел, файлов ${report.checked}${destroyed}.`,
        );
      } else {
        broken++;
        console.log(`${org.name}: архив № ${report.setId} (${report.yearName}) НАРУШЕН:`);
        for (const p of report.problems) console.log(`  ${p.name} — ${PROBLEM_LABELS[p.problem]}`);
      }
    }
    const acts = await verifyActs(org.id);
    if (acts.checked > 0 && acts.problems.length === 0)
      console.log(`${org.name}: акты о выделении к уничтожению целы (${acts.checked}).`);
    if (acts.problems.length > 0) {
      broken++;
      for (const p of acts.problems) console.log(`${org.name}: ${p.name} — ${PROBLEM_LABELS[p.problem]}`);
    }
  }
  if (sets === 0) console.log("Архивов нет.");
  return broken;
});
