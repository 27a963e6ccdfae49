import { describe, expect, it } from "vitest";
import { assertModel, cellText, headerGrid, type ReportModel } from "@/lib/reports/model";
import {
  attendanceFigures,
  finalLabel,
  meanOfFinals,
  progressFigures,
  subjectFailures,
  sumFigures,
} from "@/lib/reports/rules";
import { ABSENCES, ABSENCES_EXPECTED, PROGRESS_CLASS, PROGRESS_EXPECTED } from "../fixtures/report-figures";

describe("«Итоги успеваемости» figures (RPT-2)", () => {
  it("equal the hand-computed fixture of a small class", () => {
    expect(progressFigures(PROGRESS_CLASS)).toEqual(PROGRESS_EXPECTED);
  });

  it("counts a class without finals as 0 % success, not 100 %", () => {
    expect(progressFigures([{ studentId: 1, finals: [] }]).successPercent).toBe(0);
  });

  it("counts «незачёт» as failing and leaves зачёт and освобождён out of the mean", () => {
    const f = progressFigures([
      {
        studentId: 1,
        finals: [
          { value: null, special: "FAIL" },
          { value: 5, special: null },
        ],
      },
      {
        studentId: 2,
        finals: [
          { value: null, special: "EXEMPT" },
          { value: 4, special: null },
        ],
      },
    ]);
    expect(f.failing).toBe(1);
    expect(f.good).toBe(1);
    expect(f.averageMark).toBe(4.5);
  });
});

describe("«Посещаемость» figures (RPT-3)", () => {
  it("equal the hand-computed fixture, lateness apart", () => {
    expect(attendanceFigures(ABSENCES)).toEqual(ABSENCES_EXPECTED);
  });

  it("sums students into the class total", () => {
    expect(sumFigures([attendanceFigures(ABSENCES), attendanceFigures(ABSENCES)]).missed).toBe(14);
  });
});

describe("the report model", () => {
  it("lays a header tree out as merged cells: leaves above the bottom span down", () => {
    const grid = headerGrid([
      { label: "ФИО" },
      { label: "Пропущено", children: [{ label: "Всего" }, { label: "УП" }] },
    ]);
    expect(grid).toEqual({
      depth: 2,
      width: 3,
      cells: [
        { label: "ФИО", row: 0, col: 0, rowSpan: 2, colSpan: 1 },
        { label: "Пропущено", row: 0, col: 1, rowSpan: 1, colSpan: 2 },
        { label: "Всего", row: 1, col: 1, rowSpan: 1, colSpan: 1 },
        { label: "УП", row: 1, col: 2, rowSpan: 1, colSpan: 1 },
      ],
    });
  });

  it("refuses rows narrower than the header", () => {
    const model = {
      header: [{ label: "A" }, { label: "B" }],
      columns: [{ kind: "text" }, { kind: "number" }],
      rows: [["x"]],
      totals: [],
    };
    expect(() => assertModel(model as unknown as ReportModel)).toThrow();
  });

  it("prints decimals and percents the Russian way", () => {
    expect(cellText(4.06, "decimal")).toBe("4,06");
    expect(cellText(57.1, "percent")).toBe("57,1 %");
  });
});

describe("«Неуспеваемость по дисциплинам» ranking (RPT-4)", () => {
  it("ranks subjects by the share of 2, незачёт and н/а, worst first", () => {
    const g = (subjectId: number, value: number | null, special: "NOT_ATTESTED" | "FAIL" | null = null) => ({
      subjectId,
      value,
      special,
    });
    // Subject 1: 1 of 4 failing (25 %); subject 2: 2 of 4 (одна «2», одна н/а) = 50 %; subject 3: none.
    const ranked = subjectFailures([
      g(1, 2),
      g(1, 4),
      g(1, 5),
      g(1, 3),
      g(2, 2),
      g(2, null, "NOT_ATTESTED"),
      g(2, 4),
      g(2, 5),
      g(3, 5),
      g(3, 4),
    ]);
    expect(ranked.map((r) => [r.subjectId, r.failingPercent])).toEqual([
      [2, 50],
      [1, 25],
      [3, 0],
    ]);
    expect(ranked[0]).toMatchObject({ finals: 4, failing: 1, notAttested: 1 });
  });
});

describe("summary sheet cells (RPT-1)", () => {
  it("shows specials as н/а, осв., зач., незач. and averages only numeric finals", () => {
    expect(finalLabel({ value: null, special: "NOT_ATTESTED" })).toBe("н/а");
    expect(finalLabel({ value: null, special: "EXEMPT" })).toBe("осв.");
    expect(finalLabel({ value: 4, special: null })).toBe(4);
    expect(
      meanOfFinals([
        { value: 5, special: null },
        { value: 4, special: null },
        { value: null, special: "PASS" },
      ]),
    ).toBe(4.5);
    expect(meanOfFinals([{ value: null, special: "EXEMPT" }])).toBeNull();
  });
});
