// DAY-2, DAY-4: on a 390 × 844 phone the parent's and the student's home show today's first lesson
// within the first screen and a new mark. The server's clock moves (E2E_CLOCK_FILE) to the last school
// day of the demo's 7А pupil with a mark of theirs; the pupil's diary visits are removed, so «new» is
// the last two school days' marks (DRY-7 without a visit).
import { rmSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { demoChildIn7A, demoLogin, query, signInAs } from "./support";

/** Today in the demo school's zone (Samara), YYYY-MM-DD. */
const todayInZone = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Samara" }).format(new Date());

/** Moves the server's clock by whole days so that «today» in Samara is `iso`. */
function moveClockTo(iso: string) {
  const clock = process.env.E2E_CLOCK_FILE!;
  expect(clock, "tests/e2e/run.ts sets E2E_CLOCK_FILE").toBeTruthy();
  writeFileSync(clock, JSON.stringify({ offsetMs: Date.parse(iso) - Date.parse(todayInZone()) }));
}

async function expectDayOnFirstScreen(page: Page) {
  const card = page.locator("section[data-family-day]");
  const first = card.getByTestId("family-today").locator("li").first();
  await expect(first).toBeVisible();
  const box = await first.boundingBox();
  expect(box!.y + box!.height).toBeLessThanOrEqual(844);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await expect(card.getByTestId("family-marks").locator("[data-tone]").first()).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test.describe("the family's day on a phone (DAY-2, DAY-4)", () => {
  test.describe.configure({ mode: "serial" });
  let child = 0;

  test.beforeAll(async () => {
    child = await demoChildIn7A();
    const school = demoLogin("PARENT");
    const [{ day }] = await query<{ day: string | null }>(
      `SELECT to_char(max(l.date), 'YYYY-MM-DD') AS day FROM "Mark" m
         JOIN "Lesson" l ON l."organisationId" = m."organisationId" AND l.id = m."lessonId"
        WHERE m."studentId" = $1 AND l.date <= $2::date AND l.status <> 'CANCELLED'`,
      [child, todayInZone()],
    );
    expect(day).not.toBeNull();
    await query(
      `DELETE FROM "DiarySeen" d USING "Organisation" o
        WHERE o.id = d."organisationId" AND o.name = $1 AND d."studentId" = $2`,
      [school.orgName, child],
    );
    moveClockTo(day!);
  });
  test.afterAll(() => {
    if (process.env.E2E_CLOCK_FILE) rmSync(process.env.E2E_CLOCK_FILE, { force: true });
  });

  test("the parent sees the child's first lesson of today on the first screen and a new mark", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "PARENT");
    await page.goto(`/?child=${child}`);
    // two children: the switcher, the 7А pupil chosen
    await expect(page.getByRole("navigation", { name: "Дети" }).locator("[aria-current=page]")).toBeVisible();
    await expect(page.locator(`section[data-family-day="${child}"]`)).toBeVisible();
    await expectDayOnFirstScreen(page);
  });

  test("the student sees their first lesson of today on the first screen and a new mark", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "STUDENT");
    await page.goto("/");
    await expect(page.locator(`section[data-family-day="${child}"]`)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Дети" })).toHaveCount(0);
    await expectDayOnFirstScreen(page);
  });
});
