// DAY-5: the pictures of the diary, the student card and the class page as pure functions — scales,
// the marks-over-time geometry, attendance by month and a work's distribution with its privacy rule.
// The components in components/charts draw plain server-rendered SVG from these (no browser needed).

/** A work's distribution is shown only when at least this many marks make it (no single child stands out). */
export const MIN_MARKS_FOR_DISTRIBUTION = 5;

/** A linear map of [d0, d1] onto [r0, r1]; an empty domain (d0 = d1) maps to the middle of the range. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  if (d0 === d1) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v: number) => r0 + (v - d0) * k;
}

/** Rounds to 0.1 px so the SVG stays short and stable. */
const px = (v: number) => Math.round(v * 10) / 10;

export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };

export const MARKS_BOX: ChartBox = { width: 320, height: 120, left: 22, right: 8, top: 8, bottom: 18 };

export type TimelinePoint = { x: number; y: number; value: number; date: Date };

export type Timeline = {
  /** The student's marks as dots. */
  points: TimelinePoint[];
  /** The student's running average as a polyline («x,y x,y»); "" with fewer than two marks. */
  average: string;
  /** The class's running average as a polyline; "" when it has fewer than two points. */
  classAverage: string;
  /** Horizontal grid lines with their labels (the mark scale). */
  yTicks: { y: number; label: string }[];
  /** Where the first and last day of the span sit on the x axis. */
  xTicks: { x: number; date: Date }[];
};

/** What «marks over time» is drawn from (the chart component's props less its title). */
export type MarksTimelineInput = {
  from: Date;
  to: Date;
  min: number;
  max: number;
  marks: { date: Date; value: number; running: number | null }[];
  classAverage: { date: Date; value: number }[];
};

/**
 * The geometry of «marks over time» for one subject: x — the date within [from, to], y — the mark on
 * the scale [min, max] (higher marks higher up). `running` are the student's running averages (one per
 * mark, null before there is one); `classAverage` the class's running average by date.
 */
export function marksTimeline(input: MarksTimelineInput & { box?: ChartBox }): Timeline {
  const box = input.box ?? MARKS_BOX;
  const x = linearScale(input.from.getTime(), input.to.getTime(), box.left, box.width - box.right);
  const y = linearScale(input.min, input.max, box.height - box.bottom, box.top);
  const clampX = (d: Date) => px(x(Math.min(Math.max(d.getTime(), input.from.getTime()), input.to.getTime())));
  const points = input.marks.map((m) => ({ x: clampX(m.date), y: px(y(m.value)), value: m.value, date: m.date }));
  const line = (pts: { date: Date; value: number }[]) =>
    pts.length < 2 ? "" : pts.map((p) => `${clampX(p.date)},${px(y(p.value))}`).join(" ");
  const running = input.marks.flatMap((m) => (m.running === null ? [] : [{ date: m.date, value: m.running }]));
  const yTicks: Timeline["yTicks"] = [];
  for (let v = input.min; v <= input.max; v++) yTicks.push({ y: px(y(v)), label: String(v) });
  return {
    points,
    average: line(running),
    classAverage: line(input.classAverage),
    yTicks,
    xTicks: [
      { x: px(x(input.from.getTime())), date: input.from },
      { x: px(x(input.to.getTime())), date: input.to },
    ],
  };
}

/**
 * The class's running average by date from its marks per date (sum and count of the day's marks),
 * starting only once MIN_MARKS_FOR_DISTRIBUTION marks make it — an average of one or two marks would
 * show a classmate's mark.
 */
export function classRunningAverage(
  days: { date: Date; sum: number; count: number }[],
): { date: Date; value: number }[] {
  const sorted = [...days].sort((a, b) => a.date.getTime() - b.date.getTime());
  let sum = 0;
  let count = 0;
  const out: { date: Date; value: number }[] = [];
  for (const d of sorted) {
    sum += d.sum;
    count += d.count;
    if (count >= MIN_MARKS_FOR_DISTRIBUTION) out.push({ date: d.date, value: Math.round((sum / count) * 100) / 100 });
  }
  return out;
}

