// «Группа риска» (DUT-5) reads a class's figures at once (issue 22 item 7): studentsPeriodData gives
// every student the same StudentPeriodData as the diary's per-student read (studentPeriodData) —
// stays in two classes, a subgroup's lessons, absences (a late arrival «ОП» is not one), finals of
// the period, the year and an earlier period, a closed period — and the page's statements do not
// grow with the class. The clock: NOW = 20.11.2026 12:00 in Samara.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { requireAccess } from "@/lib/access/guard";
import { studentPeriodData, studentsPeriodData, type StudentPeriodData } from "@/lib/diary/marks/data";
import { loadRiskPage } from "@/lib/risk/loaders";
import { riskAbsencePercent, studentRisk } from "@/lib/risk/data";
import { todayIn } from "@/lib/org/time";
import { counted } from "../support/pg-queries";
import { signInAs } from "../support/session-harness";
import { addFinal, closeQ2, createJournalFixture, day, NOW, teacherMark, type JournalFixture } from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let moved: number;
let physics: number;
const TODAY = todayIn("Europe/Samara", NOW);

/** The page's own statements: the gate's facts (re-read when their short lifetime ends, lib/access) left out. */
const pageReads = (queries: readonly { text: string }[]) =>
  queries.filter((q) => !/"AccessVersion"|u\."isActive"/.test(q.text)).length;

/** The finals in a fixed order: both reads leave the order of a student's finals to PostgreSQL. */
const normal = (d: StudentPeriodData | undefined) =>
  d && {
    ...d,
    subjects: d.subjects.map((s) => ({
      ...s,
      finals: [...s.finals].sort((a, b) => a.kind.localeCompare(b.kind) || (a.periodId ?? 0) - (b.periodId ?? 0)),
    })),
  };

async function addStudent(lastName: string, classId: number, start: string, end?: string): Promise<number> {
  const s = await db.student.create({
    data: { organisationId: f.organisationId, lastName, firstName: "Олег", birthDate: day("2013-01-01") },
  });
  await db.classMembership.create({
    data: {
      organisationId: f.organisationId,
      studentId: s.id,
      classId,
      startDate: day(start),
      endDate: end ? day(end) : null,
    },
  });
  return s.id;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture({ students: 4 });
  const organisationId = f.organisationId;
  // A student who moved from 1А to 7А on 12.11: 1А's lesson of 19.11 is not theirs, 7А's from 12.11 are.
  moved = await addStudent("Переведённый", f.firstClassId, "2026-09-01", "2026-11-11");
  await db.classMembership.create({
    data: { organisationId, studentId: moved, classId: f.classId, startDate: day("2026-11-12") },
  });
  // Physics in two subgroups of 7А: student 0 and the moved student in «1 группа».
  physics = (await db.subject.create({ data: { organisationId, name: "Физика", shortName: "Физ", sortOrder: 2 } })).id;
  const g1 = await db.subgroup.create({
    data: { organisationId, classId: f.classId, subjectId: physics, name: "1 группа" },
  });
  const g2 = await db.subgroup.create({
    data: { organisationId, classId: f.classId, subjectId: physics, name: "2 группа" },
  });
  for (const studentId of [f.students[0], moved])
    await db.subgroupMember.create({ data: { organisationId, subgroupId: g1.id, studentId } });
  await db.subgroupMember.create({ data: { organisationId, subgroupId: g2.id, studentId: f.students[1] } });
  for (const [date, subgroupId] of [
    ["2026-11-10", g1.id],
    ["2026-11-13", g1.id],
    ["2026-11-13", g2.id],
    ["2026-11-25", g2.id],
  ] as const)
    await db.lesson.create({
      data: {
        organisationId,
        classId: f.classId,
        subjectId: physics,
        subgroupId,
        teacherId: f.users.teacher,
        date: day(date),
        bellNumber: subgroupId === g1.id ? 4 : 5,
      },
    });
  // Marks: a forecast «2» for student 0, a good one for student 1, the moved student's in 7А.
  for (const [iso, s, v] of [
    ["2026-11-16", f.students[0], "2"],
    ["2026-11-17", f.students[0], "2"],
    ["2026-11-16", f.students[1], "5"],
    ["2026-11-17", f.students[1], "4"],
    ["2026-11-13", moved, "3"],
    ["2026-11-18", f.joined, "5"],
  ] as const)
    expect((await teacherMark(f, iso, s, v)).body).toMatchObject({ ok: true });
  // Absences: student 2 misses most lessons (over the threshold), student 3 once late («ОП»: not counted).
  const held = [...f.lessons.entries()].filter(([iso]) => iso <= "2026-11-20").map(([, id]) => id);
  for (const lessonId of held.slice(0, 9))
    await db.attendance.create({
      data: { organisationId, lessonId, studentId: f.students[2], code: "N", updatedById: f.users.teacher },
    });
  await db.attendance.create({
    data: { organisationId, lessonId: held[0], studentId: f.students[3], code: "OP", updatedById: f.users.teacher },
  });
  await db.attendance.create({
    data: {
      organisationId,
      lessonId: held[1],
      studentId: f.students[3],
      code: "B",
      missedHours: 0.5,
      updatedById: f.users.teacher,
    },
  });
  // Finals: the 2nd quarter's and the year's for student 1; an earlier quarter's in physics only for student 3.
  await addFinal(f, f.students[1], "PERIOD");
  await addFinal(f, f.students[1], "YEAR");
  await db.finalMark.create({
    data: {
      organisationId,
      studentId: f.students[3],
      classId: f.classId,
      subjectId: physics,
      kind: "PERIOD",
      periodId: f.q1,
      value: 3,
      setById: f.users.teacher,
    },
  });
  await closeQ2(f);
});

