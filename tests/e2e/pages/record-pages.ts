// Page objects of the closed record (REC-1, JRN-6): «Закрытие периодов», «Открытие дат» and the
// lesson panel's assignment form on the journal grid.
import { expect, type Locator, type Page } from "@playwright/test";

export class ClosingPage {
  constructor(private readonly page: Page) {}

  async close(periodId: number, target: string, basis: string): Promise<Locator> {
    await this.page.goto("/journal/closing");
    const form = this.page.getByRole("form", { name: "Закрыть период" });
    await form.getByLabel("Период").selectOption(String(periodId));
    await form.getByLabel("Для").selectOption(target);
    await form.getByLabel(/Основание/).fill(basis);
    // A period not over yet (REC-1) asks for the confirmation; the demo's quarters move with the run's date.
    const early = form.getByLabel("Закрыть до окончания периода");
    if (await early.isVisible()) await early.check();
    await form.getByRole("button", { name: "Закрыть период" }).click();
    return form.getByRole("status");
  }
}

export class UnlockPage {
  constructor(private readonly page: Page) {}

  /** ADMIN opens class × subject × dates (yyyy-mm-dd) for 12 hours with a reason. */
  async open(classId: number, subjectId: number, from: string, to: string, reason: string): Promise<Locator> {
    await this.page.goto("/journal/unlock");
    const form = this.page.getByRole("form", { name: "Открыть даты" });
    await form.getByLabel("Класс · предмет").selectOption(`${classId}:${subjectId}`);
    await form.getByLabel("С даты").fill(from);
    await form.getByLabel("По дату").fill(to);
    await form.getByLabel("Причина").fill(reason);
    await form.getByRole("button", { name: "Открыть на 12 ч" }).click();
    return form.getByRole("status");
  }
}

export class LessonPanel {
  constructor(private readonly page: Page) {}

  /** Opens the panel of a lesson from the grid's header (date dd.mm.yyyy, bell). */
  async openFromGrid(date: string, bell: number): Promise<Locator> {
    await this.page.getByTitle(new RegExp(`^Урок ${date.replace(/\./g, "\\.")}, ${bell}-й`)).click();
    const dialog = this.page.getByRole("dialog", { name: `Урок ${date}` });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /** Sets an assignment's weight in the open panel and saves; the form's message. */
  async setWeight(dialog: Locator, typeName: string, weight: string): Promise<Locator> {
    const form = dialog.getByRole("form", { name: `Задание: ${typeName}` });
    await form.getByLabel("Вес (пусто — по типу)").fill(weight);
    await form.getByRole("button", { name: "Сохранить", exact: true }).click();
    return form.locator('[role="status"], [role="alert"]');
  }
}
