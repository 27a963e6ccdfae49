import { describe, expect, it } from "vitest";
import { buildGridView, studentAbsences, studentSummary, type GridRows } from "@/lib/journal/grid";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

function rows(): GridRows {
  return {
    cls: { id: 1, name: "7А", grade: 7 },
    subject: { id: 2, name: "Алгебра", passFail: false },
    subgroupId: null,
    orgKind: "SCHOOL",
    settings: { minMark: 2, maxMark: 5, roundingThreshold: 0.5, averagingMethod: "WEIGHTED", lockDays: 7 },
    range: { start: d("2026-11-05"), end: d("2026-12-28"), periodId: 7 },
    types: [
      { id: 1, name: "Ответ на уроке", shortName: "Отв", weight: 1, isControl: false },
      { id: 2, name: "Контрольная работа", shortName: "К/р", weight: 2, isControl: true },
    ],
    lessons: [
      {
        id: 10,
        date: d("2026-11-06"),
        bellNumber: 1,
        hours: 1,
        topic: "Степень",
        content: null,
        version: 1,
        planTopicId: null,
        subgroupId: null,
        substituteId: null,
      },
      {
        id: 11,
        date: d("2026-11-18"),
        bellNumber: 1,
        hours: 1,
        topic: null,
        content: null,
        version: 1,
        planTopicId: null,
        subgroupId: null,
        substituteId: null,
      },
      {
        id: 12,
        date: d("2026-11-19"),
        bellNumber: 2,
        hours: 1,
        topic: null,
        content: null,
        version: 1,
        planTopicId: null,
        subgroupId: 5,
        substituteId: null,
      },
    ],
    memberships: [
      { studentId: 100, startDate: d("2026-09-01"), endDate: null, educationForm: "FULL_TIME", name: "Борисов Антон" },
      { studentId: 101, startDate: d("2026-11-16"), endDate: null, educationForm: "FULL_TIME", name: "Алексеева Вера" },
      {
        studentId: 102,
        startDate: d("2026-09-01"),
        endDate: d("2026-11-10"),
        educationForm: "FULL_TIME",
        name: "Выбывший Пётр",
      },
      { studentId: 103, startDate: d("2026-09-01"), endDate: null, educationForm: "HOME", name: "Домашний Иван" },
    ],
    subgroupMembers: [{ subgroupId: 5, studentId: 100 }],
    assignments: [
      { id: 1000, lessonId: 10, typeId: 2, description: null, weight: null, dueDate: null, hasSpecification: false },
      { id: 1001, lessonId: 11, typeId: 1, description: null, weight: null, dueDate: null, hasSpecification: false },
    ],
    marks: [
      { assignmentId: 1000, studentId: 100, kind: "GRADE", value: 5, isHospital: false, comment: null, version: 1 },
      { assignmentId: 1001, studentId: 100, kind: "GRADE", value: 2, isHospital: false, comment: null, version: 3 },
    ],
    attendance: [{ lessonId: 11, studentId: 101, code: "N", missedHours: null, version: 1 }],
    homework: [],
    attendanceTaken: [11],
    finals: [101],
    lock: {
      timeZone: "Europe/Samara",
      lockDays: 7,
      yearClosed: false,
      closed: [],
      unlocks: [{ from: d("2026-11-06"), to: d("2026-11-06"), until: new Date("2026-11-20T20:00:00Z") }],
      periods: [{ id: 7, start: d("2026-11-05"), end: d("2026-12-28") }],
      finals: new Map([[101, new Set([7])]]),
    },
    planTopics: [],
  };
}

describe("the grid view (JRN-1, JRN-9)", () => {
  const view = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));

  it("sorts students by name and gives cells only inside membership, subgroup and form", () => {
    expect(view.students.map((s) => [s.name, s.cells])).toEqual([
      ["Алексеева Вера", "xox"],
      ["Борисов Антон", "ooo"],
      ["Выбывший Пётр", "oxx"],
      ["Домашний Иван", "ffx"],
    ]);
    expect(view.students.find((s) => s.id === 102)).toMatchObject({ left: true });
    expect(view.students.find((s) => s.id === 101)).toMatchObject({ joinedLate: true, finalSet: true });
  });

  it("opens a date past the window while ADMIN's unlock lasts", () => {
    expect(view.lessons.map((l) => l.lock)).toEqual([
      { open: true, byUnlock: true },
      { open: true, byUnlock: false },
      { open: true, byUnlock: false },
    ]);
    expect(view.lessons[1].attendanceTaken).toBe(true);
  });

  it("locks assignments of a period with finals set, and everything once the period is closed (REC-1)", () => {
    expect(view.lessons.map((l) => l.assignmentLock.open)).toEqual([true, false, false]);
    expect(view.lessons[0].assignmentLock).toEqual({ open: true, byUnlock: true });
    expect(view.closed).toBeNull();
    const closed = rows();
    closed.lock = {
      ...closed.lock,
      closed: [
        {
          periodId: 7,
          name: "2 четверть",
          start: d("2026-11-05"),
          end: d("2026-12-28"),
          closedOn: d("2026-11-20"),
          basis: "приказ № 5",
        },
      ],
    };
    const v = buildGridView(closed, new Date("2026-11-20T08:00:00Z"), d("2026-11-20"));
    expect(v.closed).toEqual({ code: "period", reason: "Период закрыт 20.11.2026 (приказ № 5): 2 четверть" });
    expect(v.lessons.map((l) => [l.lock.open, l.lessonLock.open])).toEqual([
      [true, true], // ADMIN's unlock of 06.11 still opens it
      [false, false],
      [false, false],
    ]);
  });

  it("computes the running average by assignment weights and counts absences", () => {
    expect(studentSummary(view, 100).average).toBe(4); // (5·2 + 2·1) / 3
    expect(studentAbsences(view, 101)).toEqual({ count: 1, hours: 1 });
  });

  it("shows a substitute only the lesson they substitute", () => {
    const one = buildGridView(rows(), new Date("2026-11-20T08:00:00Z"), d("2026-11-20"), 12);
    expect(one.lessons.map((l) => l.id)).toEqual([12]);
    expect(one.students.map((s) => s.id)).toEqual([100]);
  });
});
