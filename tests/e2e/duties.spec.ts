// Daily duties (issue 17) in the browser: a parent's absence notice from a phone reaches the class
// teacher, who accepts it; the subject teacher's grid shows the absence (taken today, expected
// ahead) and RPT-3 counts the reason (DUT-4, DUT-3); a deputy records a journal check with a remark,
// the overdue list changes and RPT-11 lists it (DUT-2).
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { demoLogin, openMenuItem, query, signInAs } from "./support";

const ZONE = "Europe/Samara";

/** A calendar date in the school's zone, `days` from today, as YYYY-MM-DD. */
function isoDay(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(new Date());
  const d = new Date(`${today}T00:00:00.000Z`);
  return new Date(d.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

// The demo parent (Смирнова О. Н.) has Смирнов Артём in 7А; the demo teacher (Соколова Е. В.)
// teaches algebra there and is its class teacher.
async function place() {
  const teacher = demoLogin("TEACHER");
  const [row] = await query<{ org: number; classId: number; subjectId: number; teacherId: number; studentId: number }>(
    `SELECT o.id AS org, c.id AS "classId", s.id AS "subjectId", u.id AS "teacherId", st.id AS "studentId"
       FROM "Organisation" o
       JOIN "User" u ON u."organisationId" = o.id AND u.login = $2
       JOIN "ClassGroup" c ON c."organisationId" = o.id AND c.name = '7А'
       JOIN "Subject" s ON s."organisationId" = o.id AND s.name = 'Алгебра'
       JOIN "Student" st ON st."organisationId" = o.id AND st."lastName" = 'Смирнов' AND st."firstName" = 'Артём'
      WHERE o.name = $1`,
    [teacher.orgName, teacher.login],
  );
  return row;
}

/** A fresh 7А algebra lesson on a day (a late bell), so the test owns its register whatever day it runs. */
async function lessonOn(days: number, bell: number): Promise<number> {
  const p = await place();
  const [row] = await query<{ id: number }>(
    `INSERT INTO "Lesson" ("organisationId", "classId", "subjectId", "teacherId", date, "bellNumber", "updatedAt")
     VALUES ($1, $2, $3, $4, $5::date, $6, now())
     ON CONFLICT DO NOTHING RETURNING id`,
    [p.org, p.classId, p.subjectId, p.teacherId, isoDay(days), bell],
  );
  if (row) return row.id;
  const [found] = await query<{ id: number }>(
    `SELECT id FROM "Lesson" WHERE "organisationId" = $1 AND "classId" = $2 AND "subjectId" = $3 AND "bellNumber" = $4 AND date = $5::date`,
    [p.org, p.classId, p.subjectId, bell, isoDay(days)],
  );
  return found.id;
}

async function columnOf(page: Page, lessonId: number): Promise<number> {
  const index = await page.evaluate((id) => {
    const cells = [...document.querySelectorAll<HTMLElement>('[role="grid"] thead tr:last-child th')];
    return cells.findIndex((th) => th.dataset.lesson === String(id) && th.dataset.kind === "att");
  }, lessonId);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

async function xlsxRows(bytes: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (c) => cells.push(String(c.text)));
    rows.push(cells);
  });
  return rows;
}

