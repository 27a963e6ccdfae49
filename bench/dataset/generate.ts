// The benchmark database: `ejournal_bench` (one school) or `ejournal_bench_<N>` (N copies), on
// the benchmark's own PostgreSQL server — never the dev database in .data/pg. A database that
// already holds the same dataset version, organisation count and «today» is reused.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { PrismaClient } from "../../prisma/generated/prisma/client";
import { DEMO_PASSWORD } from "../../prisma/seed/logins";
import { Rng } from "../../prisma/seed/random";
import { applyMigrations } from "../../prisma/tools/migrate-runner";
import { createDatabase, databaseExists, dropDatabase, withClient, withDatabase } from "../../prisma/tools/pg-util";
import { cloneOrganisation } from "./clone";
import { seedBenchSchool } from "./school";

/** Bump when the generator changes: older bench databases are then rebuilt. */
const DATASET_VERSION = 5;

export interface Dataset {
  url: string;
  name: string;
  orgIds: number[];
  /** Row counts of the main tables (all organisations). */
  sizes: Record<string, number>;
  generatedSeconds: number | null;
}

const marker = (orgs: number, today: Date) =>
  `ejournal-bench v${DATASET_VERSION} orgs=${orgs} today=${today.toISOString().slice(0, 10)}`;

async function currentMarker(base: string, name: string): Promise<string | null> {
  if (!(await databaseExists(base, name))) return null;
  return withClient(base, async (c) => {
    const r = await c.query<{ d: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`,
      [name],
    );
    return r.rows[0]?.d ?? null;
  });
}

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

/** Creates (or reuses) the dataset with `orgs` organisations on the server of `base` (…/postgres). */
export async function prepareDataset(
  base: string,
  orgs: number,
  today: Date,
  log: (s: string) => void,
  force = false,
): Promise<Dataset> {
  const name = orgs === 1 ? "ejournal_bench" : `ejournal_bench_${orgs}`;
  const url = withDatabase(base, name);
  const want = marker(orgs, today);
  if (!force && (await currentMarker(base, name)) === want) {
    log(`База ${name} уже содержит набор данных (${want}) — использую её`);
    // Migrations added since the dataset was made (new tables, columns with defaults) apply on top.
    await applyMigrations(url);
    return { url, name, orgIds: await orgIdsOf(url), sizes: await sizes(url), generatedSeconds: null };
  }
  const started = Date.now();
  await dropDatabase(base, name);
  if (orgs > 1) {
    const one = await prepareDataset(base, 1, today, log, false);
    log(`Создаю ${name} из ${one.name} и копирую школу ещё ${orgs - 1} раз…`);
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
    } else {
      const [source] = await orgIdsOf(url);
      await cloneOrganisation(sql, source, orgs - 1, log);
    }
    log("  VACUUM ANALYZE…");
    await sql.query("VACUUM ANALYZE");
  } finally {
    await db.$disconnect();
    await sql.end();
  }
  await withClient(base, (c) => c.query(`COMMENT ON DATABASE "${name}" IS '${want}'`));
  const generatedSeconds = (Date.now() - started) / 1000;
  log(`Набор данных ${name} готов за ${generatedSeconds.toFixed(0)} с`);
  return { url, name, orgIds: await orgIdsOf(url), sizes: await sizes(url), generatedSeconds };
}
