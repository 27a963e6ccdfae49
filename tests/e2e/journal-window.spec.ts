// Issue 22 item 4 (JRN-1, JRN-5): the journal grid opens with the lessons around today and loads
// the earlier ones when the teacher scrolls to the period's start; a mark there is shown and a mark
// saved there persists. The demo school's busiest journal × period (e.g. a language's first quarter
// or half-year) holds more lessons up to today than the first window.
import { expect, test, type Page } from "@playwright/test";
import { demoLogin, query, signInAs } from "./support";

type Place = {
  org: number;
  classId: number;
  subjectId: number;
  periodId: number;
  lessonId: number;
  assignmentId: number;
};

/** The current (open) year's journal × period with the most lessons so far (a quarter or a half-year, as its class has), and its first lesson whose marks are plain grades (a closed year's journal is read-only, REC-3). */
async function place(): Promise<Place> {
  const admin = demoLogin("ADMIN");
  const [row] = await query<Place>(
    `WITH today AS (SELECT (now() AT TIME ZONE 'Europe/Samara')::date AS d),
          journals AS (
            SELECT l."organisationId" AS org, l."classId", l."subjectId", p.id AS "periodId", count(*) AS n
              FROM "Lesson" l
              JOIN "Organisation" o ON o.id = l."organisationId" AND o.name = $1
              JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
              JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
                   AND y."isCurrent" AND y.status = 'OPEN'
              JOIN "Period" p ON p."organisationId" = l."organisationId" AND p."yearId" = c."yearId" AND p.kind = c."periodKind"
                   AND l.date BETWEEN p."startDate" AND p."endDate"
             WHERE l.status = 'SCHEDULED' AND l."subgroupId" IS NULL AND l.date <= (SELECT d FROM today)
             GROUP BY 1, 2, 3, 4)
     SELECT j.org, j."classId", j."subjectId", j."periodId", l.id AS "lessonId", a.id AS "assignmentId"
       FROM journals j
       JOIN "Period" p ON p."organisationId" = j.org AND p.id = j."periodId"
       JOIN "Lesson" l ON l."organisationId" = j.org AND l."classId" = j."classId" AND l."subjectId" = j."subjectId"
            AND l."subgroupId" IS NULL AND l.status = 'SCHEDULED' AND l.date BETWEEN p."startDate" AND p."startDate" + 14
       JOIN "Assignment" a ON a."organisationId" = j.org AND a."lessonId" = l.id
       JOIN "Mark" m ON m."organisationId" = j.org AND m."assignmentId" = a.id
      WHERE j.n > 35
      GROUP BY j.org, j."classId", j."subjectId", j."periodId", j.n, l.id, l.date, l."bellNumber", a.id
     HAVING bool_and(m.kind = 'GRADE' AND NOT m."isHospital") AND count(*) >= 3
      ORDER BY j.n DESC, l.date, l."bellNumber", a.id
      LIMIT 1`,
    [admin.orgName],
  );
  expect(row, "a journal with more than 35 lessons of one period and marks in its first fortnight").toBeTruthy();
  return row;
}

/** The grid's column index of a lesson's first mark column. */
async function markColumn(page: Page, lessonId: number): Promise<number> {
  return page.evaluate((id) => {
    const cells = [...document.querySelectorAll<HTMLElement>('[role="grid"] thead tr:last-child th')];
    return cells.findIndex((th) => th.dataset.lesson === String(id) && th.dataset.kind === "mark");
  }, lessonId);
}

/** Scrolls the grid to its left edge until the lesson's columns are there (each step loads earlier lessons). */
async function scrollToLesson(page: Page, lessonId: number): Promise<number> {
  await expect
    .poll(
      async () => {
        await page.evaluate(() => {
          const box = document.getElementById("journal-grid")!;
          box.scrollLeft = 0;
        });
        return markColumn(page, lessonId);
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThanOrEqual(0);
  return markColumn(page, lessonId);
}

async function columnTexts(page: Page, col: number): Promise<string[]> {
  return page
    .locator(`[role="grid"] td[data-pos$=":${col}"]`)
    .evaluateAll((tds) => tds.map((td) => (td.textContent ?? "").trim()).filter((t) => /^\d+$/.test(t)));
}

test("scrolling to the period's start shows an early lesson's marks, and a mark saved there persists (issue 22 item 4)", async ({
  page,
}) => {
  const p = await place();
  // ADMIN opens the early date for 12 hours (JRN-6), so the mark may be changed.
  await query(
    `INSERT INTO "UnlockRequest" ("organisationId", "classId", "subjectId", date, reason, status, "requesterId", "deciderId", "decidedAt", "openUntil")
     SELECT $1, $2, $3, l.date, 'e2e: окно журнала', 'APPROVED', u.id, u.id, now(), now() + interval '12 hours'
       FROM "Lesson" l JOIN "User" u ON u."organisationId" = l."organisationId" AND u.login = $5
      WHERE l."organisationId" = $1 AND l.id = $4`,
    [p.org, p.classId, p.subjectId, p.lessonId, demoLogin("ADMIN").login],
  );
  const url = `/journal?class=${p.classId}&subject=${p.subjectId}&period=${p.periodId}`;
  await signInAs(page, "ADMIN");
  await page.goto(url);
  await expect(page.getByRole("grid")).toBeVisible();
  await expect(page.locator('[role="grid"] tbody td[data-pos]').first()).toBeVisible();
  // The first view holds the lessons around today, not the period's first one.
  expect(await markColumn(page, p.lessonId)).toBe(-1);
  await expect(page.getByTestId("grid-more-before")).toBeVisible();

  const col = await scrollToLesson(page, p.lessonId);
  const stored = await query<{ value: number }>(
    `SELECT value FROM "Mark" WHERE "organisationId" = $1 AND "assignmentId" = $2`,
    [p.org, p.assignmentId],
  );
  expect((await columnTexts(page, col)).sort()).toEqual(stored.map((m) => String(m.value)).sort());

  // A mark typed there is saved and is there after a reload (scrolled to again).
  const row = Number(
    (
      (await page
        .locator(`[role="grid"] td[data-editable="true"][data-pos$=":${col}"]`)
        .first()
        .getAttribute("data-pos")) ?? ""
    ).split(":")[0],
  );
  const cell = page.locator(`[role="grid"] td[data-pos="${row}:${col}"]`);
  const value = (await cell.innerText()).trim() === "5" ? "4" : "5";
  await cell.click();
  await page.keyboard.type(value);
  await page.keyboard.press("Enter");
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: /сохранены|Не сохранено|Сохраняю/ })
      .first(),
  ).toHaveText("Все изменения сохранены", { timeout: 20_000 });
  await expect(cell).toHaveText(value);
  const [saved] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM "Mark" WHERE "organisationId" = $1 AND "assignmentId" = $2 AND value = $3`,
    [p.org, p.assignmentId, Number(value)],
  );
  expect(Number(saved.n)).toBeGreaterThan(0);

  await page.goto(url);
  await expect(page.locator('[role="grid"] tbody td[data-pos]').first()).toBeVisible();
  const again = await scrollToLesson(page, p.lessonId);
  await expect(page.locator(`[role="grid"] td[data-pos="${row}:${again}"]`)).toHaveText(value);
});
