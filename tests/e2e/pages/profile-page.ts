// Page object of «Профиль»: API tokens (API-2) and device notifications (API-4).
import { expect, type Page } from "@playwright/test";

export class ProfilePage {
  constructor(private readonly page: Page) {}

  async openFromHeader(shortName: string): Promise<void> {
    await this.page.getByRole("link", { name: shortName }).click();
    await expect(this.page.getByRole("navigation", { name: "Разделы профиля" })).toBeVisible();
  }

  async createToken(name: string, scope: "только чтение" | "чтение и запись"): Promise<string> {
    await this.page
      .getByRole("navigation", { name: "Разделы профиля" })
      .getByRole("link", { name: "Токены API" })
      .click();
    await this.page.getByLabel("Название").fill(name);
    await this.page.getByLabel(scope).check();
    await this.page.getByRole("button", { name: "Создать токен" }).click();
    const field = this.page.getByLabel("Ваш токен");
    await expect(field).toHaveValue(/^ejt_\d+_/);
    return field.inputValue();
  }

  async revoke(name: string): Promise<void> {
    await this.page
      .getByRole("row", { name: new RegExp(name) })
      .getByRole("button", { name: "Отозвать" })
      .click();
    await expect(this.page.getByRole("row", { name: new RegExp(name) })).toContainText("отозван");
  }

  async enableNotifications(): Promise<void> {
    await this.page.goto("/profile/notifications");
    await this.page.getByRole("button", { name: "Включить уведомления на этом устройстве" }).click();
    await expect(this.page.getByRole("status")).not.toHaveText("Подключаем…");
  }
}
