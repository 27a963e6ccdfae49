// Round 24's walk of each role's day at 1366, 1024 and 390 px (DAY-4, issue 22): the defects a user tripped
// on, each asserted as the user meets it — a phone page that scrolls sideways, a directory whose names ran
// into the next column at 1024 px, the journal grid on a phone that showed one lesson column, and a lesson
// panel that Esc no longer closed after a save.
import { expect, test, type Page } from "@playwright/test";
import { query, signInAs } from "./support";

const PHONE = { width: 390, height: 844 };

/** The page's width beyond the screen: 0 when nothing but a frame of its own scrolls sideways. */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * The demo school teacher's latest lesson up to today (the one her home and journal open at), in one
 * class when asked: 11Б's algebra has most of the period's lessons before it, so the journal opens
 * scrolled to it.
 */
async function lastSchoolLesson(className?: string): Promise<{ id: number; date: string; bell: number }> {
  const [lesson] = await query<{ id: number; date: string; bell: number }>(
    `SELECT l.id, to_char(l.date, 'DD.MM.YYYY') AS date, l."bellNumber" AS bell
       FROM "Lesson" l JOIN "User" u ON u.id = l."teacherId" AND u.login = 'teacher'
       JOIN "Organisation" o ON o.id = l."organisationId" AND o.kind = 'SCHOOL'
       JOIN "ClassGroup" c ON c.id = l."classId" AND ($1::text IS NULL OR c.name = $1)
      WHERE l.status = 'SCHEDULED' AND l.date <= (now() AT TIME ZONE 'Europe/Samara')::date
      ORDER BY l.date DESC, l."bellNumber" DESC LIMIT 1`,
    [className ?? null],
  );
  return lesson;
}

test("on a phone the administrator's set-up pages stay within the screen; the directories scroll inside their frame (DAY-4)", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, "ADMIN");
  // before: /org/subjects 1,005 px, /org/periods and /org/curriculum 738, /org/dictionaries 694, /org/load 577,
  // /org/classes 857 (its «Состав подгрупп» links written back to back could not wrap).
  for (const path of [
    "/org/subjects",
    "/org/periods",
    "/org/curriculum",
    "/org/dictionaries",
    "/org/load",
    "/org/classes",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await sideways(page), path).toBeLessThanOrEqual(0);
  }
});

test("at 1024 px a subject's name stays in its column of /org/subjects, not over the short name (DAY-4)", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signInAs(page, "ADMIN");
  await page.goto("/org/subjects");
  const names = page.locator("[data-row] > span:first-child");
  await expect(names.first()).toBeVisible();
  // before: the name column had no width left (the fixed columns took the row), every name ran over its neighbour
  const overflowing = await names.evaluateAll((spans) =>
    spans.filter((s) => s.scrollWidth > s.clientWidth + 1 || s.clientWidth < 100).map((s) => s.textContent),
  );
  expect(overflowing).toEqual([]);
  // the columns may scroll inside the frame, but each row's «Изменить» stays on the screen
  const rights = await page
    .getByRole("button", { name: /^Изменить: / })
    .evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().right));
  expect(rights.length).toBeGreaterThan(0);
  expect(Math.max(...rights)).toBeLessThanOrEqual(1024);
});

test("on a phone the class teacher's absences and the curator's reports stay within the screen (DAY-4)", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, "TEACHER");
  await page.goto("/journal/attendance");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await sideways(page), "/journal/attendance").toBeLessThanOrEqual(0); // before: 701 px

  await page.context().clearCookies();
  await signInAs(page, "TEACHER", "college");
  await page.goto("/reports");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await sideways(page), "/reports").toBeLessThanOrEqual(0); // before: 586 px
});

test("on a phone the journal grid leaves room for lessons: its fixed columns end by 260 px (DAY-4)", async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, "TEACHER");
  const lesson = await lastSchoolLesson();
  await page.goto(`/journal?lesson=${lesson.id}`);
  const grid = page.getByRole("grid");
  await expect(grid.locator("tbody th").first()).toBeVisible();
  // the absences column (the last sticky one) of the header and of the first row
  for (const cell of [grid.locator("thead th").nth(3), grid.locator("tbody tr").first().locator("td").nth(2)]) {
    const box = await cell.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(260); // before: ≈ 345 px, one lesson column left in view
  }
});

test("Esc closes the lesson panel after a save, though the save took the focus off the panel (JRN-1)", async ({
  page,
}) => {
  await signInAs(page, "TEACHER");
  const lesson = await lastSchoolLesson();
  await page.goto(`/journal?lesson=${lesson.id}`);
  await page.locator(`thead button[title^="Урок ${lesson.date}, ${lesson.bell}-й"]`).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Тема урока").fill(`Тема из обхода ${lesson.id}`);
  await dialog.getByRole("button", { name: "Сохранить тему" }).click();
  await expect(dialog.getByText("Тема урока сохранена")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
});

test("the journal opens with its lesson whole in view: the marks columns right of attendance, not cut at the edge (DAY-3)", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "TEACHER");
  const lesson = await lastSchoolLesson("11Б");
  await page.goto(`/journal?lesson=${lesson.id}`);
  const grid = page.getByRole("grid");
  await expect(grid.locator('td[aria-selected="true"]')).toBeVisible();
  const { lessonLeft, lessonRight, fixedRight, boxRight } = await grid.evaluate((table, title) => {
    const head = table.querySelector(`thead button[title^="${title}"]`)!.closest("th")!.getBoundingClientRect();
    const fixed = table.querySelectorAll("thead th")[3].getBoundingClientRect();
    let box: HTMLElement | null = table.parentElement;
    while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
    return {
      lessonLeft: head.left,
      lessonRight: head.right,
      fixedRight: fixed.right,
      boxRight: box!.getBoundingClientRect().right,
    };
  }, `Урок ${lesson.date}, ${lesson.bell}-й`);
  // before: the lesson's attendance column ended at the frame's edge and its mark column lay beyond it
  expect(lessonRight).toBeLessThanOrEqual(boxRight + 1);
  expect(lessonLeft).toBeGreaterThanOrEqual(fixedRight - 1);
});
