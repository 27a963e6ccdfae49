// PPL-3 in the browser: a class list on a date. The class page's «Список на дату» is the kit's picker
// form (issue 19): a plain GET form whose date lands in the address and whose list follows it.
import { expect, test } from "@playwright/test";
import { demoLogin, query, signInAs } from "./support";

const school = demoLogin("SECRETARY").orgName;

test("the secretary opens a class list on another date through «Список на дату» (PPL-3)", async ({ page }) => {
  const [cls] = await query<{ id: number; start: string; shown: string }>(
    `SELECT c.id, to_char(y."startDate", 'YYYY-MM-DD') AS start, to_char(y."startDate", 'DD.MM.YYYY') AS shown
       FROM "ClassGroup" c JOIN "Organisation" o ON o.id = c."organisationId"
       JOIN "AcademicYear" y ON y.id = c."yearId" AND y."isCurrent" WHERE o.name = $1 AND c.name = '5Б'`,
    [school],
  );
  await signInAs(page, "SECRETARY");
  await page.goto(`/people/classes/${cls.id}`);
  const picker = page.getByRole("form", { name: "Список на дату" });
  await picker.getByLabel("Список на дату").fill(cls.start);
  await picker.getByRole("button", { name: "Показать" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]date=${cls.start}`));
  await expect(page.getByText(`список на ${cls.shown}`)).toBeVisible();
  await expect(page.getByRole("form", { name: "Список на дату" }).getByLabel("Список на дату")).toHaveValue(cls.start);
});