export type Distribution = { counts: { value: number; count: number }[]; total: number; max: number };

/**
 * How a work's marks spread over the scale (every value of [min, max], zeros included); null when
 * fewer than MIN_MARKS_FOR_DISTRIBUTION marks were given — the privacy rule of DAY-5.
 */
export function distributionOf(values: readonly number[], min: number, max: number): Distribution | null {
  const marks = values.filter((v) => Number.isInteger(v) && v >= min && v <= max);
  if (marks.length < MIN_MARKS_FOR_DISTRIBUTION) return null;
  const counts: Distribution["counts"] = [];
  for (let v = min; v <= max; v++) counts.push({ value: v, count: marks.filter((m) => m === v).length });
  return { counts, total: marks.length, max: Math.max(...counts.map((c) => c.count)) };
}

const MONTHS = ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];
/** Excused absences: a reason given (уважительная, болезнь). The rest of the absence codes count as unexcused. */
const EXCUSED = new Set(["UP", "B"]);

export type MonthAbsences = { key: string; label: string; excused: number; unexcused: number };

/**
 * Absences by month over [from, to] (every month of the span, empty ones included); lateness (ОП) is
 * not an absence.
 */
export function absencesByMonth(rows: { date: Date; code: string }[], from: Date, to: Date): MonthAbsences[] {
  const months: MonthAbsences[] = [];
  const index = new Map<string, MonthAbsences>();
  for (
    let y = from.getUTCFullYear(), m = from.getUTCMonth();
    y < to.getUTCFullYear() || (y === to.getUTCFullYear() && m <= to.getUTCMonth());
    m === 11 ? ((m = 0), y++) : m++
  ) {
    const key = `${y}-${String(m + 1).padStart(2, "0")}`;
    const month = { key, label: MONTHS[m], excused: 0, unexcused: 0 };
    months.push(month);
    index.set(key, month);
  }
  for (const r of rows) {
    if (r.code === "OP") continue;
    const month = index.get(r.date.toISOString().slice(0, 7));
    if (!month) continue;
    if (EXCUSED.has(r.code)) month.excused++;
    else month.unexcused++;
  }
  return months;
}

export type Bar = { x: number; width: number; parts: { y: number; height: number }[]; label: string };

/**
 * Vertical bars for stacked counts (each bar's parts bottom-up) in a box; the value axis runs from 0
 * to the largest total (at least 1, so an empty chart draws flat bars, not NaN).
 */
export function stackedBars(
  bars: { label: string; parts: number[] }[],
  box: ChartBox,
): { bars: Bar[]; top: number; yOf: (v: number) => number } {
  const top = Math.max(1, ...bars.map((b) => b.parts.reduce((s, p) => s + p, 0)));
  const yOf = linearScale(0, top, box.height - box.bottom, box.top);
  const inner = box.width - box.left - box.right;
  const slot = bars.length === 0 ? inner : inner / bars.length;
  const width = px(Math.max(2, slot * 0.7));
  return {
    top,
    yOf: (v) => px(yOf(v)),
    bars: bars.map((b, i) => {
      let base = 0;
      const parts = b.parts.map((p) => {
        const y0 = yOf(base);
        base += p;
        const y1 = yOf(base);
        return { y: px(y1), height: px(y0 - y1) };
      });
      return { x: px(box.left + i * slot + (slot - width) / 2), width, parts, label: b.label };
    }),
  };
}

/** A subject's GRADE marks as chart points (specials such as «н/а» and pass/fail are not on the scale). */
export function gradePoints(
  marks: readonly { kind: string; value: number | null; date: Date; running: number | null }[],
): { date: Date; value: number; running: number | null }[] {
  return marks.flatMap((m) =>
    m.kind === "GRADE" && typeof m.value === "number" ? [{ date: m.date, value: m.value, running: m.running }] : [],
  );
}
