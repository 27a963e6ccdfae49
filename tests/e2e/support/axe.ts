// The shared accessibility check of the Playwright tier (issue 20 acceptance): axe-core on the page as
// it is now; no critical or serious violation is allowed.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The page's critical and serious axe violations, one line each (rule, impact, first elements). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}

export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  expect(await seriousA11yViolations(page), `axe on ${where}`).toEqual([]);
}
