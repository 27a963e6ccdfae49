// The administration screens finished in issue 3: departments (ORG-4), curriculum totals (ORG-6),
// editing a parent card (PPL-1) and the movement book in Excel (PPL-5). Each test also saves a
// full-page screenshot under the system temp directory (admin-screens/) for a visual check.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG_NAMES } from "../../prisma/seed/logins";
import { LoginPage } from "./pages/login-page";
import { demoLogin, query, signInAs, openMenuItem } from "./support";

const shots = path.join(tmpdir(), "admin-screens");

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

test("the college ADMIN adds a department; one that still has groups cannot be deleted (ORG-4)", async ({ page }) => {
  await new LoginPage(page).signIn(DEMO_ORG_NAMES.college, "admin", demoLogin("ADMIN").password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  await openMenuItem(page, "Отделения");
  await expect(page.getByRole("heading", { name: "Отделения", exact: true })).toBeVisible();
  // Issue 22 item 7: a row reads as text and opens as a form on «Изменить».
  const it = "Отделение информационных технологий";
  await expect(page.getByLabel(`Отделение — ${it}`, { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: `Изменить: ${it}` }).click();
  await expect(page.getByLabel(`Отделение — ${it}`, { exact: true })).toHaveValue(it);

  await page.getByLabel("Отделение — новая запись").fill("Отделение экономики");
  await page.getByRole("button", { name: "Добавить" }).click();
  // The action revalidates the page: the new row appears, and stays after a reload.
  await expect(page.getByRole("button", { name: "Изменить: Отделение экономики" })).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Изменить: Отделение экономики" }).click();
  await expect(page.getByLabel("Отделение — Отделение экономики", { exact: true })).toHaveValue("Отделение экономики");

  await page.getByRole("button", { name: "Удалить: Механическое отделение" }).click();
  await expect(page.getByText(/В отделении есть группы/)).toBeVisible();
  await shot(page, "org-departments");
});

test("a DEPUTY sees curriculum totals per class and period with the comparison to тарификация (ORG-6)", async ({
  page,
}) => {
  await signInAs(page, "DEPUTY");
  await page.goto("/org/curriculum");
  await page.getByRole("link", { name: "Итоги и сравнение с тарификацией" }).click();
  const byClass = page.locator("table", { has: page.getByText("Часы по классам и периодам") });
  await expect(byClass.getByRole("row", { name: /^5А/ })).toBeVisible();
  await expect(byClass.locator("tfoot")).toContainText("Итого");
  await expect(page.getByRole("heading", { name: "Сравнение с тарификацией" })).toBeVisible();
  await shot(page, "org-curriculum-totals");
});

test("the class teacher edits a parent's card and the change is stored (PPL-1)", async ({ page }) => {
  const school = demoLogin("PARENT").orgName;
  const [parent] = await query<{ id: number }>(
    `SELECT p.id FROM "Parent" p JOIN "User" u ON u."organisationId" = p."organisationId" AND u.id = p."userId"
       JOIN "Organisation" o ON o.id = p."organisationId" WHERE o.name = $1 AND u.login = 'parent'`,
    [school],
  );
  await signInAs(page, "TEACHER");
  await page.goto(`/people/parents/${parent.id}`);
  await expect(page.getByText("полная карточка")).toBeVisible();
  await page.getByLabel("Место работы").fill("ПАО «Самаранефтегаз»");
  await page.getByLabel("E-mail").fill("не-почта");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByText("Неверный адрес e-mail")).toBeVisible();
  await page.getByLabel("E-mail").fill("smirnova@example.ru");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Сохранено" })).toBeVisible();
  const [after] = await query<{ workplace: string }>(`SELECT workplace FROM "Parent" WHERE id = $1`, [parent.id]);
  expect(after.workplace).toBe("ПАО «Самаранефтегаз»");
  await shot(page, "people-parent-card");
});

test("the secretary downloads the movement book as XLSX (PPL-3, PPL-5)", async ({ page }) => {
  await signInAs(page, "SECRETARY");
  await page.goto("/people/movement");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Книга движения в Excel" }).click();
  const download = await downloadPromise;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "movement-")), "book.xlsx");
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  expect(ws.getRow(2).values).toEqual([
    undefined,
    "№",
    "Дата",
    "ФИО ученика",
    "Движение",
    "Из класса",
    "В класс",
    "Приказ №",
    "Дата приказа",
    "Примечание",
  ]);
  expect(ws.rowCount).toBeGreaterThan(10);
  await shot(page, "people-movement");
});
