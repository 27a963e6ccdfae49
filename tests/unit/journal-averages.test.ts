import { describe, expect, it } from "vitest";
import {
  averageOf,
  finalLabel,
  forecast,
  periodOutlook,
  formatAverage,
  marksNeeded,
  recommendMark,
  roundAverage,
  type AverageInput,
  type MarkScale,
} from "@/lib/journal/averages";

const g = (value: number, weight = 1, isHospital = false): AverageInput => ({
  kind: "GRADE",
  value,
  weight,
  isHospital,
});
const scale = (roundingThreshold = 0.5): MarkScale => ({ minMark: 2, maxMark: 5, roundingThreshold });

describe("running average (JRN-9)", () => {
  it("is null with no marks, and no mark is proposed", () => {
    const s = averageOf([], "WEIGHTED");
    expect(s.average).toBeNull();
    expect(s.counted).toBe(0);
    expect(recommendMark(s.average, scale())).toBeNull();
  });

  it("plain mean ignores weights; weighted mean uses them", () => {
    const marks = [g(5, 2), g(3, 1)];
    expect(averageOf(marks, "PLAIN").average).toBe(4);
    expect(averageOf(marks, "WEIGHTED").average).toBeCloseTo(13 / 3, 10);
  });

  it("leaves pass/fail out of the mean and counts them (only pass/fail → no average)", () => {
    const s = averageOf(
      [
        { kind: "PASS", value: null, weight: 1 },
        { kind: "PASS", value: null, weight: 1 },
        { kind: "FAIL", value: null, weight: 1 },
      ],
      "WEIGHTED",
    );
    expect(s.average).toBeNull();
    expect([s.pass, s.fail]).toEqual([2, 1]);
  });

  it("a zero weight does not move a weighted average; all-zero weights give no average", () => {
    expect(averageOf([g(5, 1), g(2, 0)], "WEIGHTED").average).toBe(5);
    const zero = averageOf([g(5, 0), g(2, 0)], "WEIGHTED");
    expect(zero.average).toBeNull();
    expect(zero.weightSum).toBe(0);
    expect(averageOf([g(5, 0), g(2, 0)], "PLAIN").average).toBe(3.5);
  });

  it("counts a hospital mark (001 §5.6) like any other mark", () => {
    const s = averageOf([g(5), g(3, 1, true)], "WEIGHTED");
    expect(s.average).toBe(4);
    expect(s.hospital).toBe(1);
  });

  it("keeps debts and н/а out of the mean but counts them as a risk", () => {
    const marks: AverageInput[] = [
      g(4),
      { kind: "DEBT", value: null, weight: 2 },
      { kind: "NOT_ATTESTED", value: null, weight: 1 },
    ];
    const s = averageOf(marks, "WEIGHTED");
    expect(s.average).toBe(4);
    expect([s.debts, s.notAttested]).toEqual([1, 1]);
    expect(forecast([{ kind: "DEBT", value: null, weight: 1 }], "WEIGHTED", scale()).atRisk).toBe(true);
  });
});

describe("rounding and the recommended mark (FIN-2)", () => {
  it("threshold 0.5: 4.50 → 5 and 4.49 → 4", () => {
    expect(recommendMark(4.5, scale(0.5))).toBe(5);
    expect(recommendMark(4.49, scale(0.5))).toBe(4);
  });

  it("threshold 0.6: 4.50 → 4 and 4.60 → 5 (no floating-point miss at 4.6)", () => {
    expect(recommendMark(4.5, scale(0.6))).toBe(4);
    expect(recommendMark(4.6, scale(0.6))).toBe(5);
    // 23/5 = 4.6 computed, 4.6000000000000005 or 4.599999… must still give 5
    expect(recommendMark(averageOf([g(5), g(5), g(5), g(4), g(4)], "PLAIN").average, scale(0.6))).toBe(5);
  });

  it("decides from the average shown to two decimals", () => {
    expect(roundAverage(4.445)).toBe(4.45);
    expect(roundAverage(4.494999)).toBe(4.49);
    expect(recommendMark(4.495, scale(0.5))).toBe(5);
    expect(formatAverage(4.5)).toBe("4,50");
    expect(formatAverage(null)).toBe("");
  });

  it("stays within the scale", () => {
    expect(recommendMark(5, scale())).toBe(5);
    expect(recommendMark(1.2, scale())).toBe(2);
    expect(recommendMark(1.2, { minMark: 1, maxMark: 5, roundingThreshold: 0.5 })).toBe(1);
  });
});

