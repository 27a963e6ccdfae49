// `npm run db:deploy`: applies pending migrations (prisma/migrations) to the
// database in DATABASE_URL — or, when it is unset, to the `ejournal` database
// of the embedded development server (.data/pg).
import path from "node:path";
import { parseArgs } from "node:util";
import { resolveServer, runCli, type ResolvedServer } from "./dev-server";
import { applyMigrations } from "./migrate-runner";
import { MIGRATIONS_DIR } from "./paths";
import { redactUrl } from "./pg-util";

let server: ResolvedServer | undefined;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dir: { type: "string" } } });
  const migrationsDir = values.dir ? path.resolve(values.dir) : MIGRATIONS_DIR;
  server = await resolveServer((s) => console.log(s));
  console.log(`База данных: ${redactUrl(server.databaseUrl)}`);
  const applied = await applyMigrations(server.databaseUrl, (s) => console.log(s), { migrationsDir });
  console.log(
    applied.length === 0
      ? "Все миграции уже применены."
      : `Применено миграций: ${applied.length} (${applied.join(", ")})`,
  );
  return 0;
}

runCli(main, async () => {
  await server?.stop();
});