test("a parent's notice from a phone is accepted by the class teacher; the grid and RPT-3 show it (DUT-4, DUT-3)", async ({
  browser,
}) => {
  const p = await place();
  const today = await lessonOn(0, 15);
  const ahead = await lessonOn(2, 15);

  // The parent, on a 390 × 844 phone.
  const parentContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const parent = await parentContext.newPage();
  await signInAs(parent, "PARENT");
  await parent.goto(`/diary/absences?student=${p.studentId}`);
  const form = parent.getByRole("form", { name: "Сообщить об отсутствии" });
  await form.getByLabel("С", { exact: true }).fill(isoDay(0));
  await form.getByLabel("По", { exact: true }).fill(isoDay(2));
  await form.getByLabel("Причина").selectOption({ label: "болезнь" });
  await form.getByLabel("Комментарий (необязательно)").fill("Температура, врач на дому");
  await form.getByLabel("Фото записки или справки (необязательно)").setInputFiles({
    name: "записка.jpg",
    mimeType: "image/jpeg",
    buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9]),
  });
  await form.getByRole("button", { name: "Отправить классному руководителю" }).click();
  await expect(form.getByRole("status")).toHaveText("Сообщение отправлено классному руководителю");
  await expect(parent.getByRole("region", { name: "Мои сообщения" })).toContainText("ждёт ответа");
  expect(await parent.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The class teacher: on the home page, then accepts on «Отсутствия».
  const teacherContext = await browser.newContext();
  const teacher = await teacherContext.newPage();
  await signInAs(teacher, "TEACHER");
  await expect(teacher.getByRole("list", { name: "Сообщения об отсутствии" })).toContainText("Смирнов");
  await teacher.goto(`/journal/absences?class=${p.classId}`);
  const notice = teacher
    .getByRole("listitem")
    .filter({ hasText: "Температура, врач на дому" })
    .filter({ has: teacher.getByRole("form", { name: "Принять" }) });
  await notice.getByRole("form", { name: "Принять" }).getByRole("button", { name: "Принять" }).click();
  await expect(teacher.getByRole("listitem").filter({ hasText: "Температура, врач на дому" })).toContainText("принято");

  // The subject teacher's grid: today's untaken register holds «Б», the lesson ahead shows it expected.
  await teacher.goto(`/journal?j=${p.classId}:${p.subjectId}:`);
  const grid = teacher.getByRole("grid");
  await expect(grid).toBeVisible();
  const row = grid.locator("tr", { hasText: "Смирнов Артём" });
  await expect(row.locator(`td[data-pos$=":${await columnOf(teacher, today)}"]`)).toHaveText("Б");
  const expected = row.locator(`td[data-pos$=":${await columnOf(teacher, ahead)}"] [data-expected="absence"]`);
  await expect(expected).toHaveText("Б");

  // RPT-3 for today counts the illness.
  const [{ n }] = await query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Attendance" a JOIN "Lesson" l ON l."organisationId" = a."organisationId" AND l.id = a."lessonId"
      WHERE a."organisationId" = $1 AND a."studentId" = $2 AND a.code = 'B' AND l.date = $3::date AND l.status = 'SCHEDULED'`,
    [p.org, p.studentId, isoDay(0)],
  );
  expect(n).toBeGreaterThanOrEqual(1);
  const file = await teacher.request.get(
    `/api/reports/attendance?format=xlsx&classId=${p.classId}&from=${isoDay(0)}&to=${isoDay(0)}`,
  );
  expect(file.status()).toBe(200);
  const rows = await xlsxRows(await file.body());
  const header = rows.find((r) => r.some((c) => c.startsWith("По болезни")))!;
  const illness = header.findIndex((c) => c.startsWith("По болезни"));
  const artem = rows.find((r) => r[0]?.startsWith("Смирнов Артём"))!;
  expect(Number(artem[illness])).toBe(n);

  // The parent sees the answer.
  await parent.reload();
  await expect(parent.getByRole("region", { name: "Мои сообщения" })).toContainText("принято");
  await parentContext.close();
  await teacherContext.close();
});

test("a deputy records a check with a remark; the overdue list changes; RPT-11 lists it (DUT-2)", async ({
  browser,
}) => {
  // The administration checks weekly here, so 7А's check is overdue whatever day the test runs.
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, "ADMIN");
  await admin.goto("/org");
  await admin.getByLabel("Проверка журнала администрацией").selectOption({ label: "еженедельно" });
  await admin.getByRole("button", { name: "Сохранить" }).last().click();
  await expect(admin.getByText("Сохранено")).toBeVisible();

  const deputy = await (await browser.newContext()).newPage();
  await signInAs(deputy, "DEPUTY");
  await openMenuItem(deputy, "Проверки журнала");
  await expect(deputy.getByRole("heading", { name: "Проверки электронного журнала" })).toBeVisible();
  const due = deputy.getByRole("table", { name: "Сроки проверок" });
  const row7 = due
    .getByRole("row")
    .filter({ hasText: "7А" })
    .filter({ hasText: "администрация (заместитель директора)" });
  await expect(row7).toHaveAttribute("data-overdue", "true");
  const overdueBefore = await due.locator('tr[data-overdue="true"]').count();

  const text = `Не заполнены темы уроков алгебры ${Date.now()}`;
  const form = deputy.getByRole("form", { name: "Записать проверку" });
  await form.getByLabel("Класс").selectOption({ label: "7А" });
  await form.getByLabel("Предмет").selectOption({ label: "Алгебра" });
  await form.getByLabel("Результат").selectOption({ label: "есть замечания" });
  await form.getByLabel("Итоги проверки").fill("Темы записаны не везде");
  await form.getByLabel("Учитель").selectOption({ label: "Соколова Елена Викторовна" });
  await form.getByLabel("Текст замечания").fill(text);
  await form.getByRole("button", { name: "Записать проверку" }).click();
  await expect(form.getByRole("status")).toHaveText("Проверка записана, замечание отправлено учителю");

  await deputy.reload();
  await expect(row7).not.toHaveAttribute("data-overdue", "true");
  await expect(due.locator('tr[data-overdue="true"]')).toHaveCount(overdueBefore - 1);
  await expect(deputy.getByRole("table", { name: "Проведённые проверки" })).toContainText(text);

  const file = await deputy.request.get(
    `/api/control/report?report=checks&format=xlsx&from=${isoDay(-1)}&to=${isoDay(0)}`,
  );
  expect(file.status()).toBe(200);
  const rows = await xlsxRows(await file.body());
  expect(rows.some((r) => r.some((c) => c.includes(text)))).toBe(true);
});
