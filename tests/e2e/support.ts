// Shared helpers of the Playwright tests: the demo logins and direct reads of the test database.
import pg from "pg";
import type { Page } from "@playwright/test";
import { DEMO_LOGINS } from "../../prisma/seed/logins";
import { LoginPage } from "./pages/login-page";

export { DEMO_LOGINS };

export function demoLogin(role: string, org: "school" | "college" = "school") {
  const found = DEMO_LOGINS.find((l) => l.role === role && l.org === org);
  if (!found) throw new Error(`no demo login for ${role} in ${org}`);
  return found;
}

export async function signInAs(page: Page, role: string, org: "school" | "college" = "school"): Promise<void> {
  const login = demoLogin(role, org);
  await new LoginPage(page).signIn(login.orgName, login.login, login.password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Opens a main-menu item, through «Ещё» when the role's menu keeps it there (DAY-7). */
export async function openMenuItem(page: Page, name: string): Promise<void> {
  const nav = page.getByRole("navigation", { name: "Основное меню" });
  const link = nav.getByRole("link", { name, exact: true });
  if (!(await link.isVisible())) await nav.getByText("Ещё", { exact: false }).first().click();
  await link.click();
}
