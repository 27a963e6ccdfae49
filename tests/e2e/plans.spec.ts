// Lesson plans end to end (PLAN-1…PLAN-4): a teacher creates a plan, imports its topics from
// XLSX and submits it; a TEACHER has no way to approve, the DEPUTY approves; the approved
// plan's topics appear in the journal's lessons in order (binding view and Lesson.topic).
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { demoLogin, query, signInAs, openMenuItem } from "./support";
import { LoginPage } from "./pages/login-page";
import { PlansPage } from "./pages/plans-page";

async function xlsx(titles: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("КТП");
  ws.addRow(["№", "Тема", "Часы", "КЭС", "Тип урока", "Вид контроля", "Домашнее задание"]);
  titles.forEach((t, i) => ws.addRow([i + 1, t, 1, `1.${i + 1}`, "комбинированный урок", "", `§ ${i + 1}`]));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function signInLogin(page: Page, login: string): Promise<void> {
  const school = demoLogin("TEACHER");
  await new LoginPage(page).signIn(school.orgName, login, school.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test.describe("lesson plans (PLAN-1…PLAN-4)", () => {
  test("the teacher submits, cannot approve; the deputy approves and the topics fill the lessons in order", async ({
    browser,
  }) => {
    const school = demoLogin("TEACHER");
    // A class × subject of another teacher than the demo one (the demo teacher's 7А stays untouched),
    // taught to the whole class, with its lessons not yet filled in (topics cleared for the test).
    const [load] = await query<{
      login: string;
      classId: number;
      className: string;
      subjectId: number;
      subjectName: string;
      teacherId: number;
    }>(
      `SELECT u.login, c.id AS "classId", c.name AS "className", s.id AS "subjectId", s.name AS "subjectName", u.id AS "teacherId"
         FROM "TeacherLoad" l JOIN "User" u ON u."organisationId" = l."organisationId" AND u.id = l."teacherId"
         JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
         JOIN "Subject" s ON s."organisationId" = l."organisationId" AND s.id = l."subjectId"
         JOIN "Organisation" o ON o.id = l."organisationId"
        WHERE o.name = $1 AND u.login NOT IN ('teacher') AND c.grade = 9 AND s.name = 'Химия' AND l."subgroupId" IS NULL
        ORDER BY c.name LIMIT 1`,
      [school.orgName],
    );
    const lessonWhere = `"organisationId" = (SELECT id FROM "Organisation" WHERE name = $1) AND "classId" = $2 AND "subjectId" = $3 AND "teacherId" = $4`;
    const params = [school.orgName, load.classId, load.subjectId, load.teacherId];
    await query(`UPDATE "Lesson" SET topic = NULL WHERE ${lessonWhere}`, params);
    const [{ n }] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Lesson" WHERE ${lessonWhere} AND status = 'SCHEDULED'`,
      params,
    );
    expect(n).toBeGreaterThan(3);
    const titles = Array.from({ length: n + 2 }, (_, i) => `Е2Е тема ${String(i + 1).padStart(2, "0")}`);

    const teacher = await browser.newPage();
    await signInLogin(teacher, load.login);
    const plans = new PlansPage(teacher);
    await plans.openList();
    const planId = await plans.create(`${load.className}, ${load.subjectName}`);
    await plans.importXlsx(await xlsx(titles), titles.length);
    await teacher.reload();
    await plans.submit();
    // A TEACHER is offered no approval, and the plan's page has no review form for them.
    await expect(teacher.getByRole("button", { name: "Утвердить" })).toHaveCount(0);
    await teacher.close();

    const deputy = await browser.newPage();
    await signInAs(deputy, "DEPUTY");
    await deputy.goto(`/plans/${planId}`);
    const review = new PlansPage(deputy);
    await review.approve();
    await deputy.reload();
    const shown = await review.boundTopics();
    expect(shown.slice(0, n)).toEqual(titles.slice(0, n));

    const lessons = await query<{ topic: string | null }>(
      `SELECT topic FROM "Lesson" WHERE ${lessonWhere} AND status = 'SCHEDULED' ORDER BY date, "bellNumber"`,
      params,
    );
    expect(lessons.map((l) => l.topic)).toEqual(titles.slice(0, n));
    await deputy.close();
  });

  test("the deputy's list shows the plans with deadline warnings and the fulfilment page flags by hours (PLAN-2, PLAN-5)", async ({
    page,
  }) => {
    await signInAs(page, "DEPUTY");
    await new PlansPage(page).openList();
    await expect(page.getByRole("note").filter({ hasText: "Без плана:" })).toContainText(
      "Срок «утвердить КТП» (31.08.",
    );
    await openMenuItem(page, "Выполнение программ");
    const row = page
      .getByRole("table", { name: "Выполнение программ" })
      .getByRole("row")
      .filter({ hasText: "7А" })
      .filter({ hasText: "Алгебра" });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell").nth(3)).toHaveText("102");
    // PRG-1: the line's sections are fetched when opened (issue 22 item 7).
    await row.getByText("по разделам программы").click();
    await expect(row.getByRole("table", { name: /Разделы программы/ })).toContainText("Повторение курса 6 класса");
    // The filter: one class, only its lines.
    await page.getByLabel("Класс", { exact: true }).selectOption({ label: "7А" });
    await page.getByRole("button", { name: "Показать" }).click();
    await expect(page).toHaveURL(/class=\d+/);
    const classes = await page
      .getByRole("table", { name: "Выполнение программ" })
      .locator("tbody > tr > td:first-child")
      .allInnerTexts();
    expect(classes.length).toBeGreaterThan(0);
    expect(new Set(classes)).toEqual(new Set(["7А"]));
  });

  test("a teacher gets «Нет доступа» on the fulfilment page and on a colleague's plan (ACL-1, ACL-3)", async ({
    page,
  }) => {
    const school = demoLogin("TEACHER");
    const [plan] = await query<{ id: number; classId: number }>(
      `SELECT p.id, p."classId" FROM "LessonPlan" p JOIN "User" u ON u."organisationId" = p."organisationId" AND u.id = p."teacherId"
         JOIN "Organisation" o ON o.id = p."organisationId" WHERE u.login = 'teacher' AND o.name = $1 ORDER BY p.id LIMIT 1`,
      [school.orgName],
    );
    const [other] = await query<{ login: string }>(
      `SELECT u.login FROM "User" u JOIN "UserRole" r ON r."organisationId" = u."organisationId" AND r."userId" = u.id
         JOIN "Organisation" o ON o.id = u."organisationId"
        WHERE o.name = $1 AND r.role = 'TEACHER' AND u.login <> 'teacher'
          AND NOT EXISTS (SELECT 1 FROM "TeacherLoad" l WHERE l."organisationId" = u."organisationId" AND l."teacherId" = u.id AND l."classId" = $2)
          AND NOT EXISTS (SELECT 1 FROM "ClassTeacher" c WHERE c."organisationId" = u."organisationId" AND c."userId" = u.id AND c."classId" = $2)
        ORDER BY u.login LIMIT 1`,
      [school.orgName, plan.classId],
    );
    await signInLogin(page, other.login);
    expect((await page.goto(`/plans/${plan.id}`))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Нет доступа" })).toBeVisible();
    expect((await page.goto("/plans/fulfilment"))?.status()).toBe(403);
    expect((await page.goto(`/api/plans/${plan.id}/xlsx`))?.status()).toBe(403);
    expect((await page.goto("/plans/abc"))?.status()).toBe(404);
  });
});
