// DAY-5: the pure functions behind the pictures — scales, the empty and single-mark cases and the
// five-marks privacy rule.
import { describe, expect, it } from "vitest";
import {
  absencesByMonth,
  classRunningAverage,
  distributionOf,
  gradePoints,
  linearScale,
  marksTimeline,
  MARKS_BOX,
  MIN_MARKS_FOR_DISTRIBUTION,
  stackedBars,
} from "@/lib/charts/rules";

const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

describe("linearScale (DAY-5)", () => {
  it("maps the domain's ends onto the range's ends, inverted ranges included", () => {
    const s = linearScale(2, 5, 100, 10);
    expect(s(2)).toBe(100);
    expect(s(5)).toBe(10);
    expect(s(3.5)).toBe(55);
  });

  it("an empty domain maps to the middle of the range (no NaN)", () => {
    expect(linearScale(4, 4, 0, 50)(4)).toBe(25);
  });
});

describe("marksTimeline (DAY-5)", () => {
  const span = { from: d("2026-09-01"), to: d("2026-10-31"), min: 2, max: 5 };

  it("puts higher marks higher and later marks further right, inside the box", () => {
    const t = marksTimeline({
      ...span,
      marks: [
        { date: d("2026-09-01"), value: 2, running: 2 },
        { date: d("2026-10-31"), value: 5, running: 3.5 },
      ],
      classAverage: [],
    });
    const [a, b] = t.points;
    expect(a.x).toBe(MARKS_BOX.left);
    expect(b.x).toBe(MARKS_BOX.width - MARKS_BOX.right);
    expect(a.y).toBe(MARKS_BOX.height - MARKS_BOX.bottom);
    expect(b.y).toBe(MARKS_BOX.top);
    expect(t.average.split(" ")).toHaveLength(2);
    expect(t.yTicks.map((y) => y.label)).toEqual(["2", "3", "4", "5"]);
  });

  it("with no marks draws no dots and no lines", () => {
    const t = marksTimeline({ ...span, marks: [], classAverage: [] });
    expect(t.points).toEqual([]);
    expect(t.average).toBe("");
    expect(t.classAverage).toBe("");
  });

  it("a single mark is one dot and no average line (a line needs two points)", () => {
    const t = marksTimeline({ ...span, marks: [{ date: d("2026-09-15"), value: 4, running: 4 }], classAverage: [] });
    expect(t.points).toHaveLength(1);
    expect(Number.isFinite(t.points[0].x) && Number.isFinite(t.points[0].y)).toBe(true);
    expect(t.average).toBe("");
  });

  it("a mark outside the period is clamped to its edge; a one-day period does not divide by zero", () => {
    const t = marksTimeline({ ...span, marks: [{ date: d("2026-12-01"), value: 3, running: 3 }], classAverage: [] });
    expect(t.points[0].x).toBe(MARKS_BOX.width - MARKS_BOX.right);
    const one = marksTimeline({
      from: d("2026-09-01"),
      to: d("2026-09-01"),
      min: 2,
      max: 5,
      marks: [{ date: d("2026-09-01"), value: 3, running: 3 }],
      classAverage: [],
    });
    expect(Number.isFinite(one.points[0].x)).toBe(true);
  });
});

describe("the five-marks privacy rule (DAY-5)", () => {
  it("hides a work's distribution with fewer than five marks", () => {
    expect(MIN_MARKS_FOR_DISTRIBUTION).toBe(5);
    expect(distributionOf([5, 4, 3, 2], 2, 5)).toBeNull();
    expect(distributionOf([], 2, 5)).toBeNull();
  });

  it("with five marks counts every value of the scale, zeros included", () => {
    expect(distributionOf([5, 5, 4, 3, 3], 2, 5)).toEqual({
      counts: [
        { value: 2, count: 0 },
        { value: 3, count: 2 },
        { value: 4, count: 1 },
        { value: 5, count: 2 },
      ],
      total: 5,
      max: 2,
    });
  });

  it("ignores values off the scale when counting to five", () => {
    expect(distributionOf([5, 5, 4, 3, 9], 2, 5)).toBeNull();
  });

  it("the class's running average starts only once five marks make it", () => {
    const avg = classRunningAverage([
      { date: d("2026-09-10"), sum: 9, count: 2 },
      { date: d("2026-09-03"), sum: 5, count: 1 },
      { date: d("2026-09-17"), sum: 8, count: 2 },
    ]);
    expect(avg).toEqual([{ date: d("2026-09-17"), value: 4.4 }]);
    expect(classRunningAverage([{ date: d("2026-09-03"), sum: 16, count: 4 }])).toEqual([]);
  });
});

describe("absences by month (DAY-5)", () => {
  it("lists every month of the span, splits excused from unexcused and leaves out lateness", () => {
    const months = absencesByMonth(
      [
        { date: d("2026-09-02"), code: "B" },
        { date: d("2026-09-03"), code: "NP" },
        { date: d("2026-11-05"), code: "N" },
        { date: d("2026-11-06"), code: "OP" },
        { date: d("2026-12-01"), code: "N" },
      ],
      d("2026-09-01"),
      d("2026-11-30"),
    );
    expect(months.map((m) => [m.label, m.excused, m.unexcused])).toEqual([
      ["сен", 1, 1],
      ["окт", 0, 0],
      ["ноя", 0, 1],
    ]);
  });

  it("crosses the new year", () => {
    expect(absencesByMonth([], d("2026-12-15"), d("2027-01-10")).map((m) => m.key)).toEqual(["2026-12", "2027-01"]);
  });
});

describe("stackedBars (DAY-5)", () => {
  it("stacks parts bottom-up and scales to the largest total", () => {
    const box = { width: 100, height: 60, left: 0, right: 0, top: 10, bottom: 10 };
    const { bars, top } = stackedBars(
      [
        { label: "a", parts: [1, 1] },
        { label: "b", parts: [4, 0] },
      ],
      box,
    );
    expect(top).toBe(4);
    expect(bars[1].parts[0]).toEqual({ y: 10, height: 40 });
    expect(bars[0].parts[0].y + bars[0].parts[0].height).toBe(50);
    expect(bars[0].parts[1].y + bars[0].parts[1].height).toBe(bars[0].parts[0].y);
  });

  it("an all-zero chart draws flat bars, not NaN", () => {
    const { bars } = stackedBars([{ label: "a", parts: [0, 0] }], MARKS_BOX);
    expect(bars[0].parts.every((p) => p.height === 0 && Number.isFinite(p.y))).toBe(true);
  });
});

describe("gradePoints (DAY-5)", () => {
  it("keeps GRADE marks only: «н/а», pass/fail and a debt are not on the scale", () => {
    const at = d("2026-09-02");
    expect(
      gradePoints([
        { kind: "GRADE", value: 4, date: at, running: 4 },
        { kind: "NOT_ATTESTED", value: null, date: at, running: 4 },
        { kind: "PASS", value: null, date: at, running: 4 },
      ]),
    ).toEqual([{ date: at, value: 4, running: 4 }]);
  });
});
