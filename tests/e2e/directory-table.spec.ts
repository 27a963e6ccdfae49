// ORG-4 set-up tables (components/org/directory-table.tsx) at 1024 px: each column's label stands
// over its values — the header cells carry the value cells' padding (issue 19 round 10: the labels
// stood 4 px left of the text under them).
import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("the class directory's headers line up with the values under them (ORG-4)", async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signInAs(page, "ADMIN");
  await page.goto("/org/classes");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Классы", exact: true }) });
  await expect(section.locator("[data-row]").first()).toBeVisible();
  const { head, cells } = await section.evaluate((el) => {
    const textLeft = (node: Element) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getClientRects()[0];
      return rect ? Math.round(rect.left) : null;
    };
    // the header is the section's first grid (round 24: header and rows sit in a frame that scrolls sideways)
    const header = el.querySelector("div.grid")!;
    const row = el.querySelector("[data-row]")!;
    return { head: [...header.children].map(textLeft), cells: [...row.children].map(textLeft) };
  });
  // Columns whose first row has text (class, grade, letter, shift, periods): the label starts where it does.
  const compared = cells.map((left, i) => [head[i], left] as const).filter(([h, c]) => h !== null && c !== null);
  expect(compared.length).toBeGreaterThanOrEqual(4);
  for (const [h, c] of compared) expect(Math.abs(h! - c!)).toBeLessThanOrEqual(1);
});
