// Page object of «Почта» (MSG-1): compose, inbox, one message, reply.
import { expect, type Page } from "@playwright/test";

export class MailPage {
  constructor(private readonly page: Page) {}

  async compose(): Promise<void> {
    await this.page.goto("/mail/new");
    await expect(this.page.getByRole("heading", { name: "Новое сообщение" })).toBeVisible();
  }

  async chooseRecipient(name: string): Promise<void> {
    await this.page.getByLabel("Найти получателя").fill(name);
    await this.page
      .getByRole("checkbox", { name: new RegExp(name) })
      .first()
      .check();
  }

  async write(subject: string, body: string): Promise<void> {
    await this.page.getByLabel("Тема", { exact: true }).fill(subject);
    await this.page.getByLabel("Текст", { exact: true }).fill(body);
  }

  async send(): Promise<void> {
    await this.page.getByRole("button", { name: "Отправить" }).click();
  }

  async expectSent(): Promise<void> {
    await expect(this.page.getByRole("status")).toHaveText("Сообщение отправлено.");
  }

  async error(): Promise<string> {
    const alert = this.page.getByTestId("compose-error");
    await expect(alert).not.toBeEmpty();
    return (await alert.textContent()) ?? "";
  }

  async openInbox(): Promise<void> {
    await this.page.goto("/mail");
    await expect(this.page.getByRole("heading", { name: "Почта", level: 1 })).toBeVisible();
  }

  /** The inbox row of a subject. */
  row(subject: string) {
    return this.page.getByRole("link", { name: new RegExp(subject) });
  }

  body() {
    return this.page.getByTestId("message-body").first();
  }
}
