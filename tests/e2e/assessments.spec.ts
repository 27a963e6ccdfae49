// PRG-4 end to end: the deputy opens 7А's assessment schedule (the demo's dictation on an algebra
// control work's day is warned about), publishes it again; the demo parent sees the published
// schedule in the diary's «График контрольных».
import { expect, test } from "@playwright/test";
import { demoChildIn7A, openMenuItem, query, signInAs } from "./support";

const SLOW = { timeout: 30_000 };

test("the deputy publishes 7А's assessment schedule with its warnings; the parent sees it in the diary", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const [{ versions }] = await query<{ versions: number }>(
    `SELECT count(*)::int AS versions FROM "AssessmentPublication" p JOIN "ClassGroup" c
        ON c."organisationId" = p."organisationId" AND c.id = p."classId" WHERE c.name = '7А'`,
  );
  const deputy = await (await browser.newContext()).newPage();
  await signInAs(deputy, "DEPUTY");
  await openMenuItem(deputy, "График оценочных процедур");
  await expect(deputy.getByRole("heading", { name: "График оценочных процедур" })).toBeVisible();
  const picker = deputy.getByRole("form", { name: "Выбор класса и периода" });
  await picker.getByLabel("Класс").selectOption({ label: "7А" });
  await picker.getByRole("button", { name: "Показать" }).click();
  await expect(deputy.getByText(/оценочные процедуры в один день \(.*Русский язык/)).toBeVisible(SLOW);
  await expect(deputy.getByRole("list", { name: "Календарь оценочных процедур" })).toContainText("Контрольный диктант");
  const publish = deputy.getByRole("form", { name: "Публикация графика" });
  await publish.getByRole("button", { name: /Опубликовать/ }).click();
  await expect(publish.getByRole("status")).toContainText(`График опубликован (версия ${versions + 1})`, SLOW);

  const parent = await (await browser.newContext()).newPage();
  await signInAs(parent, "PARENT");
  // The demo child of 7А (the parent's other child is in 3Б).
  const childId = await demoChildIn7A();
  await parent.goto(`/diary/${childId}`);
  await parent
    .getByRole("navigation", { name: "Разделы дневника" })
    .getByRole("link", { name: "График контрольных" })
    .click();
  await expect(parent.getByRole("heading", { name: "Дневник: график контрольных" })).toBeVisible();
  const calendar = parent.getByRole("list", { name: "Календарь оценочных процедур" });
  await expect(calendar).toContainText("Контрольный диктант");
  await expect(calendar).toContainText("Алгебра");
  await expect(parent.getByText("Больше одной в день")).toHaveCount(0);
});
