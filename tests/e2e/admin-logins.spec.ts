import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages/login-page";
import { issueSlips, slipOf } from "./pages/people-pages";
import { demoLogin, query, signInAs } from "./support";

const school = demoLogin("ADMIN").orgName;

test.describe("issuing logins (AUTH-2, AUTH-3)", () => {
  test("ADMIN creates a teacher and downloads the slip; the teacher signs in with it and must change the password; ADMIN closes the login and the session ends", async ({
    page,
    browser,
  }) => {
    await signInAs(page, "ADMIN");
    await page.goto("/people/staff");
    await page.getByLabel("Фамилия").fill("Тестова");
    await page.getByLabel("Имя").fill("Вера");
    await page.getByLabel("Отчество").fill("Павловна");
    await page.getByLabel("Должность").fill("учитель истории");
    await page.getByRole("button", { name: "Создать" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Сотрудник создан" })).toContainText("testova.vp");
    await page.reload();
    const text = await issueSlips(page, "Логины сотрудников", ["Тестова Вера Павловна"]);
    expect(text).toContain(school);
    expect(text).toContain("/login");
    const slip = slipOf(text, "Тестова Вера Павловна");
    expect(slip.login).toBe("testova.vp");
    const [row] = await query<{ mustChangePassword: boolean; issuedById: number | null }>(
      `SELECT u."mustChangePassword", u."issuedById" FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId" WHERE o.name = $1 AND u.login = $2`,
      [school, slip.login],
    );
    expect(row.mustChangePassword).toBe(true);
    expect(row.issuedById).not.toBeNull();

    const other = await browser.newPage();
    await new LoginPage(other).signIn(school, slip.login, slip.password);
    await expect(other).toHaveURL(/\/change-password/);

    // users.delete: the login is closed, not erased — the open session ends at once.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Закрыть вход: Тестова Вера Павловна" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Вход закрыт" })).toBeVisible();
    await other.reload();
    await expect(other).toHaveURL(/\/login/);
    const [closed] = await query<{ isActive: boolean }>(
      `SELECT u."isActive" FROM "User" u JOIN "Organisation" o ON o.id = u."organisationId" WHERE o.name = $1 AND u.login = $2`,
      [school, slip.login],
    );
    expect(closed.isActive).toBe(false);
    await other.close();
  });

  test("a class teacher issues a parent login; the parent signs in with the slip's password and is made to change it", async ({
    page,
    browser,
  }) => {
    await signInAs(page, "TEACHER");
    const [klass] = await query<{ id: number }>(
      `SELECT c.id FROM "ClassGroup" c JOIN "Organisation" o ON o.id = c."organisationId" WHERE o.name = $1 AND c.name = '7А'`,
      [school],
    );
    const [student] = await query<{ id: number }>(
      `SELECT m."studentId" AS id FROM "ClassMembership" m WHERE m."classId" = $1 AND m."endDate" IS NULL ORDER BY m."studentId" LIMIT 1`,
      [klass.id],
    );
    // A new parent (no login yet) on the child's card.
    await page.goto(`/people/students/${student.id}`);
    await page.getByText("Добавить родителя").click();
    const parentForm = page.locator("details", { hasText: "Добавить родителя" }).locator("form");
    await parentForm.getByLabel("Фамилия").fill("Пробная");
    await parentForm.getByLabel("Имя").fill("Ольга");
    await parentForm.getByLabel("Степень родства").fill("бабушка");
    await parentForm.getByRole("button", { name: "Добавить" }).click();
    await expect(parentForm.getByRole("status")).toContainText("Родитель добавлен");

    await page.goto(`/people/classes/${klass.id}`);
    const text = await issueSlips(page, "Логины родителей", ["Пробная Ольга"]);
    const slip = slipOf(text, "Пробная Ольга");
    expect(slip.login).toBe("probnaya.o");

    const parent = await browser.newPage();
    await new LoginPage(parent).signIn(school, slip.login, slip.password);
    await expect(parent).toHaveURL(/\/change-password/);
    await parent.getByLabel("Текущий пароль").fill(slip.password);
    await parent.getByLabel("Новый пароль", { exact: true }).fill("Tikhiy vecher u reki");
    await parent.getByLabel("Повторите новый пароль").fill("Tikhiy vecher u reki");
    await parent.getByRole("button", { name: "Сменить пароль" }).click();
    await expect(parent).not.toHaveURL(/\/change-password/);
    await parent.close();
  });

  test("a class teacher cannot issue a login for another class's student (AUTH-2)", async ({ page }) => {
    await signInAs(page, "TEACHER");
    const [foreign] = await query<{ id: number }>(
      `SELECT m."studentId" AS id FROM "ClassMembership" m JOIN "ClassGroup" c ON c.id = m."classId" AND c."organisationId" = m."organisationId"
        JOIN "Organisation" o ON o.id = c."organisationId" WHERE o.name = $1 AND c.name = '5Б' AND m."endDate" IS NULL LIMIT 1`,
      [school],
    );
    const response = await page.request.post("/people/logins/slips", {
      form: { person: `student:${foreign.id}` },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(403);
  });
});
