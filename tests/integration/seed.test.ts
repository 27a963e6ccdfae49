// The deterministic demo region (prisma/seed): loads into a fresh migrated database (its time is
// the benchmark's and the e2e runner's log line, not an assertion here) and keeps the journal's rules — no marks in the first grade
// (JRN-10), none for home / family education (PPL-2), none outside a student's
// membership of the class and subgroup (PPL-3), a conflict-free timetable (SCH-2),
// finals equal to the rounded weighted average (FIN-2) — and the same `today` gives
// the same data, ids included.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "@/lib/access/roles";
import { verifyPassword } from "../../lib/auth/password";
import { DEMO_LOGINS, DEMO_ORG_NAMES, DEMO_PASSWORD, seedDemo } from "../../prisma/seed/index";
import { createTestDatabase, dropTestDatabase } from "../support/db";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const TODAY_ISO = "2026-11-23";
let pool: pg.Pool;

async function q<T extends Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
  on: pg.Pool = pool,
): Promise<T[]> {
  return (await on.query<T>(text, params)).rows;
}

async function one(text: string, params: unknown[] = [], on: pg.Pool = pool): Promise<number> {
  const rows = await q<{ n: number }>(text, params, on);
  return Number(rows[0]?.n ?? 0);
}

beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  await seedDemo(url, { today: TODAY });
  pool = new pg.Pool({ connectionString: url, max: 2 });
}, 180_000);

afterAll(async () => {
  await pool?.end();
});

