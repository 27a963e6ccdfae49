// Pure rules of lesson planning: workflow (PLAN-2), hours against the curriculum (PLAN-1),
// deadlines (PLAN-2), fulfilment by a hand-computed fixture (PLAN-5).
import { describe, expect, it } from "vitest";
import {
  buildFulfilment,
  canTransition,
  checkHours,
  deadlineWarnings,
  fulfilment,
  givenToDate,
  hoursMessage,
  isLagging,
  plannedToDate,
  studyDays,
  studyDaysMemo,
} from "@/lib/plans/rules";
import { ownsEnough } from "@/lib/plans/access-rules";
import { compareRu } from "@/lib/org/collation";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

describe("workflow (PLAN-2)", () => {
  it("edits and submits only drafts and returned plans", () => {
    expect(canTransition("DRAFT", "edit")).toBe(true);
    expect(canTransition("RETURNED", "submit")).toBe(true);
    expect(canTransition("SUBMITTED", "edit")).toBe(false);
    expect(canTransition("APPROVED", "edit")).toBe(false);
  });
  it("approves or returns only a submitted plan", () => {
    expect(canTransition("SUBMITTED", "approve")).toBe(true);
    expect(canTransition("SUBMITTED", "return")).toBe(true);
    expect(canTransition("DRAFT", "approve")).toBe(false);
    expect(canTransition("APPROVED", "approve")).toBe(false);
  });
  it("changes an approved plan only through a new edition (reopen)", () => {
    expect(canTransition("APPROVED", "reopen")).toBe(true);
    expect(canTransition("DRAFT", "reopen")).toBe(false);
  });
});

describe("hours against the curriculum (PLAN-1)", () => {
  it("shows the difference in hours", () => {
    expect(checkHours(100, 102)).toEqual({ planned: 100, curriculum: 102, difference: -2, matches: false });
    expect(hoursMessage(checkHours(100, 102))).toContain("−2 ч");
    expect(checkHours(102, 102).matches).toBe(true);
    expect(hoursMessage(checkHours(5, null))).toBe("В учебном плане нет часов для этого класса и предмета");
  });
});

describe("deadlines (PLAN-2: 26 June, 31 August)", () => {
  it("warns two weeks before and after the submission deadline", () => {
    expect(deadlineWarnings("DRAFT", 2026, d("2026-06-01"))).toEqual([]);
    const before = deadlineWarnings("DRAFT", 2026, d("2026-06-20"));
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ kind: "submit", overdue: false });
    expect(before[0].text).toContain("осталось 6 дн.");
    expect(deadlineWarnings("DRAFT", 2026, d("2026-06-27"))[0]).toMatchObject({ kind: "submit", overdue: true });
  });
  it("warns about a plan not approved by 31 August, not about an approved one", () => {
    const late = deadlineWarnings("SUBMITTED", 2026, d("2026-09-01"));
    expect(late.map((w) => [w.kind, w.overdue])).toEqual([["approve", true]]);
    expect(deadlineWarnings("APPROVED", 2026, d("2026-11-23"))).toEqual([]);
  });
});

