// LRN-1 acceptance at 390×844 (a phone): a student hands in a photo and a text for tomorrow's
// homework from the diary; the teacher sees it on the lesson (the journal's lesson panel), marks it
// «5» with a comment; the mark appears in the grid and in the parent's diary with the comment; a
// second hand-in after the review is refused with a Russian message.
// The test owns its lesson: 7А algebra on the latest school day (today, or Saturday on a Sunday),
// a fresh bell, so it runs on any day of the year.
import { expect, test, type Page } from "@playwright/test";
import { demoLogin, openMenuItem, query, signInAs } from "./support";
import { HandinPage } from "./pages/handin-page";

const PHONE = { width: 390, height: 844 };
// A 1×1 PNG: the «photo of the notebook».
const PHOTO = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

type Setup = {
  lessonId: number;
  homeworkId: number;
  studentId: number;
  studentName: string;
  date: string;
  /** The lesson's day as YYYY-MM-DD (the diary's ?day=). */
  iso: string;
  bell: number;
  text: string;
};

async function setUp(): Promise<Setup> {
  const teacher = demoLogin("TEACHER");
  const student = demoLogin("STUDENT");
  const [p] = await query<{ org: number; classId: number; subjectId: number; teacherId: number; typeId: number }>(
    `SELECT o.id AS org, c.id AS "classId", s.id AS "subjectId", u.id AS "teacherId", t.id AS "typeId"
       FROM "Organisation" o
       JOIN "User" u ON u."organisationId" = o.id AND u.login = $2
       JOIN "ClassGroup" c ON c."organisationId" = o.id AND c.name = '7А'
       JOIN "Subject" s ON s."organisationId" = o.id AND s.name = 'Алгебра'
       JOIN "AssignmentType" t ON t."organisationId" = o.id AND t.name = 'Домашняя работа'
      WHERE o.name = $1`,
    [teacher.orgName, teacher.login],
  );
  const [s] = await query<{ id: number; name: string }>(
    `SELECT st.id, concat_ws(' ', st."lastName", st."firstName", st."middleName") AS name FROM "Student" st
       JOIN "User" u ON u."organisationId" = st."organisationId" AND u.id = st."userId"
      WHERE st."organisationId" = $1 AND u.login = $2`,
    [p.org, student.login],
  );
  // The latest school day (Mon–Sat) up to today in Samara, on a bell after every other lesson of
  // the class that day (so it is the grid's last column) and above the bells 11–16 that other specs
  // running at the same time take for 7А today, and a homework due tomorrow at 20:00.
  const [lesson] = await query<{ id: number; date: string; iso: string; bell: number }>(
    `WITH d AS (SELECT CASE WHEN extract(isodow FROM t) = 7 THEN t - 1 ELSE t END AS day
                  FROM (SELECT (now() AT TIME ZONE 'Europe/Samara')::date AS t) x),
          b AS (SELECT greatest(20, coalesce(max(l."bellNumber"), 0) + 1) AS bell FROM "Lesson" l, d
                 WHERE l."organisationId" = $1 AND l."classId" = $2 AND l.date = d.day)
     INSERT INTO "Lesson" ("organisationId", "classId", "subjectId", "teacherId", date, "bellNumber", "updatedAt")
     SELECT $1, $2, $3, $4, d.day, b.bell, now() FROM d, b
     RETURNING id, to_char(date, 'DD.MM.YYYY') AS date, date::text AS iso, "bellNumber" AS bell`,
    [p.org, p.classId, p.subjectId, p.teacherId],
  );
  const bell = lesson.bell;
  const [a] = await query<{ id: number }>(
    `INSERT INTO "Assignment" ("organisationId", "lessonId", "typeId", description) VALUES ($1, $2, $3, 'Сдача работы') RETURNING id`,
    [p.org, lesson.id, p.typeId],
  );
  const text = `Решить задачи № 601–603 (проверка сдачи ${lesson.id})`;
  const [h] = await query<{ id: number }>(
    `INSERT INTO "Homework" ("organisationId", "lessonId", text, "dueDate", "createdById", "updatedAt", handin, "handinDueAt", "handinAssignmentId")
     SELECT $1, $2, $3, t.tomorrow, $4, now(), true, ((t.tomorrow + time '20:00') AT TIME ZONE 'Europe/Samara') AT TIME ZONE 'UTC', $5
       FROM (SELECT (now() AT TIME ZONE 'Europe/Samara')::date + 1 AS tomorrow) t
     RETURNING id`,
    [p.org, lesson.id, text, p.teacherId, a.id],
  );
  return {
    lessonId: lesson.id,
    homeworkId: h.id,
    studentId: s.id,
    studentName: s.name,
    date: lesson.date,
    iso: lesson.iso,
    bell,
    text,
  };
}