describe("demo seed", () => {
  it("creates the region, both organisations and their current years", async () => {
    const orgs = await q<{ name: string; kind: string; region: string; mun: string }>(
      `SELECT o.name, o.kind::text, r.name AS region, m.name AS mun FROM "Organisation" o
       JOIN "Region" r ON r.id = o."regionId" JOIN "Municipality" m ON m.id = o."municipalityId" ORDER BY o.id`,
    );
    expect(orgs).toEqual([
      { name: DEMO_ORG_NAMES.school, kind: "SCHOOL", region: "Самарская область", mun: "городской округ Самара" },
      { name: DEMO_ORG_NAMES.college, kind: "COLLEGE", region: "Самарская область", mun: "городской округ Самара" },
    ]);
    const years = await q<{ name: string; start: string; status: string }>(
      `SELECT name, "startDate"::text AS start, status::text FROM "AcademicYear" WHERE "isCurrent" ORDER BY "organisationId"`,
    );
    expect(years).toEqual([
      { name: "2026/2027", start: "2026-09-01", status: "OPEN" },
      { name: "2026/2027", start: "2026-09-01", status: "OPEN" },
    ]);
    const current = `JOIN "AcademicYear" y ON y."organisationId" = p."organisationId" AND y.id = p."yearId" AND y."isCurrent"`;
    expect(await one(`SELECT count(*)::int AS n FROM "Period" p ${current} WHERE kind = 'QUARTER'`)).toBe(4);
    expect(await one(`SELECT count(*)::int AS n FROM "Period" p ${current} WHERE kind = 'SEMESTER'`)).toBe(2);
    expect(await one(`SELECT count(*)::int AS n FROM "AssignmentType"`)).toBe(22);
  });

  it("has row counts in the expected ranges", async () => {
    const count = async (table: string, org: number) =>
      one(`SELECT count(*)::int AS n FROM "${table}" WHERE "organisationId" = $1`, [org]);
    const [school, college] = [1, 2];
    // 22 classes this year and the previous year's 6А and 2Б (REC-3)
    expect(await count("ClassGroup", school)).toBe(24);
    expect(await count("ClassGroup", college)).toBe(4);
    expect(await count("Student", school)).toBeGreaterThanOrEqual(22 * 22);
    expect(await count("Student", school)).toBeLessThanOrEqual(28 * 22 + 1);
    expect(await count("Student", college)).toBeGreaterThanOrEqual(80);
    expect(await count("Parent", school)).toBeGreaterThan(700);
    const teachers = await one(
      `SELECT count(*)::int AS n FROM "UserRole" WHERE "organisationId" = 1 AND role = 'TEACHER'`,
    );
    expect(teachers).toBeGreaterThanOrEqual(35);
    expect(teachers).toBeLessThanOrEqual(45);
    expect(await count("Lesson", school)).toBeGreaterThan(5000);
    expect(await count("Mark", school)).toBeGreaterThan(30000);
    expect(await count("Attendance", school)).toBeGreaterThan(3000);
    expect(await count("Lesson", college)).toBeGreaterThan(500);
    expect(await count("Mark", college)).toBeGreaterThan(3000);
    // ~5–7 % of student-lessons missed
    const share = await one(
      `SELECT (100.0 * (SELECT count(*) FROM "Attendance" WHERE code <> 'OP' AND "organisationId" = 1)
        / (SELECT count(*) FROM "Lesson" l JOIN "ClassMembership" m ON m."organisationId" = l."organisationId" AND m."classId" = l."classId"
           AND m."startDate" <= l.date AND (m."endDate" IS NULL OR m."endDate" >= l.date)
           WHERE l."organisationId" = 1 AND l.date < $1 AND l."subgroupId" IS NULL))::float AS n`,
      [TODAY_ISO],
    );
    expect(share).toBeGreaterThan(3);
    expect(share).toBeLessThan(10);
  });

  it("has every demo login with its role, the demo password and no forced change", async () => {
    for (const d of DEMO_LOGINS) {
      const rows = await q<{ roles: string[]; must: boolean; hash: string }>(
        `SELECT array_agg(r.role::text) AS roles, u."mustChangePassword" AS must, u."passwordHash" AS hash FROM "User" u
         JOIN "Organisation" o ON o.id = u."organisationId" JOIN "UserRole" r ON r."organisationId" = u."organisationId" AND r."userId" = u.id
         WHERE o.name = $1 AND u.login = $2 GROUP BY u."organisationId", u.id`,
        [d.orgName, d.login],
      );
      expect(rows, `${d.org}/${d.login}`).toHaveLength(1);
      expect(rows[0].roles).toContain(d.role);
      expect(rows[0].must).toBe(false);
      expect(d.password).toBe(DEMO_PASSWORD);
    }
    const [{ hash }] = await q<{ hash: string }>(`SELECT "passwordHash" AS hash FROM "User" WHERE login = 'parent'`);
    expect(await verifyPassword(hash, DEMO_PASSWORD)).toBe(true);
    expect(await one(`SELECT count(DISTINCT "passwordHash")::int AS n FROM "User"`)).toBe(1);
    expect(await one(`SELECT count(*)::int AS n FROM "User" WHERE "mustChangePassword"`)).toBe(0);
    const roles = new Set(DEMO_LOGINS.map((d) => d.role));
    for (const r of ROLES) expect(roles.has(r), r).toBe(true);
  });

  it("gives the demo parent two children in different classes; the demo teacher leads the demo student's class", async () => {
    const kids = await q<{ class: string }>(
      `SELECT c.name AS class FROM "User" u JOIN "Parent" p ON p."organisationId" = u."organisationId" AND p."userId" = u.id
       JOIN "ParentLink" pl ON pl."organisationId" = p."organisationId" AND pl."parentId" = p.id
       JOIN "ClassMembership" m ON m."organisationId" = pl."organisationId" AND m."studentId" = pl."studentId" AND m."endDate" IS NULL
       JOIN "ClassGroup" c ON c."organisationId" = m."organisationId" AND c.id = m."classId"
       WHERE u."organisationId" = 1 AND u.login = 'parent'`,
    );
    expect(kids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(kids.map((k) => k.class)).size).toBe(kids.length);
    const led = await one(
      `SELECT count(*)::int AS n FROM "User" s JOIN "Student" st ON st."organisationId" = s."organisationId" AND st."userId" = s.id
       JOIN "ClassMembership" m ON m."organisationId" = st."organisationId" AND m."studentId" = st.id AND m."endDate" IS NULL
       JOIN "ClassTeacher" ct ON ct."organisationId" = m."organisationId" AND ct."classId" = m."classId"
       JOIN "User" t ON t."organisationId" = ct."organisationId" AND t.id = ct."userId"
       WHERE s."organisationId" = 1 AND s.login = 'student' AND t.login = 'teacher'`,
    );
    expect(led).toBe(1);
    // the parent's unread letter from the teacher and (DAY-2) the caretaker's task from the director
    expect(await one(`SELECT count(*)::int AS n FROM "MessageRecipient" WHERE "readAt" IS NULL`)).toBe(2);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "MessageRecipient" r JOIN "User" u ON u."organisationId" = r."organisationId" AND u.id = r."userId"
         WHERE r."readAt" IS NULL AND u."organisationId" = 1 AND u.login = 'staff'`,
      ),
    ).toBe(1);
    expect(await one(`SELECT count(*)::int AS n FROM "Remark" WHERE status = 'OPEN'`)).toBe(1);
    expect(await one(`SELECT count(*)::int AS n FROM "Lesson" WHERE "planTopicId" IS NOT NULL`)).toBeGreaterThan(20);
    expect(await one(`SELECT count(*)::int AS n FROM "Lesson" WHERE "substituteId" IS NOT NULL`)).toBeGreaterThan(0);
    expect(await one(`SELECT count(*)::int AS n FROM "Movement" WHERE kind = 'TRANSFER'`)).toBe(2);
    expect(
      await one(`SELECT count(*)::int AS n FROM "Movement" WHERE kind = 'EXPULSION' AND date >= '2026-09-01'`),
    ).toBe(1);
  });

  it("seeds the closed previous year of 7А and 3Б: journal, finals and the council's decisions (REC-3, REC-4)", async () => {
    const years = await q<{ name: string; status: string; current: boolean }>(
      `SELECT name, status::text, "isCurrent" AS current FROM "AcademicYear" WHERE "organisationId" = 1 ORDER BY "startDate"`,
    );
    expect(years).toEqual([
      { name: "2025/2026", status: "CLOSED", current: false },
      { name: "2026/2027", status: "OPEN", current: true },
    ]);
    const past = await q<{ name: string; next: string; teacher: string }>(
      `SELECT c.name, n.name AS next, u.login AS teacher FROM "ClassGroup" c
       JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y.status = 'CLOSED'
       JOIN "ClassGroup" n ON n."organisationId" = c."organisationId" AND n.id = c."nextClassId"
       JOIN "ClassTeacher" ct ON ct."organisationId" = c."organisationId" AND ct."classId" = c.id
       JOIN "User" u ON u."organisationId" = ct."organisationId" AND u.id = ct."userId" ORDER BY c.name`,
    );
    expect(past.map((p) => [p.name, p.next])).toEqual([
      ["2Б", "3Б"],
      ["6А", "7А"],
    ]);
    expect(past.find((p) => p.name === "6А")?.teacher).toBe("teacher");
    // the demo teacher taught 6А mathematics; the demo student was in 6А
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "TeacherLoad" l JOIN "User" u ON u."organisationId" = l."organisationId" AND u.id = l."teacherId"
         JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId" WHERE u.login = 'teacher' AND c.name = '6А'`,
      ),
    ).toBe(1);
    const pastLessons = await one(
      `SELECT count(*)::int AS n FROM "Lesson" l JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
       WHERE c."yearId" <> (SELECT id FROM "AcademicYear" WHERE "organisationId" = 1 AND "isCurrent")
         AND c."organisationId" = 1 AND l.date BETWEEN '2025-09-01' AND '2026-05-31'`,
    );
    expect(pastLessons).toBeGreaterThan(1000);
    // every pupil has a decision under protocol № 9; the one who left is «выбыл», tied to his expulsion
    const decisions = await q<{ decision: string; n: number; protocol: string; tied: number }>(
      `SELECT d.decision::text, count(*)::int AS n, min(d."protocolNumber") AS protocol, count(d."movementId")::int AS tied
       FROM "YearDecision" d JOIN "AcademicYear" y ON y."organisationId" = d."organisationId" AND y.id = d."yearId"
       WHERE y.name = '2025/2026' AND d."organisationId" = 1 GROUP BY 1 ORDER BY 1`,
    );
    expect(decisions.map((d) => [d.decision, d.protocol, d.tied])).toEqual([
      ["LEFT", "9", 1],
      ["PROMOTED", "9", 0],
    ]);
    expect(decisions.find((d) => d.decision === "LEFT")?.n).toBe(1);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "FinalMark" f JOIN "ClassGroup" c ON c."organisationId" = f."organisationId" AND c.id = f."classId"
         WHERE c.name = '6А' AND c."yearId" <> (SELECT id FROM "AcademicYear" WHERE "organisationId" = 1 AND "isCurrent") AND f.kind = 'YEAR'`,
      ),
    ).toBeGreaterThan(200);
  });

  it("gives no marks in the first grade (JRN-10) and none for today or later", async () => {
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "Mark" k JOIN "Lesson" l ON l."organisationId" = k."organisationId" AND l.id = k."lessonId"
         JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId" WHERE c."organisationId" = 1 AND c.grade = 1`,
      ),
    ).toBe(0);
    // DAY-1: the whole year's lessons exist; those after today are empty (no topic, homework, marks, attendance)
    expect(await one(`SELECT count(*)::int AS n FROM "Lesson" l WHERE l.date > $1`, [TODAY_ISO])).toBeGreaterThan(5000);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "Lesson" l WHERE l.date > $1 AND (l.topic IS NOT NULL OR l."filledAt" IS NOT NULL
           OR EXISTS (SELECT 1 FROM "Homework" h WHERE h."organisationId" = l."organisationId" AND h."lessonId" = l.id)
           OR EXISTS (SELECT 1 FROM "Attendance" a WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id)
           OR EXISTS (SELECT 1 FROM "Assignment" a WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id))`,
        [TODAY_ISO],
      ),
    ).toBe(0);
    expect(
      await one(
        // the current year's classes (the closed 2025/26 year keeps its own lessons, REC-3)
        `SELECT count(*)::int AS n FROM "Lesson" l
           JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
           JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y."isCurrent"
         WHERE l.date > y."endDate" OR l.date < y."startDate"`,
      ),
    ).toBe(0);
    // the last school week of the year has lessons (school and college)
    for (const org of [1, 2])
      expect(
        await one(
          `SELECT count(*)::int AS n FROM "Lesson" l JOIN "AcademicYear" y ON y."organisationId" = l."organisationId" AND y."isCurrent"
           WHERE l."organisationId" = $1 AND l.date > y."endDate" - 14`,
          [org],
        ),
      ).toBeGreaterThan(0);
    // homework set at the last lessons before today is due on a coming lesson of the same stream
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "Homework" h JOIN "Lesson" l ON l."organisationId" = h."organisationId" AND l.id = h."lessonId"
         WHERE h."dueDate" > $1 AND EXISTS (SELECT 1 FROM "Lesson" n WHERE n."organisationId" = l."organisationId"
           AND n."classId" = l."classId" AND n."subjectId" = l."subjectId" AND n.date = h."dueDate")`,
        [TODAY_ISO],
      ),
    ).toBeGreaterThan(50);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "Mark" k JOIN "Lesson" l ON l."organisationId" = k."organisationId" AND l.id = k."lessonId" WHERE l.date >= $1`,
        [TODAY_ISO],
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "Mark" WHERE kind = 'GRADE' AND (value IS NULL OR value NOT BETWEEN 2 AND 5)`,
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "Mark" k JOIN "Lesson" l ON l."organisationId" = k."organisationId" AND l.id = k."lessonId"
         JOIN "Subject" s ON s."organisationId" = l."organisationId" AND s.id = l."subjectId" WHERE (k.kind IN ('PASS', 'FAIL')) <> s."passFail" AND k.kind <> 'DEBT'`,
      ),
    ).toBe(0);
  });

  it("enters no marks or attendance for home / family education (PPL-2) or outside the membership", async () => {
    for (const table of ["Mark", "Attendance"]) {
      const outside = await one(
        `SELECT count(*)::int AS n FROM "${table}" x JOIN "Lesson" l ON l."organisationId" = x."organisationId" AND l.id = x."lessonId"
         WHERE NOT EXISTS (SELECT 1 FROM "ClassMembership" m WHERE m."organisationId" = x."organisationId" AND m."studentId" = x."studentId"
           AND m."classId" = l."classId" AND m."startDate" <= l.date AND (m."endDate" IS NULL OR m."endDate" >= l.date)
           AND m."educationForm" IN ('FULL_TIME', 'PART_TIME'))
         OR (l."subgroupId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "SubgroupMember" g
           WHERE g."organisationId" = x."organisationId" AND g."subgroupId" = l."subgroupId" AND g."studentId" = x."studentId"))`,
      );
      expect(outside, table).toBe(0);
      const home = await one(
        `SELECT count(*)::int AS n FROM "${table}" x JOIN "Student" s ON s."organisationId" = x."organisationId" AND s.id = x."studentId"
         WHERE s."educationForm" IN ('HOME', 'FAMILY')`,
      );
      expect(home, table).toBe(0);
    }
    expect(await one(`SELECT count(*)::int AS n FROM "Student" WHERE "educationForm" IN ('HOME', 'FAMILY')`)).toBe(3);
    // the mid-October newcomer has marks only from the day of admission
    const late = await one(
      `SELECT count(*)::int AS n FROM "Mark" k JOIN "Lesson" l ON l."organisationId" = k."organisationId" AND l.id = k."lessonId"
       JOIN "Movement" mv ON mv."organisationId" = k."organisationId" AND mv."studentId" = k."studentId" AND mv.kind = 'ADMISSION'
       WHERE mv.date > '2026-09-01' AND l.date < mv.date`,
    );
    expect(late).toBe(0);
  });

  it("has a conflict-free timetable and lessons (SCH-2)", async () => {
    const teacher = await one(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM "TimetableEntry" GROUP BY "organisationId", "teacherId", weekday, "bellNumber" HAVING count(*) > 1) t`,
    );
    const room = await one(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM "TimetableEntry" WHERE "roomId" IS NOT NULL GROUP BY "organisationId", "roomId", weekday, "bellNumber" HAVING count(*) > 1) t`,
    );
    const klass = await one(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM "TimetableEntry" GROUP BY "organisationId", "classId", weekday, "bellNumber"
       HAVING count(*) > 1 AND (count("subgroupId") < count(*) OR count(DISTINCT "subgroupId") < count(*) OR count(DISTINCT "subjectId") > 1)) t`,
    );
    expect({ teacher, room, klass }).toEqual({ teacher: 0, room: 0, klass: 0 });
    const lessonTeacher = await one(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Lesson" WHERE status = 'SCHEDULED'
       GROUP BY "organisationId", COALESCE("substituteId", "teacherId"), date, "bellNumber" HAVING count(*) > 1) t`,
    );
    const lessonRoom = await one(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM "Lesson" WHERE status = 'SCHEDULED' AND "roomId" IS NOT NULL
       GROUP BY "organisationId", "roomId", date, "bellNumber" HAVING count(*) > 1) t`,
    );
    expect({ lessonTeacher, lessonRoom }).toEqual({ lessonTeacher: 0, lessonRoom: 0 });
    // weekly hours of the timetable match the curriculum (34 weeks at school)
    const mismatch = await one(
      `SELECT count(*)::int AS n FROM "CurriculumItem" ci
       JOIN "ClassGroup" c ON c."organisationId" = ci."organisationId" AND c.id = ci."classId"
       JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y."isCurrent"
       WHERE ci."organisationId" = 1 AND ci.hours <> 34 * (
         SELECT count(DISTINCT (e.weekday, e."bellNumber")) FROM "TimetableEntry" e
         WHERE e."organisationId" = ci."organisationId" AND e."classId" = ci."classId" AND e."subjectId" = ci."subjectId")`,
    );
    expect(mismatch).toBe(0);
    // no lessons on weekends or on holidays (the February week only for the first grade)
    const onHoliday = await one(
      `SELECT count(*)::int AS n FROM "Lesson" l JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
       WHERE extract(isodow FROM l.date) > 5 OR EXISTS (SELECT 1 FROM "Holiday" h WHERE h."organisationId" = l."organisationId"
         AND l.date BETWEEN h."startDate" AND h."endDate" AND (h.name NOT LIKE '%1-х классов%' OR c.grade = 1))`,
    );
    expect(onHoliday).toBe(0);
  });

  it("seeds the demo teacher's club with pupils of 7А and 7Б meeting after their lessons, sessions and attendance (PRG-2)", async () => {
    const clubs = await q<{ id: number; leader: string; classes: string[]; demo: boolean }>(
      `SELECT c.id, u.login AS leader,
              array_agg(DISTINCT g.name ORDER BY g.name) AS classes,
              bool_or(su.login = 'student') AS demo
         FROM "Club" c JOIN "User" u ON u."organisationId" = c."organisationId" AND u.id = c."leaderId"
         JOIN "ClubMember" m ON m."organisationId" = c."organisationId" AND m."clubId" = c.id
         JOIN "Student" s ON s."organisationId" = m."organisationId" AND s.id = m."studentId"
         LEFT JOIN "User" su ON su."organisationId" = s."organisationId" AND su.id = s."userId"
         JOIN "ClassMembership" cm ON cm."organisationId" = s."organisationId" AND cm."studentId" = s.id AND cm."endDate" IS NULL
         JOIN "ClassGroup" g ON g."organisationId" = cm."organisationId" AND g.id = cm."classId" AND g."yearId" = c."yearId"
        GROUP BY c.id, u.login`,
    );
    expect(clubs).toEqual([{ id: expect.any(Number), leader: "teacher", classes: ["7А", "7Б"], demo: true }]);
    // No member's class has a lesson, and the leader teaches none, while the club meets (SCH-2 joined by PRG-2).
    const clashes = await one(
      `SELECT count(*)::int AS n FROM "ClubSlot" cs
         JOIN "Club" c ON c."organisationId" = cs."organisationId" AND c.id = cs."clubId"
         JOIN "TimetableEntry" e ON e."organisationId" = cs."organisationId" AND e.weekday = cs.weekday
         JOIN "ClassGroup" g ON g."organisationId" = e."organisationId" AND g.id = e."classId"
         JOIN "BellSchedule" bs ON bs."organisationId" = e."organisationId" AND (bs.id = g."bellScheduleId" OR (g."bellScheduleId" IS NULL AND bs."isDefault"))
         JOIN "Bell" b ON b."organisationId" = bs."organisationId" AND b."scheduleId" = bs.id AND b.number = e."bellNumber"
        WHERE (split_part(b."startTime", ':', 1)::int * 60 + split_part(b."startTime", ':', 2)::int) < cs."endMinute"
          AND (split_part(b."endTime", ':', 1)::int * 60 + split_part(b."endTime", ':', 2)::int) > cs."startMinute"
          AND (e."teacherId" = c."leaderId" OR e."classId" IN (
                SELECT cm."classId" FROM "ClubMember" m JOIN "ClassMembership" cm
                  ON cm."organisationId" = m."organisationId" AND cm."studentId" = m."studentId" AND cm."endDate" IS NULL
                 WHERE m."organisationId" = c."organisationId" AND m."clubId" = c.id))`,
    );
    expect(clashes).toBe(0);
    const sessions = await q<{ date: string; absent: number }>(
      `SELECT to_char(s.date, 'YYYY-MM-DD') AS date, count(a."studentId")::int AS absent FROM "ClubSession" s
         LEFT JOIN "ClubAttendance" a ON a."organisationId" = s."organisationId" AND a."sessionId" = s.id
        GROUP BY s."organisationId", s.id ORDER BY s.date`,
    );
    // The three Wednesdays before 2026-11-23.
    expect(sessions).toEqual([
      { date: "2026-11-04", absent: 1 },
      { date: "2026-11-11", absent: 2 },
      { date: "2026-11-18", absent: 1 },
    ]);
  });

  it("sets the first-quarter finals to the rounded weighted average (FIN-2)", async () => {
    const rows = await q<{ n: number; bad: number }>(
      `WITH q1 AS (SELECT id, "organisationId", "startDate", "endDate" FROM "Period" WHERE kind = 'QUARTER' AND number = 1),
       avg AS (
         SELECT k."organisationId", q1.id AS "periodId", k."studentId", l."subjectId", sum(t.weight * k.value) / sum(t.weight) AS a
         FROM "Mark" k JOIN "Lesson" l ON l."organisationId" = k."organisationId" AND l.id = k."lessonId"
         JOIN "Assignment" asg ON asg."organisationId" = k."organisationId" AND asg.id = k."assignmentId"
         JOIN "AssignmentType" t ON t."organisationId" = asg."organisationId" AND t.id = asg."typeId"
         JOIN q1 ON q1."organisationId" = l."organisationId" AND l.date BETWEEN q1."startDate" AND q1."endDate"
         WHERE k.kind = 'GRADE' GROUP BY 1, 2, 3, 4)
       SELECT count(*)::int AS n, count(*) FILTER (WHERE f.value IS DISTINCT FROM
         (floor(avg.a) + CASE WHEN avg.a - floor(avg.a) >= 0.5 THEN 1 ELSE 0 END)::int)::int AS bad
       FROM "FinalMark" f JOIN q1 ON q1."organisationId" = f."organisationId" AND q1.id = f."periodId"
       JOIN "Student" s ON s."organisationId" = f."organisationId" AND s.id = f."studentId"
       JOIN avg ON avg."organisationId" = f."organisationId" AND avg."periodId" = f."periodId" AND avg."studentId" = f."studentId" AND avg."subjectId" = f."subjectId"
       WHERE s."educationForm" = 'FULL_TIME'`,
    );
    expect(rows[0].n).toBeGreaterThan(3000);
    expect(rows[0].bad).toBe(0);
    // grades 10–11 (half-years) and the college (semesters) have no finals yet
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "FinalMark" f JOIN "Period" p ON p."organisationId" = f."organisationId" AND p.id = f."periodId" WHERE p.kind <> 'QUARTER'`,
      ),
    ).toBe(0);
  });

  it("is deterministic: the same `today` gives the same data, ids included", async () => {
    const url2 = await createTestDatabase();
    const other = new pg.Pool({ connectionString: url2, max: 2 });
    try {
      await seedDemo(url2, { today: TODAY });
      const digest = (on: pg.Pool) =>
        q<Record<string, string>>(
          `SELECT
            (SELECT md5(string_agg(concat_ws(',', "organisationId", id, login, "lastName", "firstName", "middleName"), ';' ORDER BY "organisationId", id)) FROM "User") AS users,
            (SELECT md5(string_agg(concat_ws(',', "organisationId", id, "birthDate"::text, snils, "educationForm"), ';' ORDER BY "organisationId", id)) FROM "Student") AS students,
            (SELECT md5(string_agg(concat_ws(',', "organisationId", id, "classId", "subjectId", "teacherId", weekday, "bellNumber", "roomId"), ';' ORDER BY "organisationId", id)) FROM "TimetableEntry") AS timetable,
            (SELECT md5(string_agg(concat_ws(',', "organisationId", id, "classId", date::text, "bellNumber", topic, "substituteId"), ';' ORDER BY "organisationId", id)) FROM "Lesson") AS lessons,
            (SELECT md5(string_agg(concat_ws(',', "organisationId", id, "lessonId", "studentId", kind, value, "createdAt"::text), ';' ORDER BY "organisationId", id)) FROM "Mark") AS marks,
            (SELECT md5(string_agg(concat_ws(',', "organisationId", "lessonId", "studentId", code), ';' ORDER BY "organisationId", "lessonId", "studentId")) FROM "Attendance") AS attendance,
            (SELECT md5(string_agg(concat_ws(',', "organisationId", id, "studentId", "subjectId", value, special), ';' ORDER BY "organisationId", id)) FROM "FinalMark") AS finals`,
          [],
          on,
        );
      const [a] = await digest(pool);
      const [b] = await digest(other);
      expect(b).toEqual(a);
    } finally {
      await other.end();
      await dropTestDatabase(url2);
    }
  }, 180_000);
});
