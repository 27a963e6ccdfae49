import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { demoLogin, query, signInAs } from "./support";

const school = demoLogin("SECRETARY").orgName;

/** 30 rows: row 5 without a first name, row 12 with 31.02, row 20 with a bad e-mail. */
async function makeXlsx(tag: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Список");
  ws.addRow(["Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "Телефон", "E-mail"]);
  for (let i = 1; i <= 30; i++) {
    const birth = new Date(Date.UTC(2016, 0, i));
    ws.addRow([
      `Импортов${tag}`,
      i === 5 ? "" : "Илья",
      "Сергеевич",
      i === 12 ? "31.02.2016" : birth,
      "м",
      "+7 900 100-00-00",
      i === 20 ? "bad@" : `pupil${i}@example.ru`,
    ]);
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), "import-")), "spisok.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

async function countImported(tag: string): Promise<number> {
  const [row] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM "Student" s JOIN "Organisation" o ON o.id = s."organisationId" WHERE o.name = $1 AND s."lastName" = $2`,
    [school, `Импортов${tag}`],
  );
  return Number(row.n);
}

test("importing a 30-row XLSX with 3 bad rows shows exactly those errors, cancelling writes nothing, confirming imports 27 (PPL-5)", async ({
  page,
}) => {
  const tag = "а";
  const file = await makeXlsx(tag);
  await signInAs(page, "SECRETARY");
  await page.goto("/people/import");
  await page.getByLabel(/^Класс\s*\*?$/).selectOption({ label: "5Б" });
  await page.getByLabel("Номер приказа").fill("77-у");
  await page.getByLabel(/Файл XLSX или CSV/).setInputFiles(file);
  await page.getByRole("button", { name: "Проверить" }).click();
  await expect(page.getByRole("heading", { name: /Предпросмотр/ })).toContainText(
    "строк без ошибок — 27, с ошибками — 3",
  );
  const bad = page.locator("tr[data-row-error]");
  await expect(bad).toHaveCount(3);
  await expect(bad.nth(0)).toContainText("Имя: не заполнено");
  await expect(bad.nth(1)).toContainText("Дата рождения: «31.02.2016» — не дата");
  await expect(bad.nth(2)).toContainText("E-mail: «bad@» — неверный адрес");
  await expect(bad.nth(0).locator("td").first()).toHaveText("6");

  await page.getByRole("button", { name: "Отмена" }).click();
  await expect(page.getByRole("heading", { name: /Предпросмотр/ })).toHaveCount(0);
  expect(await countImported(tag)).toBe(0);

  await page.getByLabel(/Файл XLSX или CSV/).setInputFiles(file);
  await page.getByRole("button", { name: "Проверить" }).click();
  await page.getByRole("button", { name: "Импортировать 27 стр." }).click();
  await expect(page.getByRole("status")).toContainText("Импортировано строк: 27");
  expect(await countImported(tag)).toBe(27);
  const [admissions] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM "Movement" m JOIN "Student" s ON s."organisationId" = m."organisationId" AND s.id = m."studentId"
      WHERE s."lastName" = $1 AND m.kind = 'ADMISSION' AND m."orderNumber" = '77-у'`,
    [`Импортов${tag}`],
  );
  expect(Number(admissions.n)).toBe(27);
});

test("the class teacher exports the medical list of own class to XLSX (PPL-5, seed 003)", async ({ page }) => {
  await signInAs(page, "TEACHER");
  const [klass] = await query<{ id: number }>(
    `SELECT c.id FROM "ClassGroup" c JOIN "Organisation" o ON o.id = c."organisationId" WHERE o.name = $1 AND c.name = '7А'`,
    [school],
  );
  await page.goto(`/people/classes/${klass.id}`);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Мед. список в Excel" }).click();
  const download = await downloadPromise;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "export-")), "med.xlsx");
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  expect(ws.getRow(2).values).toEqual([undefined, "№", "ФИО", "Группа здоровья", "Физ. группа"]);
  expect(ws.rowCount).toBeGreaterThan(10);

  // Another class's list is refused (ACL-3).
  const [other] = await query<{ id: number }>(
    `SELECT c.id FROM "ClassGroup" c JOIN "Organisation" o ON o.id = c."organisationId" WHERE o.name = $1 AND c.name = '5Б'`,
    [school],
  );
  const refused = await page.request.get(`/people/classes/${other.id}/export?list=medical`);
  expect(refused.status()).toBe(403);
});
