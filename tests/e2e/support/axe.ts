// One accessibility check for every spec (issue 20 acceptance): axe-core over the page as it is,
// failing on critical and serious violations only, each listed with its rule and the first nodes.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The page's critical and serious violations, one line each (impact, rule, help, first nodes). */
export async function seriousA11yViolations(
  page: Page,
  /** Rules skipped on this page — each named in the caller with its reason (a known, reported violation). */
  knownViolations: readonly string[] = [],
): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (knownViolations.length) builder.disableRules([...knownViolations]);
  const result = await builder.analyze();
  return result.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join("; ")}`,
    );
}

export async function expectNoSeriousA11yViolations(
  page: Page,
  what: string,
  knownViolations: readonly string[] = [],
): Promise<void> {
  expect(await seriousA11yViolations(page, knownViolations), `axe on ${what}`).toEqual([]);
}

/** Console errors and uncaught page errors (hydration errors included) collected while a test runs. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}