describe("forecast (DRY-3)", () => {
  it("tells how many fives lift a 3.40 to a 4", () => {
    const marks = [g(3), g(3), g(4), g(3), g(4)]; // 3.40
    expect(recommendMark(averageOf(marks, "PLAIN").average, scale())).toBe(3);
    // (17 + 5n) / (5 + n) ≥ 3.5 → n ≥ 0.5 → 1
    expect(marksNeeded(marks, "PLAIN", scale(), 5)).toBe(1);
    // (17 + 4n) / (5 + n) ≥ 3.5 → n ≥ 1
    expect(marksNeeded(marks, "PLAIN", scale(), 4)).toBe(1);
    // from 3.00 with four threes: (12 + 4n) / (4 + n) ≥ 3.5 → n ≥ 4
    expect(marksNeeded([g(3), g(3), g(3), g(3)], "PLAIN", scale(), 4)).toBe(4);
    const f = forecast(marks, "PLAIN", scale());
    expect(f.current).toBe(3);
    expect(f.next).toBe(4);
    expect(f.needed).toEqual([
      { value: 5, count: 1 },
      { value: 4, count: 1 },
    ]);
  });

  it("uses the weight of the coming mark under WEIGHTED", () => {
    const marks = [g(3, 1), g(3, 1), g(3, 1), g(3, 1)];
    expect(marksNeeded(marks, "WEIGHTED", scale(), 5, 1)).toBe(2); // 17/5 = 3.40 → 3; 22/6 = 3.67 → 4
    expect(marksNeeded(marks, "WEIGHTED", scale(), 5, 4)).toBe(1); // (12+20)/8 = 4.0
  });

  it("has no next mark at the top of the scale and cannot be reached by a mark not above the current one", () => {
    expect(forecast([g(5)], "PLAIN", scale()).next).toBeNull();
    expect(marksNeeded([g(4)], "PLAIN", scale(), 4)).toBeNull();
    expect(marksNeeded([g(4)], "WEIGHTED", scale(), 5, 0)).toBeNull();
  });

  it("flags the risk of «2» when the proposal is the lowest mark", () => {
    expect(forecast([g(2), g(3), g(2)], "PLAIN", scale()).atRisk).toBe(true);
    expect(forecast([g(4)], "PLAIN", scale()).atRisk).toBe(false);
  });
});

