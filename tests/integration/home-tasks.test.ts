// DAY-2: every demo role's home page lists tasks of its kind from the demo data, each a link to
// where the task is done; the widgets follow the held permissions and their scopes.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../prisma/seed/index";
import { DEMO_LOGINS } from "../../prisma/seed/logins";
import { loadHomeWidgets } from "@/lib/home/loaders";
import type { HomeWidget } from "@/lib/home/data";
import type { CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/prisma/generated/prisma/client";
import { sessionUser } from "../support/session-user";
import { counted } from "../support/pg-queries";

// A Monday in the second quarter: the demo is seeded for it and the homes are read on it.
const TODAY = new Date("2026-11-23T12:00:00+04:00");
const TODAY_DATE = new Date("2026-11-23T00:00:00.000Z");
let pool: pg.Pool;

async function q<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(text, params)).rows;
}

async function userOf(org: "school" | "college", login: string): Promise<CurrentUser> {
  const [u] = await q<{ id: number; organisationId: number; kind: "SCHOOL" | "COLLEGE"; roles: Role[] }>(
    `SELECT u.id, u."organisationId", o.kind, array_agg(r.role::text) AS roles
       FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId"
       JOIN "UserRole" r ON r."organisationId" = u."organisationId" AND r."userId" = u.id
      WHERE o.kind = $1 AND u.login = $2 GROUP BY u.id, u."organisationId", o.kind`,
    [org === "school" ? "SCHOOL" : "COLLEGE", login],
  );
  return sessionUser(u.id, u.organisationId, {
    login,
    fullName: login,
    shortName: login,
    roles: u.roles,
    orgKind: u.kind,
    orgName: "",
  });
}

const byKey = (ws: HomeWidget[]) => new Map(ws.map((w) => [w.key, w]));

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
});
afterAll(async () => {
  await pool.end();
});

// The widget of its kind each demo login must show with at least one task.
const EXPECTED: Record<string, string[]> = {
  ADMIN: ["control", "logins"],
  DIRECTOR: ["control"],
  DEPUTY: ["control"],
  HEAD_OF_DEPT: ["control"],
  SCHEDULER: ["events"],
  SECRETARY: ["files"],
  TEACHER: ["unfilled"],
  STUDENT: ["homework"],
  PARENT: ["homework"],
  MEDIC: ["sick"],
  PSYCHOLOGIST: ["unexcused"],
  STAFF: ["mail"],
};

