// The record holds (REC-1, JRN-6) in the browser: a week into 7А's 1st quarter the closing form warns
// of the lessons still to come and is refused without the confirmation; DEPUTY closes the quarter
// (over by now); the teacher's grid shows it read-only with the reason; changing an assignment's weight there is refused; ADMIN opens
// the date with a reason; the change saves; 12 hours later (the server's clock moved through
// E2E_CLOCK_FILE, lib/org/clock.ts) it is refused again. Runs after every other spec (project
// «record» in playwright.config.ts): it closes a quarter of the demo school and moves the clock.
import { rmSync, writeFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demoLogin, query, signInAs } from "./support";
import { ClosingPage, LessonPanel, UnlockPage } from "./pages/record-pages";

type Place = {
  org: number;
  classId: number;
  subjectId: number;
  teacherId: number;
  periodId: number;
  periodStart: string;
  periodEnd: string;
};

async function place(): Promise<Place> {
  const teacher = demoLogin("TEACHER");
  const [row] = await query<Place>(
    `SELECT o.id AS org, c.id AS "classId", s.id AS "subjectId", u.id AS "teacherId", p.id AS "periodId",
            to_char(p."startDate", 'YYYY-MM-DD') AS "periodStart", to_char(p."endDate", 'YYYY-MM-DD') AS "periodEnd"
       FROM "Organisation" o
       JOIN "User" u ON u."organisationId" = o.id AND u.login = $2
       JOIN "ClassGroup" c ON c."organisationId" = o.id AND c.name = '7А'
       JOIN "AcademicYear" y ON y."organisationId" = o.id AND y.id = c."yearId" AND y."isCurrent"
       JOIN "Period" p ON p."organisationId" = o.id AND p."yearId" = y.id AND p.kind = c."periodKind" AND p.number = 1
       JOIN "Subject" s ON s."organisationId" = o.id AND s.name = 'Алгебра'
      WHERE o.name = $1`,
    [teacher.orgName, teacher.login],
  );
  return row;
}

/** A lesson of 7А algebra in the quarter with an assignment of weight 3 (created if the demo has none yet). */
async function lessonWithAssignment(p: Place) {
  const found = await query<{ lessonId: number; assignmentId: number; date: string; bell: number; typeName: string }>(
    `SELECT l.id AS "lessonId", a.id AS "assignmentId", to_char(l.date, 'YYYY-MM-DD') AS date, l."bellNumber" AS bell,
            t.name AS "typeName"
       FROM "Lesson" l
       JOIN "Assignment" a ON a."organisationId" = l."organisationId" AND a."lessonId" = l.id
       JOIN "AssignmentType" t ON t."organisationId" = a."organisationId" AND t.id = a."typeId"
      WHERE l."organisationId" = $1 AND l."classId" = $2 AND l."subjectId" = $3 AND l.status = 'SCHEDULED'
        AND l.date BETWEEN $4::date AND $5::date
      ORDER BY l.date DESC, l."bellNumber", a.id LIMIT 1`,
    [p.org, p.classId, p.subjectId, p.periodStart, p.periodEnd],
  );
  let row = found[0];
  if (!row) {
    const [lesson] = await query<{ id: number }>(
      `INSERT INTO "Lesson" ("organisationId", "classId", "subjectId", "teacherId", date, "bellNumber", "updatedAt")
       VALUES ($1, $2, $3, $4, $5::date, 9, now()) RETURNING id`,
      [p.org, p.classId, p.subjectId, p.teacherId, p.periodStart],
    );
    const [a] = await query<{ id: number; typeName: string }>(
      `INSERT INTO "Assignment" ("organisationId", "lessonId", "typeId", "createdAt")
       SELECT $1, $2, t.id, now() FROM "AssignmentType" t WHERE t."organisationId" = $1 ORDER BY t."sortOrder", t.id LIMIT 1
       RETURNING id, (SELECT name FROM "AssignmentType" WHERE "organisationId" = $1 AND id = "typeId") AS "typeName"`,
      [p.org, lesson.id],
    );
    row = { lessonId: lesson.id, assignmentId: a.id, date: p.periodStart, bell: 9, typeName: a.typeName };
  }
  await query(`UPDATE "Assignment" SET weight = 3 WHERE "organisationId" = $1 AND id = $2`, [p.org, row.assignmentId]);
  return row;
}

/** Every student on 7А's roll at the quarter's end gets a quarter final in every subject taught («н/а» where missing). */
async function completeFinals(p: Place) {
  await query(
    `INSERT INTO "FinalMark" ("organisationId", "studentId", "classId", "subjectId", kind, "periodId", special, "setById", "setAt")
     SELECT DISTINCT $1::int, m."studentId", $2::int, l."subjectId", 'PERIOD'::"FinalKind", $3::int, 'NOT_ATTESTED'::"FinalSpecial", $4::int, now()
       FROM "ClassMembership" m
       JOIN "Lesson" l ON l."organisationId" = m."organisationId" AND l."classId" = m."classId" AND l.status = 'SCHEDULED'
                      AND l.date BETWEEN $5::date AND $6::date
      WHERE m."organisationId" = $1 AND m."classId" = $2 AND m."startDate" <= $6::date
        AND (m."endDate" IS NULL OR m."endDate" >= $6::date)
        AND (l."subgroupId" IS NULL OR EXISTS (SELECT 1 FROM "SubgroupMember" g WHERE g."organisationId" = $1
             AND g."subgroupId" = l."subgroupId" AND g."studentId" = m."studentId"))
        AND NOT EXISTS (SELECT 1 FROM "FinalMark" f WHERE f."organisationId" = $1 AND f."studentId" = m."studentId"
             AND f."classId" = $2 AND f."subjectId" = l."subjectId" AND f.kind = 'PERIOD' AND f."periodId" = $3)`,
    [p.org, p.classId, p.periodId, p.teacherId, p.periodStart, p.periodEnd],
  );
}

