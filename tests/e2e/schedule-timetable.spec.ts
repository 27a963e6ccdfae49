import { expect, test } from "@playwright/test";
import { demoLogin, dropClassNamed, query, schoolAlgebraContext, signInAs } from "./support";
import { TimetablePage } from "./pages/timetable-page";

// SCH-2: a scheduler builds a week for a new class in the grid; a teacher placed in two classes
// at once is refused with a message naming the teacher and both classes. SCH-6: the calendar link.
test.describe("timetable (SCH-2)", () => {
  test("a scheduler builds a week for a class; a teacher in two classes at once is refused, naming both", async ({
    page,
  }) => {
    const org = demoLogin("SCHEDULER").orgName;
    const ctx = await schoolAlgebraContext(org);
    // A class of its own (re-runs against the same database start clean).
    await dropClassNamed(ctx.orgId, "10Э");
    const [cls] = await query<{ id: number }>(
      `INSERT INTO "ClassGroup" ("organisationId", "yearId", name, grade, letter, "bellScheduleId")
       VALUES ($1, $2, '10Э', 10, 'Э', $3) RETURNING id`,
      [ctx.orgId, ctx.yearId, ctx.scheduleId],
    );
    await query(
      `INSERT INTO "TeacherLoad" ("organisationId", "yearId", "teacherId", "classId", "subjectId", "hoursPerWeek") VALUES ($1, $2, $3, $4, $5, 3)`,
      [ctx.orgId, ctx.yearId, ctx.teacherId, cls.id, ctx.subjectId],
    );
    // Where the teacher already teaches on Monday, and two free Monday bells.
    const busy = await query<{ bell: number; className: string }>(
      `SELECT e."bellNumber" AS bell, c.name AS "className" FROM "TimetableEntry" e JOIN "ClassGroup" c ON c."organisationId" = e."organisationId" AND c.id = e."classId"
        WHERE e."organisationId" = $1 AND e."teacherId" = $2 AND e.weekday = 1 AND e."validTo" >= CURRENT_DATE ORDER BY e."bellNumber"`,
      [ctx.orgId, ctx.teacherId],
    );
    const free = [1, 2, 3, 4, 5, 6, 7].filter((b) => !busy.some((x) => x.bell === b));
    expect(busy.length).toBeGreaterThan(0);
    expect(free.length).toBeGreaterThanOrEqual(2);

    await signInAs(page, "SCHEDULER");
    await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Расписание" }).click();
    await page.getByRole("link", { name: "Составление" }).click();
    const grid = new TimetablePage(page);
    await grid.open(cls.id);
    await expect(page.getByRole("heading", { name: "Составление расписания: 10Э" })).toBeVisible();

    for (const [weekday, bell] of [
      [1, free[0]],
      [1, free[1]],
      [2, 1],
    ] as const) {
      const form = await grid.addLesson(weekday, bell, "Алгебра", "Соколова Е. В.");
      await expect(form.getByRole("status")).toHaveText("Сохранено");
      await expect(grid.cell(weekday, bell)).toContainText("Алгебра");
    }

    const clash = busy[0];
    const refused = await grid.addLesson(1, clash.bell, "Алгебра", "Соколова Е. В.");
    await expect(refused.getByRole("alert")).toContainText(
      `Учитель Соколова Е. В. в это время ведёт урок в ${clash.className} (понедельник, ${clash.bell}-й урок) и не может вести урок в 10Э`,
    );
    const stored = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "TimetableEntry" WHERE "organisationId" = $1 AND "classId" = $2`,
      [ctx.orgId, cls.id],
    );
    expect(stored[0].n).toBe(3);

    // The week view by class shows the new week — a coming one, since entries made today start
    // today (on a Friday this week's Monday and Tuesday are past), and one whose Monday and
    // Tuesday are no holiday (8 March, the May days…).
    const [next] = await query<{ monday: string }>(
      `SELECT to_char(m, 'YYYY-MM-DD') AS monday
         FROM generate_series(date_trunc('week', CURRENT_DATE) + interval '7 days', date_trunc('week', CURRENT_DATE) + interval '70 days', interval '7 days') AS m
        WHERE NOT EXISTS (SELECT 1 FROM "Holiday" h WHERE h."organisationId" = $1 AND h."yearId" = $2 AND (h.grade IS NULL OR h.grade = 10)
                            AND h."startDate" <= m::date + 1 AND h."endDate" >= m::date)
        ORDER BY m LIMIT 1`,
      [ctx.orgId, ctx.yearId],
    );
    await page.goto(`/schedule?class=${cls.id}&week=${next.monday}`);
    await expect(page.getByRole("table", { name: "Расписание на неделю" }).getByTestId("week-lesson")).toHaveCount(3);
  });

  test("a teacher gets a calendar link whose feed is iCalendar, and a revoked link answers 404 (SCH-6)", async ({
    page,
  }) => {
    await signInAs(page, "TEACHER");
    await page.goto("/schedule/feed");
    await page.getByRole("button", { name: /Создать/ }).click();
    const url = await page.getByLabel(/Ваша ссылка/).inputValue();
    expect(url).toMatch(/\/api\/calendar\/\d+-[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await page.request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const body = await feed.text();
    expect(body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(body).toContain("BEGIN:VEVENT");
    await page.getByRole("button", { name: "Отозвать ссылку" }).click();
    await expect(page.getByRole("status").first()).toContainText("отозвана");
    expect((await page.request.get(url)).status()).toBe(404);
  });

  test("a student sees their class's week and no editing; the editor answers «Нет доступа»", async ({ page }) => {
    await signInAs(page, "STUDENT");
    await page.goto("/schedule");
    await expect(page.getByRole("heading", { name: "Расписание" })).toBeVisible();
    await expect(page.getByText("7А").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Составление" })).toHaveCount(0);
    const response = await page.goto("/schedule/edit");
    expect(response?.status()).toBe(403);
  });

  test("a department head sees and edits only the groups of their department; room views answer «Нет доступа»", async ({
    page,
  }) => {
    const head = demoLogin("HEAD_OF_DEPT", "college");
    const groups = await query<{ name: string }>(
      `SELECT c.name FROM "ClassGroup" c JOIN "Department" d ON d."organisationId" = c."organisationId" AND d.id = c."departmentId"
         JOIN "User" u ON u."organisationId" = d."organisationId" AND u.id = d."headId" JOIN "Organisation" o ON o.id = u."organisationId"
         JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y."isCurrent"
        WHERE u.login = $1 AND o.name = $2 ORDER BY c.name`,
      [head.login, head.orgName],
    );
    const [room] = await query<{ id: number }>(
      `SELECT r.id FROM "Room" r JOIN "Organisation" o ON o.id = r."organisationId" WHERE o.name = $1 LIMIT 1`,
      [head.orgName],
    );
    expect(groups.length).toBeGreaterThan(0);
    await signInAs(page, "HEAD_OF_DEPT", "college");
    await page.goto("/schedule/edit");
    const options = await page.getByLabel("Группа", { exact: true }).locator("option").allTextContents();
    expect(options.sort()).toEqual(groups.map((g) => g.name).sort());
    await page.goto("/schedule");
    await expect(page.getByRole("table", { name: "Расписание на неделю" })).toBeVisible();
    expect((await page.goto(`/schedule?room=${room.id}`))?.status()).toBe(403);
  });
});
