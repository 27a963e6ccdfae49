// What the scenarios ask for, looked up in the bench database: the busiest class × subject ×
// period of the journal and its teacher, cells of that class saved in the last days (inside the
// edit window of the real today), the demo parent's child, finished periods for the reports.
import pg from "pg";
import { BIG_CLASS } from "./dataset/plan";

export interface Cell {
  lessonId: number;
  assignmentId: number;
  studentId: number;
  version: number;
}

export interface GridFixture {
  classId: number;
  subjectId: number;
  periodId: number;
  lessons: number;
  students: number;
  teacherLogin: string;
}

export interface Fixtures {
  orgId: number;
  today: string;
  /** The busiest class × subject × period of today among the classes of 25 (issue 10's grid, 25 × 48). */
  grid: GridFixture;
  /** The class of 35 in the half-year of its busiest subject, algebra 6 a week (≈ 90 lessons; issue 22 item 2). */
  bigGrid: GridFixture | null;
  cells: Cell[];
  diary: { studentId: number };
  finishedPeriodId: number;
  orgPeriodId: number;
}

/** The calendar date in Europe/Samara (the bench organisations' time zone). */
export function samaraToday(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Samara",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

/** End of the academic year containing the real today (the bench dataset holds a whole year of lessons). */
export function datasetToday(): Date {
  const [y, m] = samaraToday().split("-").map(Number);
  return new Date(Date.UTC(m >= 8 ? y + 1 : y, 4, 25));
}

export async function loadFixtures(url: string, orgId: number): Promise<Fixtures> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const today = samaraToday();
    // The dataset holds a whole year; finals of periods not over by the real today would lock the
    // current marks (JRN-6), so they go (idempotent: a reused dataset is simply already clean).
    await c.query(
      `DELETE FROM "FinalMark" f USING "Period" p WHERE f."organisationId" = p."organisationId" AND f."periodId" = p.id AND p."endDate" >= $1::date`,
      [today],
    );
    const grid = await gridOf(c, orgId, today, { not: BIG_CLASS });
    if (!grid) throw new Error(`в базе нет уроков периода, содержащего ${today}`);
    const bigGrid = await gridOf(c, orgId, today, { only: BIG_CLASS });
    const g = grid;
    const cells = (
      await c.query(
        `SELECT m."lessonId", m."assignmentId", m."studentId", m.version FROM "Mark" m
       JOIN "Lesson" l ON l."organisationId" = m."organisationId" AND l.id = m."lessonId"
       WHERE m."organisationId" = $1 AND l."classId" = $2 AND l."subjectId" = $3 AND l."subgroupId" IS NULL
         AND l.date BETWEEN $4::date - 6 AND $4::date AND m.kind = 'GRADE' AND m.value IS NOT NULL
       ORDER BY l.date DESC, m."assignmentId", m."studentId" LIMIT 400`,
        [orgId, g.classId, g.subjectId, today],
      )
    ).rows as Cell[];
    const child = (
      await c.query(
        `SELECT pl."studentId" FROM "ParentLink" pl JOIN "Parent" p ON p."organisationId" = pl."organisationId" AND p.id = pl."parentId"
       JOIN "User" u ON u."organisationId" = p."organisationId" AND u.id = p."userId"
       WHERE pl."organisationId" = $1 AND u.login = 'parent' ORDER BY pl."studentId" LIMIT 1`,
        [orgId],
      )
    ).rows[0] as { studentId: number };
    const finished = (
      await c.query(
        `SELECT p.id FROM "Period" p JOIN "ClassGroup" cg ON cg."organisationId" = p."organisationId" AND cg.id = $2 AND cg."periodKind" = p.kind
       WHERE p."organisationId" = $1 AND p."endDate" < $3::date ORDER BY p."startDate" DESC LIMIT 1`,
        [orgId, g.classId, today],
      )
    ).rows[0] as { id: number } | undefined;
    const quarter = (
      await c.query(
        `SELECT id FROM "Period" WHERE "organisationId" = $1 AND kind = 'QUARTER' AND "endDate" < $2::date ORDER BY "startDate" DESC LIMIT 1`,
        [orgId, today],
      )
    ).rows[0] as { id: number } | undefined;
    return {
      orgId,
      today,
      grid,
      bigGrid,
      cells,
      diary: { studentId: child.studentId },
      finishedPeriodId: finished?.id ?? g.periodId,
      orgPeriodId: quarter?.id ?? g.periodId,
    };
  } finally {
    await c.end();
  }
}

