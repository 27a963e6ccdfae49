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
  // nothing written: the current years stay open, no next year exists (the demo's closed 2025/2026 is older)
  const years = await query<{ open: string; next: string }>(
    `SELECT count(*) FILTER (WHERE "isCurrent" AND status = 'OPEN') AS open, count(*) FILTER (WHERE name = '2027/2028') AS next
       FROM "AcademicYear"`,
  );
  expect([Number(years[0].open), Number(years[0].next)]).toEqual([2, 0]);
});

test("a DEPUTY has no year transition (403)", async ({ page }) => {
  await signInAs(page, "DEPUTY");
  const response = await page.goto("/admin/year");
  expect(response?.status()).toBe(403);
});
