// REG-2: the figures of the territory report as pure functions over the per-organisation counts the
// SQL aggregates return (lib/region/data.ts). Every figure of a row is a count or is recomputed from
// counts, so the territory's row is the sum of the organisations' counts with its shares and means
// recomputed from the summed numerators and denominators — never an average of percentages.
// The definitions are the organisations' own reports': RPT-2 (lib/reports/rules.ts progressShares),
// RPT-3 (attendanceFigures' codes), CTL-1 / DUT-1 (slotDensity, sharePercent), RPT-9
// (contingent-rules) and REG-3's objectivity indicator (lib/external/rules.ts markComparison,
// differingShare).
import { slotDensity } from "@/lib/control/rules";
import { sharePercent } from "@/lib/control/deadline/rules";
import { differingShare, markComparison } from "@/lib/external/rules";
import { ZERO_CONTINGENT_FIGURES, type ContingentFigures } from "@/lib/reports/contingent-rules";
import type { CellValue } from "@/lib/reports/model";
import {
  progressFigureCells,
  progressShares,
  sumFigures,
  type AttendanceFigures,
  type ProgressCounts,
} from "@/lib/reports/rules";

export const TERRITORY_KINDS = ["progress", "attendance", "fill", "contingent"] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];

/** Sums the numeric fields of count records field by field (missing rows count as zeros). */
export function sumCounts<T extends Record<string, number>>(rows: readonly T[], zero: T): T {
  const out = { ...zero };
  for (const r of rows) for (const k of Object.keys(zero) as (keyof T)[]) out[k] = (out[k] + r[k]) as T[keyof T];
  return out;
}

// ---- progress (RPT-2) and REG-3's objectivity indicator -------------------------------------

export const ZERO_PROGRESS: ProgressCounts = {
  roll: 0,
  withoutFinals: 0,
  excellent: 0,
  good: 0,
  oneThree: 0,
  failing: 0,
  notAttested: 0,
  successful: 0,
  quality: 0,
  markSum: 0,
  markCount: 0,
};

/** External results compared with the year marks (REG-3): lower / same / higher, and all results. */
export type Objectivity = { results: number; lower: number; same: number; higher: number };
export const ZERO_OBJECTIVITY: Objectivity = { results: 0, lower: 0, same: 0, higher: 0 };

/** One (external mark, year mark) pair of an organisation with the number of results that have it. */
export type MarkPair = { examMark: number | null; yearMark: number | null; results: number };

/** Tallies the pairs by lib/external's one rule (markComparison): results without either mark are not compared. */
export function objectivityOf(pairs: readonly MarkPair[]): Objectivity {
  const o = { ...ZERO_OBJECTIVITY };
  for (const p of pairs) {
    o.results += p.results;
    const side = markComparison(p.examMark, p.yearMark);
    if (side) o[side] += p.results;
  }
  return o;
}

/** The progress kind's figures after the name: RPT-2's, then the objectivity indicator. */
export function progressCells(c: ProgressCounts, o: Objectivity): CellValue[] {
  const f = progressShares(c);
  const share = differingShare(o);
  return [
    ...progressFigureCells(f),
    o.results,
    o.lower + o.same + o.higher,
    o.lower,
    o.higher,
    share === null ? null : Math.round(share * 1000) / 10,
  ];
}

// ---- attendance (RPT-3) -----------------------------------------------------------------------

/** RPT-3's figures of an organisation and its roll on the range's last day (the per-student figure's base). */
export type AttendanceCounts = AttendanceFigures & { roll: number };
export const ZERO_ATTENDANCE: AttendanceCounts = {
  roll: 0,
  missed: 0,
  excused: 0,
  unexcused: 0,
  illness: 0,
  unknown: 0,
  late: 0,
};

/** Missed lessons (hours) per student on the roll, to hundredths; null without a roll. */
export function perStudent(missed: number, roll: number): number | null {
  return roll > 0 ? Math.round((missed / roll) * 100) / 100 : null;
}

export function attendanceCells(c: AttendanceCounts): CellValue[] {
  const f = sumFigures([c]);
  return [c.roll, f.missed, f.excused, f.unexcused, f.illness, f.unknown, f.late, perStudent(f.missed, c.roll)];
}

// ---- journal fill (CTL-1, DUT-1) ---------------------------------------------------------------

/**
 * Held lessons; of them those due by the daily deadline (filled, or deadline passed) and those filled
 * on time (DUT-1); without a topic (CTL-1); marks on them and the student-lessons (Σ roll × lessons)
 * that are the density's base (CTL-1 «накопляемость»).
 */
export type FillCounts = {
  lessons: number;
  due: number;
  onTime: number;
  noTopic: number;
  marks: number;
  slots: number;
};
export const ZERO_FILL: FillCounts = { lessons: 0, due: 0, onTime: 0, noTopic: 0, marks: 0, slots: 0 };

export function fillCells(c: FillCounts): CellValue[] {
  return [c.lessons, c.due, c.onTime, sharePercent(c), c.noTopic, c.marks, slotDensity(c.marks, c.slots)];
}

// ---- contingent (RPT-9) ------------------------------------------------------------------------

export type ContingentCounts = ContingentFigures & { classes: number };
export const ZERO_CONTINGENT: ContingentCounts = { classes: 0, ...ZERO_CONTINGENT_FIGURES };

export function contingentCells(c: ContingentCounts): CellValue[] {
  return [
    c.atStart,
    c.arrived,
    c.transferredIn,
    c.left,
    c.transferredOut,
    c.atEnd,
    c.boysAtEnd,
    c.girlsAtEnd,
    c.classes,
    c.classes > 0 ? Math.round((c.atEnd / c.classes) * 100) / 100 : null,
  ];
}
