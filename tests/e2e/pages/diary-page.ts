// Page object of the diary (DRY-1, DRY-2, DRY-5, DRY-6).
import { expect, type Locator, type Page } from "@playwright/test";

export class DiaryPage {
  constructor(private readonly page: Page) {}

  async openWeek(studentId: number): Promise<void> {
    await this.page.goto(`/diary/${studentId}`);
    await expect(this.page.getByRole("heading", { name: "Дневник" })).toBeVisible();
  }

  /** The diary at a day (ISO date): its week, with the day selected. */
  async openDay(studentId: number, date: string): Promise<void> {
    await this.page.goto(`/diary/${studentId}?day=${date}`);
    await expect(this.page.getByRole("heading", { name: "Дневник" })).toBeVisible();
  }

  async openMarks(studentId: number, periodId?: number): Promise<void> {
    await this.page.goto(`/diary/${studentId}/marks${periodId ? `?period=${periodId}` : ""}`);
    await expect(this.page.getByRole("heading", { name: "Дневник: отметки" })).toBeVisible();
  }

  lesson(lessonId: number): Locator {
    return this.page.locator(`li[data-lesson="${lessonId}"]`);
  }

  subject(name: string): Locator {
    return this.page.locator(`section[data-subject="${name}"]`);
  }

  /** Horizontal overflow of the page (0 or less = no horizontal scrolling). */
  async overflow(): Promise<number> {
    return this.page.evaluate(() => {
      const el = document.scrollingElement ?? document.documentElement;
      return el.scrollWidth - el.clientWidth;
    });
  }
}
