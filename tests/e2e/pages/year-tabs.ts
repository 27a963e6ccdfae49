// Page object of the year selector on the journal, finals, reports, archive and diary pages (REC-3).
import { expect, type Page } from "@playwright/test";

export class YearTabs {
  constructor(private readonly page: Page) {}

  /** Opens a year by its name («2025/2026»); a closed year's tab reads «… (закрыт)». */
  async choose(name: string): Promise<void> {
    const nav = this.page.getByRole("navigation", { name: "Учебный год" });
    await nav.getByRole("link", { name: new RegExp(`^${name.replace("/", "\\/")}`) }).click();
    await expect(nav.getByRole("link", { name: new RegExp(`^${name.replace("/", "\\/")}`) })).toHaveAttribute(
      "aria-current",
      "page",
    );
  }
}
