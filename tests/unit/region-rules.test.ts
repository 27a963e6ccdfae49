// REG-2 / REG-3 pure rules of the territory report: counts sum, shares are recomputed from the summed
// numerators and denominators (not averaged), the objectivity indicator judges pairs by lib/external's
// one rule. Hand-computed figures.
import { describe, expect, it } from "vitest";
import {
  ZERO_ATTENDANCE,
  ZERO_CONTINGENT,
  ZERO_FILL,
  ZERO_PROGRESS,
  attendanceCells,
  contingentCells,
  fillCells,
  objectivityOf,
  perStudent,
  progressCells,
  sumCounts,
} from "@/lib/region/rules";
import { progressFigures, progressShares, type StudentFinals } from "@/lib/reports/rules";

const grade = (...values: number[]) => values.map((value) => ({ value, special: null }));

describe("sumCounts", () => {
  it("adds field by field and leaves the inputs alone", () => {
    const a = { ...ZERO_FILL, lessons: 3, due: 2, onTime: 1 };
    const b = { ...ZERO_FILL, lessons: 5, due: 5, onTime: 5, marks: 7 };
    expect(sumCounts([a, b], ZERO_FILL)).toEqual({ ...ZERO_FILL, lessons: 8, due: 7, onTime: 6, marks: 7 });
    expect(a.lessons).toBe(3);
    expect(sumCounts([], ZERO_FILL)).toEqual(ZERO_FILL);
  });
});

describe("progress (RPT-2 counts → shares)", () => {
  it("progressShares of the counts equals progressFigures of the students", () => {
    const students: StudentFinals[] = [
      { studentId: 1, finals: grade(5, 5) },
      { studentId: 2, finals: grade(4, 5) },
      { studentId: 3, finals: grade(3, 4) },
      { studentId: 4, finals: grade(2, 4) },
      { studentId: 5, finals: [] },
    ];
    const f = progressFigures(students);
    const counts = {
      roll: 5,
      withoutFinals: 1,
      excellent: 1,
      good: 1,
      oneThree: 1,
      failing: 1,
      notAttested: 0,
      successful: 3,
      quality: 2,
      markSum: 32,
      markCount: 8,
    };
    expect(progressShares(counts)).toEqual(f);
    expect(f).toMatchObject({ successPercent: 60, qualityPercent: 40, averageMark: 4 });
  });

  it("the territory's shares come from summed counts, not from the organisations' percentages", () => {
    // A: 1 of 1 successful (100 %); B: 1 of 9 (11,1 %). Territory: 2 of 10 = 20 % (a mean of percents would be 55,6).
    const a = { ...ZERO_PROGRESS, roll: 1, successful: 1, quality: 1, excellent: 1, markSum: 10, markCount: 2 };
    const b = {
      ...ZERO_PROGRESS,
      roll: 9,
      successful: 1,
      quality: 0,
      oneThree: 1,
      failing: 8,
      markSum: 27,
      markCount: 9,
    };
    const total = progressCells(sumCounts([a, b], ZERO_PROGRESS), { results: 0, lower: 0, same: 0, higher: 0 });
    expect(total.slice(0, 10)).toEqual([10, 1, 0, 1, 8, 0, 0, 20, 10, 3.36]);
    // No external result compared: the share is empty, not 0 %.
    expect(total.slice(10)).toEqual([0, 0, 0, 0, null]);
  });
});

describe("objectivity (REG-3 in the territory report)", () => {
  it("tallies (external, year) pairs by markComparison; a missing mark is not compared", () => {
    const o = objectivityOf([
      { examMark: 5, yearMark: 4, results: 2 },
      { examMark: 4, yearMark: 4, results: 5 },
      { examMark: 3, yearMark: 5, results: 1 },
      { examMark: null, yearMark: 4, results: 3 },
      { examMark: 4, yearMark: null, results: 4 },
    ]);
    expect(o).toEqual({ results: 15, lower: 1, same: 5, higher: 2 });
    // 3 of the 8 compared differ by one or more: 37,5 %.
    expect(progressCells(ZERO_PROGRESS, o).slice(10)).toEqual([15, 8, 1, 2, 37.5]);
  });
});

describe("attendance (RPT-3)", () => {
  it("keeps the reasons and gives missed lessons per student of the roll", () => {
    const c = { roll: 4, missed: 10, excused: 4, unexcused: 3, illness: 2, unknown: 1, late: 2 };
    expect(attendanceCells(c)).toEqual([4, 10, 4, 3, 2, 1, 2, 2.5]);
    expect(perStudent(10, 0)).toBeNull();
    expect(attendanceCells(ZERO_ATTENDANCE)[7]).toBeNull();
  });
});

describe("journal fill (CTL-1, DUT-1)", () => {
  it("the share filled on time and the density over student-lessons", () => {
    // 6 of 8 due on time = 75 %; 30 marks over 100 student-lessons × 5 = 1,5.
    expect(fillCells({ lessons: 10, due: 8, onTime: 6, noTopic: 1, marks: 30, slots: 100 })).toEqual([
      10, 8, 6, 75, 1, 30, 1.5,
    ]);
    expect(fillCells(ZERO_FILL)).toEqual([0, 0, 0, null, 0, 0, null]);
  });

  it("the territory's density weighs organisations by their student-lessons", () => {
    const a = { ...ZERO_FILL, marks: 10, slots: 10 }; // 5,0
    const b = { ...ZERO_FILL, marks: 10, slots: 90 }; // 0,56
    expect(fillCells(sumCounts([a, b], ZERO_FILL))[6]).toBe(1); // 20 ÷ 100 × 5, not (5 + 0,56) ÷ 2
  });
});

describe("contingent (RPT-9)", () => {
  it("keeps the movement and gives the mean class size at the end", () => {
    const c = {
      ...ZERO_CONTINGENT,
      classes: 3,
      atStart: 70,
      arrived: 3,
      transferredIn: 1,
      left: 2,
      transferredOut: 1,
      atEnd: 71,
      boysAtEnd: 30,
      girlsAtEnd: 41,
    };
    expect(contingentCells(c)).toEqual([70, 3, 1, 2, 1, 71, 30, 41, 3, 23.67]);
    expect(contingentCells(ZERO_CONTINGENT)[9]).toBeNull();
  });
});
