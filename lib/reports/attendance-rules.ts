// Figures of the attendance forms (PRN-6) as pure functions over absence rows, checked by a
// hand-computed fixture: «Сводная ведомость учёта посещаемости» by month or by discipline,
// «Посещаемость групп» and «Итоги посещаемости по специальностям». Missed = lessons (school) or
// academic hours (college) with Н, УП, НП, Б, ОТ; excused = УП + Б (as RPT-1); ОП (late) is
// counted apart and is no absence (RPT-3).
import { attendanceFigures, sumFigures, type AttendanceFigures } from "./rules";
import type { AbsenceRow } from "./data";

/** «2026-10» of a lesson date. */
export const monthKey = (d: Date): string => d.toISOString().slice(0, 7);

/** Months «ГГГГ-ММ» from the month of `from` to the month of `to`. */
export function monthsBetween(from: Date, to: Date): string[] {
  const out: string[] = [];
  let y = from.getUTCFullYear();
  let m = from.getUTCMonth();
  while (y * 12 + m <= to.getUTCFullYear() * 12 + to.getUTCMonth()) {
    out.push(`${y}-${String(m + 1).padStart(2, "0")}`);
    m += 1;
    if (m === 12) {
      m = 0;
      y += 1;
    }
  }
  return out;
}

const figuresOf = (rows: AbsenceRow[]): AttendanceFigures => attendanceFigures(rows);

/** Missed and excused (УП + Б) for one slice of rows. */
export function missedPair(rows: AbsenceRow[]): { missed: number; excused: number } {
  const f = figuresOf(rows);
  return { missed: f.missed, excused: f.excused + f.illness };
}

/** Per key (a month or a subject) the missed and excused of the rows. */
export function sliceBy(
  rows: AbsenceRow[],
  key: (r: AbsenceRow) => string | number,
): Map<string, { missed: number; excused: number }> {
  const by = new Map<string, AbsenceRow[]>();
  for (const r of rows) {
    const k = String(key(r));
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  return new Map([...by].map(([k, list]) => [k, missedPair(list)]));
}

export type GroupAttendance = AttendanceFigures & {
  roll: number;
  /** Missed per student on the roll, two decimals; null without students. */
  perStudent: number | null;
};

/** «Посещаемость групп» for a set of classes: roll, missed by reason, per student. */
export function groupAttendance(rows: AbsenceRow[], roll: number): GroupAttendance {
  const f = figuresOf(rows);
  return { ...f, roll, perStudent: roll > 0 ? Math.round((f.missed / roll) * 100) / 100 : null };
}

export function sumGroups(groups: GroupAttendance[]): GroupAttendance {
  const f = sumFigures(groups);
  const roll = groups.reduce((n, g) => n + g.roll, 0);
  return { ...f, roll, perStudent: roll > 0 ? Math.round((f.missed / roll) * 100) / 100 : null };
}
