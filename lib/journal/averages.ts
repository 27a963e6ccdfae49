// Running averages, recommended period marks and the forecast (JRN-9, FIN-2, DRY-3).
// Pure functions, no I/O: the journal grid, the finals page and the diary all call these, so a
// student sees the same figure everywhere.
//
// API
//   averageOf(marks, method)            → MarkSummary: the mean (null when nothing counts) and counts
//   roundAverage(value)                 → the average to two decimals (what the user sees)
//   recommendMark(average, scale)       → the proposed period mark from the shown average
//   marksNeeded(marks, scale, value, w) → how many more marks `value` (weight w) reach the next mark
//   forecast(marks, scale, weight)      → current proposal, the next mark and the marks needed for it
//
// What counts (documented decisions):
//   • GRADE marks count with their weight (WEIGHTED) or weight 1 (PLAIN).
//   • «оценка, полученная в больнице» (isHospital, 001 §5.6) is a real mark of the subject and
//     counts like any other.
//   • A mark with weight 0 is shown in the journal but does not move a weighted average; when every
//     grade has weight 0 the weighted average is null (nothing to average), never a division by zero.
//     PLAIN ignores weights altogether.
//   • PASS / FAIL («зачёт/незачёт»), DEBT («долг») and NOT_ATTESTED («н/а») never enter the mean;
//     they are counted, so the diary can show a risk and the finals page can propose «зачёт» / «н/а».
//   • The recommendation is taken from the average rounded to two decimals — the figure the page
//     shows next to it (FIN-2) — and compared in hundredths, so 4.60 with threshold 0.60 gives 5
//     without floating-point surprises.

export type AveragingMethod = "PLAIN" | "WEIGHTED";
export type MarkKindName = "GRADE" | "PASS" | "FAIL" | "DEBT" | "NOT_ATTESTED";

/** One current mark as the averages need it. `weight`: the assignment's weight or its type's. */
export type AverageInput = { kind: MarkKindName; value: number | null; weight: number; isHospital?: boolean };

export type MarkSummary = {
  /** Unrounded mean of the counted grades; null when no grade counts. */
  average: number | null;
  /** Grades that entered the mean. */
  counted: number;
  weightSum: number;
  pass: number;
  fail: number;
  debts: number;
  notAttested: number;
  hospital: number;
};

/** The organisation's scale and rounding (ORG-2). */
export type MarkScale = { minMark: number; maxMark: number; roundingThreshold: number };

function isGrade(m: AverageInput): m is AverageInput & { value: number } {
  return m.kind === "GRADE" && typeof m.value === "number" && Number.isFinite(m.value);
}

export function averageOf(marks: readonly AverageInput[], method: AveragingMethod): MarkSummary {
  let sum = 0;
  let weightSum = 0;
  let counted = 0;
  const summary = { pass: 0, fail: 0, debts: 0, notAttested: 0, hospital: 0 };
  for (const m of marks) {
    if (m.kind === "PASS") summary.pass++;
    else if (m.kind === "FAIL") summary.fail++;
    else if (m.kind === "DEBT") summary.debts++;
    else if (m.kind === "NOT_ATTESTED") summary.notAttested++;
    if (!isGrade(m)) continue;
    if (m.isHospital) summary.hospital++;
    const w = method === "PLAIN" ? 1 : Math.max(0, Number.isFinite(m.weight) ? m.weight : 0);
    if (w === 0) continue;
    sum += w * m.value;
    weightSum += w;
    counted++;
  }
  return { average: weightSum > 0 ? sum / weightSum : null, counted, weightSum, ...summary };
}

/** Two decimals, half away from zero, computed in hundredths (4.445 → 4.45, not 4.44). */
export function roundAverage(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

/** «4,50» — the average as shown in Russian. */
export function formatAverage(value: number | null): string {
  return value === null ? "" : roundAverage(value).toFixed(2).replace(".", ",");
}

/**
 * The proposed mark: the integer part of the shown average, plus one when its fractional part
 * reaches the organisation's threshold; clamped to the scale. Null without an average.
 */
export function recommendMark(average: number | null, scale: MarkScale): number | null {
  if (average === null) return null;
  const hundredths = Math.round(roundAverage(average) * 100);
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths - whole * 100;
  const threshold = Math.round(scale.roundingThreshold * 100);
  const mark = fraction >= threshold ? whole + 1 : whole;
  return Math.min(scale.maxMark, Math.max(scale.minMark, mark));
}

/**
 * How many more marks of `value` with weight `weight` lift the recommendation above its current
 * value (0 when there is no recommendation yet and one such mark already gives one). Null when no
 * number of such marks can (the value is not above the current proposal, or weight 0 under WEIGHTED).
 */
export function marksNeeded(
  marks: readonly AverageInput[],
  method: AveragingMethod,
  scale: MarkScale,
  value: number,
  weight = 1,
  limit = 100,
): number | null {
  const base = averageOf(marks, method);
  const current = recommendMark(base.average, scale);
  const w = method === "PLAIN" ? 1 : weight;
  if (current === null) return w > 0 ? 1 : null;
  if (current >= scale.maxMark || value <= current || w <= 0) return null;
  const sum = (base.average ?? 0) * base.weightSum;
  for (let n = 1; n <= limit; n++) {
    const avg = (sum + n * w * value) / (base.weightSum + n * w);
    if ((recommendMark(avg, scale) ?? 0) > current) return n;
  }
  return null;
}

export type Forecast = {
  average: number | null;
  current: number | null;
  next: number | null;
  /** For each mark above the current proposal: how many of them reach `next` (null: unreachable). */
  needed: { value: number; count: number | null }[];
  /** Risk of «2» / н/а (DRY-3): the proposal is the lowest mark, or only debts and н/а are there. */
  atRisk: boolean;
};

export function forecast(marks: readonly AverageInput[], method: AveragingMethod, scale: MarkScale, weight = 1): Forecast {
  const summary = averageOf(marks, method);
  const current = recommendMark(summary.average, scale);
  const next = current === null || current >= scale.maxMark ? null : current + 1;
  const needed: Forecast["needed"] = [];
  if (next !== null) {
    for (let v = scale.maxMark; v >= next; v--) needed.push({ value: v, count: marksNeeded(marks, method, scale, v, weight) });
  }
  const atRisk = current === scale.minMark || (current === null && summary.debts + summary.notAttested + summary.fail > 0);
  return { average: summary.average, current, next, needed, atRisk };
}
