// Every page's own links (components/ui/link.tsx, issue 22 items 1, 5 and 7) are plain anchors opened on the
// client by the app's ONE listener (components/ui/soft-nav-listener.tsx, mounted in the root layout): a plain
// click on the diary's year and period tabs, the journal's year tab and the profile's links loads no document;
// the diary's period report (a download) still downloads; a Ctrl+click still opens a tab.
import { expect, test, type Page } from "@playwright/test";
import { demoChildIn7A, demoPastYearName, signInAs } from "./support";
import { YearTabs } from "./pages/year-tabs";

/** Marks this document; `loads()` counts the documents requested since, `same()` says the mark is still there. */
async function watchDocuments(page: Page) {
  const documents: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "document") documents.push(r.url());
  });
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  return {
    loads: () => documents.length,
    same: () => page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument === true),
  };
}

test("a parent on a phone: the diary's period and year tabs open without a document load, the report downloads", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const year = await demoPastYearName();
  const child = await demoChildIn7A();
  await signInAs(page, "PARENT");
  await page.goto(`/diary/${child}/marks`);
  await expect(page.getByRole("heading", { name: "Дневник: отметки" })).toBeVisible();
  const watch = await watchDocuments(page);

  // the period tabs: the kit's LinkTabs of the app's Link
  const periods = page.getByRole("navigation", { name: "Периоды" });
  await periods.getByRole("link", { name: "1 четверть" }).click();
  await expect(page).toHaveURL(/period=/);
  await expect(periods.getByRole("link", { name: "1 четверть" })).toHaveAttribute("aria-current", "page");
  expect(watch.loads()).toBe(0);

  // the period report: an anchor with `download` inside the diary's marked tabs — the browser's, not the router's
  const url = page.url();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByRole("navigation", { name: "Разделы дневника" })
      .getByRole("link", { name: /Отчёт за период/ })
      .click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  expect(page.url()).toBe(url);

  // the year tabs (LinkTabs too)
  await new YearTabs(page).choose(year);
  await expect(page.getByTestId("past-year")).toContainText(`${year} учебный год`);
  expect(watch.loads()).toBe(0);
  expect(await watch.same()).toBe(true);
});

test("a teacher at 1366 px: the journal's year tab and the profile's links open without a document load; Ctrl+click opens a tab", async ({
  page,
  context,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const year = await demoPastYearName();
  await signInAs(page, "TEACHER");
  // The journal page before a journal is opened (past-years.spec takes the year tab from an open journal).
  await page.goto("/journal");
  await expect(page.getByRole("form", { name: "Выбор журнала" })).toBeVisible();
  const watch = await watchDocuments(page);

  await new YearTabs(page).choose(year);
  await expect(page).toHaveURL(/year=/);
  expect(watch.loads()).toBe(0);
  expect(await watch.same()).toBe(true);

  await page.goto("/profile");
  const onProfile = await watchDocuments(page);
  await page.getByRole("main").getByRole("list").getByRole("link", { name: "Токены API" }).click();
  await expect(page).toHaveURL(/\/profile\/tokens$/);
  await page.getByRole("main").getByRole("link", { name: "API", exact: true }).click();
  await expect(page).toHaveURL(/\/api-docs$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(onProfile.loads()).toBe(0);
  expect(await onProfile.same()).toBe(true);

  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    page
      .getByRole("main")
      .getByRole("link", { name: "Токены API" })
      .first()
      .click({ modifiers: ["Control"] }),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe("/profile/tokens");
  expect(new URL(page.url()).pathname).toBe("/api-docs"); // this tab stayed
  await tab.close();
});

test("a deputy on /control: a class's line and a «Замечание» open without a document load; the XLSX still downloads", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signInAs(page, "DEPUTY");
  await page.goto("/control");
  const table = page.getByRole("table", { name: "Заполнение журнала" });
  await expect(table.locator("tfoot")).toContainText("Итого");
  const watch = await watchDocuments(page);

  // the by-class table's class links (marked with the table, not one by one)
  await table.locator("tbody a").first().click();
  await expect(page).toHaveURL(/classId=\d+/);
  await expect(table.getByRole("columnheader", { name: /Учитель/ })).toBeVisible();
  expect(watch.loads()).toBe(0);

  // «все строки» and a row's «Замечание» (≈ 500 of them for the whole organisation): before, a document load each
  await page.goto("/control");
  const onRows = await watchDocuments(page);
  await page.getByRole("link", { name: /все строки/ }).click();
  await expect(page).toHaveURL(/view=rows/);
  const remark = table.getByRole("link", { name: "Замечание" }).first();
  const href = (await remark.getAttribute("href"))!;
  expect(href).toMatch(/^\/control\/remarks\?rt=\d+&rc=\d+&rs=\d+$/);
  await remark.click();
  await expect(page.getByRole("heading", { name: "Замечания по ведению журнала" })).toBeVisible();
  expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(href);
  expect(onRows.loads()).toBe(0);
  expect(await onRows.same()).toBe(true);

  // DUT-1's «по учителям» (a Link now, a plain anchor before)
  await page.goto("/control");
  const onShares = await watchDocuments(page);
  await page.getByRole("link", { name: /^по учителям \(\d+\)$/ }).click();
  await expect(page).toHaveURL(/shares=teachers/);
  await expect(page.getByRole("table", { name: "Заполнено до срока" }).locator("tbody tr").first()).toBeVisible();
  expect(onShares.loads()).toBe(0);

  // the file links beside the table stay the browser's (a download, not a page)
  await page.goto("/control");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Скачать XLSX" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});
