import { expect, test } from "@playwright/test";
import { signInAs } from "./support";

test("a teacher opens today's lesson journal from the home page (JRN-1)", async ({ page }) => {
  await signInAs(page, "TEACHER");
  const panel = page.locator("section", { has: page.getByRole("heading", { name: "Мои уроки сегодня" }) });
  const links = panel.getByRole("link");
  test.skip((await links.count()) === 0, "no lessons today (weekend or holiday)");
  const subject = (await links.first().textContent())!.trim();
  await links.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`· ${subject}`);
});
