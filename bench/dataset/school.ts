// Loads the benchmark school into a migrated database by composing the demo seed's own steps
// (setup → roster → journal → misc) around the scaled plan of plan.ts, then tops the marks up
// in SQL to the issue's ~600,000 (an extra «Домашняя работа» on every other lesson, ~60 % of the
// present students marked, values from a hash: deterministic and fast).
import type pg from "pg";
import { SCHOOL_BELLS, seedSchoolCore, type OrgSeedArgs } from "../../prisma/seed/school";
import type { OrgCard } from "../../prisma/seed/setup";
import { BIG_CLASS, BIG_CLASS_SIZE, buildBenchPlan } from "./plan";

export const BENCH_ORG_NAME = "МБОУ «Школа № 1» (нагрузочный тест)";

const CARD: OrgCard = {
  kind: "SCHOOL",
  name: BENCH_ORG_NAME,
  shortName: "Школа № 1",
  address: "443001, г. Самара, ул. Ленинская, д. 1",
  director: "Кузнецова Татьяна Владимировна",
  phone: "+7 (846) 300-00-01",
  email: "school1.samara@example.ru",
  website: "https://school1.example.ru",
  settings: { passFailEnabled: false },
  ...SCHOOL_BELLS,
  extraRooms: [
    ["Актовый зал", 200],
    ["Библиотека", 30],
  ],
};

/** The demo seed's own arguments: the benchmark school is seeded by the same steps. */
export type BenchSchoolArgs = OrgSeedArgs;

export async function seedBenchSchool(a: BenchSchoolArgs): Promise<{ orgId: number; counts: Record<string, number> }> {
  const plan = buildBenchPlan(a.rng.fork("plan"));
  const { ids, j } = await seedSchoolCore(
    a,
    CARD,
    plan,
    { size: [25, 25], classSize: { [BIG_CLASS]: BIG_CLASS_SIZE } },
    (cont) =>
      `  ${plan.classes.length} классов, ${cont.students.length} учеников, ${cont.parents.length} родителей, ${plan.teachers.length} учителей`,
  );
  const extra = await topUpMarks(a.sql, ids.orgId, a.today);
  return {
    orgId: ids.orgId,
    counts: { classes: plan.classes.length, teachers: plan.teachers.length, ...j.counts, extraMarks: extra },
  };
}

/** Adds a homework assignment to every other past lesson (grade ≥ 2) and marks ~45 % of its present students. */
export async function topUpMarks(sql: pg.ClientBase, orgId: number, today: Date): Promise<number> {
  const type = await sql.query<{ id: number }>(
    `SELECT id FROM "AssignmentType" WHERE "organisationId" = $1 AND name = 'Домашняя работа'`,
    [orgId],
  );
  const typeId = type.rows[0].id;
  const day = today.toISOString().slice(0, 10);
  await sql.query(
    `INSERT INTO "Assignment" ("organisationId", "lessonId", "typeId", description, "createdAt")
     SELECT l."organisationId", l.id, $2, 'Проверка домашнего задания', l.date + time '15:00'
     FROM "Lesson" l JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
     WHERE l."organisationId" = $1 AND l.date <= $3::date AND l.status <> 'CANCELLED' AND c.grade >= 2 AND l.id % 2 = 0`,
    [orgId, typeId, day],
  );
  const r = await sql.query(
    `INSERT INTO "Mark" ("organisationId", "lessonId", "assignmentId", "studentId", kind, value, "isHospital", "createdById", "updatedById", "createdAt", "updatedAt")
     SELECT a."organisationId", l.id, a.id, m."studentId", 'GRADE',
            CASE WHEN h.v < 30 THEN 5 WHEN h.v < 70 THEN 4 WHEN h.v < 92 THEN 3 ELSE 2 END,
            false, l."teacherId", l."teacherId", a."createdAt", a."createdAt"
     FROM "Assignment" a
     JOIN "Lesson" l ON l."organisationId" = a."organisationId" AND l.id = a."lessonId"
     JOIN "ClassMembership" m ON m."organisationId" = l."organisationId" AND m."classId" = l."classId"
       AND m."startDate" <= l.date AND (m."endDate" IS NULL OR m."endDate" >= l.date) AND m."educationForm" = 'FULL_TIME'
     CROSS JOIN LATERAL (SELECT abs(hashint4(m."studentId" * 7919 + l.id)) % 100 AS v) h
     WHERE a."organisationId" = $1 AND a."typeId" = $2 AND a.description = 'Проверка домашнего задания'
       AND (l."subgroupId" IS NULL OR EXISTS (SELECT 1 FROM "SubgroupMember" s WHERE s."organisationId" = l."organisationId" AND s."subgroupId" = l."subgroupId" AND s."studentId" = m."studentId"))
       AND NOT EXISTS (SELECT 1 FROM "Attendance" x WHERE x."organisationId" = l."organisationId" AND x."lessonId" = l.id AND x."studentId" = m."studentId")
       AND abs(hashint4(m."studentId" * 104729 + l.id)) % 100 < 60`,
    [orgId, typeId],
  );
  return r.rowCount ?? 0;
}
