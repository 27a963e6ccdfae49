// Page object of «Планы (КТП)» and one plan's page (PLAN-1…PLAN-4).
import { expect, type Page } from "@playwright/test";

export class PlansPage {
  constructor(private readonly page: Page) {}

  async openList(): Promise<void> {
    await this.page.getByRole("navigation").getByRole("link", { name: "Планы (КТП)" }).click();
    await expect(this.page.getByRole("heading", { name: "Планы (КТП)" })).toBeVisible();
  }

  /** Creates a plan for the load labelled `label` and lands on its page; returns its id. */
  async create(label: string): Promise<number> {
    const select = this.page.getByLabel("Класс и предмет");
    const value = await select.locator("option", { hasText: label }).first().getAttribute("value");
    if (value === null) throw new Error(`no load option ${label}`);
    await select.selectOption(value);
    await this.page.getByRole("button", { name: "Создать план" }).click();
    await this.page.waitForURL(/\/plans\/\d+$/);
    return Number(new URL(this.page.url()).pathname.split("/").pop());
  }

  async importXlsx(file: Buffer, expectedTopics: number): Promise<void> {
    await this.page.getByLabel("Файл КТП (.xlsx)").setInputFiles({
      name: "ktp.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: file,
    });
    await this.page.getByRole("button", { name: "Проверить" }).click();
    await expect(this.page.getByText(`Ошибок нет. Тем: ${expectedTopics}`)).toBeVisible();
    await this.page.getByRole("button", { name: `Загрузить ${expectedTopics} тем` }).click();
    await expect(this.page.getByText(`Загружено тем: ${expectedTopics}`)).toBeVisible();
  }

  async submit(): Promise<void> {
    await this.page.getByRole("button", { name: "Сдать на утверждение" }).click();
    await expect(this.page.getByText("на утверждении").first()).toBeVisible();
  }

  async approve(): Promise<void> {
    await this.page.getByRole("button", { name: "Утвердить" }).click();
    await expect(this.page.getByRole("heading", { name: "Темы в уроках журнала" })).toBeVisible();
    await expect(this.page.getByText("утверждён").first()).toBeVisible();
  }

  /** Topic texts of the binding view (lesson date ↔ topic), in the table's order. */
  async boundTopics(): Promise<string[]> {
    const table = this.page.getByRole("table", { name: "Темы в уроках журнала" });
    await expect(table).toBeVisible();
    return table.locator("tbody tr td:nth-child(4)").allInnerTexts();
  }
}
