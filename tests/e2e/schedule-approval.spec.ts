import { expect, test } from "@playwright/test";
import { demoLogin, dropClassNamed, query, schoolAlgebraContext, signInAs, openMenuItem } from "./support";
import { TimetablePage } from "./pages/timetable-page";

// PRG-3: the scheduler submits the timetable, the director approves it and the new class's lessons
// appear in the teacher's journal; a second version (an edit after approval, listed for the
// director) is returned with a comment that the scheduler sees.
test("the scheduler submits, the director approves, lessons appear; a returned version's comment reaches the scheduler", async ({
  browser,
}) => {
  test.setTimeout(300_000); // three users, the approval generates the new class's year of lessons
  const org = demoLogin("SCHEDULER").orgName;
  const ctx = await schoolAlgebraContext(org);
  // A class of its own, not in the approved timetable (re-runs against the same database start clean).
  await dropClassNamed(ctx.orgId, "10П");
  await query(`DELETE FROM "TimetableVersion" WHERE "organisationId" = $1 AND number > 1`, [ctx.orgId]);
  const [cls] = await query<{ id: number }>(
    `INSERT INTO "ClassGroup" ("organisationId", "yearId", name, grade, letter) VALUES ($1, $2, '10П', 10, 'П') RETURNING id`,
    [ctx.orgId, ctx.yearId],
  );
  await query(
    `INSERT INTO "TeacherLoad" ("organisationId", "yearId", "teacherId", "classId", "subjectId", "hoursPerWeek") VALUES ($1, $2, $3, $4, $5, 2)`,
    [ctx.orgId, ctx.yearId, ctx.teacherId, cls.id, ctx.subjectId],
  );
  const [student] = await query<{ id: number }>(
    `INSERT INTO "Student" ("organisationId", "lastName", "firstName", "birthDate") VALUES ($1, 'Утвержденцев', 'Пётр', '2010-03-01') RETURNING id`,
    [ctx.orgId],
  );
  await query(
    `INSERT INTO "ClassMembership" ("organisationId", "studentId", "classId", "startDate") VALUES ($1, $2, $3, (SELECT "startDate" FROM "AcademicYear" WHERE "organisationId" = $1 AND id = $4))`,
    [ctx.orgId, student.id, cls.id, ctx.yearId],
  );
  // Thursday and Friday bells where the teacher is free (the SCH-2 spec uses Monday and Tuesday).
  const freeOn = async (weekday: number) => {
    const busy = await query<{ bell: number }>(
      `SELECT "bellNumber" AS bell FROM "TimetableEntry" WHERE "organisationId" = $1 AND "teacherId" = $2 AND weekday = $3 AND "validTo" >= CURRENT_DATE`,
      [ctx.orgId, ctx.teacherId, weekday],
    );
    return [1, 2, 3, 4, 5, 6, 7].find((b) => !busy.some((x) => x.bell === b))!;
  };
  const lessonsOf10P = async () =>
    (
      await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Lesson" WHERE "organisationId" = $1 AND "classId" = $2`,
        [ctx.orgId, cls.id],
      )
    )[0].n;

  const scheduler = await browser.newPage();
  await signInAs(scheduler, "SCHEDULER");
  const grid = new TimetablePage(scheduler);
  await grid.open(cls.id);
  const thursday = await freeOn(4);
  const saved = await grid.addLesson(4, thursday, "Алгебра", "Соколова Е. В.");
  // Saving plans the class's year (DAY-1): give a loaded machine time.
  const SLOW = { timeout: 45_000 };
  await expect(saved.getByRole("status")).toHaveText("Сохранено", SLOW);
  // Not approved yet: the journal gets nothing.
  expect(await lessonsOf10P()).toBe(0);

  await scheduler.getByRole("link", { name: "Утверждение" }).click();
  await expect(scheduler.getByRole("heading", { name: /Утверждение расписания/ })).toBeVisible();
  const submit = scheduler.getByRole("form", { name: "Отправить расписание на утверждение" });
  await submit.getByLabel("Комментарий для директора").fill("Добавлен 10П");
  await submit.getByRole("button", { name: "Отправить на утверждение" }).click();
  // The page redraws at once: the form gives way to the version waiting for the director.
  await expect(scheduler.getByText("Версия 2 на утверждении у директора.")).toBeVisible(SLOW);

  const director = await browser.newPage();
  await signInAs(director, "DIRECTOR");
  await openMenuItem(director, "Утверждение расписания");
  const approve = director.getByRole("form", { name: "Утвердить версию 2" });
  await approve.getByRole("button", { name: "Утвердить версию 2" }).click();
  await expect(director.getByText("Действует утверждённая версия 2.")).toBeVisible(SLOW);
  expect(await lessonsOf10P()).toBeGreaterThan(0);

  const teacher = await browser.newPage();
  await signInAs(teacher, "TEACHER");
  await teacher.goto(`/journal?j=${cls.id}:${ctx.subjectId}:`);
  await expect(teacher.getByRole("grid").locator("th[data-lesson]").first()).toBeVisible();

  // An edit after approval takes effect and is listed for the director; its version is returned.
  await grid.open(cls.id);
  const friday = await freeOn(5);
  await expect((await grid.addLesson(5, friday, "Алгебра", "Соколова Е. В.")).getByRole("status")).toHaveText(
    "Сохранено",
    SLOW,
  );
  await scheduler.goto("/schedule/approval");
  await scheduler.getByRole("button", { name: "Отправить на утверждение" }).click();
  await expect(scheduler.getByText("Версия 3 на утверждении у директора.")).toBeVisible(SLOW);

  await director.goto("/schedule/approval");
  const changes = director.getByRole("table", { name: /Изменения после утверждения/ });
  await expect(changes.getByRole("row").filter({ hasText: `10П, пятница, ${friday}-й урок` })).toContainText(
    "добавлен",
  );
  const back = director.getByRole("form", { name: "Вернуть версию 3" });
  await back.getByLabel(/Что исправить/).fill("Алгебру в пятницу поставьте вторым уроком");
  await back.getByRole("button", { name: "Вернуть на доработку" }).click();
  await expect(director.getByTestId("return-comment")).toHaveText("Алгебру в пятницу поставьте вторым уроком");

  await scheduler.goto("/schedule/approval");
  await expect(scheduler.getByTestId("return-comment")).toHaveText("Алгебру в пятницу поставьте вторым уроком");
  await scheduler.goto("/");
  await expect(scheduler.getByText("Расписание: версия 3 возвращена")).toBeVisible();
});
