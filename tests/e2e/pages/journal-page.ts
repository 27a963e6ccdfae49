// Page object of the class journal grid (JRN-1, JRN-5).
import { expect, type Locator, type Page } from "@playwright/test";

export class JournalPage {
  readonly grid: Locator;

  constructor(private readonly page: Page) {
    this.grid = page.getByRole("grid");
  }

  async open(classId: number, subjectId: number): Promise<void> {
    await this.page.goto(`/journal?j=${classId}:${subjectId}:`);
    await expect(this.grid).toBeVisible();
  }

  /** Row and column of the active cell. */
  async active(): Promise<{ row: number; col: number }> {
    const pos = await this.grid.locator('td[aria-selected="true"]').getAttribute("data-pos");
    const [row, col] = (pos ?? "0:0").split(":").map(Number);
    return { row, col };
  }

  /** Column indexes whose header cell is the given lesson's (date dd.mm) columns, found by the column's first row cell label. */
  cell(row: number, col: number): Locator {
    return this.grid.locator(`td[data-pos="${row}:${col}"]`);
  }

  async editableRows(col: number): Promise<number[]> {
    const rows = await this.grid
      .locator(`td[data-editable="true"][data-pos$=":${col}"]`)
      .evaluateAll((tds) => tds.map((td) => Number((td.getAttribute("data-pos") ?? "0:0").split(":")[0])));
    return rows.sort((a, b) => a - b);
  }

  /** Moves the active cell with arrow keys only. */
  async moveTo(row: number, col: number): Promise<void> {
    const now = await this.active();
    const key = (k: string, n: number) => Array.from({ length: Math.abs(n) }, () => k);
    for (const k of [
      ...key(col > now.col ? "ArrowRight" : "ArrowLeft", col - now.col),
      ...key(row > now.row ? "ArrowDown" : "ArrowUp", row - now.row),
    ]) {
      await this.page.keyboard.press(k);
    }
    await expect(this.grid.locator(`td[data-pos="${row}:${col}"]`)).toHaveAttribute("aria-selected", "true");
  }

  /** Types values down a column from the current row, skipping rows without a cell, with the keyboard only. */
  async typeDown(col: number, rows: number[], values: string[]): Promise<void> {
    for (let i = 0; i < rows.length; i++) {
      await this.moveTo(rows[i], col);
      await this.page.keyboard.type(values[i % values.length]);
      await this.page.keyboard.press("Enter");
    }
  }

  async waitSaved(): Promise<void> {
    await expect(
      this.page
        .getByRole("status")
        .filter({ hasText: /сохранены|Не сохранено|Сохраняю/ })
        .first(),
    ).toHaveText("Все изменения сохранены", { timeout: 20_000 });
  }
}
