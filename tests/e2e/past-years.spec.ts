// Closed years stay readable (REC-3, ARC-2) on the demo's closed 2025/2026: the teacher opens her
// class's journal of that year read-only; a parent opens the child's previous year in the diary.
import { expect, test } from "@playwright/test";
import { demoLogin, demoPastYearName, query, signInAs } from "./support";
import { YearTabs } from "./pages/year-tabs";

test.describe("closed years readable (REC-3)", () => {
  test("a teacher opens her class journal of a closed year read-only", async ({ page }) => {
    const year = await demoPastYearName();
    await signInAs(page, "TEACHER");
    await page.goto("/journal");
    // A journal of the current year first: DAY-3 remembers it (a cookie).
    const picker = page.getByLabel("Класс и предмет");
    const mine = await picker.locator('optgroup[label="Мои классы"] option').first().getAttribute("value");
    await picker.selectOption(mine!);
    await page.getByRole("form", { name: "Выбор журнала" }).getByRole("button", { name: "Открыть" }).click();
    const current = page.getByRole("heading", { name: /^Журнал: / });
    await expect(current).toBeVisible();
    const currentTitle = await current.innerText();
    // The closed year's tab opens that year's picker, not the remembered journal (choose() checks the tab).
    await new YearTabs(page).choose(year);
    await expect(page.getByRole("heading", { name: "Классный журнал", exact: true })).toBeVisible();
    const pick = page.getByRole("combobox").first();
    await pick.selectOption({ label: await pick.locator("option", { hasText: "6А · Математика" }).innerText() });
    await page.getByRole("button", { name: "Открыть" }).click();
    await expect(page.getByRole("heading", { name: "Журнал: 6А · Математика" })).toBeVisible();
    await expect(page.getByTestId("closed-year")).toHaveText("Учебный год закрыт: журнал открыт только для просмотра.");
    await expect(page.getByText("только просмотр", { exact: true })).toBeVisible();
    const grid = page.getByRole("grid");
    await expect(grid).toBeVisible();
    // last year's marks are there, and not one cell takes input
    await expect(
      grid
        .locator("td")
        .filter({ hasText: /^[2-5]$/ })
        .first(),
    ).toBeVisible();
    await expect(grid.locator('td[data-editable="true"]')).toHaveCount(0);
    await grid.locator("td[data-pos]").first().click();
    await page.keyboard.type("5");
    await expect(page.getByText("Журнал открыт только для просмотра").first()).toBeVisible();
    // Back at the current year: DAY-3's last journal is the current year's one — a closed year's journal
    // is not remembered.
    await page
      .getByRole("navigation", { name: "Учебный год" })
      .getByRole("link", { name: /текущий/ })
      .click();
    await expect(page.getByRole("heading", { name: currentTitle, exact: true })).toBeVisible();
    await expect(page.getByTestId("closed-year")).toHaveCount(0);
  });

  test("a parent opens the child's previous year in the diary: marks, finals, absences", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const year = await demoPastYearName();
    const parent = demoLogin("PARENT");
    const [child] = await query<{ id: number; firstName: string; lastName: string }>(
      `SELECT s.id, s."firstName", s."lastName" FROM "Student" s
         JOIN "ParentLink" l ON l."organisationId" = s."organisationId" AND l."studentId" = s.id
         JOIN "Parent" p ON p."organisationId" = l."organisationId" AND p.id = l."parentId"
         JOIN "User" u ON u."organisationId" = p."organisationId" AND u.id = p."userId"
         JOIN "Organisation" o ON o.id = u."organisationId"
         JOIN "ClassMembership" m ON m."organisationId" = s."organisationId" AND m."studentId" = s.id AND m."endDate" IS NULL
         JOIN "ClassGroup" c ON c."organisationId" = m."organisationId" AND c.id = m."classId"
        WHERE u.login = $1 AND o.name = $2 AND c.name = '7А'`,
      [parent.login, parent.orgName],
    );
    await signInAs(page, "PARENT");
    await page.goto(`/diary/${child.id}`);
    await new YearTabs(page).choose(year);
    await expect(page.getByRole("heading", { name: "Дневник: отметки" })).toBeVisible();
    await expect(page.getByTestId("past-year")).toContainText(`${year} учебный год, 6А`);
    const maths = page.locator('section[data-subject="Математика"]');
    await expect(maths.locator("li").first()).toBeVisible();
    await expect(maths.getByTestId("period-final")).toContainText(/Итог: [2-5]/);
    await expect(maths.getByText(/^Год:/)).toBeVisible();
    await expect(maths.getByText(/^пропусков: \d+/)).toBeVisible();
    // another quarter of that year stays in that year
    await page.getByRole("navigation", { name: "Периоды" }).getByRole("link", { name: "2 четверть" }).click();
    await expect(page.getByTestId("past-year")).toContainText("6А");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
  test("a closed year's picker lists no substitutions of the current year (REC-3, SCH-3)", async ({ page }) => {
    const year = await demoPastYearName();
    const teacher = demoLogin("TEACHER");
    // A lesson of another teacher today (the database's date: inside the picker's −14…+7 days whatever
    // the day CI runs), the demo teacher its substitute; removed again at the end.
    const [lesson] = await query<{ id: number }>(
      `INSERT INTO "Lesson" ("organisationId", "classId", "subjectId", "teacherId", "substituteId", date, "bellNumber", "updatedAt")
       SELECT l."organisationId", l."classId", l."subjectId", l."teacherId", u.id, current_date, 9, now()
         FROM "Lesson" l
         JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
         JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y."isCurrent"
         JOIN "Organisation" o ON o.id = l."organisationId"
         JOIN "User" u ON u."organisationId" = l."organisationId" AND u.login = $2
        WHERE o.name = $1 AND l."teacherId" <> u.id AND l."subgroupId" IS NULL
        LIMIT 1
       RETURNING id`,
      [teacher.orgName, teacher.login],
    );
    try {
      await signInAs(page, "TEACHER");
      await page.goto("/journal");
      const substituted = page.locator(`a[href="/journal?lesson=${lesson.id}"]`);
      await expect(substituted).toBeVisible();
      await new YearTabs(page).choose(year);
      await expect(page.getByRole("heading", { name: "Классный журнал", exact: true })).toBeVisible();
      // Before: the closed year's picker listed this year's substituted lesson under «Замены».
      await expect(substituted).toHaveCount(0);
      await expect(page.getByText("Замены:")).toHaveCount(0);
    } finally {
      await query(`DELETE FROM "Lesson" WHERE id = $1`, [lesson.id]);
    }
  });

  test("a closed year's picker lists that year's clubs, not the current year's (REC-3, PRG-2)", async ({ page }) => {
    const year = await demoPastYearName();
    const teacher = demoLogin("TEACHER");
    // A club the demo teacher led in the closed year (the demo seeds clubs of the current year only:
    // «Робототехника»); removed again at the end.
    const [club] = await query<{ id: number }>(
      `INSERT INTO "Club" ("organisationId", "yearId", name, "leaderId")
       SELECT y."organisationId", y.id, 'Шахматы (архив)', u.id
         FROM "AcademicYear" y JOIN "Organisation" o ON o.id = y."organisationId"
         JOIN "User" u ON u."organisationId" = y."organisationId" AND u.login = $2
        WHERE o.name = $1 AND y.name = $3
       RETURNING id`,
      [teacher.orgName, teacher.login, year],
    );
    try {
      await signInAs(page, "TEACHER");
      await page.goto("/journal");
      const clubs = page.getByRole("navigation", { name: "Журналы объединений" });
      await expect(clubs.getByRole("link", { name: "Робототехника" })).toBeVisible();
      await expect(clubs.getByRole("link", { name: "Шахматы (архив)" })).toHaveCount(0);
      await new YearTabs(page).choose(year);
      await expect(page.getByRole("heading", { name: "Классный журнал", exact: true })).toBeVisible();
      // Before: the closed year's picker listed the current year's «Робототехника».
      await expect(clubs.getByRole("link", { name: "Робототехника" })).toHaveCount(0);
      await expect(clubs.getByRole("link", { name: "Шахматы (архив)" })).toHaveAttribute(
        "href",
        `/clubs/${club.id}/journal`,
      );
    } finally {
      await query(`DELETE FROM "Club" WHERE id = $1`, [club.id]);
    }
  });
});
