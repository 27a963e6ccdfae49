// `npm run db:restore -- <file> [--force]` (ARC-3): restores a backup made by db:backup into
// DATABASE_URL or the embedded dev database, replacing its schema `public`. A database that
// already holds data is replaced only with --force. Stop the application first.
import path from "node:path";
import { parseArgs } from "node:util";
import { restoreDatabase } from "./backup-core";
import { resolveServer, runCli, type ResolvedServer } from "./dev-server";
import { redactUrl } from "./pg-util";

let server: ResolvedServer | undefined;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { force: { type: "boolean" } }, allowPositionals: true });
  if (positionals.length !== 1) {
    console.error("Укажите файл: npm run db:restore -- <файл> [--force]");
    return 2;
  }
  const file = path.resolve(positionals[0]);
  server = await resolveServer((s) => console.log(s));
  console.log(`База данных: ${redactUrl(server.databaseUrl)}`);
  const method = await restoreDatabase(server.databaseUrl, file, { force: values.force });
  console.log(`Восстановлено из ${file} (${method === "pg_dump" ? "pg_restore" : "встроенный формат"}).`);
  return 0;
}

runCli(main, async () => {
  await server?.stop();
});
