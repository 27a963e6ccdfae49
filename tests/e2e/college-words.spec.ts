// DAY-6 (PRN-3), round 22: a college's administration reads группа, преподаватель, дисциплина, занятие,
// куратор on the org, plans, materials, schedule and access pages — each
// page below showed the school's «Класс», «Учитель», «Предмет», «урок» or «Ученик» there before.
import { expect, test, type Page } from "@playwright/test";
import { demoLogin } from "./support";
import { LoginPage } from "./pages/login-page";

/** The college's own administration logins (README: «in the college also admin, director, zavuch»). */
async function signInCollege(page: Page, login: "zavuch" | "admin"): Promise<void> {
  const { orgName, password } = demoLogin("TEACHER", "college");
  await new LoginPage(page).signIn(orgName, login, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

test.describe("a college in its own words (DAY-6)", () => {
  test("org: classes, load, curriculum totals", async ({ page }) => {
    await signInCollege(page, "zavuch");
    await page.goto("/org/classes");
    await expect(page.getByRole("heading", { name: "Группы", exact: true })).toBeVisible();
    const roles = await page.locator("select[name='kind']").first().locator("option").allTextContents();
    expect(roles).toContain("куратор");
    expect(roles).not.toContain("классный руководитель");
    await page.goto("/org/load");
    await expect(page.getByRole("navigation", { name: "Группы" })).toBeVisible();
    await expect(page.getByText(/^Нагрузка в группе /)).toBeVisible();
    await page.goto("/org/curriculum/totals");
    await expect(page.getByText("Часы по группам и периодам").first()).toBeVisible();
  });

  test("plans: the list, the fulfilment, the programmes", async ({ page }) => {
    await signInCollege(page, "zavuch");
    await page.goto("/plans");
    await expect(page.getByText("«преподаватель — группа — дисциплина»")).toBeVisible();
    await page.goto("/plans/fulfilment");
    await expect(page.getByText(/^Отстающих дисциплин: \d+/)).toBeVisible();
    const heads = await page.getByRole("table", { name: "Выполнение программ" }).locator("th").allTextContents();
    expect(heads.slice(0, 3)).toEqual(["Группа", "Дисциплина", "Преподаватель"]);
    await page.goto("/plans/programmes");
    await expect(page.getByRole("columnheader", { name: "Дисциплина" })).toBeVisible();
  });

  test("materials: the search and the library's form", async ({ page }) => {
    await signInCollege(page, "zavuch");
    await page.goto("/materials");
    const search = page.getByRole("search", { name: "Поиск материалов" });
    await expect(search.getByLabel("Дисциплина")).toBeVisible();
    await expect(search.getByLabel("Курс")).toBeVisible();
    await expect(search.getByLabel("Предмет")).toHaveCount(0);
  });

  test("schedule: changes and the journal's lessons", async ({ page }) => {
    await signInCollege(page, "zavuch");
    await page.goto("/schedule/changes");
    await expect(page.getByRole("heading", { name: "Замена преподавателя" })).toBeVisible();
    await expect(page.getByLabel("Основной преподаватель")).toBeVisible();
    await expect(page.locator("select[name='kind'] option[value='ADD']")).toHaveText("дополнительное занятие");
    await expect(page.getByRole("link", { name: "Занятия журнала" })).toBeVisible();
    await expect(page.getByText("Уроки журнала")).toHaveCount(0);
  });

  test("access: the matrix's roles and its explanation", async ({ page }) => {
    await signInCollege(page, "admin");
    await page.goto("/admin/access");
    await expect(page.getByText(/для всех групп, «отделение»/)).toBeVisible();
    await expect(page.getByText(/где вы куратор/)).toBeVisible();
    await page.getByText("Обозначения ролей и областей").click();
    await expect(page.getByRole("definition").filter({ hasText: /^Преподаватель$/ })).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: /^Учитель$/ })).toHaveCount(0);
  });
});
