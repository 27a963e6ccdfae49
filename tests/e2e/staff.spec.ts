// DAY-9 and DAY-11 in the browser: the staff list on the kit's DataTable (filter slot by position,
// quick filters, totals, sorting) and «Добавить ученика» on a class page — one student with the
// admission order; a refusal keeps what was typed, a success links the new card.
import { expect, test } from "@playwright/test";
import { demoLogin, query, signInAs } from "./support";

const school = demoLogin("SECRETARY").orgName;

test("ADMIN narrows the staff list by position, sees the totals and sorts by name (DAY-9)", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/people/staff");
  const table = page.getByRole("table", { name: /Список сотрудников/ });
  await expect(table.locator("tfoot")).toContainText(/Всего: \d+/);
  const all = await table.locator("tbody tr").count();
  const [position] = await query<{ position: string; n: string }>(
    `SELECT s.position, count(*) AS n FROM "Staff" s JOIN "Organisation" o ON o.id = s."organisationId"
      WHERE o.name = $1 AND s."firedAt" IS NULL AND s.position IS NOT NULL
      GROUP BY s.position ORDER BY count(*) DESC, s.position LIMIT 1`,
    [school],
  );
  await page.getByLabel("Отбор по должности").selectOption(position.position);
  await page.getByRole("form", { name: "Фильтр сотрудников" }).getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(/position=/);
  await expect(table.locator("tbody tr")).toHaveCount(Number(position.n));
  expect(Number(position.n)).toBeLessThan(all);
  await expect(table.locator("tfoot")).toContainText(`Всего: ${position.n}`);
  await table.getByRole("button", { name: /ФИО/ }).click();
  await expect(table.locator("th[aria-sort]")).toHaveAttribute("aria-sort", "ascending");
});

test("the secretary adds one student to a class; bad input keeps the form, the card opens (DAY-11)", async ({
  page,
}) => {
  const [cls] = await query<{ id: number }>(
    `SELECT c.id FROM "ClassGroup" c JOIN "Organisation" o ON o.id = c."organisationId"
      JOIN "AcademicYear" y ON y.id = c."yearId" AND y."isCurrent" WHERE o.name = $1 AND c.name = '5Б'`,
    [school],
  );
  await signInAs(page, "SECRETARY");
  await page.goto(`/people/classes/${cls.id}`);
  await page.getByText("Добавить ученика").click();
  const form = page.getByRole("form", { name: "Новый ученик" });
  await form.getByLabel("Фамилия").fill("Одиночкина");
  await form.getByLabel("Имя").fill("Ева");
  await form.getByLabel("Дата рождения").fill("2015-05-20");
  await form.getByRole("button", { name: "Добавить" }).click();
  // No order number: refused with the field's message, the typed name stays.
  await expect(form.getByText("Заполните поле «Номер приказа»")).toBeVisible();
  await expect(form.getByLabel("Фамилия")).toHaveValue("Одиночкина");
  await form.getByLabel("Номер приказа").fill("91-к");
  await form.getByRole("button", { name: "Добавить" }).click();
  await expect(form.getByRole("status")).toContainText("Добавлен(а): Одиночкина Ева");
  await form.getByRole("link", { name: "Открыть карточку" }).click();
  await expect(page.getByRole("heading", { name: /Одиночкина Ева/ })).toBeVisible();
  const [row] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM "Movement" m JOIN "Student" s ON s."organisationId" = m."organisationId" AND s.id = m."studentId"
      WHERE s."lastName" = 'Одиночкина' AND m.kind = 'ADMISSION' AND m."orderNumber" = '91-к'`,
  );
  expect(Number(row.n)).toBe(1);
});
