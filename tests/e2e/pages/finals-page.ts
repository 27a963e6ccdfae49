// Page object of «Итоговые отметки» (FIN-1…FIN-4).
import { expect, type Locator, type Page } from "@playwright/test";

export class FinalsPage {
  readonly table: Locator;

  constructor(private readonly page: Page) {
    this.table = page.getByTestId("finals-table");
  }

  async open(classId: number, subjectId: number, periodId?: number): Promise<void> {
    await this.page.goto(`/finals?classId=${classId}&subjectId=${subjectId}${periodId ? `&periodId=${periodId}` : ""}`);
    await expect(this.table).toBeVisible();
  }

  /** The input of a student's final in a column («2 четверть», «Год», …), found by its label. */
  cell(studentName: RegExp | string, column: string): Locator {
    const who = typeof studentName === "string" ? studentName : studentName.source;
    return this.table.getByRole("textbox", { name: new RegExp(`^${who}.*, ${column}$`) });
  }

  /** Types a final with the keyboard and saves it with Enter. */
  async setFinal(studentName: RegExp | string, column: string, value: string): Promise<void> {
    const input = this.cell(studentName, column);
    await input.click();
    await input.fill("");
    await this.page.keyboard.type(value);
    await this.page.keyboard.press("Enter");
  }
}
