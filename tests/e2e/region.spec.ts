// REG-1 in a browser: a municipal specialist signs in choosing the municipality in the sign-in
// page's group «Органы управления образованием», sees its territory on /region (organisations
// and counts, no person) and gets «Нет доступа» on the organisation pages (/journal, /people); REG-2: its
// territory report, queued while the server is busy, is delivered in «Мои отчёты».
import { expect, test, type Page } from "@playwright/test";
import { DEMO_AUTHORITY_LOGINS, DEMO_PASSWORD } from "../../prisma/seed/logins";
import { LoginPage } from "./pages/login-page";
import { downloadQueuedPdf, openMore } from "./support";

const moSpec = DEMO_AUTHORITY_LOGINS.find((a) => a.login === "mo_spec")!;
/** The demo organisations' municipality (prisma/seed/index.ts DEMO_MUNICIPALITY). */
const DEMO_MUNICIPALITY = "городской округ Самара";

/** mo_spec signed in through the sign-in page's municipality, on /region. */
async function signInMoSpec(page: Page): Promise<void> {
  const login = new LoginPage(page);
  await login.open();
  await login.chooseOrganisation(`${DEMO_MUNICIPALITY} — муниципальный орган`);
  await page.getByLabel("Логин").fill(moSpec.login);
  await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Войти" }).click();
  await page.waitForURL((url) => url.pathname === "/region");
}

test.describe("education-authority users (REG-1)", () => {
  test("mo_spec signs in by the municipality, sees /region and is refused /journal and /people", async ({ page }) => {
    const login = new LoginPage(page);
    await login.open();
    const select = page.getByLabel("Организация", { exact: true });
    const group = select.locator('optgroup[label="Органы управления образованием"]');
    await expect(group.locator("option")).not.toHaveCount(0);
    await login.chooseOrganisation(`${DEMO_MUNICIPALITY} — муниципальный орган`);
    await expect(select).toHaveValue(/^municipality:\d+$/);
    await page.getByLabel("Логин").fill(moSpec.login);
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти" }).click();
    await page.waitForURL((url) => url.pathname === "/region");

    await expect(page.getByRole("heading", { level: 1 })).toContainText(DEMO_MUNICIPALITY);
    const table = page.getByRole("table", { name: "Организации территории" });
    await expect(table).toContainText("МБОУ «Школа № 17» г.о. Самара");
    await expect(table).toContainText("Итого по территории");
    const nav = page.getByRole("navigation", { name: "Основное меню" });
    await openMore(page); // «Ещё»'s list is drawn only while open (issue 22 item 1)
    await expect(nav.getByRole("link", { name: "Отчёты" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Пользователи" })).toHaveCount(0);

    for (const path of ["/journal", "/people"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Нет доступа" })).toBeVisible();
    }
    // The refused page leads back to the territory, not to the organisation home.
    await page.getByRole("link", { name: "На главную" }).click();
    await page.waitForURL((url) => url.pathname === "/region");
  });

  test("a territory report beyond the inline limit is queued and «Мои отчёты» delivers it (REG-2, SEC-5)", async ({
    page,
  }) => {
    // The e2e server runs with REPORTS_INLINE_MAX=0 (tests/e2e/run.ts): the territory report is queued.
    await signInMoSpec(page);
    await page.goto("/region/reports");
    const form = page.locator("form[action='/api/region/report']");
    const pdf = await downloadQueuedPdf(page, form, "Отчёт по территории: Успеваемость, PDF");
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  });

  test("a wrong territory is a wrong login or password", async ({ page }) => {
    const login = new LoginPage(page);
    await login.open();
    await login.chooseOrganisation("Самарская область — региональный орган");
    await page.getByLabel("Логин").fill(moSpec.login);
    await page.getByLabel("Пароль").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Войти" }).click();
    await expect(page.locator("#signin-error")).toContainText("Неверный логин или пароль");
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  // DAY-4 for the authority too (round 20): before, its header wrapped the menu, the territory, the account and
  // «Выйти» into three lines at 390 px and there was no bar.
  test("on a phone the territory's menu is the bottom bar, as the organisation's, and the header one line", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInMoSpec(page);
    const bar = page.getByRole("navigation", { name: "Основное меню" });
    await expect(bar).toHaveCount(1); // the header's line is hidden on a phone
    const box = (await bar.boundingBox())!;
    expect(box.y + box.height).toBeCloseTo(844, 0); // fixed to the screen's bottom
    await expect(bar.getByRole("link", { name: "Территория" })).toHaveAttribute("aria-current", "page");
    await expect(bar.getByRole("link", { name: "Пользователи" })).toHaveCount(0); // not mo_spec's
    const header = (await page.getByRole("banner").boundingBox())!;
    expect(header.height).toBeLessThan(64);
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await bar.getByRole("link", { name: "Отчёты" }).click();
    await page.waitForURL((url) => url.pathname === "/region/reports");
    await expect(bar.getByRole("link", { name: "Отчёты" })).toHaveAttribute("aria-current", "page");
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
