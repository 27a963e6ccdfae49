// `npm run db:backup [-- --out file] [-- --builtin]` (ARC-3): backs up the whole database in
// DATABASE_URL or the embedded dev database — pg_dump's custom format when pg_dump is found,
// otherwise the built-in logical dump (gzip'd JSON lines). Default file: .data/backups/<time>.dump
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupDatabase } from "./backup-core";
import { resolveServer, runCli, type ResolvedServer } from "./dev-server";
import { DATA_DIR } from "./paths";
import { redactUrl } from "./pg-util";

let server: ResolvedServer | undefined;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: "string" }, builtin: { type: "boolean" } } });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = path.resolve(values.out ?? path.join(DATA_DIR, "backups", `ejournal-${stamp}.dump`));
  await mkdir(path.dirname(out), { recursive: true });
  server = await resolveServer((s) => console.log(s));
  console.log(`База данных: ${redactUrl(server.databaseUrl)}`);
  const method = await backupDatabase(server.databaseUrl, out, { method: values.builtin ? "builtin" : "auto" });
  const size = (await stat(out)).size;
  console.log(
    `Резервная копия (${method === "pg_dump" ? "pg_dump, формат custom" : "встроенный формат"}): ${out}, ${Math.ceil(size / 1024)} КБ`,
  );
  return 0;
}

runCli(main, async () => {
  await server?.stop();
});
