// Curriculum totals and the comparison with the teacher load (ORG-6), as pure functions.
// Curriculum hours are per period (no period = the whole year); тарификация gives hours per
// week and, optionally, per year. The comparison is made per year: planned = the sum of the
// class × subject's curriculum rows; assigned = the load's hours per year, or hours per week ×
// the class's study weeks when no yearly figure is set. A subject taught in subgroups must be
// covered for every subgroup, so its assigned figure is whole-class hours plus the least
// covered subgroup's hours.

export type PlanItem = { classId: number; subjectId: number; periodId: number | null; hours: number };
export type LoadItem = {
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  hoursPerWeek: number;
  hoursPerYear: number | null;
};

/** Column key of a curriculum row: the period's id, or "year" for rows without a period. */
export type PeriodKey = number | "year";

export type CurriculumGrid = {
  /** row (class by default, or subject) → period → hours, with the row's total over all periods. */
  rows: Map<number, { byPeriod: Map<PeriodKey, number>; total: number }>;
  /** period → hours over all classes. */
  byPeriod: Map<PeriodKey, number>;
  total: number;
};

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Totals per row × period; rows are classes unless `rowOf` says otherwise (e.g. subjects of one class). */
export function curriculumGrid(
  items: readonly PlanItem[],
  rowOf: (it: PlanItem) => number = (it) => it.classId,
): CurriculumGrid {
  const rows: CurriculumGrid["rows"] = new Map();
  const byPeriod = new Map<PeriodKey, number>();
  let total = 0;
  for (const it of items) {
    const key: PeriodKey = it.periodId ?? "year";
    const row = rowOf(it);
    const c = rows.get(row) ?? { byPeriod: new Map<PeriodKey, number>(), total: 0 };
    c.byPeriod.set(key, round1((c.byPeriod.get(key) ?? 0) + it.hours));
    c.total = round1(c.total + it.hours);
    rows.set(row, c);
    byPeriod.set(key, round1((byPeriod.get(key) ?? 0) + it.hours));
    total = round1(total + it.hours);
  }
  return { rows, byPeriod, total };
}

/** Study weeks of a set of periods: their calendar days outside holidays, in weeks, rounded. */
export function studyWeeks(
  periods: readonly { startDate: Date; endDate: Date }[],
  holidays: readonly { startDate: Date; endDate: Date }[],
): number {
  const DAY = 86_400_000;
  let days = 0;
  for (const p of periods) {
    for (let t = p.startDate.getTime(); t <= p.endDate.getTime(); t += DAY) {
      if (!holidays.some((h) => h.startDate.getTime() <= t && t <= h.endDate.getTime())) days += 1;
    }
  }
  return Math.round(days / 7);
}

export type LoadStatus = "ok" | "unassigned" | "under" | "over" | "notInPlan";
export type LoadComparison = {
  classId: number;
  subjectId: number;
  planned: number;
  assigned: number;
  difference: number;
  status: LoadStatus;
};

/** Differences below this many hours a year are rounding, not a gap. */
export const LOAD_TOLERANCE = 1;

function yearlyHours(l: LoadItem, weeks: number): number {
  return l.hoursPerYear ?? l.hoursPerWeek * weeks;
}

/** One row per class × subject found in either the curriculum or the load, gaps flagged. */
export function compareWithLoad(
  items: readonly PlanItem[],
  loads: readonly LoadItem[],
  weeksOfClass: (classId: number) => number,
): LoadComparison[] {
  const key = (classId: number, subjectId: number) => `${classId}:${subjectId}`;
  const planned = new Map<string, number>();
  for (const it of items)
    planned.set(key(it.classId, it.subjectId), (planned.get(key(it.classId, it.subjectId)) ?? 0) + it.hours);
  const whole = new Map<string, number>();
  const bySubgroup = new Map<string, Map<number, number>>();
  for (const l of loads) {
    const k = key(l.classId, l.subjectId);
    const h = yearlyHours(l, weeksOfClass(l.classId));
    if (l.subgroupId === null) whole.set(k, (whole.get(k) ?? 0) + h);
    else {
      const m = bySubgroup.get(k) ?? new Map<number, number>();
      m.set(l.subgroupId, (m.get(l.subgroupId) ?? 0) + h);
      bySubgroup.set(k, m);
    }
  }
  const keys = new Set([...planned.keys(), ...whole.keys(), ...bySubgroup.keys()]);
  const out: LoadComparison[] = [];
  for (const k of keys) {
    const [classId, subjectId] = k.split(":").map(Number);
    const plan = round1(planned.get(k) ?? 0);
    const sub = bySubgroup.get(k);
    const assigned = round1((whole.get(k) ?? 0) + (sub && sub.size > 0 ? Math.min(...sub.values()) : 0));
    const difference = round1(assigned - plan);
    let status: LoadStatus = "ok";
    if (!planned.has(k)) status = "notInPlan";
    else if (assigned === 0 && plan > 0) status = "unassigned";
    else if (difference <= -LOAD_TOLERANCE) status = "under";
    else if (difference >= LOAD_TOLERANCE) status = "over";
    out.push({ classId, subjectId, planned: plan, assigned, difference, status });
  }
  return out.sort((a, b) => a.classId - b.classId || a.subjectId - b.subjectId);
}

export const LOAD_STATUS_LABELS: Record<LoadStatus, string> = {
  ok: "совпадает",
  unassigned: "учитель не назначен",
  under: "часов в тарификации меньше",
  over: "часов в тарификации больше",
  notInPlan: "нет в учебном плане",
};
