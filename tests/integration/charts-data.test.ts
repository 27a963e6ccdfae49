// DAY-5 against PostgreSQL: the pictures' data — a control work's distribution appears only once five
// marks are given (the privacy rule), only control works count, absences by month split excused from
// unexcused and leave lateness out, and the class average of a subject starts with its fifth mark.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { classCharts, studentCharts } from "@/lib/charts/loaders";
import { studentMarksView } from "@/lib/diary/marks/loaders";
import { addAssignment, createJournalFixture, day, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
let control: number;
const TODAY = day("2026-11-20");

async function mark(assignmentId: number, lessonId: number, studentId: number, value: number) {
  await db.mark.create({
    data: {
      organisationId: f.organisationId,
      lessonId,
      assignmentId,
      studentId,
      value,
      createdById: f.users.teacher,
      updatedById: f.users.teacher,
    },
  });
}

beforeAll(async () => {
  f = await createJournalFixture();
  const lesson = f.lesson("2026-11-09");
  control = await addAssignment(f, lesson, f.types.test);
  const [s1, s2, s3, s4] = f.students;
  for (const [s, v] of [
    [s1, 5],
    [s2, 4],
    [s3, 4],
    [s4, 2],
  ] as const)
    await mark(control, lesson, s, v);
  // An oral answer with five marks: not a control work, never drawn.
  const oral = await addAssignment(f, f.lesson("2026-11-10"));
  for (const s of f.students) await mark(oral, f.lesson("2026-11-10"), s, 3);
  const absent = (iso: string, code: "B" | "NP" | "OP") =>
    db.attendance.create({
      data: {
        organisationId: f.organisationId,
        lessonId: f.lesson(iso),
        studentId: s1,
        code,
        updatedById: f.users.teacher,
      },
    });
  await absent("2026-11-11", "B");
  await absent("2026-11-12", "NP");
  await absent("2026-11-13", "OP");
});

const chartsOf = async (studentId: number) =>
  studentCharts(f.organisationId, studentId, await studentMarksView(f.organisationId, studentId, TODAY, f.q2), TODAY);

describe("the pictures' data (DAY-5)", () => {
  it("hides a control work marked four times, shows it with the fifth mark", async () => {
    expect((await chartsOf(f.students[0])).works).toEqual([]);
    await mark(control, f.lesson("2026-11-09"), f.students[4], 5);
    const works = (await chartsOf(f.students[0])).works;
    expect(works).toHaveLength(1);
    expect(works[0].title).toContain("09.11.2026");
    expect(works[0].distribution.counts.map((c) => c.count)).toEqual([1, 0, 2, 2]);
    const cls = await classCharts(f.organisationId, f.classId, TODAY);
    expect(cls?.works.map((w) => w.id)).toEqual([control]);
  });

  it("counts the student's absences by month, excused apart, lateness left out", async () => {
    const { absences } = await chartsOf(f.students[0]);
    const nov = absences.find((m) => m.key === "2026-11");
    expect(nov).toMatchObject({ excused: 1, unexcused: 1 });
    expect(absences[0].key).toBe("2026-09");
    expect((await chartsOf(f.students[1])).absences.every((m) => m.excused + m.unexcused === 0)).toBe(true);
    const cls = await classCharts(f.organisationId, f.classId, TODAY);
    expect(cls?.absences.find((m) => m.key === "2026-11")).toMatchObject({ excused: 1, unexcused: 1 });
  });

  it("gives the subject's class average once five marks make it", async () => {
    const avg = (await chartsOf(f.students[0])).classAverage.get(f.subjectId) ?? [];
    // 09.11: five control marks (5,4,4,2,5) → 4; 10.11: five «3» more → 3.5.
    expect(avg.map((p) => p.value)).toEqual([4, 3.5]);
  });

  it("knows no class of another organisation", async () => {
    expect(await classCharts(f.organisationId + 100_000, f.classId, TODAY)).toBeNull();
  });
});