describe("period outlook: one proposal for the finals page and the diary (FIN-2, DRY-3)", () => {
  const base = { method: "WEIGHTED" as const, scale: scale(), passFail: false, absences: 0, lessonsHeld: 10 };
  const debt: AverageInput = { kind: "DEBT", value: null, weight: 1 };
  const na: AverageInput = { kind: "NOT_ATTESTED", value: null, weight: 1 };
  const pass: AverageInput = { kind: "PASS", value: null, weight: 1 };
  const fail: AverageInput = { kind: "FAIL", value: null, weight: 1 };

  it("proposes the recommended mark with the average shown to two decimals (weighted)", () => {
    const o = periodOutlook({ ...base, marks: [g(5, 2), g(4, 1), g(4, 1)] }); // 18/4 = 4.50
    expect(o.shown).toBe(4.5);
    expect(o.proposal).toEqual({ value: 5, special: null });
    expect(o.forecast.current).toBe(5);
    expect(periodOutlook({ ...base, scale: scale(0.6), marks: [g(5, 2), g(4, 1), g(4, 1)] }).proposal).toEqual({
      value: 4,
      special: null,
    });
  });

  it("plain vs weighted means give different proposals for the same marks", () => {
    const marks = [g(5, 3), g(3, 1), g(3, 1)];
    expect(periodOutlook({ ...base, method: "PLAIN", marks }).proposal?.value).toBe(4); // 3.67
    expect(periodOutlook({ ...base, marks }).proposal?.value).toBe(4); // 21/5 = 4.20
    expect(periodOutlook({ ...base, method: "PLAIN", marks: [g(5, 0), g(3, 1)] }).shown).toBe(4);
    expect(periodOutlook({ ...base, marks: [g(5, 0), g(3, 1)] }).shown).toBe(3);
  });

  it("all-zero weights: no average, no mark proposed, н/а risk while lessons are held", () => {
    const o = periodOutlook({ ...base, marks: [g(5, 0)] });
    expect(o.average).toBeNull();
    expect(o.proposal).toBeNull();
    expect(o.riskNotAttested).toBe(true);
  });

  it("counts hospital marks into the proposal", () => {
    expect(periodOutlook({ ...base, marks: [g(3), g(5, 1, true)] }).proposal?.value).toBe(4);
  });

  it("proposes н/а when only debts / н/а exist, and flags the risk", () => {
    const o = periodOutlook({ ...base, marks: [debt, na] });
    expect(o.proposal).toEqual({ value: null, special: "NOT_ATTESTED" });
    expect(o.riskNotAttested).toBe(true);
    expect(finalLabel(o.proposal)).toBe("н/а");
  });

  it("more debts than counted grades is a risk of н/а, even with a mark proposed", () => {
    const o = periodOutlook({ ...base, marks: [g(4), debt, debt] });
    expect(o.proposal?.value).toBe(4);
    expect(o.riskNotAttested).toBe(true);
    expect(periodOutlook({ ...base, marks: [g(4), g(4), debt] }).riskNotAttested).toBe(false);
  });

  it("risk of «2» at the lowest mark of the scale", () => {
    expect(periodOutlook({ ...base, marks: [g(2), g(3), g(2)] }).riskFail).toBe(true);
    expect(periodOutlook({ ...base, marks: [g(3), g(3)] }).riskFail).toBe(false);
  });

  it("pass/fail subjects: зачёт when passes are not fewer than fails, незачёт otherwise", () => {
    const pf = { ...base, passFail: true };
    expect(periodOutlook({ ...pf, marks: [pass, pass, fail] }).proposal).toEqual({ value: null, special: "PASS" });
    const o = periodOutlook({ ...pf, marks: [pass, fail, fail] });
    expect(o.proposal).toEqual({ value: null, special: "FAIL" });
    expect(o.riskFail).toBe(true);
    expect(o.average).toBeNull();
    expect(periodOutlook({ ...pf, marks: [debt] }).proposal).toEqual({ value: null, special: "NOT_ATTESTED" });
  });

  it("half the lessons missed is a risk of н/а; absences are reported", () => {
    const o = periodOutlook({ ...base, marks: [g(5)], absences: 5, lessonsHeld: 10 });
    expect(o.absences).toBe(5);
    expect(o.riskNotAttested).toBe(true);
    expect(periodOutlook({ ...base, marks: [g(5)], absences: 4, lessonsHeld: 10 }).riskNotAttested).toBe(false);
  });

  it("no marks at all while lessons were held: «н/а» recommended with the reason «нет отметок» (REC-7)", () => {
    const o = periodOutlook({ ...base, marks: [] });
    expect(o.proposal).toEqual({ value: null, special: "NOT_ATTESTED" });
    expect(o.proposalReason).toBe("нет отметок");
    expect(o.riskNotAttested).toBe(true);
    const pf = periodOutlook({ ...base, passFail: true, marks: [] });
    expect([pf.proposal?.special, pf.proposalReason]).toEqual(["NOT_ATTESTED", "нет отметок"]);
    // A mark, or only debts, is not «нет отметок».
    expect(periodOutlook({ ...base, marks: [g(4)] }).proposalReason).toBeNull();
    expect(periodOutlook({ ...base, marks: [debt] }).proposalReason).toBe("только долги и «н/а»");
    // Marks that all weigh nothing are marks: no proposal (the teacher decides).
    expect(periodOutlook({ ...base, marks: [g(5, 0)] }).proposal).toBeNull();
  });

  it("nothing yet and no lessons held: no proposal and no risk", () => {
    const o = periodOutlook({ ...base, marks: [], lessonsHeld: 0 });
    expect(o.proposal).toBeNull();
    expect([o.riskFail, o.riskNotAttested]).toEqual([false, false]);
  });

  it("the forecast's marks needed match marksNeeded", () => {
    const marks = [g(3), g(3), g(4), g(3), g(4)];
    const o = periodOutlook({ ...base, method: "PLAIN", marks });
    expect(o.forecast.next).toBe(4);
    expect(o.forecast.needed.find((n) => n.value === 5)?.count).toBe(marksNeeded(marks, "PLAIN", scale(), 5));
  });

  it("labels finals (FIN-3)", () => {
    expect(finalLabel({ value: 5, special: null })).toBe("5");
    expect(finalLabel({ value: null, special: "EXEMPT" })).toBe("осв.");
    expect(finalLabel({ value: null, special: "PASS" })).toBe("зачёт");
    expect(finalLabel({ value: null, special: "FAIL" })).toBe("незачёт");
    expect(finalLabel(null)).toBe("");
  });
});

describe("the forecast from one summary of the marks (issue 22 item 2: averageOf once per student)", () => {
  it("gives for each value what marksNeeded gives, under both methods, with the caller's summary or its own", () => {
    let x = 7;
    const next = (k: number) => ((x = (x * 1103515245 + 12345) % 2147483648), Math.floor(x / 65536) % k);
    const scale: MarkScale = { minMark: 2, maxMark: 5, roundingThreshold: 0.6 };
    for (let n = 0; n < 60; n++) {
      const marks = Array.from({ length: next(12) }, () =>
        next(8) === 0
          ? { kind: "DEBT" as const, value: null, weight: 1, isHospital: false }
          : g(2 + next(4), [1, 2, 0.5][next(3)]),
      );
      for (const method of ["WEIGHTED", "PLAIN"] as const) {
        const f = forecast(marks, method, scale);
        expect(forecast(marks, method, scale, 1, averageOf(marks, method))).toEqual(f);
        for (const { value, count } of f.needed) expect(count).toBe(marksNeeded(marks, method, scale, value));
        expect(f.average).toBe(averageOf(marks, method).average);
      }
    }
  });
});
