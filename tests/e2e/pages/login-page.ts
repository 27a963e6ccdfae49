// Page object of the sign-in screen (AUTH-1): region → municipality → organisation, login, password.
import { expect, type Page } from "@playwright/test";

export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/login");
    await expect(this.page.getByRole("button", { name: "Войти" })).toBeVisible();
  }

  async chooseOrganisation(orgName: string): Promise<void> {
    const select = this.page.getByLabel("Организация", { exact: true });
    const value = await select.locator("option", { hasText: orgName }).first().getAttribute("value");
    if (value === null) throw new Error(`no organisation option ${orgName}`);
    await select.selectOption(value);
  }

  async signIn(orgName: string, login: string, password: string): Promise<void> {
    await this.open();
    await this.chooseOrganisation(orgName);
    await this.page.getByLabel("Логин").fill(login);
    await this.page.getByLabel("Пароль").fill(password);
    await this.page.getByRole("button", { name: "Войти" }).click();
  }
}
