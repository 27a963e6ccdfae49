// DAY-3 leftovers in the browser: the journal picker lists the teacher's own journals first
// («Мои классы», then «Другие · 7Б» …), and a refusal about a cell is shown at the cell itself
// (role=alert, linked by aria-describedby), not only in the bar under the grid.
import { expect, test } from "@playwright/test";
import { signInAs } from "./support";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { JournalPage } from "./pages/journal-page";

test("a teacher's own journals come first in the picker, grouped (DAY-3)", async ({ page }) => {
  await signInAs(page, "TEACHER");
  await page.goto("/journal");
  const groups = await page
    .getByLabel("Класс и предмет")
    .locator("optgroup")
    .evaluateAll((g) => g.map((x) => x.getAttribute("label")));
  expect(groups[0]).toBe("Мои классы");
  expect(groups.slice(1).every((l) => l?.startsWith("Другие · "))).toBe(true);
});

test("typing into a closed cell shows why at the cell, linked to it (DAY-3)", async ({ page }) => {
  // dozens of arrow presses and axe over a whole quarter's grid
  test.setTimeout(150_000);
  await signInAs(page, "TEACHER");
  await page.goto("/journal");
  // Open the teacher's first own journal through the picker.
  const picker = page.getByLabel("Класс и предмет");
  const first = await picker.locator('optgroup[label="Мои классы"] option').first().getAttribute("value");
  await picker.selectOption(first!);
  await page.getByRole("form", { name: "Выбор журнала" }).getByRole("button", { name: "Открыть" }).click();
  const grid = page.getByRole("grid");
  await expect(grid).toBeVisible();
  // Keyboard only (a closed cell far left may sit under the pinned name columns): focus the grid and
  // walk to the first closed cell with the arrows.
  const journal = new JournalPage(page);
  await grid.focus();
  const pos = await grid.locator("td.jc:not([data-editable])").first().getAttribute("data-pos");
  const [row, col] = (pos ?? "0:0").split(":").map(Number);
  await journal.moveTo(row, col);
  const locked = journal.cell(row, col);
  await page.keyboard.type("5");
  const message = page.getByTestId("cell-message");
  await expect(message).toBeVisible();
  await expect(message).toHaveAttribute("role", "alert");
  await expect(locked).toHaveAttribute("aria-describedby", "journal-cell-message");
  // The message sits at the cell (inside it, drawn just below or above), on screen with it.
  const [cell, note] = [await locked.boundingBox(), await message.boundingBox()];
  expect(Math.abs(note!.x - cell!.x)).toBeLessThan(4);
  expect(
    Math.min(Math.abs(note!.y - (cell!.y + cell!.height)), Math.abs(note!.y + note!.height - cell!.y)),
  ).toBeLessThan(8);
  // Leaving the cell takes its message away.
  await page.keyboard.press("ArrowRight");
  await expect(message).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "the journal grid with a cell message");
});
