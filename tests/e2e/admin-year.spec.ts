import { expect, test } from "@playwright/test";
import { query, signInAs, openMenuItem } from "./support";

// The commit itself is covered on its own database in tests/integration/org-year-transition.test.ts:
// closing the shared demo year here would change what every other spec sees.
test("ADMIN previews the year transition: classes move up, the 11th grades graduate, nothing is written (ORG-3, PPL-4)", async ({
  page,
}) => {
  await signInAs(page, "ADMIN");
  await openMenuItem(page, "Новый учебный год");
  await page.getByLabel("Номер приказа о переводе и выпуске").fill("150-у");
  await page.getByRole("button", { name: "Проверить" }).click();
  const preview = page.locator("section", { has: page.getByRole("heading", { name: /Предпросмотр/ }) });
  await expect(preview.getByRole("heading")).toContainText("2026/2027 → 2027/2028");
  await expect(preview.getByRole("row", { name: /^5А/ })).toContainText("→ 6А");
  await expect(preview.getByRole("row", { name: /^11А/ })).toContainText("→ выпуск");
  await expect(preview.getByRole("button", { name: "Выполнить переход" })).toBeVisible();
  const years = await query<{ n: string }>(`SELECT count(*) AS n FROM "AcademicYear" WHERE status = 'CLOSED'`);
  expect(Number(years[0].n)).toBe(0);
});

test("a DEPUTY has no year transition (403)", async ({ page }) => {
  await signInAs(page, "DEPUTY");
  const response = await page.goto("/admin/year");
  expect(response?.status()).toBe(403);
});
