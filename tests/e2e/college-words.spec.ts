// DAY-6 (PRN-3), round 22: a college's administration reads группа, преподаватель, дисциплина, занятие,
// куратор on the org, plans, materials, schedule and access pages — each
// page below showed the school's «Класс», «Учитель», «Предмет», «урок» or «Ученик» there before.
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { demoLogin, signInAs } from "./support";
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
    // Round 23: the short heads and the scope word are the college's (УЧ, КР, УН and «класс» before).
    await expect(page.locator("thead abbr", { hasText: /^ПР$/ })).toHaveCount(1);
    await expect(page.locator("thead abbr", { hasText: /^(УЧ|КР|УН)$/ })).toHaveCount(0);
    await expect(page.getByText(/^Области: все, отдел\., свои, группа, о себе/)).toBeVisible();
  });

  // Round 23 (DAY-6): the pages round 22 left — each showed «классному журналу», «Предмет», «урок»,
  // «классному руководителю», «Класс / группа» or «по каждому классу» at a college before.
  test("control: the report's title and the remark form", async ({ page }) => {
    await signInCollege(page, "zavuch");
    await page.goto("/control");
    await expect(page.getByRole("heading", { name: "Отчёт о доступе к журналу учебных занятий" })).toBeVisible();
    await page.goto("/control/remarks");
    const form = page.getByRole("form", { name: "Новое замечание" });
    await expect(form.getByLabel("Дисциплина", { exact: true })).toBeVisible();
    await expect(form.getByLabel("Дата занятия (необязательно)")).toBeVisible();
    await expect(form.getByRole("button", { name: "Отправить преподавателю" })).toBeVisible();
    await expect(form.getByLabel("Предмет", { exact: true })).toHaveCount(0);
  });

  test("diary: the student's week and marks", async ({ page }) => {
    await signInAs(page, "STUDENT", "college");
    await page.goto("/diary");
    await page.waitForURL(/\/diary\/\d+/);
    await expect(page.getByRole("link", { name: "Написать куратору" })).toBeVisible();
    await expect(page.getByText(/Задано к уроку|Уроков нет/)).toHaveCount(0);
    await page.goto(`${new URL(page.url()).pathname.replace(/^(\/diary\/\d+).*/, "$1")}/marks`);
    await expect(page.getByText(/^Пропущено занятий за период: \d+/)).toBeVisible();
    await expect(page.getByText(/итоговую отметку выставляет преподаватель/)).toBeVisible();
  });

  test("journal, schedule, archive and subjects", async ({ page }) => {
    await signInCollege(page, "admin");
    await page.goto("/journal");
    await expect(page.getByRole("heading", { name: "Журнал учебных занятий", exact: true })).toBeVisible();
    await page.goto("/journal/unlock");
    await expect(page.getByRole("columnheader", { name: "Дата занятия" })).toBeVisible();
    await page.goto("/schedule/approval");
    await expect(page.getByText(/^Занятия журнала создаются только по утверждённому/)).toBeVisible();
    await page.goto("/schedule/edit");
    await expect(page.getByLabel("Группа", { exact: true })).toBeVisible();
    await expect(page.getByLabel("Класс / группа")).toHaveCount(0);
    await expect(
      page.getByText(/преподаватель должен иметь нагрузку \(тарификацию\) по дисциплине в группе\./),
    ).toBeVisible();
    await page.goto("/archive");
    await expect(page.getByText(/печатная версия журнала по каждой группе \(PDF\), данные группы/)).toBeVisible();
    await page.goto("/org/subjects");
    await expect(page.getByRole("heading", { name: "Дисциплины", exact: true })).toBeVisible();
  });

  // Round 24 (issue 22): what round 23 left — the journal's browser tab, the access matrix's permission
  // names, the programme form's grade field and /control's files read «Классный журнал», «сведения о
  // школе», «Класс (параллель)», «Учитель», «Проведено уроков» at a college before.
  test("the journal's tab, the matrix's permissions, the programme form, /control's file", async ({ page }) => {
    await signInCollege(page, "admin");
    // The main menu read «Ученики», «Классы», «Предметы» on every page of a college.
    const menu = page.getByRole("navigation", { name: "Основное меню" }).first();
    await menu.getByText("Ещё", { exact: false }).click();
    await expect(menu.getByRole("link", { name: "Группы", exact: true })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Дисциплины", exact: true })).toBeVisible();
    await expect(menu.getByRole("link", { name: /^(Классы|Предметы|Ученики)$/ })).toHaveCount(0);
    await page.goto("/journal");
    await expect(page).toHaveTitle(/^Журнал учебных занятий — /);
    await page.goto("/admin/access");
    await expect(page.getByText(/«группа» — для группы, где вы куратор/)).toBeVisible();
    const edit = page.locator("tr[data-permission='org.edit'] th");
    await expect(edit).toHaveText("Изменять сведения о колледже");
    await expect(page.locator("tr[data-permission='movement.view'] th")).toHaveText(
      "Просматривать книгу движения студентов",
    );
    await expect(page.locator("tbody th", { hasText: /школ[еы]|учеников|учащихся/ })).toHaveCount(1); // «…больничной школы»
    await page.goto("/plans/programmes");
    const form = page.getByRole("form", { name: "Новая рабочая программа" });
    await expect(form.getByLabel("Курс", { exact: true })).toBeVisible();
    await expect(form.getByLabel("Класс (параллель)")).toHaveCount(0);
    const res = await page.request.get("/api/control/report?report=fill&format=xlsx&from=2026-09-01&to=2026-12-31");
    expect(res.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.body()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.text))));
    const text = cells.join("\n");
    expect(text).toContain("Отчёт о доступе к журналу учебных занятий");
    expect(text).toContain("Проведено занятий");
    expect(text).not.toMatch(/Учитель|Проведено уроков|на ученика/);
  });
});
