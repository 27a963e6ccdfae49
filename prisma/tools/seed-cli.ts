// `npm run db:seed`: applies migrations and loads the demo data into an empty
// database (DATABASE_URL, or `ejournal` on the embedded dev server), then
// prints the demo logins.
// `npm run db:seed -- --reset`: drops and recreates the database first — only
// for the embedded dev server, or with --force for a DATABASE_URL database.
import { parseArgs } from "node:util";
import { countOrganisations, printDemoLogins, seedIfEmpty } from "./demo-data";
import { resolveServer, runCli, type ResolvedServer } from "./dev-server";
import { applyMigrations } from "./migrate-runner";
import { createDatabase, databaseName, dropDatabase, redactUrl } from "./pg-util";

let server: ResolvedServer | undefined;
const log = (s: string): void => console.log(s);

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { reset: { type: "boolean", default: false }, force: { type: "boolean", default: false } },
  });
  server = await resolveServer(log);
  const url = server.databaseUrl;
  log(`База данных: ${redactUrl(url)}`);

  if (values.reset) {
    if (!server.embedded && !values.force) {
      console.error(
        "Сброс базы из DATABASE_URL удалит все данные; повторите с --reset --force, если это действительно нужно.",
      );
      return 2;
    }
    const name = databaseName(url);
    log(`Удаляю и создаю заново базу ${name}…`);
    await dropDatabase(url, name);
    await createDatabase(url, name);
  }

  await applyMigrations(url, log);
  const before = await countOrganisations(url);
  if (before !== null && before > 0) {
    log("В базе уже есть организации — демо-данные не загружаются (для чистой загрузки: npm run db:seed -- --reset).");
  } else {
    await seedIfEmpty(url, log);
  }
  await printDemoLogins(log);
  return 0;
}

runCli(main, async () => {
  await server?.stop();
});
