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
//   periodOutlook(input)                → everything the finals page proposes and the diary forecasts
//                                         for one student × subject × period (FIN-2, DRY-3)
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
import { finalWord, type FinalSpecialName, type MarkKindName } from "./marks";
import { formatNumber } from "@/lib/org/vocabulary";

export type AveragingMethod = "PLAIN" | "WEIGHTED";

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
  return value === null ? "" : formatNumber(roundAverage(value), 2);
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
  return neededAfter(averageOf(marks, method), method, scale, value, weight, limit);
}

/** marksNeeded from the marks' summary (averageOf's), computed once for every value of a forecast. */
function neededAfter(
  base: MarkSummary,
  method: AveragingMethod,
  scale: MarkScale,
  value: number,
  weight: number,
  limit = 100,
): number | null {
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

export function forecast(
  marks: readonly AverageInput[],
  method: AveragingMethod,
  scale: MarkScale,
  weight = 1,
  /** averageOf(marks, method) when the caller has it (the grid's rows: issue 22 item 2). */
  summary: MarkSummary = averageOf(marks, method),
): Forecast {
  const current = recommendMark(summary.average, scale);
  const next = current === null || current >= scale.maxMark ? null : current + 1;
  const needed: Forecast["needed"] = [];
  if (next !== null) {
    for (let v = scale.maxMark; v >= next; v--)
      needed.push({ value: v, count: neededAfter(summary, method, scale, v, weight) });
  }
  const atRisk =
    current === scale.minMark || (current === null && summary.debts + summary.notAttested + summary.fail > 0);
  return { average: summary.average, current, next, needed, atRisk };
}

// ───────────── one student × subject × period: the finals proposal and the diary forecast ─────────────

/** What a final may hold (FIN-3): a mark of the scale or a special value. */
export type FinalProposal = { value: number | null; special: FinalSpecialName | null } | null;

export type OutlookInput = {
  marks: readonly AverageInput[];
  method: AveragingMethod;
  scale: MarkScale;
  /** The subject is marked «зачёт/незачёт». */
  passFail: boolean;
  /** Lessons of the period the student missed (Н, УП, НП, Б, ОТ; not ОП). */
  absences: number;
  /** Lessons of the period held so far (for the share of absences). */
  lessonsHeld: number;
};

export type Outlook = MarkSummary & {
  /** The average rounded to two decimals, as shown (null without one). */
  shown: number | null;
  /** The proposed final (FIN-2): a mark, «зачёт»/«незачёт», «н/а», or null (nothing to propose yet). */
  proposal: FinalProposal;
  /** Why «н/а» is proposed (REC-7): «нет отметок», or «только долги и «н/а»»; null for a mark or «зачёт». */
  proposalReason: string | null;
  forecast: Forecast;
  absences: number;
  lessonsHeld: number;
  /** Risk of «2» / «незачёт» (DRY-3). */
  riskFail: boolean;
  /** Risk of «н/а» (DRY-3): no counted mark while there were lessons, or debts / н/а outweigh the grades, or half the lessons missed. */
  riskNotAttested: boolean;
};

export const NO_MARKS_REASON = "нет отметок";
const BLANKS_REASON = "только долги и «н/а»";

/** Share of missed lessons from which «н/а» is at risk (documented decision: a half, as seeds 001 §5.9 leaves it to the school). */
export const ABSENCE_RISK_SHARE = 0.5;

/**
 * The one figure-set for a student's subject in a period. The journal's average, the finals page's
 * recommendation and the diary's forecast all come from here, so they always agree.
 *   • numeric subjects: the recommended mark from the shown average (recommendMark); «н/а» is proposed
 *     when lessons were held and no grade counts but debts or н/а exist;
 *   • pass/fail subjects: «зачёт» when passes are at least the fails, «незачёт» otherwise; «н/а» when only
 *     debts / н/а exist;
 *   • REC-7: no mark at all while lessons were held → «н/а» with the reason «нет отметок» (the teacher
 *     confirms it like any other recommendation).
 */
export function periodOutlook(x: OutlookInput): Outlook {
  const summary = averageOf(x.marks, x.method);
  const fc = forecast(x.marks, x.method, x.scale, 1, summary);
  const blanks = summary.debts + summary.notAttested;
  const absenceRisk = x.lessonsHeld > 0 && x.absences / x.lessonsHeld >= ABSENCE_RISK_SHARE;
  let proposal: FinalProposal = null;
  let proposalReason: string | null = null;
  let riskFail = false;
  let riskNotAttested = absenceRisk;
  if (x.passFail && summary.pass + summary.fail > 0) {
    proposal = summary.pass >= summary.fail ? { value: null, special: "PASS" } : { value: null, special: "FAIL" };
    riskFail = summary.fail >= summary.pass;
  } else if (!x.passFail && fc.current !== null) {
    proposal = { value: fc.current, special: null };
    riskFail = fc.current <= x.scale.minMark;
    if (blanks > summary.counted) riskNotAttested = true;
  } else if (blanks > 0) {
    // No grade counts (pass/fail or numeric alike), but debts or «н/а» do.
    proposal = { value: null, special: "NOT_ATTESTED" };
    proposalReason = BLANKS_REASON;
    riskNotAttested = true;
  } else if (x.lessonsHeld > 0) {
    riskNotAttested = true;
  }
  // REC-7: lessons were held and the student has no mark of any kind.
  if (proposal === null && x.lessonsHeld > 0 && x.marks.length === 0) {
    proposal = { value: null, special: "NOT_ATTESTED" };
    proposalReason = NO_MARKS_REASON;
  }
  return {
    ...summary,
    shown: summary.average === null ? null : roundAverage(summary.average),
    proposal,
    proposalReason,
    forecast: fc,
    absences: x.absences,
    lessonsHeld: x.lessonsHeld,
    riskFail,
    riskNotAttested,
  };
}

/** «5», «зачёт», «н/а», «осв.» — how a final reads. */
export function finalLabel(f: { value: number | null; special: FinalSpecialName | null } | null): string {
  if (!f) return "";
  if (f.special) return finalWord(f.special, "page");
  return f.value === null ? "" : String(f.value);
}
