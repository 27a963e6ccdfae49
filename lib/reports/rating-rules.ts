// Figures of RPT-5 «Рейтинг успешности», RPT-6 «Ведомость предварительной аттестации»,
// RPT-7 «Учёт часов» and RPT-10 «Результаты защиты ВКР» as pure functions. Averages and
// predicted marks come from lib/journal/averages.ts — the one place for them.
import {
  averageOf,
  forecast,
  roundAverage,
  type AverageInput,
  type AveragingMethod,
  type MarkScale,
} from "@/lib/journal/averages";

export type RatingRow = {
  studentId: number;
  place: number | null;
  average: number | null;
  marks: number;
  fives: number;
  fours: number;
  threes: number;
  twos: number;
};

/**
 * RPT-5: each student's average of all current marks of the span across subjects (the
 * organisation's method, shown to two decimals), ranked high to low. Equal shown averages share
 * a place and the next place is skipped (1, 1, 3); students without a counted mark get no place
 * and come last, by the input order.
 */
export function ratingRows(
  students: number[],
  marks: (AverageInput & { studentId: number })[],
  method: AveragingMethod,
): RatingRow[] {
  const by = new Map<number, AverageInput[]>();
  for (const m of marks) by.set(m.studentId, [...(by.get(m.studentId) ?? []), m]);
  const rows = students.map((studentId) => {
    const own = by.get(studentId) ?? [];
    const grades = own.filter((m) => m.kind === "GRADE" && m.value !== null);
    const count = (v: number) => grades.filter((m) => m.value === v).length;
    const avg = averageOf(own, method).average;
    return {
      studentId,
      place: null,
      average: avg === null ? null : roundAverage(avg),
      marks: grades.length,
      fives: count(5),
      fours: count(4),
      threes: count(3),
      twos: count(2),
    } as RatingRow;
  });
  const ranked = rows.filter((r) => r.average !== null).sort((a, b) => b.average! - a.average!);
  ranked.forEach((r, i) => (r.place = i > 0 && ranked[i - 1].average === r.average ? ranked[i - 1].place : i + 1));
  return [...ranked, ...rows.filter((r) => r.average === null)];
}

export type Preliminary = { average: number | null; predicted: number | null };

/**
 * RPT-6 for one student and subject: the average of the month's marks (two decimals) and the
 * predicted period mark — the recommendation from all marks of the period up to the month's end.
 */
export function preliminary(
  monthMarks: AverageInput[],
  periodMarks: AverageInput[],
  method: AveragingMethod,
  scale: MarkScale,
): Preliminary {
  const avg = averageOf(monthMarks, method).average;
  return { average: avg === null ? null : roundAverage(avg), predicted: forecast(periodMarks, method, scale).current };
}

/** RPT-7: hours per row key and day of the month (index 0 = the 1st) with the row's total. */
export function hoursGrid(
  facts: { key: string; date: Date; hours: number }[],
  days: number,
): Map<string, { perDay: number[]; total: number }> {
  const grid = new Map<string, { perDay: number[]; total: number }>();
  for (const f of facts) {
    const row = grid.get(f.key) ?? { perDay: Array.from({ length: days }, () => 0), total: 0 };
    row.perDay[f.date.getUTCDate() - 1] += f.hours;
    row.total += f.hours;
    grid.set(f.key, row);
  }
  return grid;
}

/** Days in the month of a date (UTC). */
export function daysInMonth(first: Date): number {
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
}

export type VkrFigures = {
  defended: number;
  fives: number;
  fours: number;
  threes: number;
  twos: number;
  notAdmitted: number;
  average: number | null;
  qualityPercent: number;
  successPercent: number;
};

/**
 * RPT-10: of the ВКР marks, how many «5», «4», «3», «2», н/а (not admitted / did not defend);
 * defended = graded 3–5; средний балл of the numeric marks; качество % = «4» and «5» ÷ all
 * marks × 100; успеваемость % = defended ÷ all × 100 (one decimal).
 */
export function vkrFigures(marks: { value: number | null; special: string | null }[]): VkrFigures {
  const numeric = marks.flatMap((m) => (m.special === null && m.value !== null ? [m.value] : []));
  const n = (v: number) => numeric.filter((x) => x === v).length;
  const all = marks.length;
  const defended = numeric.filter((v) => v >= 3).length;
  const pct = (x: number) => (all ? Math.round((x / all) * 1000) / 10 : 0);
  return {
    defended,
    fives: n(5),
    fours: n(4),
    threes: n(3),
    twos: numeric.filter((v) => v <= 2).length,
    notAdmitted: marks.filter((m) => m.special === "NOT_ATTESTED").length,
    average: numeric.length ? Math.round((numeric.reduce((a, b) => a + b, 0) / numeric.length) * 100) / 100 : null,
    qualityPercent: pct(n(5) + n(4)),
    successPercent: pct(defended),
  };
}
