// Demo data for `npm start` / `npm run dev`: seeds an empty database through
// prisma/seed/index.ts (seedDemo) and prints the demo logins from
// prisma/seed/logins.ts. Both modules are optional: missing ones are reported.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "./paths";
import { withClient } from "./pg-util";

const SEED_MODULE = path.join(PROJECT_ROOT, "prisma", "seed", "index.ts");
const LOGINS_MODULE = path.join(PROJECT_ROOT, "prisma", "seed", "logins.ts");

export interface DemoLogin {
  role: string;
  org: string;
  login: string;
  password: string;
}

/** Number of organisations, or null when the table does not exist. */
export async function countOrganisations(databaseUrl: string): Promise<number | null> {
  return withClient(databaseUrl, async (c) => {
    const t = await c.query<{ t: string | null }>(`SELECT to_regclass('"Organisation"')::text AS t`);
    if (!t.rows[0]?.t) return null;
    const r = await c.query<{ n: string }>('SELECT count(*)::text AS n FROM "Organisation"');
    return Number(r.rows[0]?.n ?? 0);
  });
}

/** Loads demo data when the database has no organisation yet. */
export async function seedIfEmpty(databaseUrl: string, log: (s: string) => void): Promise<void> {
  const count = await countOrganisations(databaseUrl);
  if (count === null) {
    log('Внимание: таблицы "Organisation" нет — демо-данные не загружаются.');
    return;
  }
  if (count > 0) return;
  if (!fs.existsSync(SEED_MODULE)) {
    log("Внимание: prisma/seed/index.ts ещё не написан — база остаётся пустой.");
    return;
  }
  log("База пуста — загружаю демо-данные…");
  process.env.DATABASE_URL = databaseUrl;
  const mod = (await import(pathToFileURL(SEED_MODULE).href)) as {
    seedDemo?: (url: string) => Promise<unknown>;
  };
  if (typeof mod.seedDemo !== "function") {
    log("Внимание: prisma/seed/index.ts не экспортирует seedDemo(databaseUrl) — демо-данные не загружены.");
    return;
  }
  await mod.seedDemo(databaseUrl);
  await releaseAppClient();
  log("Демо-данные загружены.");
}

/** The seed may have used lib/db; close its pool so this process can exit cleanly. */
async function releaseAppClient(): Promise<void> {
  const dbModule = path.join(PROJECT_ROOT, "lib", "db.ts");
  try {
    const mod = (await import(pathToFileURL(dbModule).href)) as { disconnectDb?: () => Promise<void> };
    await mod.disconnectDb?.();
  } catch {
    // lib/db could not be loaded (e.g. client not generated): nothing to close.
  }
}

export async function loadDemoLogins(): Promise<DemoLogin[] | null> {
  if (!fs.existsSync(LOGINS_MODULE)) return null;
  const mod = (await import(pathToFileURL(LOGINS_MODULE).href)) as { DEMO_LOGINS?: DemoLogin[] };
  return Array.isArray(mod.DEMO_LOGINS) ? mod.DEMO_LOGINS : null;
}

/** Formats logins as a plain-text table. */
export function formatLogins(rows: DemoLogin[]): string {
  const head: DemoLogin = { role: "Роль", org: "Организация", login: "Логин", password: "Пароль" };
  const all = [head, ...rows];
  const keys = ["role", "org", "login", "password"] as const;
  const width = keys.map((k) => Math.max(...all.map((r) => String(r[k]).length)));
  const line = (r: DemoLogin): string => keys.map((k, i) => String(r[k]).padEnd(width[i] ?? 0)).join("  ");
  const rule = width.map((w) => "─".repeat(w)).join("  ");
  return [line(head), rule, ...rows.map(line)].join("\n");
}

export async function printDemoLogins(log: (s: string) => void): Promise<void> {
  const logins = await loadDemoLogins().catch((e: unknown) => {
    log(`Внимание: не удалось загрузить prisma/seed/logins.ts: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  });
  if (!logins || logins.length === 0) return;
  log(`\nДемо-входы:\n${formatLogins(logins)}\n`);
}
