import { expect, test, type Page } from "@playwright/test";
import { JournalPage } from "./pages/journal-page";
import { demoLogin, query, signInAs } from "./support";
import { LoginPage } from "./pages/login-page";

// The demo teacher (Соколова Е. В.) teaches algebra in 7А and is its class teacher.
async function place(): Promise<{ org: number; classId: number; subjectId: number; teacherId: number }> {
  const teacher = demoLogin("TEACHER");
  const [row] = await query<{ org: number; classId: number; subjectId: number; teacherId: number }>(
    `SELECT o.id AS org, c.id AS "classId", s.id AS "subjectId", u.id AS "teacherId"
       FROM "Organisation" o
       JOIN "User" u ON u."organisationId" = o.id AND u.login = $2
       JOIN "ClassGroup" c ON c."organisationId" = o.id AND c.name = '7А'
       JOIN "Subject" s ON s."organisationId" = o.id AND s.name = 'Алгебра'
      WHERE o.name = $1`,
    [teacher.orgName, teacher.login],
  );
  return row;
}

/** Fresh lessons of 7А algebra today (late bells), so the test owns empty columns whatever day it runs. */
async function lessonsToday(bells: number[]): Promise<number[]> {
  const p = await place();
  const ids: number[] = [];
  for (const bell of bells) {
    const [row] = await query<{ id: number }>(
      `INSERT INTO "Lesson" ("organisationId", "classId", "subjectId", "teacherId", date, "bellNumber", "updatedAt")
       VALUES ($1, $2, $3, $4, (now() AT TIME ZONE 'Europe/Samara')::date, $5, now())
       ON CONFLICT DO NOTHING RETURNING id`,
      [p.org, p.classId, p.subjectId, p.teacherId, bell],
    );
    if (row) ids.push(row.id);
    else {
      const [found] = await query<{ id: number }>(
        `SELECT id FROM "Lesson" WHERE "organisationId" = $1 AND "classId" = $2 AND "subjectId" = $3 AND "bellNumber" = $4
            AND date = (now() AT TIME ZONE 'Europe/Samara')::date`,
        [p.org, p.classId, p.subjectId, bell],
      );
      ids.push(found.id);
    }
  }
  return ids;
}

/** The grid column index of a lesson's attendance column («п»). */
async function columnOf(page: Page, lessonId: number): Promise<number> {
  const label = await page.evaluate((id) => {
    const cells = [...document.querySelectorAll<HTMLElement>('[role="grid"] thead tr:last-child th')];
    return cells.findIndex((th) => th.dataset.lesson === String(id) && th.dataset.kind === "att");
  }, lessonId);
  expect(label).toBeGreaterThanOrEqual(0);
  return label;
}

