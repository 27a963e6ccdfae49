// The e2e run's server log checked afterwards (issue 26, NFR-5): every JSON line holds only the
// whitelisted keys (lib/ops/log.ts LOG_KEYS), requests were logged at all, and no personal field
// of the database — a surname, a first name, an e-mail, a phone, a СНИЛС, the demo password —
// appears anywhere in the log, stdout or stderr.
import pg from "pg";
import { LOG_KEYS } from "../../lib/ops/log";

/** Personal values of the run's database that must never reach the log. */
export async function personalValues(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(`
      SELECT DISTINCT v FROM (
        SELECT "lastName" AS v FROM "User" UNION ALL SELECT "firstName" FROM "User" UNION ALL SELECT email FROM "User"
        UNION ALL SELECT "lastName" FROM "Student" UNION ALL SELECT "firstName" FROM "Student" UNION ALL SELECT snils FROM "Student"
        UNION ALL SELECT "lastName" FROM "Parent" UNION ALL SELECT "firstName" FROM "Parent"
        UNION ALL SELECT phone FROM "Parent" UNION ALL SELECT email FROM "Parent"
      ) AS t WHERE v IS NOT NULL AND length(v) >= 4`);
    return [...rows.map((r) => r.v), "demo2026"];
  } finally {
    await client.end();
  }
}

/** Problems found in a server log: foreign keys in JSON lines, personal values, no request lines. */
export function checkServerLog(log: string, personal: readonly string[]): string[] {
  const problems: string[] = [];
  let requests = 0;
  const allowed = new Set(LOG_KEYS);
  for (const line of log.split("\n")) {
    if (!line.startsWith("{")) continue;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (parsed.msg === "request") requests++;
    const extra = Object.keys(parsed).filter((k) => !allowed.has(k));
    if (extra.length) problems.push(`log line with fields outside the whitelist (${extra.join(", ")})`);
  }
  if (requests === 0) problems.push("no request was logged");
  const lower = log.toLowerCase();
  for (const value of personal) {
    if (lower.includes(value.toLowerCase())) problems.push(`personal value in the log: «${value.slice(0, 2)}…»`);
  }
  return [...new Set(problems)];
}