describe("home page tasks (DAY-2)", () => {
  for (const login of DEMO_LOGINS) {
    it(`${login.org} ${login.role}: ${EXPECTED[login.role].join(", ")} with a task that links somewhere`, async () => {
      const widgets = byKey(await loadHomeWidgets(await userOf(login.org, login.login), TODAY_DATE));
      for (const key of EXPECTED[login.role]) {
        const w = widgets.get(key);
        expect(w, `${key} of ${login.role}`).toBeDefined();
        expect(w!.tasks.length, `${key} of ${login.role}`).toBeGreaterThan(0);
        for (const t of w!.tasks) expect(t.href).toMatch(/^\/[a-z]/);
      }
    });
  }

  it("a role sees only the widgets its permissions open", async () => {
    const parent = byKey(await loadHomeWidgets(await userOf("school", "parent"), TODAY_DATE));
    expect([...parent.keys()].sort()).toEqual(["homework", "mail"]);
    const staff = byKey(await loadHomeWidgets(await userOf("school", "staff"), TODAY_DATE));
    expect([...staff.keys()]).toEqual(["mail"]);
  });

  it("the teacher's unfilled lessons are their own, up to today, without a topic; today's come first", async () => {
    const user = await userOf("school", "teacher");
    const w = byKey(await loadHomeWidgets(user, TODAY_DATE)).get("unfilled")!;
    const today = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Lesson" WHERE "organisationId" = $1 AND date = $2 AND topic IS NULL
         AND status <> 'CANCELLED' AND (("teacherId" = $3 AND "substituteId" IS NULL) OR "substituteId" = $3)`,
      [user.organisationId, "2026-11-23", user.id],
    );
    expect(today[0].n).toBeGreaterThan(0);
    expect(w.tasks.slice(0, today[0].n).every((t) => t.note?.startsWith("сегодня"))).toBe(true);
    expect(w.tasks.every((t) => t.href.startsWith("/journal?"))).toBe(true);
    // another teacher's lessons never appear: every linked class × subject is one the teacher teaches
    const own = await q<{ classId: number; subjectId: number }>(
      `SELECT DISTINCT "classId", "subjectId" FROM "Lesson" WHERE "organisationId" = $1 AND ("teacherId" = $2 OR "substituteId" = $2)`,
      [user.organisationId, user.id],
    );
    for (const t of w.tasks) {
      const m = /class=(\d+)&subject=(\d+)/.exec(t.href);
      if (m) expect(own.some((o) => o.classId === Number(m[1]) && o.subjectId === Number(m[2]))).toBe(true);
    }
  });

  it("a parent's homework is due from today over the week, for the children's classes and subgroups only", async () => {
    const user = await userOf("school", "parent");
    const w = byKey(await loadHomeWidgets(user, TODAY_DATE)).get("homework")!;
    const children = await q<{ id: number }>(
      `SELECT s.id FROM "ParentLink" pl JOIN "Parent" p ON p."organisationId" = pl."organisationId" AND p.id = pl."parentId"
         JOIN "Student" s ON s."organisationId" = pl."organisationId" AND s.id = pl."studentId"
        WHERE p."userId" = $1 AND p."organisationId" = $2`,
      [user.id, user.organisationId],
    );
    expect(children.length).toBe(2);
    for (const t of w.tasks) {
      // DAY-4: the link opens the diary at the day the homework is due, not at the week's today
      const m = /^\/diary\/(\d+)\?day=(\d{4}-\d{2}-\d{2})$/.exec(t.href);
      expect(m, t.href).not.toBeNull();
      expect(children.map((c) => c.id)).toContain(Number(m![1]));
      expect(m![2] >= "2026-11-23" && m![2] <= "2026-11-30").toBe(true);
      const due = t.note === "к сегодня" ? "2026-11-23" : t.note!.replace(/^к (\d\d)\.(\d\d)\.(\d{4})$/, "$3-$2-$1");
      expect(m![2]).toBe(due);
    }
    // two children: each task names the child
    expect(w.tasks.every((t) => /^[А-ЯЁ][а-яё]+: /.test(t.text))).toBe(true);
  });

  it("a class teacher's incomplete personal files are their own class's only (people.manage scope class, ACL-2)", async () => {
    const user = await userOf("school", "teacher");
    const w = byKey(await loadHomeWidgets(user, TODAY_DATE)).get("files");
    const led = await q<{ id: number; name: string }>(
      `SELECT c.id, c.name FROM "ClassGroup" c JOIN "ClassTeacher" t ON t."organisationId" = c."organisationId" AND t."classId" = c.id
        JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y."isCurrent"
        WHERE c."organisationId" = $1 AND t."userId" = $2`,
      [user.organisationId, user.id],
    );
    expect(led.map((c) => c.name)).toEqual(["7А"]);
    const own = await q<{ id: number }>(
      `SELECT s.id FROM "Student" s JOIN "ClassMembership" m ON m."organisationId" = s."organisationId" AND m."studentId" = s.id
        WHERE m."classId" = $1 AND m."startDate" <= '2026-11-23' AND (m."endDate" IS NULL OR m."endDate" >= '2026-11-23')
          AND (s.snils IS NULL OR s."documentNumber" IS NULL
               OR NOT EXISTS (SELECT 1 FROM "ParentLink" p WHERE p."organisationId" = s."organisationId" AND p."studentId" = s.id))`,
      [led[0].id],
    );
    const listed = (w?.tasks ?? []).map((t) => Number(/\/people\/students\/(\d+)$/.exec(t.href)![1]));
    expect(listed.every((id) => own.some((o) => o.id === id))).toBe(true);
    expect((w?.tasks ?? []).every((t) => t.text.endsWith("(7А)"))).toBe(true);
    expect(listed.length).toBe(Math.min(own.length, 8));
    // the secretary (scope all) still sees the whole school's
    const secretary = byKey(await loadHomeWidgets(await userOf("school", "secretary"), TODAY_DATE)).get("files")!;
    expect(secretary.tasks.some((t) => !t.text.endsWith("(7А)"))).toBe(true);
  });

  it("the deputy sees the journals missing period finals near the period's end, not before, and no first grade (DAY-2, FIN-4)", async () => {
    const deputy = await userOf("school", "zavuch");
    // far from a period's end the journals are not read at all: only the gate's periods and setting
    const quiet = await counted(() => loadHomeWidgets(deputy, TODAY_DATE));
    expect(byKey(quiet.result).get("finals")).toBeUndefined();
    // (the finals' journal list — journalChoices' TeacherLoad read with its subgroups — is not read)
    expect(quiet.queries.filter((q) => /"TeacherLoad"\."subgroupId"/.test(q.text)).length).toBe(0);
    const w = byKey(await loadHomeWidgets(deputy, new Date("2026-12-26T00:00:00.000Z"))).get("finals")!;
    expect(w.title).toMatch(/^Не выставлены итоговые отметки · \d+$/);
    expect(w.tasks.length).toBe(8);
    for (const t of w.tasks) {
      expect(t.href).toMatch(/^\/finals\?classId=\d+&subjectId=\d+$/);
      expect(t.text).not.toMatch(/^1[АБ] · /);
      expect(t.note).toMatch(/^2 четверть: нет \d+, осталось 2 дн\.$/);
    }
    // a teacher sets only their own finals: no such widget on their home
    const teacher = byKey(
      await loadHomeWidgets(await userOf("school", "teacher"), new Date("2026-12-26T00:00:00.000Z")),
    );
    expect(teacher.get("finals")).toBeUndefined();
  });

  it("a college's homes say «занятие», not «урок» (DAY-6, PRN-3)", async () => {
    const head = byKey(await loadHomeWidgets(await userOf("college", "zavotd"), TODAY_DATE)).get("control")!;
    expect(head.tasks.length).toBeGreaterThan(0);
    for (const t of head.tasks) expect(t.note).toMatch(/^\d+ (занятие|занятия|занятий) без темы$/);
    const teacher = byKey(await loadHomeWidgets(await userOf("college", "teacher"), TODAY_DATE)).get("unfilled")!;
    expect(teacher.title).toBe("Незаполненные занятия");
    expect(teacher.tasks.length).toBeGreaterThan(0);
    for (const t of teacher.tasks) expect(t.note).toMatch(/, \d+-е занятие$/);
    // the school keeps its words
    const school = byKey(await loadHomeWidgets(await userOf("school", "teacher"), TODAY_DATE)).get("unfilled")!;
    expect(school.title).toBe("Незаполненные уроки");
    for (const t of school.tasks) expect(t.note).toMatch(/, \d+-й урок$/);
  });

  it("a head of department's control widget stays inside the department's classes (scope dept)", async () => {
    const user = await userOf("college", "zavotd");
    const w = byKey(await loadHomeWidgets(user, TODAY_DATE)).get("control")!;
    const teachers = w.tasks.map((t) => Number(/teacherId=(\d+)/.exec(t.href)![1]));
    const outside = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Lesson" l JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
        WHERE l."organisationId" = $1 AND coalesce(l."substituteId", l."teacherId") = ANY($2::int[])
          AND l.topic IS NULL AND l.status <> 'CANCELLED' AND l.date BETWEEN '2026-11-09' AND '2026-11-22'
          AND c."departmentId" IN (SELECT d.id FROM "Department" d WHERE d."organisationId" = $1 AND d."headId" = $3)`,
      [user.organisationId, teachers, user.id],
    );
    const counted = w.tasks.reduce((s, t) => s + Number(/^(\d+)/.exec(t.note!)![1]), 0);
    expect(counted).toBe(outside[0].n);
  });
});
