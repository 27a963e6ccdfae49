// «Отметки и прогноз» (DRY-2, REC-3) and DRY-7's «new since» counts, found by walking a parent's day
// (round 16): a year's final mark belongs to the year it was given in — last year's «Год: 3» of 6А is
// not shown in this year's quarter of 7А, nor does a subject of 6А only appear there — and a subgroup's
// homework counts as new only for its members. The clock: NOW = 20.11.2026 12:00 in Samara.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { newSince, studentPeriodData, studentsPeriodData } from "@/lib/diary/marks/data";
import { todayIn } from "@/lib/org/time";
import { addLesson, createJournalFixture, day, NOW, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
let pastYear = 0;
let maths = 0;
let student = 0;
const TODAY = todayIn("Europe/Samara", NOW);

async function yearFinal(classId: number, subjectId: number, value: number) {
  await db.finalMark.create({
    data: {
      organisationId: f.organisationId,
      studentId: student,
      classId,
      subjectId,
      kind: "YEAR",
      value,
      setById: f.users.teacher,
    },
  });
}

beforeAll(async () => {
  f = await createJournalFixture({ students: 2 });
  student = f.students[0];
  const organisationId = f.organisationId;
  const past = await db.academicYear.create({
    data: {
      organisationId,
      name: "2025/2026",
      startDate: day("2025-09-01"),
      endDate: day("2026-05-31"),
      status: "CLOSED",
      closedAt: new Date("2026-06-01T10:00:00Z"),
    },
  });
  pastYear = past.id;
  await db.period.create({
    data: {
      organisationId,
      yearId: past.id,
      kind: "QUARTER",
      number: 4,
      name: "4 четверть",
      startDate: day("2026-04-01"),
      endDate: day("2026-05-31"),
    },
  });
  const sixth = await db.classGroup.create({ data: { organisationId, yearId: past.id, name: "6А", grade: 6 } });
  await db.classMembership.create({
    data: {
      organisationId,
      studentId: student,
      classId: sixth.id,
      startDate: day("2025-09-01"),
      endDate: day("2026-05-31"),
    },
  });
  maths = (await db.subject.create({ data: { organisationId, name: "Математика", shortName: "Мат" } })).id;
  await yearFinal(sixth.id, f.subjectId, 3);
  await yearFinal(sixth.id, maths, 4);
});

const yearFinals = (subjects: { subjectName: string; finals: { periodId: number | null; value: number | null }[] }[]) =>
  subjects.flatMap((s) => s.finals.filter((x) => x.periodId === null).map((x) => `${s.subjectName}: ${x.value}`));

describe("a year's final is of its own year (DRY-2, REC-3)", () => {
  it("this year's quarter shows neither last year's «Год» nor a subject of last year's class only", async () => {
    const now = await studentPeriodData(f.organisationId, student, TODAY, f.q2);
    expect(now.yearId).toBe(f.yearId);
    expect(yearFinals(now.subjects)).toEqual([]);
    expect(now.subjects.map((s) => s.subjectName)).not.toContain("Математика");
    // the class page's read (DUT-5's «Группа риска») gives the student the same
    const many = await studentsPeriodData(f.organisationId, [student], TODAY);
    expect(yearFinals(many.get(student)!.subjects)).toEqual([]);
  });

  it("this year's «Год» once given is shown; last year's, in last year's view", async () => {
    await yearFinal(f.classId, f.subjectId, 5);
    const now = await studentPeriodData(f.organisationId, student, TODAY, f.q2);
    expect(yearFinals(now.subjects)).toEqual(["Алгебра: 5"]);
    const past = await studentPeriodData(f.organisationId, student, TODAY, null, pastYear);
    expect(past.yearId).toBe(pastYear);
    expect(yearFinals(past.subjects).sort()).toEqual(["Алгебра: 3", "Математика: 4"]);
  });
});

describe("DRY-7: a subgroup's homework is new only for its members", () => {
  it("counts the whole class's and the student's own subgroup's homework, not another subgroup's", async () => {
    const organisationId = f.organisationId;
    const since = new Date(NOW.getTime() - 60_000);
    const [mine, theirs] = await Promise.all(
      ["1 группа", "2 группа"].map((name) =>
        db.subgroup.create({ data: { organisationId, classId: f.classId, subjectId: f.subjectId, name } }),
      ),
    );
    await db.subgroupMember.create({ data: { organisationId, subgroupId: mine.id, studentId: student } });
    const homework = (lessonId: number) =>
      db.homework.create({
        data: { organisationId, lessonId, text: "Упражнение", createdById: f.users.teacher, createdAt: NOW },
      });
    const before = await newSince(organisationId, f.users.teacher, student, since);
    for (const [subgroupId, date] of [
      [null, "2026-11-23"],
      [mine.id, "2026-11-24"],
      [theirs.id, "2026-11-25"],
    ] as const)
      await homework(await addLesson(f, date, subgroupId));
    const after = await newSince(organisationId, f.users.teacher, student, since);
    expect(after.homework - before.homework).toBe(2);
  });
});
