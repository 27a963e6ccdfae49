// Journal-keeping control figures (CTL-1…CTL-3) against hand-computed fixtures.
import { describe, expect, it } from "vitest";
import {
  activityRows,
  fillByClass,
  fillTotals,
  isProblemRow,
  listRange,
  markDensity,
  remarkTransition,
  weekStart,
  type FillRow,
} from "@/lib/control/rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const row = (over: Partial<FillRow> = {}): FillRow => ({
  teacherId: 1,
  classId: 10,
  subjectId: 100,
  lessons: 1,
  noTopic: 0,
  noHomework: 0,
  noAttendance: 0,
  marks: 0,
  lateMarks: 0,
  students: 4,
  density: null,
  lastFilledAt: null,
  ...over,
});

describe("journal-fill figures (CTL-1)", () => {
  it("computes marks density per student per 5 lessons", () => {
    // 30 marks, 25 students, 6 lessons: 30 / 25 / 6 × 5 = 1.0
    expect(markDensity(30, 25, 6)).toBe(1);
    // 7 marks, 20 students, 4 lessons: 7 / 20 / 4 × 5 = 0.4375 → 0.44
    expect(markDensity(7, 20, 4)).toBe(0.44);
    expect(markDensity(5, 0, 4)).toBeNull();
    expect(markDensity(0, 10, 0)).toBeNull();
  });

  it("totals the rows, density weighed by each row's students × lessons", () => {
    const rows = [
      row({ lessons: 3, noTopic: 1, noHomework: 2, noAttendance: 1, marks: 6, lateMarks: 1 }),
      row({ subjectId: 200, marks: 1 }),
      row({ teacherId: 2, classId: 11, noTopic: 1, marks: 3, students: 3 }),
    ];
    // marks 6+1+3 = 10; slots 4×3 + 4×1 + 3×1 = 19; 10/19×5 = 2.63
    expect(fillTotals(rows)).toMatchObject({
      lessons: 5,
      noTopic: 2,
      noHomework: 2,
      noAttendance: 1,
      marks: 10,
      lateMarks: 1,
      density: 2.63,
    });
  });
});

describe("journal-fill summary per class (CTL-1, issue 22 item 7)", () => {
  it("sums the teacher × subject rows of each class and counts the rows with a problem", () => {
    const at = new Date("2026-11-04T10:00:00Z");
    const rows = [
      row({ marks: 4 }),
      row({ subjectId: 200, noTopic: 1, marks: 2 }),
      row({ teacherId: 2, subjectId: 300, marks: 1, lastFilledAt: at }),
      row({ classId: 11, marks: 3, students: 2 }),
    ];
    expect(rows.filter(isProblemRow)).toHaveLength(1);
    expect(isProblemRow(row({ lateMarks: 1 }))).toBe(true);
    const classes = fillByClass(rows);
    expect(classes).toHaveLength(2);
    const ten = classes.find((c) => c.classId === 10)!;
    // 3 rows of one lesson each; marks 4+2+1 = 7 over 4 students × 3 lessons = 12 slots: 7/12×5 = 2.92
    expect(ten).toMatchObject({ rows: 3, problemRows: 1, lessons: 3, noTopic: 1, marks: 7, density: 2.92 });
    expect(ten.lastFilledAt).toEqual(at);
    expect(classes.find((c) => c.classId === 11)).toMatchObject({
      rows: 1,
      problemRows: 0,
      marks: 3,
      lastFilledAt: null,
    });
  });
});

describe("remarks (CTL-2)", () => {
  it("lets the teacher mark only an open remark done and the writer close or reopen", () => {
    expect(remarkTransition("OPEN", "done")).toBe("DONE");
    expect(remarkTransition("DONE", "done")).toBeNull();
    expect(remarkTransition("CLOSED", "done")).toBeNull();
    expect(remarkTransition("DONE", "close")).toBe("CLOSED");
    expect(remarkTransition("OPEN", "close")).toBe("CLOSED");
    expect(remarkTransition("CLOSED", "close")).toBeNull();
    expect(remarkTransition("DONE", "reopen")).toBe("OPEN");
    expect(remarkTransition("CLOSED", "reopen")).toBe("OPEN");
    expect(remarkTransition("OPEN", "reopen")).toBeNull();
  });

  it("takes weekly lists Monday to Sunday and monthly lists by calendar month", () => {
    expect(weekStart(d("2026-11-23"))).toEqual(d("2026-11-23")); // a Monday
    expect(weekStart(d("2026-11-29"))).toEqual(d("2026-11-23")); // Sunday
    expect(listRange("week", d("2026-11-25"))).toEqual({ from: d("2026-11-23"), to: d("2026-11-29") });
    expect(listRange("month", d("2026-02-14"))).toEqual({ from: d("2026-02-01"), to: d("2026-02-28") });
  });
});

describe("weekly activity (CTL-3)", () => {
  it("tallies sign-ins, journal edits, messages and page views per user", () => {
    const rows = activityRows({
      signIns: [
        { userId: 1, count: 2 },
        { userId: 2, count: 1 },
      ],
      journalEdits: [{ userId: 1, count: 3 }],
      messages: [{ userId: 2, count: 1 }],
      visits: [
        { userId: 1, count: 4 },
        { userId: 1, count: 6 },
        { userId: 3, count: 2 },
      ],
    });
    const by = new Map(rows.map((r) => [r.userId, r]));
    expect(by.get(1)).toEqual({ userId: 1, signIns: 2, journalEdits: 3, messages: 0, pageViews: 10 });
    expect(by.get(2)).toEqual({ userId: 2, signIns: 1, journalEdits: 0, messages: 1, pageViews: 0 });
    expect(by.get(3)).toEqual({ userId: 3, signIns: 0, journalEdits: 0, messages: 0, pageViews: 2 });
  });
});