afterAll(() => {
  vi.useRealTimers();
});

describe("the risk list's class read (DUT-5, issue 22 item 7)", () => {
  it("gives each student the diary's own figures: studentsPeriodData = studentPeriodData per student", async () => {
    const ids = [...f.students, f.joined, f.left, f.home, f.firstGrader, moved];
    const all = await studentsPeriodData(f.organisationId, ids, TODAY);
    expect([...all.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    for (const id of ids) {
      const one = await studentPeriodData(f.organisationId, id, TODAY, null);
      expect(normal(all.get(id)), `student ${id}`).toEqual(normal(one));
    }
    // The case the comparison must cover, not only empty views.
    const m = all.get(moved)!;
    expect(m.className).toBe("7А");
    expect(m.subjects.map((s) => [s.subjectName, s.lessonsHeld, s.marks.length])).toEqual([
      ["Алгебра", 7, 1],
      ["Физика", 1, 0],
    ]);
    expect(all.get(f.students[3])!.subjects.find((s) => s.subjectId === physics)?.finals).toHaveLength(1);
    expect(all.get(f.students[3])!.subjects[0].absentHours).toBe(0.5);
    expect(all.get(f.students[0])!.closed?.basis).toBe("приказ № 112 от 19.11.2026");
    expect(await studentsPeriodData(f.organisationId, [], TODAY)).toEqual(new Map());
  });

  it("reads a class in a constant number of statements, whatever its size", async () => {
    const one = await counted(() => studentsPeriodData(f.organisationId, [f.students[0]], TODAY));
    const many = await counted(() =>
      studentsPeriodData(f.organisationId, [...f.students, f.joined, f.home, moved, f.firstGrader], TODAY),
    );
    expect(many.queries.length).toBe(one.queries.length);
    // Stays (with class, year and periods: STUDENTS_STAYS), subgroups, organisation and its settings,
    // lessons with subjects, marks with weights, absences (CLASS_PERIOD_*: raw statements), finals and
    // their subjects, closings — 10 (it was 16 through Prisma's model reads, issue 22 item 7).
    expect(many.queries.length).toBeLessThanOrEqual(10);
  });

  it("lists the same students and reasons as the per-student read, in the page's statements independent of the roll", async () => {
    await signInAs(f.organisationId, f.users.classTeacher);
    const { user, scopes } = await requireAccess("risk.notify");
    const page = () => loadRiskPage(user, scopes, { class: String(f.classId) });
    await page(); // the gate's facts are read once and kept
    const before = await counted(page);
    const percent = await riskAbsencePercent(f.organisationId);
    const expected = [];
    for (const s of [...f.students, f.joined, f.home, moved]) {
      const r = await studentRisk(f.organisationId, s, null, percent, TODAY);
      if (r.reasons.length) expected.push({ studentId: s, reasons: r.reasons });
    }
    expect(before.result.rows.map((r) => ({ studentId: r.studentId, reasons: r.reasons }))).toEqual(
      expect.arrayContaining(expected),
    );
    expect(before.result.rows).toHaveLength(expected.length);
    expect(before.result.rows.find((r) => r.studentId === f.students[2])?.reasons.join("; ")).toMatch(/пропущено/);
    // Three more students in the class: the same statements.
    for (const name of ["Добавленный1", "Добавленный2", "Добавленный3"])
      await addStudent(name, f.classId, "2026-09-01");
    const after = await counted(page);
    expect(after.result.rows.length).toBe(before.result.rows.length + 3); // no marks: «н/а» risk
    expect(pageReads(after.queries)).toBe(pageReads(before.queries));
  });
});
