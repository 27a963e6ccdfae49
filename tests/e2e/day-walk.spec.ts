// Round 24's walk of each role's day at 1366, 1024 and 390 px (DAY-4, issue 22): the defects a user tripped
// on, each asserted as the user meets it — a phone page that scrolls sideways, a directory whose names ran
// into the next column at 1024 px, the journal grid on a phone that showed one lesson column, and a lesson
// panel that Esc no longer closed after a save.
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support";

const PHONE = { width: 390, height: 844 };

/** The page's width beyond the screen: 0 when nothing but a frame of its own scrolls sideways. */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

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
