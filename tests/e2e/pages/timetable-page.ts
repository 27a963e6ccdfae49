// Page object of «Составление расписания» (SCH-2): the class's grid with a form per cell.
import { expect, type Locator, type Page } from "@playwright/test";

const WEEKDAYS = ["", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"];

export class TimetablePage {
  constructor(private readonly page: Page) {}

  async open(classId: number): Promise<void> {
    await this.page.goto(`/schedule/edit?class=${classId}`);
    await expect(this.page.getByRole("heading", { name: /Составление расписания/ })).toBeVisible();
  }

  cell(weekday: number, bell: number): Locator {
    return this.page.getByTestId(`cell-${weekday}-${bell}`);
  }

  /** Opens the cell's «+ добавить» form, fills it and submits; returns the form for its message. */
  async addLesson(weekday: number, bell: number, subject: string, teacher: string): Promise<Locator> {
    const slot = `${WEEKDAYS[weekday]}, ${bell}-й урок`;
    await this.cell(weekday, bell).locator("summary", { hasText: "+ добавить" }).click();
    const form = this.page.getByRole("form", { name: `Добавить урок: ${slot}` });
    await form.getByLabel("Предмет").selectOption({ label: subject });
    await form.getByLabel("Учитель").selectOption({ label: teacher });
    await form.getByRole("button", { name: "Сохранить" }).click();
    return form;
  }
}
