// Page objects of «Замечания» (CTL-2) and the teacher's remarks block on the home page.
import { expect, type Page } from "@playwright/test";
import { openMenuItem } from "../support";

export class RemarksPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await openMenuItem(this.page, "Замечания");
    await expect(this.page.getByRole("heading", { name: "Замечания по ведению журнала" })).toBeVisible();
  }

  async write(teacher: string, className: string, text: string): Promise<void> {
    const form = this.page.getByRole("form", { name: "Новое замечание" });
    await form.getByLabel("Учитель").selectOption({ label: teacher });
    await form.getByLabel("Класс").selectOption({ label: className });
    await form.getByLabel("Замечание").fill(text);
    await form.getByRole("button", { name: "Отправить учителю" }).click();
    await expect(form.getByRole("status")).toHaveText("Замечание отправлено учителю");
  }

  row(text: string) {
    return this.page.getByRole("table", { name: "Замечания" }).getByRole("row").filter({ hasText: text });
  }

  async close(text: string): Promise<void> {
    const row = this.row(text);
    await expect(row).toContainText("Устранено учителем");
    await row.getByRole("button", { name: "Закрыть" }).click();
    await expect(row.getByRole("button", { name: "Закрыть" })).toHaveCount(0);
    await this.page.reload();
    await expect(this.row(text)).toContainText("Закрыто");
  }
}

export class HomeRemarks {
  constructor(private readonly page: Page) {}

  async markDone(text: string, note: string): Promise<void> {
    const item = this.page
      .getByRole("list", { name: "Замечания по ведению журнала" })
      .getByRole("listitem")
      .filter({ hasText: text });
    await expect(item).toBeVisible();
    await item.getByLabel("Комментарий учителя").fill(note);
    await item.getByRole("button", { name: "Устранено" }).click();
    // The block re-renders: the remark now reads as done, with the teacher's comment.
    await expect(item).toContainText(`Устранено учителем: ${note}`);
  }
}
