// What the scenarios ask for, looked up in the bench database: the busiest class × subject ×
// period of the journal and its teacher, cells of that class saved in the last days (inside the
// edit window of the real today), the demo parent's child, finished periods for the reports.
import pg from "pg";

export interface Cell {
  lessonId: number;
  assignmentId: number;
  studentId: number;
  version: number;
}

export interface Fixtures {
  orgId: number;
  today: string;
  grid: {
    classId: number;
    subjectId: number;
    periodId: number;
    lessons: number;
    students: number;
    teacherLogin: string;
  };
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
    const g = (
      await c.query(
        `SELECT l."classId", l."subjectId", p.id AS "periodId", l."teacherId", count(*)::int AS n
       FROM "Lesson" l
       JOIN "ClassGroup" cg ON cg."organisationId" = l."organisationId" AND cg.id = l."classId"
       JOIN "Period" p ON p."organisationId" = l."organisationId" AND p.kind = cg."periodKind" AND l.date BETWEEN p."startDate" AND p."endDate"
       WHERE l."organisationId" = $1 AND l."subgroupId" IS NULL AND $2::date BETWEEN p."startDate" AND p."endDate"
       GROUP BY 1, 2, 3, 4 ORDER BY n DESC, 1, 2 LIMIT 1`,
        [orgId, today],
      )
    ).rows[0] as { classId: number; subjectId: number; periodId: number; teacherId: number; n: number } | undefined;
    if (!g) throw new Error(`в базе нет уроков периода, содержащего ${today}`);
    const teacher = (
      await c.query(`SELECT login FROM "User" WHERE "organisationId" = $1 AND id = $2`, [orgId, g.teacherId])
    ).rows[0] as { login: string };
    const students = (
      await c.query(
        `SELECT count(*)::int AS n FROM "ClassMembership" WHERE "organisationId" = $1 AND "classId" = $2 AND "startDate" <= $3::date AND ("endDate" IS NULL OR "endDate" >= $3::date)`,
        [orgId, g.classId, today],
      )
    ).rows[0] as { n: number };
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
      grid: {
        classId: g.classId,
        subjectId: g.subjectId,
        periodId: g.periodId,
        lessons: g.n,
        students: students.n,
        teacherLogin: teacher.login,
      },
      cells,
      diary: { studentId: child.studentId },
      finishedPeriodId: finished?.id ?? g.periodId,
      orgPeriodId: quarter?.id ?? g.periodId,
    };
  } finally {
    await c.end();
  }
}
