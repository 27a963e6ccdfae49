// The layout's menus (DAY-4, DAY-7; issue 22 item 1): plain anchors inside the header's ONE client component
// that opens them on the client — a plain click loads no document, a Ctrl+click opens a tab as a browser's
// link does; «Ещё»'s list drawn only while open (a keyboard user opens it with Enter, Escape closes it; a tap
// before hydration still opens it); the viewport lets the phone's bar clear the home indicator.
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support";

const menu = (page: Page) => page.getByRole("navigation", { name: "Основное меню" });

test("the viewport covers the whole screen, so env(safe-area-inset-bottom) is the home indicator's (DAY-4)", async ({
  page,
}) => {
  await signInAs(page, "PARENT");
  await expect(page.locator('meta[name="viewport"]')).toHaveAttribute("content", /(^|,\s*)viewport-fit=cover(,|$)/);
});

test("a teacher at 1366 px: a plain click opens a menu page without loading a document, a Ctrl+click opens a tab", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "TEACHER");
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const still = () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true);

  await menu(page).getByRole("link", { name: "Расписание", exact: true }).click();
  await expect(page).toHaveURL(/\/schedule$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await still()).toBe(true);

  // through «Ещё» and the header's own links (the profile, the brand) and the footer's
  await menu(page).getByText("Ещё", { exact: false }).click();
  await menu(page).locator("details[open] > div").getByRole("link", { name: "Объявления", exact: true }).click();
  await expect(page).toHaveURL(/\/board$/);
  await expect(menu(page).locator("details[open]")).toHaveCount(0); // closed by the navigation
  await page.getByRole("banner").getByRole("link", { name: "Соколова", exact: false }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await page
    .getByRole("navigation", { name: "Нормативные документы" })
    .getByRole("link", { name: /^Положение/ })
    .click();
  await expect(page).toHaveURL(/\/documents\/regulation$/);
  await page.getByRole("banner").getByRole("link", { name: "Электронный журнал" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await still()).toBe(true);

  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    menu(page)
      .getByRole("link", { name: "Журнал", exact: true })
      .click({ modifiers: ["Control"] }),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe("/journal");
  expect(new URL(page.url()).pathname).toBe("/"); // this tab stayed
  await tab.close();
});

test("a keyboard user at 1366 px opens «Ещё» with Enter, walks into it with Tab, Escape closes it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "TEACHER");
  const summary = menu(page).locator("summary");
  // the list is not in the page until it is opened
  await expect(menu(page).locator("details a")).toHaveCount(0);
  for (let i = 0; i < 30 && !(await summary.evaluate((s) => s === document.activeElement)); i++)
    await page.keyboard.press("Tab");
  await expect(summary).toBeFocused();
  await page.keyboard.press("Enter");
  const list = menu(page).locator("details[open] > div");
  await expect(list.getByRole("link", { name: "Объявления", exact: true })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(list.getByRole("link").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(list).toHaveCount(0);
  await expect(summary).toBeFocused();
});

test("on a phone «Ещё» tapped before the page's scripts ran opens with its list once they have", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "TEACHER");
  let release!: () => void;
  const scripts = new Promise<void>((resolve) => (release = resolve));
  // the page's scripts held back (not its styles: an inline script after a pending stylesheet would wait too)
  const script = (url: URL) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js");
  await page.route(script, async (route) => {
    await scripts;
    await route.continue();
  });
  await page.goto("/", { waitUntil: "domcontentloaded" });
  await menu(page).locator("summary").click();
  await expect(menu(page).locator("details")).toHaveAttribute("open", "");
  await expect(menu(page).locator("details > div")).toHaveCount(0); // not hydrated: no list yet
  release();
  await expect(menu(page).locator("details[open] > div").getByRole("link", { name: "Почта" })).toBeVisible();
  await page.unrouteAll();
});

test("screenshots: a teacher's and an administrator's page at three widths, «Ещё» closed and open", async ({
  page,
}) => {
  test.setTimeout(120_000);
  for (const role of ["TEACHER", "ADMIN"]) {
    await page.context().clearCookies();
    await signInAs(page, role);
    for (const [w, h] of [
      [1366, 768],
      [1024, 768],
      [390, 844],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await page.goto("/ping");
      await expect(menu(page)).toHaveCount(1);
      await page.screenshot({ path: `test-results/nav-${role.toLowerCase()}-${w}-closed.png` });
      await menu(page).locator("summary").click();
      await expect(menu(page).locator("details[open] > div a").first()).toBeVisible();
      // the open list inside the screen (the administrator's at 1024 px ran off its right edge)
      const box = await menu(page).locator("details[open] > div").boundingBox();
      expect(box!.x, `${role} ${w}`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${role} ${w}`).toBeLessThanOrEqual(w);
      await page.screenshot({ path: `test-results/nav-${role.toLowerCase()}-${w}-open.png` });
    }
  }
});

// «Ещё» open looks like the menu's current item (DAY-7, round 20): before, it looked the same open and closed.
test("«Ещё» open is marked as the current item is, on the phone's bar and in the header", async ({ page }) => {
  const look = (l: ReturnType<Page["locator"]>) =>
    l.evaluate((e) => {
      const s = getComputedStyle(e);
      return { color: s.color, weight: s.fontWeight };
    });
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, "TEACHER");
  const bar = menu(page);
  const current = await look(bar.locator('a[aria-current="page"]').first());
  const summary = bar.locator("details > summary");
  const closed = await look(summary);
  expect(closed).not.toEqual(current);
  await summary.click();
  await expect(bar.locator("details[open]")).toHaveCount(1);
  await page.mouse.move(5, 5); // no hover look
  expect(await look(summary)).toEqual(current);
  await page.keyboard.press("Escape");
  await expect(bar.locator("details[open]")).toHaveCount(0);
  expect(await look(summary)).toEqual(closed);

  await page.setViewportSize({ width: 1366, height: 768 });
  const header = menu(page).locator("details > summary");
  await expect(header).toBeVisible();
  await page.mouse.move(5, 700);
  const headerClosed = await look(header);
  await header.click();
  await expect(menu(page).locator("details[open]")).toHaveCount(1);
  await page.mouse.move(5, 700);
  // the header's items have no current look of their own: «Ещё» takes the current item's colour only
  expect((await look(header)).color).toBe(current.color);
  expect((await look(header)).color).not.toBe(headerClosed.color);
});