test.describe("the class journal (JRN-1…JRN-7)", () => {
  test("a teacher enters 30 marks and 3 absences with the keyboard only, reloads and sees them all (JRN-5)", async ({
    page,
  }) => {
    const [l1, l2] = await lessonsToday([11, 12]);
    const p = await place();
    await signInAs(page, "TEACHER");
    const journal = new JournalPage(page);
    await journal.open(p.classId, p.subjectId);
    await journal.grid.focus();

    const att1 = await columnOf(page, l1);
    const att2 = await columnOf(page, l2);
    const rows1 = await journal.editableRows(att1 + 1);
    const rows2 = await journal.editableRows(att2 + 1);
    expect(rows1.length + rows2.length).toBeGreaterThanOrEqual(30);
    const first = rows1.slice(0, Math.min(rows1.length, 20));
    const second = rows2.slice(0, 30 - first.length);
    await journal.typeDown(att1 + 1, first, ["5", "4", "3", "5", "4"]);
    await journal.typeDown(att2 + 1, second, ["4", "5"]);
    const absent = (await journal.editableRows(att2)).slice(0, 3);
    await journal.typeDown(att2, absent, ["н"]);
    await journal.waitSaved();

    const [marks] = await query<{ n: string }>(`SELECT count(*) AS n FROM "Mark" WHERE "lessonId" = ANY($1::int[])`, [
      [l1, l2],
    ]);
    expect(Number(marks.n)).toBe(30);
    const [absences] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "Attendance" WHERE "lessonId" = $1 AND code = 'N'`,
      [l2],
    );
    expect(Number(absences.n)).toBe(3);

    await page.reload();
    await expect(journal.grid).toBeVisible();
    await expect(journal.cell(first[0], att1 + 1)).toHaveText("5");
    await expect(journal.cell(first[1], att1 + 1)).toHaveText("4");
    await expect(journal.cell(second[0], att2 + 1)).toHaveText("4");
    for (const row of absent) await expect(journal.cell(row, att2)).toHaveText("Н");
    const shown = await journal.grid
      .locator("td")
      .filter({ hasText: /^[2-5]$/ })
      .count();
    expect(shown).toBeGreaterThanOrEqual(30);
  });

  test("a second browser that saves over a changed cell gets the conflict message with the current value (NFR-3)", async ({
    browser,
  }) => {
    const [lessonId] = await lessonsToday([13]);
    const p = await place();
    const a = await browser.newPage();
    const b = await browser.newPage();
    for (const page of [a, b]) {
      await signInAs(page, "TEACHER");
      await new JournalPage(page).open(p.classId, p.subjectId);
    }
    const ja = new JournalPage(a);
    const jb = new JournalPage(b);
    const col = (await columnOf(a, lessonId)) + 1;
    const row = (await ja.editableRows(col))[0];
    // First a mark both browsers know…
    await ja.grid.focus();
    await ja.typeDown(col, [row], ["4"]);
    await ja.waitSaved();
    await b.reload();
    await jb.grid.focus();
    // …then browser A changes it, and browser B, still showing «4», types over it.
    await ja.typeDown(col, [row], ["3"]);
    await ja.waitSaved();
    await jb.typeDown(col, [row], ["5"]);
    await expect(jb.cell(row, col)).toHaveAttribute("data-status", "conflict");
    await expect(b.getByText(/уже изменил.*«3»/).first()).toBeVisible();
    await expect(jb.cell(row, col)).toHaveText("3");
    const [stored] = await query<{ value: number }>(`SELECT value FROM "Mark" WHERE "lessonId" = $1`, [lessonId]);
    expect(stored.value).toBe(3);

    // The cell's history lists every correction with author and time (JRN-7).
    await jb.moveTo(row, col);
    await b.getByRole("button", { name: "История ячейки" }).click();
    const history = b.getByLabel("История ячейки");
    await expect(history.locator("tbody tr")).toHaveCount(2);
    await expect(history).toContainText("Соколова Елена Викторовна");
    await a.close();
    await b.close();
  });

  test("the server refuses a mark older than the lock window with 403 and writes nothing (JRN-6)", async ({ page }) => {
    const p = await place();
    const [old] = await query<{
      lessonId: number;
      assignmentId: number;
      studentId: number;
      value: number | null;
      version: number;
      n: string;
    }>(
      `SELECT a."lessonId", a.id AS "assignmentId", m."studentId", m.value, m.version,
              (SELECT count(*) FROM "JournalChange" j WHERE j."organisationId" = a."organisationId" AND j."lessonId" = a."lessonId") AS n
         FROM "Assignment" a JOIN "Lesson" l ON l."organisationId" = a."organisationId" AND l.id = a."lessonId"
         JOIN "Mark" m ON m."organisationId" = a."organisationId" AND m."assignmentId" = a.id
        WHERE l."organisationId" = $1 AND l."classId" = $2 AND l."subjectId" = $3
          AND l.date < (now() AT TIME ZONE 'Europe/Samara')::date - 10
        ORDER BY l.date DESC LIMIT 1`,
      [p.org, p.classId, p.subjectId],
    );
    await signInAs(page, "TEACHER");
    const response = await page.request.post("/api/journal/cell", {
      data: {
        kind: "mark",
        lessonId: old.lessonId,
        assignmentId: old.assignmentId,
        studentId: old.studentId,
        input: old.value === 5 ? "4" : "5",
        version: old.version,
      },
      headers: { Origin: new URL(page.url()).origin },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).code).toBe("LOCKED");
    const [after] = await query<{ n: string }>(
      `SELECT count(*) AS n FROM "JournalChange" WHERE "organisationId" = $1 AND "lessonId" = $2`,
      [p.org, old.lessonId],
    );
    expect(Number(after.n)).toBe(Number(old.n));
    const [mark] = await query<{ value: number | null }>(
      `SELECT value FROM "Mark" WHERE "assignmentId" = $1 AND "studentId" = $2`,
      [old.assignmentId, old.studentId],
    );
    expect(mark.value).toBe(old.value);
  });

  test("the class teacher sets УП for an absence; a subject teacher cannot set reasons (JRN-4)", async ({
    page,
    browser,
  }) => {
    const [lessonId] = await lessonsToday([14]);
    const p = await place();
    const [student] = await query<{ id: number; lastName: string }>(
      `SELECT s.id, s."lastName" FROM "ClassMembership" m JOIN "Student" s ON s."organisationId" = m."organisationId" AND s.id = m."studentId"
        WHERE m."organisationId" = $1 AND m."classId" = $2 AND m."endDate" IS NULL AND m."educationForm" = 'FULL_TIME' ORDER BY s.id LIMIT 1`,
      [p.org, p.classId],
    );
    await query(
      `INSERT INTO "Attendance" ("organisationId", "lessonId", "studentId", code, "updatedById", "updatedAt") VALUES ($1, $2, $3, 'N', $4, now())
       ON CONFLICT DO NOTHING`,
      [p.org, lessonId, student.id, p.teacherId],
    );
    await signInAs(page, "TEACHER");
    await page.getByRole("navigation").getByRole("link", { name: "Причины пропусков" }).click();
    await expect(page.getByRole("heading", { name: "Причины пропусков" })).toBeVisible();
    const select = page.getByLabel(new RegExp(`^${student.lastName} .*, 14-й урок, Алгебра$`));
    await select.selectOption({ label: "УП — уважительная причина" });
    await page.getByRole("button", { name: "Сохранить причины" }).click();
    await expect(page.getByText(/Сохранено причин: 1/)).toBeVisible();
    const [row] = await query<{ code: string; reasonSetById: number }>(
      `SELECT code, "reasonSetById" FROM "Attendance" WHERE "lessonId" = $1 AND "studentId" = $2`,
      [lessonId, student.id],
    );
    expect(row).toEqual({ code: "UP", reasonSetById: p.teacherId });

    // A teacher who is not the class teacher: no page, and the cell API refuses a reason.
    const [other] = await query<{ login: string }>(
      `SELECT u.login FROM "User" u JOIN "UserRole" r ON r."organisationId" = u."organisationId" AND r."userId" = u.id AND r.role = 'TEACHER'
        WHERE u."organisationId" = $1 AND NOT EXISTS (SELECT 1 FROM "ClassTeacher" c WHERE c."organisationId" = u."organisationId" AND c."userId" = u.id)
          AND EXISTS (SELECT 1 FROM "TeacherLoad" t WHERE t."organisationId" = u."organisationId" AND t."teacherId" = u.id)
          AND NOT EXISTS (SELECT 1 FROM "UserRole" r2 WHERE r2."organisationId" = u."organisationId" AND r2."userId" = u.id AND r2.role <> 'TEACHER')
        ORDER BY u.id LIMIT 1`,
      [p.org],
    );
    const otherPage = await browser.newPage();
    await new LoginPage(otherPage).signIn(demoLogin("TEACHER").orgName, other.login, demoLogin("TEACHER").password);
    await otherPage.waitForURL((u) => !u.pathname.startsWith("/login"));
    await expect(otherPage.getByRole("navigation").getByRole("link", { name: "Причины пропусков" })).toHaveCount(0);
    expect((await otherPage.goto("/journal/attendance"))?.status()).toBe(403);
    const response = await otherPage.request.post("/api/journal/cell", {
      data: { kind: "attendance", lessonId, studentId: student.id, input: "уп", version: 2 },
      headers: { Origin: new URL(otherPage.url()).origin },
    });
    expect([400, 403]).toContain(response.status());
    const [still] = await query<{ code: string }>(
      `SELECT code FROM "Attendance" WHERE "lessonId" = $1 AND "studentId" = $2`,
      [lessonId, student.id],
    );
    expect(still.code).toBe("UP");
    await otherPage.close();
  });
});

test("a teacher asks to open a locked date, ADMIN opens it for 12 hours and the mark is saved (JRN-6)", async ({
  page,
  browser,
}) => {
  const p = await place();
  const [old] = await query<{ lessonId: number; date: string; bell: number }>(
    `SELECT l.id AS "lessonId", to_char(l.date, 'DD.MM.YYYY') AS date, l."bellNumber" AS bell
       FROM "Lesson" l
      WHERE l."organisationId" = $1 AND l."classId" = $2 AND l."subjectId" = $3 AND l.status = 'SCHEDULED'
        AND l.date < (now() AT TIME ZONE 'Europe/Samara')::date - 10
        AND EXISTS (SELECT 1 FROM "Assignment" a WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id)
        AND NOT EXISTS (SELECT 1 FROM "UnlockRequest" u WHERE u."organisationId" = l."organisationId" AND u."classId" = l."classId"
                          AND u."subjectId" = l."subjectId" AND u.date = l.date)
      ORDER BY l.date DESC LIMIT 1`,
    [p.org, p.classId, p.subjectId],
  );
  const reason = `Перенос отметок из протокола ${old.lessonId}`;
  await signInAs(page, "TEACHER");
  await page.goto(`/journal?lesson=${old.lessonId}`);
  await page.locator(`thead button[title^="Урок ${old.date}, ${old.bell}-й"]`).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Причина").fill(reason);
  await dialog.getByRole("button", { name: "Запросить открытие даты" }).click();
  await expect(dialog.getByText("Запрос отправлен администратору")).toBeVisible();

  const admin = await browser.newPage();
  await signInAs(admin, "ADMIN");
  await admin.getByRole("navigation").getByRole("link", { name: "Открытие дат" }).click();
  const row = admin.getByRole("row").filter({ hasText: reason });
  await row.getByRole("button", { name: "Открыть на 12 ч" }).click();
  await expect(row.getByText(/открыто до/)).toBeVisible();
  await admin.close();

  await page.reload();
  const journal = new JournalPage(page);
  await journal.grid.focus();
  const col = (await columnOf(page, old.lessonId)) + 1;
  const rows = await journal.editableRows(col);
  expect(rows.length).toBeGreaterThan(0);
  const before = await journal.cell(rows[0], col).innerText();
  const value = before.trim() === "5" ? "4" : "5";
  await journal.typeDown(col, [rows[0]], [value]);
  await journal.waitSaved();
  await expect(journal.cell(rows[0], col)).toHaveText(value);
  const [change] = await query<{ reason: string }>(
    `SELECT reason FROM "JournalChange" WHERE "lessonId" = $1 AND entity = 'MARK' ORDER BY id DESC LIMIT 1`,
    [old.lessonId],
  );
  expect(change.reason).toContain("открытую");
});

test("a column pasted from a spreadsheet fills down and is saved cell by cell (JRN-5)", async ({ page }) => {
  const [lessonId] = await lessonsToday([15]);
  const p = await place();
  await signInAs(page, "TEACHER");
  const journal = new JournalPage(page);
  await journal.open(p.classId, p.subjectId);
  await journal.grid.focus();
  const col = (await columnOf(page, lessonId)) + 1;
  const rows = await journal.editableRows(col);
  await journal.moveTo(rows[0], col);
  // What a spreadsheet puts on the clipboard for a copied column.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "5\r\n4\r\n3\r\n");
    document.activeElement?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  await journal.waitSaved();
  const marks = await query<{ value: number }>(`SELECT value FROM "Mark" WHERE "lessonId" = $1 ORDER BY value DESC`, [
    lessonId,
  ]);
  // Rows without a cell (another subgroup, home education) are skipped, not shifted.
  expect(marks.map((m) => m.value)).toEqual([5, 4, 3].filter((_, i) => rows.includes(rows[0] + i)));
  await expect(journal.cell(rows[0], col)).toHaveText("5");
});

test("a mark typed while the network is down stays marked as failed and is saved when it is back (JRN-5)", async ({
  page,
}) => {
  const [lessonId] = await lessonsToday([16]);
  const p = await place();
  await signInAs(page, "TEACHER");
  const journal = new JournalPage(page);
  await journal.open(p.classId, p.subjectId);
  await journal.grid.focus();
  const col = (await columnOf(page, lessonId)) + 1;
  const [row] = await journal.editableRows(col);
  await page.route("**/api/journal/cell", (route) => route.abort("internetdisconnected"));
  await journal.typeDown(col, [row], ["4"]);
  await expect(journal.cell(row, col)).toHaveAttribute("data-status", "failed");
  await expect(page.getByText(/Не сохранено ячеек: 1/)).toBeVisible();
  await page.unroute("**/api/journal/cell");
  await journal.waitSaved();
  const [mark] = await query<{ value: number }>(`SELECT value FROM "Mark" WHERE "lessonId" = $1`, [lessonId]);
  expect(mark.value).toBe(4);
});
