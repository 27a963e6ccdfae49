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
