// DAY-4 / DAY-7 at 390 × 844: on a phone the main menu is a bar fixed to the bottom of the screen — the
// role's first four menu items and «Ещё», which opens upward with the rest — and the header is one
// compact line, so the parent's diary shows its first lesson in the first screen.
import { expect, test, type Page } from "@playwright/test";
import { demoChildIn7A, openMenuItem, query, signInAs } from "./support";

const W = 390;
const H = 844;

test.use({ viewport: { width: W, height: H } });

const menu = (page: Page) => page.getByRole("navigation", { name: "Основное меню" });

/** The bar's own four links (not those inside «Ещё»), their hrefs in order. */
const barHrefs = (page: Page) =>
  menu(page)
    .locator(":scope > ul > li > a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")));

async function barTop(page: Page): Promise<number> {
  const box = await menu(page).boundingBox();
  expect(box).not.toBeNull();
  // fixed to the bottom of the screen, across its width
  expect(box!.x).toBe(0);
  expect(box!.width).toBe(W);
  expect(Math.abs(box!.y + box!.height - H)).toBeLessThanOrEqual(1);
  return box!.y;
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(W);
}

test("on a phone a parent: the bar at the bottom with the role's first four, a tap opens the diary and marks it, the first lesson is in the first screen", async ({
  page,
}) => {
  await signInAs(page, "PARENT");
  await expect(menu(page)).toHaveCount(1);
  expect(await barHrefs(page)).toEqual(["/", "/diary", "/schedule", "/mail"]);
  await barTop(page);
  await expect(menu(page).getByRole("link", { name: "Главная" })).toHaveAttribute("aria-current", "page");
  // the header is one compact line (it was three lines of menu, ≈ 160 px)
  const header = await page.getByRole("banner").boundingBox();
  expect(header!.height).toBeLessThanOrEqual(64);
  await noSidewaysScroll(page);

  await menu(page).getByRole("link", { name: "Дневник" }).click();
  await expect(page).toHaveURL(/\/diary/);
  await expect(page.getByRole("heading", { name: "Дневник", exact: true })).toBeVisible();
  await expect(menu(page).getByRole("link", { name: "Дневник" })).toHaveAttribute("aria-current", "page");
  await expect(menu(page).getByRole("link", { name: "Главная" })).not.toHaveAttribute("aria-current", "page");

  // A school day of the child's class (not today's date: the diary opens at the asked day).
  const childId = await demoChildIn7A();
  const [{ day }] = await query<{ day: string }>(
    `SELECT to_char(min(l.date), 'YYYY-MM-DD') AS day FROM "Lesson" l
       JOIN "ClassMembership" m ON m."organisationId" = l."organisationId" AND m."classId" = l."classId"
      WHERE m."studentId" = $1 AND m."endDate" IS NULL AND l.status <> 'CANCELLED' AND l.date >= current_date`,
    [childId],
  );
  expect(day).not.toBeNull();
  await page.goto(`/diary/${childId}?day=${day}`);
  const first = page.locator("section[data-day]:visible li[data-lesson]").first();
  await expect(first).toBeVisible();
  const lesson = await first.boundingBox();
  const top = await barTop(page);
  expect(lesson!.y).toBeGreaterThanOrEqual(0);
  expect(lesson!.y).toBeLessThan(top);
  await noSidewaysScroll(page);
  await page.screenshot({ path: "test-results/phone-nav-parent-diary-390.png" });
});

test("on a phone a teacher: «Ещё» opens upward with the rest, closes on Escape and on a tap outside, a tap in it navigates and marks the page", async ({
  page,
}) => {
  await signInAs(page, "TEACHER");
  expect(await barHrefs(page)).toEqual(["/", "/journal", "/schedule", "/plans"]);
  const top = await barTop(page);
  const more = menu(page).locator("details");
  const panel = menu(page).locator("details > div");

  await menu(page).getByText("Ещё", { exact: true }).click();
  await expect(panel).toBeVisible();
  const box = await panel.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(top); // above the bar: opened upward
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(W);
  // the rest of the teacher's menu, the header's items five to eight included («Почта» is followed by
  // «1 непрочитанное письмо» when an earlier spec left the teacher a message)
  for (const name of ["Итоговые отметки", "Почта", "Объявления"]) {
    await expect(panel.getByRole("link", { name: new RegExp(`^${name}(\\s*\\d+ непрочитанн|$)`) })).toBeVisible();
  }
  await noSidewaysScroll(page);

  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await menu(page).getByText("Ещё", { exact: true }).click();
  await expect(panel).toBeVisible();
  await page.mouse.click(3, 300); // the page's margin, beside the panel
  await expect(panel).toBeHidden();

  await menu(page).getByText("Ещё", { exact: true }).click();
  await panel.getByRole("link", { name: "Итоговые отметки", exact: true }).click();
  await expect(page).toHaveURL(/\/finals/);
  await expect(panel).toBeHidden(); // closed by the navigation
  await expect(more).not.toHaveAttribute("open", "");
  await menu(page).getByText("Ещё", { exact: true }).click();
  await expect(panel.getByRole("link", { name: "Итоговые отметки", exact: true })).toHaveAttribute(
    "aria-current",
    "page",
  );
});

test("a teacher's journal on a phone: the grid's cell line sticks above the bar, not under it", async ({ page }) => {
  await signInAs(page, "TEACHER");
  await menu(page).getByRole("link", { name: "Журнал" }).click();
  await expect(menu(page).getByRole("link", { name: "Журнал" })).toHaveAttribute("aria-current", "page");
  const picker = page.getByLabel("Класс и предмет");
  const first = await picker.locator('optgroup[label="Мои классы"] option').first().getAttribute("value");
  await picker.selectOption(first!);
  await page.getByRole("form", { name: "Выбор журнала" }).getByRole("button", { name: "Открыть" }).click();
  await expect(page.getByRole("grid")).toBeVisible();
  const line = page.locator("main .sticky.bottom-0").first();
  await expect(line).toBeVisible();
  const box = await line.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual((await barTop(page)) + 1);
});

test("openMenuItem reaches an item under «Ещё» on a phone; a deputy's long «Ещё» scrolls inside itself above the bar", async ({
  page,
}) => {
  await signInAs(page, "DEPUTY");
  expect(await barHrefs(page)).toEqual(["/", "/control", "/journal", "/journal/closing"]);
  await openMenuItem(page, "Объявления");
  await expect(page).toHaveURL(/\/board/);
  await page.goto("/");
  await menu(page).getByText("Ещё", { exact: true }).click();
  const last = menu(page).locator("details[open] > div a").last();
  await last.scrollIntoViewIfNeeded();
  const box = await last.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(await barTop(page));
  await noSidewaysScroll(page);
});
