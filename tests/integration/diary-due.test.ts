// DAY-4: the homework due on the days of a diary week (lib/diary/data.ts homeworkDueSql, read by DIARY_WEEK
// and DIARY_WEEK_PAGE) equals what the rule gives read plainly through Prisma: every homework of the
// organisation due within Monday … Sunday whose lesson is of a class the student is in on the due date
// (PPL-3) and of no subgroup or one of the student's — with its subject and files, by due date and id.
// Round 16 (issue 22 item 5) changed how the statement reaches those lessons (the lessons of the student's
// classes first, by an index-only scan, instead of every homework due that week probing its lesson).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { diaryWeek, diaryWeekPage, type DiaryDue } from "@/lib/diary/data";
import { addDays } from "@/lib/org/time";
import { coversDate } from "@/lib/diary/rules";
import { createJournalFixture, day, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
let mover: number;
const monday = day("2026-11-16");

/** The rule, read plainly: the homework due in the week the student's stays and subgroups let through. */
async function expectedDue(studentId: number, from: Date): Promise<DiaryDue[]> {
  const organisationId = f.organisationId;
  const to = addDays(from, 6);
  const [stays, groups, homework] = await Promise.all([
    db.classMembership.findMany({ where: { organisationId, studentId } }),
    db.subgroupMember.findMany({ where: { organisationId, studentId } }),
    db.homework.findMany({
      where: { organisationId, dueDate: { gte: from, lte: to } },
      include: { lesson: { include: { subject: true } }, files: { orderBy: { id: "asc" } } },
    }),
  ]);
  const mine = new Set(groups.map((g) => g.subgroupId));
  return homework
    .filter(
      (h) =>
        stays.some((s) => s.classId === h.lesson.classId && coversDate(s.startDate, s.endDate, h.dueDate!)) &&
        (h.lesson.subgroupId === null || mine.has(h.lesson.subgroupId)),
    )
    .sort((a, b) => a.dueDate!.getTime() - b.dueDate!.getTime() || a.id - b.id)
    .map((h) => ({
      id: h.id,
      subjectName: h.lesson.subject.name,
      text: h.text,
      dueDate: h.dueDate!,
      files: h.files.map((x) => ({ id: x.id, fileName: x.fileName, size: x.size })),
    }));
}

beforeAll(async () => {
  f = await createJournalFixture({ students: 2 });
  const organisationId = f.organisationId;
  const [s1] = f.students;
  const subject = await db.subject.create({ data: { organisationId, name: "Английский язык", shortName: "Англ." } });
  const groupOf = async (name: string) =>
    (await db.subgroup.create({ data: { organisationId, classId: f.classId, subjectId: subject.id, name } })).id;
  const mineGroup = await groupOf("1 группа");
  const otherGroup = await groupOf("2 группа");
  await db.subgroupMember.create({ data: { organisationId, subgroupId: mineGroup, studentId: s1 } });
  // A student who moves from the first class to the class on Wednesday 18.11 (PPL-3).
  mover = (
    await db.student.create({
      data: { organisationId, lastName: "Переведённый", firstName: "Олег", birthDate: day("2013-01-01") },
    })
  ).id;
  await db.classMembership.createMany({
    data: [
      {
        organisationId,
        studentId: mover,
        classId: f.firstClassId,
        startDate: day("2026-09-01"),
        endDate: day("2026-11-17"),
      },
      { organisationId, studentId: mover, classId: f.classId, startDate: day("2026-11-18") },
    ],
  });
  const lesson = async (classId: number, iso: string, bellNumber: number, subgroupId: number | null = null) =>
    (
      await db.lesson.create({
        data: {
          organisationId,
          classId,
          subjectId: subgroupId ? subject.id : f.subjectId,
          teacherId: f.users.teacher,
          date: day(iso),
          bellNumber,
          subgroupId,
        },
      })
    ).id;
  const homework = async (lessonId: number, text: string, due: string | null, files = 0) => {
    const h = await db.homework.create({
      data: { organisationId, lessonId, text, dueDate: due ? day(due) : null, createdById: f.users.teacher },
    });
    for (let i = 0; i < files; i++)
      await db.attachment.create({
        data: {
          organisationId,
          homeworkId: h.id,
          fileName: `файл ${i + 1}.pdf`,
          mimeType: "application/pdf",
          size: 100 + i,
          sha256: "x",
          storageKey: `k-${h.id}-${i}`,
          uploadedById: f.users.teacher,
        },
      });
  };
  const mineLesson = await lesson(f.classId, "2026-11-16", 3, mineGroup);
  const otherLesson = await lesson(f.classId, "2026-11-16", 4, otherGroup);
  const firstMon = await lesson(f.firstClassId, "2026-11-16", 2);
  const firstThu = await lesson(f.firstClassId, "2026-11-12", 2);
  await homework(f.lesson("2026-11-16"), "Класс: к среде", "2026-11-18", 2);
  await homework(f.lesson("2026-11-17"), "Класс: к пятнице", "2026-11-20");
  await homework(f.lesson("2026-11-10"), "Класс: задано неделей раньше", "2026-11-16", 1);
  await homework(f.lesson("2026-11-12"), "Класс: к воскресенью", "2026-11-22");
  await homework(f.lesson("2026-11-13"), "Класс: прошлая неделя", "2026-11-13");
  await homework(f.lesson("2026-11-18"), "Класс: следующая неделя", "2026-11-23");
  await homework(f.lesson("2026-11-19"), "Класс: без срока", null);
  await homework(mineLesson, "Своя группа", "2026-11-19");
  await homework(otherLesson, "Чужая группа", "2026-11-19");
  await homework(firstMon, "Первый класс: ко вторнику", "2026-11-17");
  await homework(firstThu, "Первый класс: к четвергу", "2026-11-19");
});

describe("homework due in the diary week (DAY-4, PPL-3)", () => {
  it("equals the rule read plainly — the student's classes on the due date, their subgroups, the week's days only", async () => {
    const cases: [string, number][] = [
      ["a student with a subgroup", f.students[0]],
      ["a student without one", f.students[1]],
      ["a student who moved class mid-week", mover],
      ["a first grader", f.firstGrader],
      ["a student who joined on Monday", f.joined],
      ["a student who left before the week", f.left],
    ];
    const seen = new Set<string>();
    for (const [what, studentId] of cases) {
      for (const from of [monday, addDays(monday, -7), addDays(monday, 7)]) {
        const expected = await expectedDue(studentId, from);
        const week = await diaryWeek(f.organisationId, studentId, from);
        expect(week.due, `${what}, week of ${from.toISOString().slice(0, 10)}`).toEqual(expected);
        for (const h of expected) seen.add(h.text);
      }
      // DIARY_WEEK_PAGE reads the same rows with the page.
      const { week } = await diaryWeekPage(
        f.organisationId,
        f.users.admin,
        studentId,
        { roles: ["PARENT"], today: day("2026-11-18"), now: new Date("2026-11-18T08:00:00Z"), announcements: 5 },
        { five: monday, six: monday },
      );
      expect(week.due, `${what}: the page's statement`).toEqual(await expectedDue(studentId, monday));
    }
    // The cases reach each kind of row, and the ones the rule keeps out stay out for everyone.
    expect([...seen].sort()).toEqual(
      [
        "Класс: к среде",
        "Класс: к пятнице",
        "Класс: задано неделей раньше",
        "Класс: к воскресенью",
        "Класс: прошлая неделя",
        "Класс: следующая неделя",
        "Своя группа",
        "Первый класс: ко вторнику",
        "Первый класс: к четвергу",
      ].sort(),
    );
    const s1 = await diaryWeek(f.organisationId, f.students[0], monday);
    expect(s1.due.map((h) => h.text)).toEqual([
      "Класс: задано неделей раньше",
      "Класс: к среде",
      "Своя группа",
      "Класс: к пятнице",
      "Класс: к воскресенью",
    ]);
    const moved = await diaryWeek(f.organisationId, mover, monday);
    expect(moved.due.map((h) => h.text)).toEqual([
      "Первый класс: ко вторнику",
      "Класс: к среде",
      "Класс: к пятнице",
      "Класс: к воскресенью",
    ]);
  });
});
