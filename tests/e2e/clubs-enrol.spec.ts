// PRG-2 open enrolment end to end, on a phone (390×844): with the organisation's setting on, the demo
// parent opens the diary's «Кружки», enrols their 7А child in «Шахматы» (Mondays 16:00–16:45, after
// the lessons) and the club appears in the diary's «Внеурочная деятельность».
import { expect, test } from "@playwright/test";
import { demoChildIn7A, query, signInAs } from "./support";

const SLOW = { timeout: 30_000 };
let clubId = 0;

test.beforeAll(async () => {
  const [org] = await query<{ id: number; yearId: number; teacherId: number; startDate: Date; endDate: Date }>(
    `SELECT o.id, y.id AS "yearId", y."startDate", y."endDate", u.id AS "teacherId"
       FROM "Organisation" o
       JOIN "AcademicYear" y ON y."organisationId" = o.id AND y."isCurrent"
       JOIN "User" u ON u."organisationId" = o.id AND u.login = 'teacher'
      WHERE o.kind = 'SCHOOL' LIMIT 1`,
  );
  await query(`UPDATE "OrganisationSettings" SET "clubOpenEnrolment" = true WHERE "organisationId" = $1`, [org.id]);
  [{ id: clubId }] = await query<{ id: number }>(
    `INSERT INTO "Club" ("organisationId", "yearId", name, "leaderId", capacity) VALUES ($1, $2, 'Шахматы', $3, 12) RETURNING id`,
    [org.id, org.yearId, org.teacherId],
  );
  await query(
    `INSERT INTO "ClubSlot" ("organisationId", "clubId", weekday, "startMinute", "endMinute", "validFrom", "validTo")
     VALUES ($1, $2, 1, 960, 1005, $3, $4)`,
    [org.id, clubId, org.startDate, org.endDate],
  );
});

test.afterAll(async () => {
  if (clubId) await query(`DELETE FROM "Club" WHERE id = $1`, [clubId]);
  await query(`UPDATE "OrganisationSettings" SET "clubOpenEnrolment" = false`);
});

test("a parent on a phone enrols the child in a club and the club appears in the diary", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "PARENT");
  const childId = await demoChildIn7A();
  await page.goto(`/diary/${childId}`);
  await page.getByRole("navigation", { name: "Разделы дневника" }).getByRole("link", { name: "Кружки" }).click();
  await expect(page.getByRole("heading", { name: "Дневник: кружки и секции" })).toBeVisible(SLOW);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Шахматы" }) });
  await expect(card).toContainText("Пн 16:00–16:45");
  await expect(card).toContainText("Свободных мест: 12 из 12");
  await page.getByRole("form", { name: "Записаться в «Шахматы»" }).getByRole("button", { name: "Записаться" }).click();
  // The card now offers to leave, with the answer of the enrolment.
  await expect(card.getByRole("status")).toContainText("Записан в объединение", SLOW);
  await expect(card).toContainText("Вы записаны");
  await expect(card).toContainText("Свободных мест: 11 из 12");
  // No horizontal scrolling on the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/clubs-enrol-390.png", fullPage: true });
  await page.getByRole("navigation", { name: "Разделы дневника" }).getByRole("link", { name: "Неделя" }).click();
  await expect(page.getByRole("list", { name: "Занятия объединений" })).toContainText("Шахматы", SLOW);
});
