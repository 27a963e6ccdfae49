import { expect, test } from "@playwright/test";
import { signInAs } from "./support";
import { HomeRemarks, RemarksPage } from "./pages/control-page";

test("a deputy's remark reaches the teacher's home page, is marked done and closed (CTL-2)", async ({ browser }) => {
  const text = `Не заполнены темы уроков ${Date.now()}`;
  const deputy = await (await browser.newContext()).newPage();
  await signInAs(deputy, "DEPUTY");
  const remarks = new RemarksPage(deputy);
  await remarks.open();
  await remarks.write("Соколова Елена Викторовна", "7А", text);

  const teacher = await (await browser.newContext()).newPage();
  await signInAs(teacher, "TEACHER");
  await new HomeRemarks(teacher).markDone(text, "Темы внесены");

  await deputy.reload();
  await remarks.close(text);
});

test("the journal-fill report lists teachers and offers PDF and XLSX (CTL-1, RPT-11)", async ({ page }) => {
  await signInAs(page, "DEPUTY");
  await page.getByRole("navigation").getByRole("link", { name: "Контроль журнала" }).click();
  await expect(page.getByRole("heading", { name: "Отчёт о доступе к классному журналу" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Заполнение журнала" })).toContainText("Итого");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Скачать XLSX" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test("the journal-fill report shows a line per class and opens a class's or all rows on demand (CTL-1, issue 22 item 7)", async ({
  page,
}) => {
  await signInAs(page, "DEPUTY");
  await page.goto("/control");
  const table = page.getByRole("table", { name: "Заполнение журнала" });
  await expect(table.getByRole("columnheader", { name: /Строк с проблемами/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /Учитель/ })).toHaveCount(0);
  const first = table.locator("tbody a").first();
  const className = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/classId=\d+/);
  await expect(table.getByRole("columnheader", { name: /Учитель/ })).toBeVisible();
  // Only the chosen class's teacher × subject rows (the class is the second column).
  const classes = await table.locator("tbody tr td:nth-of-type(1)").allTextContents();
  expect(classes.length).toBeGreaterThan(0);
  expect(new Set(classes)).toEqual(new Set([className]));

  await page.goto("/control");
  await page.getByRole("link", { name: /все строки/ }).click();
  await expect(page).toHaveURL(/view=rows/);
  await expect(table.getByRole("columnheader", { name: /Учитель/ })).toBeVisible();
  await expect(table.locator("tfoot")).toContainText("Итого");
});

test("DUT-1's shares: totals first, teachers' rows on demand (issue 22 item 7)", async ({ page }) => {
  await signInAs(page, "DEPUTY");
  await page.goto("/control");
  const shares = page.getByRole("table", { name: "Заполнено до срока" });
  await expect(shares.locator("tfoot")).toContainText("Итого");
  await expect(shares.locator("tbody tr")).toHaveCount(0);
  await page.getByRole("link", { name: /^по учителям \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/shares=teachers/);
  await expect(shares.locator("tbody tr").first()).toBeVisible();
  await expect(shares.locator("tfoot")).toContainText("Итого");
});

test("on a phone the control page's file links stay inside the screen (DAY-8)", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "DEPUTY");
  await page.goto("/control");
  const links = page.getByRole("link", { name: /^(PDF|XLSX): заполнение в срок$/ });
  await expect(links).toHaveCount(2);
  for (const link of await links.all()) {
    const box = await link.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
});