async function phone(browser: import("@playwright/test").Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: "ru-RU", timezoneId: "Europe/Samara" });
  return context.newPage();
}

test("LRN-1 at 390×844: hand in a photo and a text, the teacher marks it 5 with a comment, the family sees it, a second hand-in is refused", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const s = await setUp();

  // The student finds tomorrow's homework in the diary and hands in a text and a photo.
  const student = await phone(browser);
  await signInAs(student, "STUDENT");
  // The lesson's own day: on a phone the diary opens at one day, and on a weekend at the next study week (DAY-4).
  await student.goto(`/diary/${s.studentId}?day=${s.iso}`);
  const lessonRow = student.locator(`li[data-lesson="${s.lessonId}"]`);
  await expect(lessonRow.getByText(s.text)).toBeVisible();
  await expect(lessonRow.locator('[data-state="waiting"]')).toHaveText("ожидается");
  await lessonRow.getByRole("link", { name: "Сдать работу" }).click();
  const handin = new HandinPage(student);
  await expect(student.getByRole("heading", { name: "Алгебра: домашнее задание" })).toBeVisible();
  const sent = await handin.handIn("x = 7; y = −2. Решение — на фото.", [
    { name: "тетрадь.png", mimeType: "image/png", buffer: PHOTO },
  ]);
  await expect(sent).toHaveText("Работа сдана");
  await expect(handin.work.locator('[data-state="submitted"]')).toHaveText("сдано");
  const overflow = await student.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // The teacher sees it on the lesson: the journal's lesson panel lists the hand-in. The grid keeps
  // names and averages pinned, which fills a phone's width, so this look is on a desktop screen.
  const desk = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await signInAs(desk, "TEACHER");
  await desk.goto(`/journal?lesson=${s.lessonId}`);
  await desk.locator(`thead button[title^="Урок ${s.date}, ${s.bell}-й"]`).click();
  const panel = desk.getByRole("dialog");
  const inPanel = panel
    .getByRole("list", { name: "Сдача работ по ученикам" })
    .locator(`li[data-student="${s.studentId}"]`);
  await expect(inPanel.locator('[data-state="submitted"]')).toHaveText("сдано");
  await expect(inPanel.getByText("x = 7; y = −2. Решение — на фото.")).toBeVisible();
  await expect(inPanel.getByRole("img", { name: "Фото работы: тетрадь.png" })).toBeVisible();

  // On the phone the teacher opens the lesson's hand-ins from «Сдача работ» and marks the work «5» with a comment.
  const teacher = await phone(browser);
  await signInAs(teacher, "TEACHER");
  await openMenuItem(teacher, "Сдача работ");
  const item = teacher
    .getByRole("list", { name: "Задания со сдачей работ" })
    .getByRole("link")
    .filter({ hasText: s.text });
  await expect(item).toContainText("ждут проверки 1");
  await item.click();
  // The list may hold the seed's own hand-in of the same day («урок 07.12.2026»): wait for this
  // homework's page, and match its subtitle's capitalised «Урок …» only.
  await expect(teacher).toHaveURL(new RegExp(`/handins/${s.homeworkId}$`));
  await expect(teacher.getByText(new RegExp(`^Урок ${s.date.replace(/\./g, "\\.")}`))).toBeVisible();
  const mine = teacher
    .getByRole("list", { name: "Сдача работ по ученикам" })
    .locator(`li[data-student="${s.studentId}"]`);
  await expect(mine.locator('[data-state="submitted"]')).toHaveText("сдано");
  await expect(mine.getByRole("img", { name: "Фото работы: тетрадь.png" })).toBeVisible();
  const review = mine.getByRole("form", { name: `Проверка: ${s.studentName}` });
  await review.getByLabel("Комментарий").fill("Верно, аккуратное оформление");
  await review.getByLabel("Отметка в журнал").fill("5");
  await review.getByRole("button", { name: "Проверено" }).click();
  await expect(review.getByRole("status")).toHaveText("Работа проверена: 5");
  await expect(mine.locator('[data-state="reviewed"]')).toHaveText("проверено");
  const teacherOverflow = await teacher.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(teacherOverflow).toBeLessThanOrEqual(0);

  // The mark is in the journal grid, in the student's cell of the hand-in's column, with the comment.
  await teacher.goto(`/journal?lesson=${s.lessonId}`);
  await expect(async () => {
    const shown = await teacher.evaluate(
      ({ lessonId, name }) => {
        const heads = [...document.querySelectorAll<HTMLElement>('[role="grid"] thead tr:last-child th')];
        const col = heads.findIndex((th) => th.dataset.lesson === String(lessonId) && th.dataset.kind !== "att");
        const row = [...document.querySelectorAll<HTMLElement>('[role="grid"] tbody tr')].findIndex((tr) =>
          tr.textContent?.includes(name),
        );
        return (
          document.querySelector<HTMLElement>(`[role="grid"] td[data-pos="${row}:${col}"]`)?.innerText.trim() ?? null
        );
      },
      { lessonId: s.lessonId, name: s.studentName },
    );
    expect(shown).toBe("5");
  }).toPass({ timeout: 15_000 });
  const [mark] = await query<{ value: number; comment: string }>(
    `SELECT value, comment FROM "Mark" WHERE "lessonId" = $1 AND "studentId" = $2`,
    [s.lessonId, s.studentId],
  );
  expect(mark).toEqual({ value: 5, comment: "Верно, аккуратное оформление" });
  // …and the lesson panel shows the work as reviewed with its mark.
  await desk.reload();
  await desk.locator(`thead button[title^="Урок ${s.date}, ${s.bell}-й"]`).click();
  const reviewed = desk
    .getByRole("dialog")
    .getByRole("list", { name: "Сдача работ по ученикам" })
    .locator(`li[data-student="${s.studentId}"]`);
  await expect(reviewed.locator('[data-state="reviewed"]')).toHaveText("проверено");

  // The parent's diary shows the mark with the comment and the reviewed hand-in.
  const parent = await phone(browser);
  await signInAs(parent, "PARENT");
  await parent.goto(`/diary/${s.studentId}?day=${s.iso}`);
  const row = parent.locator(`li[data-lesson="${s.lessonId}"]`);
  await expect(row.locator('span[title*="Верно, аккуратное оформление"]')).toContainText("5");
  await expect(row.locator('[data-state="reviewed"]')).toHaveText("проверено");
  await expect(row.getByText("Комментарий учителя: Верно, аккуратное оформление")).toBeVisible();

  // The student's page, still open with the form: a second hand-in is refused in Russian.
  const again = await handin.handIn("Исправленный ответ", []);
  await expect(again).toHaveAttribute("role", "alert");
  await expect(again).toContainText("Работа уже проверена учителем — сдать её повторно нельзя");
  const [still] = await query<{ text: string; attempts: number }>(
    `SELECT text, attempts FROM "HomeworkSubmission" WHERE "homeworkId" = $1 AND "studentId" = $2`,
    [s.homeworkId, s.studentId],
  );
  expect(still).toEqual({ text: "x = 7; y = −2. Решение — на фото.", attempts: 1 });
  await student.reload();
  await expect(student.getByText("Работа проверена — сдать её заново нельзя.")).toBeVisible();
  await expect(student.getByTestId("review-comment")).toHaveText("Комментарий учителя: Верно, аккуратное оформление");
});
