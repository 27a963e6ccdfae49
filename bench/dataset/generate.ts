// The benchmark database: `ejournal_bench` (one school) or `ejournal_bench_<N>` (N copies), on
// the benchmark's own PostgreSQL server — never the dev database in .data/pg. Each call recreates it
// from the pristine copy taken after seeding (bench/dataset/pristine.ts) while that copy holds the
// same dataset version, organisation count and «today»; otherwise it is seeded anew.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { PrismaClient } from "../../prisma/generated/prisma/client";
import { DEMO_PASSWORD } from "../../prisma/seed/logins";
import { Rng } from "../../prisma/seed/random";
import { applyMigrations } from "../../prisma/tools/migrate-runner";
import { createDatabase, withClient, withDatabase } from "../../prisma/tools/pg-util";
import { cloneOrganisation } from "./clone";
import { runBenchDuties } from "./duties";
import { finishBenchSchool } from "./history";
import { restoreOrSeed } from "./pristine";
import { seedBenchSchool } from "./school";

/** Bump when the generator changes: older bench databases are then rebuilt. */
const DATASET_VERSION = 6;

export interface Dataset {
  url: string;
  name: string;
  orgIds: number[];
  /** Row counts of the main tables (all organisations). */
  sizes: Record<string, number>;
  generatedSeconds: number | null;
  /** Seconds the working database's recreation from its pristine copy took (null when seeded). */
  restoredSeconds: number | null;
}

/** JSON.stringify's replacer for a log line: a Map as its size. */
const mapSizes = (_k: string, v: unknown): unknown => (v instanceof Map ? v.size : v);

const marker = (orgs: number, today: Date) =>
  `ejournal-bench v${DATASET_VERSION} orgs=${orgs} today=${today.toISOString().slice(0, 10)}`;

async function sizes(url: string): Promise<Record<string, number>> {
  return withClient(url, async (c) => {
    const out: Record<string, number> = {};
    for (const t of [
      "Organisation",
      "Student",
      "ClassGroup",
      "User",
      "Lesson",
      "Assignment",
      "Mark",
      "Attendance",
      "FinalMark",
      "Homework",
      "Message",
      "LessonPlan",
      "JournalChange",
      "DiarySeen",
    ]) {
      out[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0].n);
    }
    return out;
  });
}

async function orgIdsOf(url: string): Promise<number[]> {
  return withClient(url, async (c) =>
    (await c.query<{ id: number }>(`SELECT id FROM "Organisation" ORDER BY id`)).rows.map((r) => r.id),
  );
}

/**
 * Gives the dataset with `orgs` organisations on the server of `base` (…/postgres), restored to its
 * state right after seeding: a run's writes are gone at the next run's start (bench/dataset/pristine).
 */
export async function prepareDataset(
  base: string,
  orgs: number,
  today: Date,
  log: (s: string) => void,
  force = false,
): Promise<Dataset> {
  const name = orgs === 1 ? "ejournal_bench" : `ejournal_bench_${orgs}`;
  const want = marker(orgs, today);
  const r = await restoreOrSeed({
    base,
    name,
    marker: want,
    force,
    log,
    seed: () => seed(base, name, orgs, today, log),
  });
  // Migrations added since the dataset was made (new tables, columns with defaults) apply on top.
  if (r.restoredSeconds !== null) await applyMigrations(r.url);
  // The worker's daily steps for the days since the copy was taken (none when taken today), so the first
  // app server finds them done (bench/dataset/duties.ts).
  const duties = await runBenchDuties(r.url, new Date());
  log(`Ежедневные шаги фоновой задачи до запуска приложения: ${JSON.stringify(duties, mapSizes)}`);
  return {
    url: r.url,
    name,
    orgIds: await orgIdsOf(r.url),
    sizes: await sizes(r.url),
    generatedSeconds: r.seededSeconds,
    restoredSeconds: r.restoredSeconds,
  };
}

/** Creates database `name` and fills it with the bench school (or `orgs` copies of it). */
async function seed(base: string, name: string, orgs: number, today: Date, log: (s: string) => void): Promise<void> {
  const url = withDatabase(base, name);
  if (orgs > 1) {
    const one = await prepareDataset(base, 1, today, log, false);
    log(`Создаю ${name} из ${one.name} (только что восстановленной) и копирую школу ещё ${orgs - 1} раз…`);
    await createDatabase(base, name, one.name);
  } else {
    log(`Создаю ${name}: школа 1 235 учеников, 49 классов, учебный год до ${today.toISOString().slice(0, 10)}…`);
    await createDatabase(base, name);
    await applyMigrations(url);
  }
  const sql = new pg.Client({ connectionString: url });
  await sql.connect();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await sql.query("SET synchronous_commit = off");
    if (orgs === 1) {
      const passwordHash = await hashPassword(DEMO_PASSWORD); // hashed once, reused for every user
      const region = await db.region.create({ data: { name: "Самарская область" } });
      const municipality = await db.municipality.create({
        data: { regionId: region.id, name: "городской округ Самара" },
      });
      const school = await seedBenchSchool({
        db,
        sql,
        geo: { regionId: region.id, municipalityId: municipality.id },
        today,
        passwordHash,
        rng: new Rng(20261001),
        log,
      });
      log(`  школа: ${JSON.stringify(school.counts)}`);
      const started = Date.now();
      const history = await finishBenchSchool(sql, school.orgId, today);
      log(
        `  история журнала (JournalChange), очередь фоновых задач пуста, за ${((Date.now() - started) / 1000).toFixed(1)} с: ${JSON.stringify(history)}`,
      );
    } else {
      const [source] = await orgIdsOf(url);
      await cloneOrganisation(sql, source, orgs - 1, log);
    }
    if (orgs === 1) {
      const duties = await runBenchDuties(url, new Date());
      log(`  ежедневные шаги фоновой задачи (напоминания, отметки, FillDay): ${JSON.stringify(duties, mapSizes)}`);
    }
    log("  VACUUM ANALYZE…");
    await sql.query("VACUUM ANALYZE");
  } finally {
    await db.$disconnect();
    await sql.end();
  }
  log(`Набор данных ${name} готов`);
}
