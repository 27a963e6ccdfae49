// The deterministic demo region (SPEC §1–10): «Самарская область», «городской округ
// Самара», a general school and a college with a year of journal up to `today`.
// Same `today` ⇒ the same data, ids included. Loads into an empty, migrated database.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { PrismaClient } from "../generated/prisma/client";
import { seedCollege } from "./college";
import { samaraDateOf } from "./dates";
import { DEMO_AUTHORITY_LOGINS, DEMO_PASSWORD } from "./logins";
import { Rng } from "./random";
import { seedSchool } from "./school";
import { seedTimetableApprovals } from "./approvals";
import { seedProgrammes } from "./programmes";
import { seedAssessments } from "./assessments";
import { seedClubs } from "./clubs";

export { DEMO_AUTHORITY_LOGINS, DEMO_LOGINS, DEMO_ORG_NAMES, DEMO_PASSWORD } from "./logins";

export interface SeedOptions {
  /** The demo's «today» (an instant; its calendar date in Europe/Samara counts). Default: now. */
  today?: Date;
  log?: (s: string) => void;
}

export const DEMO_REGION = "Самарская область";
export const DEMO_MUNICIPALITY = "городской округ Самара";

/** Empties every application table (used only when a seed into an empty database failed half-way). */
async function truncateAll(sql: pg.ClientBase): Promise<void> {
  const r = await sql.query<{ t: string }>(
    `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (r.rows.length) await sql.query(`TRUNCATE ${r.rows.map((x) => x.t).join(", ")} RESTART IDENTITY CASCADE`);
}

export async function seedDemo(databaseUrl: string, opts: SeedOptions = {}): Promise<void> {
  const log = opts.log ?? (() => undefined);
  const today = samaraDateOf(opts.today ?? new Date());
  const started = Date.now();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  const sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
  try {
    const existing = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Organisation"`);
    if (existing.rows[0].n > 0)
      throw new Error("seedDemo: база данных не пуста — демо-данные загружаются только в пустую базу");
    try {
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      const region = await db.region.create({ data: { name: DEMO_REGION } });
      const municipality = await db.municipality.create({ data: { regionId: region.id, name: DEMO_MUNICIPALITY } });
      const geo = { regionId: region.id, municipalityId: municipality.id };
      const root = new Rng(20260901);
      log(`Демо-данные на ${today.toISOString().slice(0, 10)}…`);
      const school = await seedSchool({ db, sql, geo, today, passwordHash, rng: root.fork("school"), log });
      log(`  школа: ${JSON.stringify(school)}`);
      const college = await seedCollege({ db, sql, geo, today, passwordHash, rng: root.fork("college"), log });
      log(`  колледж: ${JSON.stringify(college)}`);
      log(`  утверждённых расписаний: ${await seedTimetableApprovals(db)}`);
      log(`  рабочих программ: ${await seedProgrammes(db)}`);
      log(`  оценочных процедур в опубликованном графике: ${await seedAssessments(db, today)}`);
      log(`  объединений внеурочной деятельности: ${await seedClubs(db, today)}`);
      // REG-1: education-authority logins of the region and of the demo organisations' municipality.
      for (const a of DEMO_AUTHORITY_LOGINS)
        await db.authorityUser.create({
          data: {
            login: a.login,
            role: a.role,
            regionId: region.id,
            municipalityId: a.territory === "municipality" ? municipality.id : null,
            lastName: a.lastName,
            firstName: a.firstName,
            middleName: a.middleName,
            passwordHash,
            mustChangePassword: false,
          },
        });
      log(`  логинов органов управления образованием: ${DEMO_AUTHORITY_LOGINS.length}`);
      await sql.query("ANALYZE");
      log(`Демо-данные загружены за ${((Date.now() - started) / 1000).toFixed(1)} с`);
    } catch (e) {
      await truncateAll(sql).catch(() => undefined);
      throw e;
    }
  } finally {
    await db.$disconnect();
    await sql.end();
  }
}