describe("fulfilment (PLAN-5), hand-computed", () => {
  const holidays = [
    { start: d("2026-09-07"), end: d("2026-09-11"), grade: null },
    { start: d("2026-09-14"), end: d("2026-09-14"), grade: 1 },
  ];
  it("counts Monday–Friday outside holidays, grade-only holidays for that grade", () => {
    // 01.09.2026 is a Tuesday: 1–4 Sep = 4 days, 7–11 holiday, 14–18 = 5 days, 21–25 = 5 days, 28–30 = 3 days.
    expect(studyDays(d("2026-09-01"), d("2026-09-30"), holidays, 7)).toBe(17);
    expect(studyDays(d("2026-09-01"), d("2026-09-30"), holidays, 1)).toBe(16);
  });
  it("counts the weekdays by arithmetic as the calendar does, over years and across 1970 (issue 22 item 7)", () => {
    // The reference: every day as a Date, its UTC weekday, every holiday tested.
    const reference = (from: Date, to: Date, hs: typeof holidays, grade: number) => {
      let n = 0;
      for (let t = from.getTime(); t <= to.getTime(); t += 86_400_000) {
        const wd = new Date(t).getUTCDay();
        if (wd === 0 || wd === 6) continue;
        if (hs.some((h) => (h.grade === null || h.grade === grade) && t >= h.start.getTime() && t <= h.end.getTime()))
          continue;
        n++;
      }
      return n;
    };
    const spans: [string, string][] = [
      ["2026-09-01", "2027-05-31"],
      ["2026-09-05", "2026-09-06"],
      ["2026-09-14", "2026-09-14"],
      ["1969-12-20", "1970-01-12"],
      ["2024-02-26", "2024-03-04"],
      ["2026-09-30", "2026-09-01"],
    ];
    for (const [from, to] of spans)
      for (const grade of [1, 7])
        expect(studyDays(d(from), d(to), holidays, grade)).toBe(reference(d(from), d(to), holidays, grade));
  });
  it("plans hours pro rata of study days", () => {
    // 34 h over 17 study days = 2 h a day; up to 15.09 (Tue): 4 + 2 = 6 days → 12 h.
    expect(
      plannedToDate([{ hours: 34, start: d("2026-09-01"), end: d("2026-09-30") }], d("2026-09-15"), holidays, 7),
    ).toBe(12);
    expect(
      plannedToDate([{ hours: 34, start: d("2026-10-01"), end: d("2026-10-30") }], d("2026-09-15"), holidays, 7),
    ).toBe(0);
  });
  it("the remembered study days (one report, many lines) count what studyDays counts, per grade", () => {
    const days = studyDaysMemo(holidays);
    expect(days(d("2026-09-01"), d("2026-09-30"), 7)).toBe(17);
    expect(days(d("2026-09-01"), d("2026-09-30"), 1)).toBe(16);
    expect(days(d("2026-09-01"), d("2026-09-30"), 7)).toBe(17);
    const item = [{ hours: 34, start: d("2026-09-01"), end: d("2026-09-30") }];
    expect(plannedToDate(item, d("2026-09-15"), holidays, 1, days)).toBe(
      plannedToDate(item, d("2026-09-15"), holidays, 1),
    );
  });
  it("gives the hours of held lessons up to today, cancelled ones excluded", () => {
    const lessons = [
      { date: d("2026-09-01"), hours: 1, cancelled: false },
      { date: d("2026-09-02"), hours: 1, cancelled: true },
      { date: d("2026-09-03"), hours: 2, cancelled: false },
      { date: d("2026-09-16"), hours: 1, cancelled: false },
    ];
    expect(givenToDate(lessons, d("2026-09-15"))).toBe(3);
  });
  it("flags a subject behind by more than 2 hours and more than 10 %", () => {
    expect(isLagging(12, 9.5)).toBe(true); // 2.5 h > max(2, 1.2)
    expect(isLagging(12, 10)).toBe(false); // exactly 2 h
    expect(isLagging(40, 36.5)).toBe(false); // 3.5 h < 10 % of 40 = 4
    expect(isLagging(40, 35.5)).toBe(true);
    expect(fulfilment(12, 9)).toEqual({ planned: 12, given: 9, difference: -3, lagging: true });
  });
  it("builds one line per class × subject, per subgroup stream where split", () => {
    const lines = buildFulfilment({
      today: d("2026-09-15"),
      holidays,
      classes: [{ id: 1, name: "7А", grade: 7 }],
      subjects: [
        { id: 10, name: "Алгебра", sortOrder: 1 },
        { id: 11, name: "Английский", sortOrder: 2 },
      ],
      subgroups: [
        { id: 5, name: "Группа 1" },
        { id: 6, name: "Группа 2" },
      ],
      curriculum: [
        { classId: 1, subjectId: 10, hours: 34, start: d("2026-09-01"), end: d("2026-09-30") },
        { classId: 1, subjectId: 11, hours: 17, start: d("2026-09-01"), end: d("2026-09-30") },
      ],
      lessons: [
        ...["01", "02", "03", "04", "14", "15"].map((x) => ({
          classId: 1,
          subjectId: 10,
          subgroupId: null,
          date: d(`2026-09-${x}`),
          hours: 2,
          cancelled: x === "04",
        })),
        ...["01", "03", "15"].map((x) => ({
          classId: 1,
          subjectId: 11,
          subgroupId: 5,
          date: d(`2026-09-${x}`),
          hours: 1,
          cancelled: false,
        })),
        { classId: 1, subjectId: 11, subgroupId: 6, date: d("2026-09-01"), hours: 1, cancelled: false },
      ],
    });
    expect(lines.map((l) => [l.subjectName, l.subgroupName, l.planned, l.given, l.difference, l.lagging])).toEqual([
      ["Алгебра", null, 12, 10, -2, false],
      ["Английский", "Группа 1", 6, 3, -3, true],
      ["Английский", "Группа 2", 6, 1, -5, true],
    ]);
  });
  it("orders the lines by grade, class name (Russian order), subject order and subgroup — the classes ranked once (issue 22 item 7)", () => {
    // Shuffled classes of one grade (numbers and letters), two classes equal in grade and name (their
    // lines interleave by subject order), subjects sharing a sort order (kept in the curriculum's order).
    const classes = [
      { id: 1, name: "10Б", grade: 10 },
      { id: 2, name: "5Б", grade: 5 },
      { id: 3, name: "5а", grade: 5 },
      { id: 4, name: "5А", grade: 5 },
      { id: 5, name: "Ёлка", grade: 5 },
      { id: 6, name: "Ель", grade: 5 },
      { id: 7, name: "5Б", grade: 5 },
      { id: 8, name: "1В", grade: 1 },
    ];
    const subjects = [
      { id: 10, name: "Алгебра", sortOrder: 2 },
      { id: 11, name: "Физика", sortOrder: 1 },
      { id: 12, name: "Химия", sortOrder: 1 },
    ];
    const span = { hours: 10, start: d("2026-09-01"), end: d("2026-09-30") };
    const curriculum = [7, 3, 1, 5, 8, 2, 6, 4].flatMap((classId) =>
      [12, 10, 11].map((subjectId) => ({ classId, subjectId, ...span })),
    );
    const lessons = [2, 7].flatMap((classId) =>
      [6, 5].map((subgroupId) => ({
        classId,
        subjectId: 10,
        subgroupId,
        date: d("2026-09-02"),
        hours: 1,
        cancelled: false,
      })),
    );
    const lines = buildFulfilment({
      today: d("2026-09-15"),
      holidays,
      classes,
      subjects,
      subgroups: [],
      curriculum,
      lessons,
    });
    // The reference: the lines in the curriculum's order, sorted (stable) by the comparator on each line's
    // class name, as the report sorted before — ties keep the curriculum's order there too.
    const grade = new Map(classes.map((c) => [c.id, c.grade]));
    const order = new Map(subjects.map((s) => [s.id, s.sortOrder]));
    const keys = [...new Set(curriculum.map((c) => `${c.classId}:${c.subjectId}`))];
    const unsorted = keys.flatMap((k) => lines.filter((l) => `${l.classId}:${l.subjectId}` === k));
    const reference = unsorted.sort(
      (a, b) =>
        grade.get(a.classId)! - grade.get(b.classId)! ||
        compareRu(a.className, b.className) ||
        order.get(a.subjectId)! - order.get(b.subjectId)! ||
        (a.subgroupId ?? 0) - (b.subgroupId ?? 0),
    );
    expect(lines.length).toBe(8 * 3 + 2 * 1);
    expect(lines.map((l) => [l.classId, l.subjectId, l.subgroupId])).toEqual(
      reference.map((l) => [l.classId, l.subjectId, l.subgroupId]),
    );
    expect([...new Set(lines.map((l) => l.className))]).toEqual(["1В", "5а", "5А", "5Б", "Ёлка", "Ель", "10Б"]);
  });
});

describe("who may act on one plan beyond the matrix scope (ACL-3)", () => {
  it("with «own» scope a teacher edits only own plans; a parallel plan is its teacher's alone", () => {
    const classPlan = { teacherId: 1, classId: 10, subjectId: 5 };
    expect(ownsEnough("edit", ["own"], classPlan, 1)).toBe(true);
    expect(ownsEnough("edit", ["own"], classPlan, 2)).toBe(false);
    expect(ownsEnough("view", ["own"], classPlan, 2)).toBe(true);
    expect(ownsEnough("edit", ["all"], classPlan, 2)).toBe(true);
    const parallel = { teacherId: 1, classId: null, subjectId: 5 };
    expect(ownsEnough("view", ["class"], parallel, 2)).toBe(false);
    expect(ownsEnough("approve", ["dept"], parallel, 2)).toBe(false);
    expect(ownsEnough("approve", ["all"], parallel, 2)).toBe(true);
  });
});
