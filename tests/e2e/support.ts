// Shared helpers of the Playwright tests: the demo logins and direct reads of the test database.
import pg from "pg";
import { expect, type Download, type Locator, type Page } from "@playwright/test";
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

/** The demo school's ids a spec building its own class needs: the current year, the default bell schedule, the teacher «teacher» and «Алгебра». */
export async function schoolAlgebraContext(
  orgName: string,
): Promise<{ orgId: number; yearId: number; scheduleId: number; teacherId: number; subjectId: number }> {
  const [ctx] = await query<{
    orgId: number;
    yearId: number;
    scheduleId: number;
    teacherId: number;
    subjectId: number;
  }>(
    `SELECT o.id AS "orgId", y.id AS "yearId", b.id AS "scheduleId", u.id AS "teacherId", s.id AS "subjectId"
       FROM "Organisation" o
       JOIN "AcademicYear" y ON y."organisationId" = o.id AND y."isCurrent"
       JOIN "BellSchedule" b ON b."organisationId" = o.id AND b."isDefault"
       JOIN "User" u ON u."organisationId" = o.id AND u.login = 'teacher'
       JOIN "Subject" s ON s."organisationId" = o.id AND s.name = 'Алгебра'
      WHERE o.name = $1`,
    [orgName],
  );
  return ctx;
}

/**
 * Removes a class a spec creates for itself, with its lessons, timetable entries, loads and
 * memberships — so a re-run against the same database starts clean.
 */
export async function dropClassNamed(organisationId: number, name: string): Promise<void> {
  const cls = `SELECT id FROM "ClassGroup" WHERE "organisationId" = $1 AND name = $2`;
  for (const table of ["Lesson", "TimetableEntry", "TeacherLoad", "ClassMembership"])
    await query(`DELETE FROM "${table}" WHERE "organisationId" = $1 AND "classId" IN (${cls})`, [organisationId, name]);
  await query(`DELETE FROM "ClassGroup" WHERE "organisationId" = $1 AND name = $2`, [organisationId, name]);
}

export type DemoChild = { id: number; firstName: string; lastName: string; classId: number; organisationId: number };

/** The demo school parent's children (7А and 3Б) with their current class, by first name. */
export async function demoParentChildren(): Promise<DemoChild[]> {
  const parent = demoLogin("PARENT");
  return query(
    `SELECT s.id, s."firstName", s."lastName", m."classId", s."organisationId"
       FROM "Student" s
       JOIN "ClassMembership" m ON m."organisationId" = s."organisationId" AND m."studentId" = s.id AND m."endDate" IS NULL
       JOIN "ParentLink" l ON l."organisationId" = s."organisationId" AND l."studentId" = s.id
       JOIN "Parent" p ON p."organisationId" = l."organisationId" AND p.id = l."parentId"
       JOIN "User" u ON u."organisationId" = p."organisationId" AND u.id = p."userId"
       JOIN "Organisation" o ON o.id = u."organisationId"
      WHERE u.login = $1 AND o.name = $2 ORDER BY s."firstName"`,
    [parent.login, parent.orgName],
  );
}

/** The demo school's latest closed academic year («2025/2026»): its name, as the year tabs show it (REC-3). */
export async function demoPastYearName(): Promise<string> {
  const school = demoLogin("TEACHER");
  const [year] = await query<{ name: string }>(
    `SELECT y.name FROM "AcademicYear" y JOIN "Organisation" o ON o.id = y."organisationId"
      WHERE o.name = $1 AND y.status = 'CLOSED' ORDER BY y."startDate" DESC LIMIT 1`,
    [school.orgName],
  );
  return year.name;
}

/** The demo parent's child in 7А (Смирнов Артём, the demo student): the student's id. */
export async function demoChildIn7A(): Promise<number> {
  const [child] = await query<{ id: number }>(
    `SELECT s.id FROM "Student" s JOIN "ClassMembership" m ON m."organisationId" = s."organisationId" AND m."studentId" = s.id
       JOIN "ClassGroup" c ON c."organisationId" = m."organisationId" AND c.id = m."classId"
      WHERE s."lastName" = 'Смирнов' AND s."firstName" = 'Артём' AND c.name = '7А' AND m."endDate" IS NULL`,
  );
  return child.id;
}

/**
 * Opens «Ещё» of the main menu shown at this width, when the role's menu has one (DAY-7): its list is drawn
 * only while open (issue 22 item 1), so a test that looks for an item there — or for its absence — opens it.
 */
export async function openMore(page: Page): Promise<void> {
  const nav = page.getByRole("navigation", { name: "Основное меню" });
  const summary = nav.locator("summary");
  if ((await summary.count()) === 0) return;
  await summary.click();
  await expect(nav.locator("details[open] > div a").first()).toBeVisible();
}

/** Opens a main-menu item, through «Ещё» when the role's menu keeps it there (DAY-7). */
export async function openMenuItem(page: Page, name: string): Promise<void> {
  const nav = page.getByRole("navigation", { name: "Основное меню" });
  const link = nav.getByRole("link", { name, exact: true });
  if (!(await link.isVisible())) await openMore(page);
  await link.click();
}

/**
 * SEC-5 / REG-2 with REPORTS_INLINE_MAX=0: the form's «Скачать PDF» is queued, «Мои отчёты» shows the
 * job titled `title` until it is ready, and its link downloads the file.
 */
export async function downloadQueuedPdf(page: Page, form: Locator, title: string): Promise<Download> {
  await form.getByRole("button", { name: "Скачать PDF" }).click();
  await expect(form.getByRole("status")).toContainText("поставлен в очередь");
  const job = page.getByRole("region", { name: "Мои отчёты" }).getByTestId("report-job").first();
  await expect(job).toContainText(title);
  await expect(job).toContainText("готов", { timeout: 60_000 });
  const [pdf] = await Promise.all([page.waitForEvent("download"), job.getByRole("link", { name: /Скачать/ }).click()]);
  return pdf;
}
