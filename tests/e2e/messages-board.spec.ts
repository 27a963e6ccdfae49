import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInAs, openMenuItem } from "./support";

async function as(browser: Browser, role: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, role);
  return page;
}

test.describe("announcement board (MSG-3)", () => {
  test("DEPUTY posts to parents with an expiry; a parent sees it with its dates, a teacher does not", async ({
    browser,
  }) => {
    const title = `Собрание родителей ${Date.now()}`;
    const deputy = await as(browser, "DEPUTY");
    await openMenuItem(deputy, "Объявления");
    await deputy.getByLabel("Заголовок").fill(title);
    await deputy.getByLabel("Текст", { exact: true }).fill("Собрание в пятницу.\nКабинет 206.");
    await deputy.getByLabel("Кому").selectOption("ROLE");
    await deputy.getByLabel("Роль").selectOption("PARENT");
    await deputy.getByLabel("по", { exact: true }).fill("2099-12-31");
    await deputy.getByRole("button", { name: "Опубликовать" }).click();
    await expect(deputy.getByRole("status")).toHaveText("Объявление опубликовано");

    const parent = await as(browser, "PARENT");
    await parent.goto("/board");
    const item = parent.getByRole("listitem").filter({ hasText: title });
    await expect(item).toContainText("по 31.12.2099");
    await expect(item).toContainText("для роли «Родитель»");

    const teacher = await as(browser, "TEACHER");
    await teacher.goto("/board");
    await expect(teacher.getByRole("heading", { name: "Доска объявлений" })).toBeVisible();
    await expect(teacher.getByText(title)).toHaveCount(0);
  });

  test("a parent cannot post: no form, and the board still shows (board.post)", async ({ page }) => {
    await signInAs(page, "PARENT");
    await page.goto("/board");
    await expect(page.getByRole("heading", { name: "Доска объявлений" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Опубликовать" })).toHaveCount(0);
  });
});

test.describe("forum (MSG-4)", () => {
  test("a parent opens a topic, ADMIN hides a post, others see only a note; a parent cannot appoint moderators", async ({
    browser,
  }) => {
    const title = `Школьная форма ${Date.now()}`;
    const parent = await as(browser, "PARENT");
    await parent.getByRole("navigation").getByRole("link", { name: "Форум" }).click();
    await parent.getByLabel("Тема", { exact: true }).fill(title);
    await parent.getByLabel("Сообщение").fill("Где купить форму?");
    await parent.getByRole("button", { name: "Создать тему" }).click();
    await expect(parent.getByRole("heading", { name: title })).toBeVisible();
    const topicUrl = parent.url();
    expect((await parent.goto("/forum/moderators"))?.status()).toBe(403);

    const admin = await as(browser, "ADMIN");
    await admin.goto(topicUrl);
    await admin.getByRole("button", { name: "Скрыть" }).click();
    await expect(admin.getByText("Сообщение скрыто модератором")).toBeVisible();

    await parent.goto(topicUrl);
    await expect(parent.getByText("Сообщение скрыто модератором")).toBeVisible();
    await expect(parent.getByText("Где купить форму?")).toHaveCount(0);
    await expect(parent.getByRole("button", { name: "Скрыть" })).toHaveCount(0);
  });

  test("ADMIN appoints a moderator who then may hide posts", async ({ browser }) => {
    const admin = await as(browser, "ADMIN");
    await admin.goto("/forum/moderators");
    const button = admin.getByRole("button", { name: /^Назначить: Орлова/ });
    await button.click();
    await expect(admin.getByRole("button", { name: /^Снять: Орлова/ })).toBeVisible();
    const deputy = await as(browser, "DEPUTY");
    await deputy.goto("/forum");
    const title = `Тема модератора ${Date.now()}`;
    await deputy.getByLabel("Тема", { exact: true }).fill(title);
    await deputy.getByLabel("Сообщение").fill("Проверка");
    await deputy.getByRole("button", { name: "Создать тему" }).click();
    await expect(deputy.getByRole("button", { name: "Скрыть" })).toBeVisible();
  });
});
