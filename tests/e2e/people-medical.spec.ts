import { expect, test } from "@playwright/test";
import { demoLogin, query, signInAs } from "./support";

const school = demoLogin("MEDIC").orgName;

async function studentOf7A(): Promise<{ id: number; healthGroup: string | null }> {
  const [row] = await query<{ id: number; healthGroup: string | null }>(
    `SELECT s.id, s."healthGroup" FROM "Student" s
       JOIN "ClassMembership" m ON m."organisationId" = s."organisationId" AND m."studentId" = s.id AND m."endDate" IS NULL
       JOIN "ClassGroup" c ON c."organisationId" = m."organisationId" AND c.id = m."classId"
       JOIN "Organisation" o ON o.id = s."organisationId"
      WHERE o.name = $1 AND c.name = '7А' ORDER BY s.id DESC LIMIT 1`,
    [school],
  );
  return row;
}

test.describe("medical fields of the student card (ACL-4)", () => {
  test("a MEDIC changes a health group; a TEACHER's request to change it is refused with 403 and changes nothing", async ({
    page,
    browser,
  }) => {
    const student = await studentOf7A();
    const next = student.healthGroup === "III" ? "II" : "III";
    await signInAs(page, "MEDIC");
    await page.goto(`/people/students/${student.id}`);
    await expect(page.getByText("краткие сведения", { exact: false }).first()).toBeVisible();
    // The brief card: no documents or addresses for a medic.
    await expect(page.getByText("Адрес регистрации")).toHaveCount(0);
    await page.getByLabel("Группа здоровья").selectOption(next);
    await page.getByRole("button", { name: "Сохранить" }).click();
    await expect(page.getByRole("status")).toContainText("Сохранено");
    const [after] = await query<{ healthGroup: string }>(`SELECT "healthGroup" FROM "Student" WHERE id = $1`, [
      student.id,
    ]);
    expect(after.healthGroup).toBe(next);

    const teacherPage = await browser.newPage();
    await signInAs(teacherPage, "TEACHER");
    // The class teacher of 7А sees the group read-only…
    await teacherPage.goto(`/people/students/${student.id}`);
    await expect(teacherPage.getByText("Группа здоровья")).toBeVisible();
    await expect(teacherPage.getByRole("combobox", { name: "Группа здоровья" })).toHaveCount(0);
    // …and the server refuses a crafted request.
    const origin = new URL(teacherPage.url()).origin;
    const refused = await teacherPage.request.put(`/people/students/${student.id}/medical`, {
      data: { healthGroup: "V", physicalGroup: "специальная" },
      headers: { origin },
    });
    expect(refused.status()).toBe(403);
    const [still] = await query<{ healthGroup: string }>(`SELECT "healthGroup" FROM "Student" WHERE id = $1`, [
      student.id,
    ]);
    expect(still.healthGroup).toBe(next);
    await teacherPage.close();
  });

  test("the medical route answers bad input with Russian field messages and writes nothing (NFR-4)", async ({
    page,
  }) => {
    const student = await studentOf7A();
    await signInAs(page, "MEDIC");
    await page.goto("/");
    const response = await page.request.put(`/people/students/${student.id}/medical`, {
      data: { healthGroup: "VII" },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(400);
    const body = (await response.json()) as { fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors.healthGroup[0]).toContain("Группа здоровья");
  });

  test("opening a full card is recorded in the audit log (152-ФЗ)", async ({ page }) => {
    const student = await studentOf7A();
    await signInAs(page, "SECRETARY");
    await page.goto(`/people/students/${student.id}`);
    await expect(page.getByText("полная карточка")).toBeVisible();
    const rows = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "AuditEvent" a JOIN "User" u ON u."organisationId" = a."organisationId" AND u.id = a."userId"
        WHERE a.action = 'people.card.viewed' AND a."entityId" = $1 AND u.login = 'secretary'`,
      [String(student.id)],
    );
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });
});