const ddmmyyyy = (iso: string) => iso.split("-").reverse().join(".");

async function as(browser: Browser, role: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, role);
  return page;
}

function moveClock(hours: number) {
  const file = process.env.E2E_CLOCK_FILE;
  if (!file) throw new Error("E2E_CLOCK_FILE is not set (tests/e2e/run.ts sets it)");
  writeFileSync(file, JSON.stringify({ offsetMs: hours * 3_600_000 }));
}

test.describe("the record holds (REC-1, JRN-6)", () => {
  test.afterAll(() => {
    if (process.env.E2E_CLOCK_FILE) rmSync(process.env.E2E_CLOCK_FILE, { force: true });
  });

  test("DEPUTY closes 7А's 1st quarter; ADMIN's unlock is the only way back, for 12 hours", async ({ browser }) => {
    test.setTimeout(180_000);
    const p = await place();
    const lesson = await lessonWithAssignment(p);
    await completeFinals(p);
    const weight = async () =>
      Number(
        (
          await query<{ weight: string }>(`SELECT weight FROM "Assignment" WHERE "organisationId" = $1 AND id = $2`, [
            p.org,
            lesson.assignmentId,
          ])
        )[0].weight,
      );

    // A week into the quarter (the server's clock moved back) the form warns of the lessons still to
    // come and the server refuses without «Закрыть до окончания периода» (REC-1, note16).
    const deputy = await as(browser, "DEPUTY");
    const early = new Date(`${p.periodStart}T08:00:00.000Z`).getTime() + 7 * 86_400_000;
    const earlyIso = new Date(early).toISOString().slice(0, 10);
    const [ahead] = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Lesson" WHERE "organisationId" = $1 AND "classId" = $2 AND status = 'SCHEDULED'
          AND date > $3::date AND date <= $4::date`,
      [p.org, p.classId, earlyIso, p.periodEnd],
    );
    moveClock((early - Date.now()) / 3_600_000);
    try {
      await deputy.goto("/journal/closing");
      const form = deputy.getByRole("form", { name: "Закрыть период" });
      await form.getByLabel("Период").selectOption(String(p.periodId));
      await form.getByLabel("Для").selectOption(`class:${p.classId}`);
      await expect(form.getByTestId("closing-early")).toContainText(
        `Период заканчивается ${ddmmyyyy(p.periodEnd)}: ${ahead.n} урок`,
      );
      await form.getByLabel(/Основание/).fill("приказ № 15-у");
      await form.getByRole("button", { name: "Закрыть период" }).click();
      await expect(form.getByRole("alert")).toContainText("Чтобы закрыть его раньше, отметьте");
      await expect(deputy.getByTestId("closing-table")).not.toContainText("приказ № 15-у");
    } finally {
      rmSync(process.env.E2E_CLOCK_FILE!, { force: true });
    }

    // DEPUTY closes the quarter for 7А with the order.
    const closed = await new ClosingPage(deputy).close(p.periodId, `class:${p.classId}`, "приказ № 15-у");
    await expect(closed).toContainText("Период «1 четверть» закрыт: 7А");
    await expect(deputy.getByTestId("closing-table")).toContainText("приказ № 15-у");

    // The teacher's grid: read-only with the reason; no cell of the quarter accepts input.
    const teacher = await as(browser, "TEACHER");
    const gridUrl = `/journal?class=${p.classId}&subject=${p.subjectId}&period=${p.periodId}`;
    await teacher.goto(gridUrl);
    await expect(teacher.getByTestId("journal-closed")).toContainText(
      /Период закрыт \d\d\.\d\d\.\d{4} \(приказ № 15-у\)/,
    );
    await expect(teacher.getByRole("grid").locator("td.jc").first()).toBeVisible();
    await expect(teacher.getByRole("grid").locator('td[data-editable="true"]')).toHaveCount(0);

    // Changing the assignment's weight there is refused by the server; nothing changes.
    const panel = new LessonPanel(teacher);
    let dialog = await panel.openFromGrid(ddmmyyyy(lesson.date), lesson.bell);
    await expect(dialog.getByTestId("lesson-lock")).toContainText("Период закрыт");
    await expect(await panel.setWeight(dialog, lesson.typeName, "1")).toContainText("Период закрыт");
    expect(await weight()).toBe(3);

    // ADMIN opens the lesson's date for 7А algebra with a reason.
    const admin = await as(browser, "ADMIN");
    const opened = await new UnlockPage(admin).open(
      p.classId,
      p.subjectId,
      lesson.date,
      lesson.date,
      "Ошибка в весе контрольной работы",
    );
    await expect(opened).toContainText("открыто до");

    // Now the change saves.
    await teacher.goto(gridUrl);
    dialog = await panel.openFromGrid(ddmmyyyy(lesson.date), lesson.bell);
    await expect(await panel.setWeight(dialog, lesson.typeName, "1")).toContainText("Задание сохранено");
    await expect.poll(weight).toBe(1);

    // 12 hours later it is refused again.
    moveClock(12 + 1 / 60);
    try {
      await teacher.goto(gridUrl);
      dialog = await panel.openFromGrid(ddmmyyyy(lesson.date), lesson.bell);
      await expect(await panel.setWeight(dialog, lesson.typeName, "2")).toContainText("Период закрыт");
      expect(await weight()).toBe(1);
    } finally {
      rmSync(process.env.E2E_CLOCK_FILE!, { force: true });
    }
  });
});
