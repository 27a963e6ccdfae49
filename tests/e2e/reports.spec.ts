import { expect, test } from "@playwright/test";
import { demoLogin, query, signInAs } from "./support";

test.describe("reports page (RPT)", () => {
  test("a heavy report beyond the inline limit is queued: the form says so and «Мои отчёты» delivers it; a class report downloads at once (SEC-5)", async ({
    page,
  }) => {
    // The e2e server runs with REPORTS_INLINE_MAX=0 (tests/e2e/run.ts): every heavy report is queued.
    await signInAs(page, "DEPUTY");
    await page.getByRole("navigation", { name: "Основное меню" }).getByRole("link", { name: "Отчёты" }).click();
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Итоги успеваемости" }) });
    await form.getByLabel("Класс").selectOption({ label: "Вся организация" });
    await form.getByRole("button", { name: "Скачать PDF" }).click();
    await expect(form.getByRole("status")).toContainText("поставлен в очередь");
    const job = page.getByRole("region", { name: "Мои отчёты" }).getByTestId("report-job").first();
    await expect(job).toContainText("Итоги успеваемости, PDF");
    await expect(job).toContainText("готов", { timeout: 60_000 });
    const [pdf] = await Promise.all([
      page.waitForEvent("download"),
      job.getByRole("link", { name: /Скачать/ }).click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/Итоги успеваемости.*\.pdf$/);
    // One class is not heavy: the file comes straight back.
    await form.getByLabel("Класс").selectOption({ label: "7А" });
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      form.getByRole("button", { name: "Скачать XLSX" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/Итоги успеваемости.*\.xlsx$/);
  });

  test("a deputy orders a whole-organisation report as a background job, watches it finish and downloads it", async ({
    page,
  }) => {
    await signInAs(page, "DEPUTY");
    await page.goto("/reports");
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Итоги успеваемости" }) });
    await form.getByLabel("Класс").selectOption({ label: "Вся организация" });
    await form.getByRole("button", { name: "В фоне: PDF" }).click();
    await expect(form.getByRole("status")).toContainText("поставлен в очередь");
    const jobs = page.getByRole("region", { name: "Мои отчёты" });
    const job = jobs.getByTestId("report-job").first();
    await expect(job).toContainText("Итоги успеваемости, PDF");
    await expect(job).toContainText("готов", { timeout: 60_000 });
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      job.getByRole("link", { name: /Скачать/ }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/Итоги успеваемости.*\.pdf$/);
    // Another user does not see the job and cannot download it.
    const id = (await job.getByRole("link", { name: /Скачать/ }).getAttribute("href"))!.match(/jobs\/(\d+)/)![1];
    await page.context().clearCookies();
    await signInAs(page, "DIRECTOR");
    expect((await page.request.get(`/api/reports/jobs/${id}?download=1`)).status()).toBe(404);
  });

  test("a class teacher may choose only own class; another class's report is refused (ACL-3)", async ({ page }) => {
    await signInAs(page, "TEACHER");
    await page.goto("/reports");
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Посещаемость" }) });
    const options = await form.getByLabel("Класс").locator("option").allTextContents();
    expect(options).toContain("7А");
    expect(options).not.toContain("1А");
    const teacher = demoLogin("TEACHER");
    const [other] = await query<{ id: number }>(
      `SELECT c.id FROM "ClassGroup" c JOIN "Organisation" o ON o.id = c."organisationId" WHERE o.name = $1 AND c.name = '1А'`,
      [teacher.orgName],
    );
    const response = await page.request.get(
      `/api/reports/attendance?format=pdf&classId=${other.id}&from=2026-09-01&to=2026-09-30`,
    );
    expect(response.status()).toBe(403);
    expect((await response.json()).message).toBe("Нет доступа");
  });

  test("bad report parameters get a Russian message and 400, never a 500 (NFR-4)", async ({ page }) => {
    await signInAs(page, "DEPUTY");
    const response = await page.request.get("/api/reports/attendance?format=doc&classId=abc&from=2026-13-01&to=x");
    expect(response.status()).toBe(400);
    expect((await response.json()).message).toMatch(/Формат: pdf или xlsx/);
  });

  test("a parent has no reports page", async ({ page }) => {
    await signInAs(page, "PARENT");
    const response = await page.goto("/reports");
    expect(response?.status()).toBe(403);
  });
});