/** The busiest class × subject × period containing today, of one class (`only`) or of all but one (`not`). */
async function gridOf(
  c: pg.Client,
  orgId: number,
  today: string,
  pick: { not: string } | { only: string },
): Promise<GridFixture | null> {
  const only = "only" in pick;
  const g = (
    await c.query(
      `SELECT l."classId", l."subjectId", p.id AS "periodId", l."teacherId", count(*)::int AS n
       FROM "Lesson" l
       JOIN "ClassGroup" cg ON cg."organisationId" = l."organisationId" AND cg.id = l."classId"
       JOIN "Period" p ON p."organisationId" = l."organisationId" AND p.kind = cg."periodKind" AND l.date BETWEEN p."startDate" AND p."endDate"
       WHERE l."organisationId" = $1 AND l."subgroupId" IS NULL AND $2::date BETWEEN p."startDate" AND p."endDate"
         AND ${only ? `cg.name = $3` : `cg.name <> $3`}
       GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 1, 2 LIMIT 1`,
      [orgId, today, only ? pick.only : pick.not],
    )
  ).rows[0] as { classId: number; subjectId: number; periodId: number; teacherId: number; n: number } | undefined;
  if (!g) return null;
  const teacher = (
    await c.query(`SELECT login FROM "User" WHERE "organisationId" = $1 AND id = $2`, [orgId, g.teacherId])
  ).rows[0] as { login: string };
  const students = (
    await c.query(
      `SELECT count(*)::int AS n FROM "ClassMembership" WHERE "organisationId" = $1 AND "classId" = $2 AND "startDate" <= $3::date AND ("endDate" IS NULL OR "endDate" >= $3::date)`,
      [orgId, g.classId, today],
    )
  ).rows[0] as { n: number };
  return {
    classId: g.classId,
    subjectId: g.subjectId,
    periodId: g.periodId,
    lessons: g.n,
    students: students.n,
    teacherLogin: teacher.login,
  };
}

/** REG-1: the bench's municipal specialist (created once per dataset) for the territory_report scenario. */
export const BENCH_AUTHORITY_LOGIN = "bench_mo_spec";

/**
 * The municipal specialist of the measured organisation's municipality — every organisation of an
 * `--orgs N` dataset is a copy of the school with its region and municipality, so the territory
 * report covers all N. Created if absent (password demo2026); returns the sign-in territory value.
 */
export async function ensureBenchAuthority(
  url: string,
  orgId: number,
  passwordHash: () => Promise<string>,
): Promise<{ territory: string; organisations: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const org = (await c.query(`SELECT "regionId", "municipalityId" FROM "Organisation" WHERE id = $1`, [orgId]))
      .rows[0] as { regionId: number; municipalityId: number };
    const exists = await c.query(`SELECT 1 FROM "AuthorityUser" WHERE login = $1`, [BENCH_AUTHORITY_LOGIN]);
    if (exists.rowCount === 0)
      await c.query(
        `INSERT INTO "AuthorityUser" (login, role, "regionId", "municipalityId", "passwordHash", "mustChangePassword", "lastName", "firstName")
         VALUES ($1, 'MUNICIPAL_SPECIALIST', $2, $3, $4, false, 'Бенчмарков', 'Специалист')`,
        [BENCH_AUTHORITY_LOGIN, org.regionId, org.municipalityId, await passwordHash()],
      );
    const n = (
      await c.query(`SELECT count(*)::int AS n FROM "Organisation" WHERE "municipalityId" = $1`, [org.municipalityId])
    ).rows[0] as { n: number };
    return { territory: `municipality:${org.municipalityId}`, organisations: n.n };
  } finally {
    await c.end();
  }
}

/** The session user of a bench teacher, for the page loaders called in-process (grid-bytes, grid-reads). */
export async function teacherUser(url: string, orgId: number, login: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const [u] = (await c.query(`SELECT id FROM "User" WHERE "organisationId" = $1 AND login = $2`, [orgId, login]))
      .rows as { id: number }[];
    return {
      id: u.id,
      organisationId: orgId,
      login,
      fullName: login,
      shortName: login,
      roles: ["TEACHER"],
      mustChangePassword: false,
      sessionId: "bench",
      orgKind: "SCHOOL" as const,
      orgName: "",
      timeZone: "Europe/Samara",
    };
  } finally {
    await c.end();
  }
}
