// Figures of the reports as pure functions over plain facts (RPT-2, RPT-3), checked by
// hand-computed fixtures in tests/fixtures.
import { finalWord } from "@/lib/journal/marks";
import { formatDate } from "@/lib/org/time";
import type { CellValue, HeaderNode, ReportColumn } from "./model";

/** A period final as the report sees it: a grade, or a special value (FIN-3). */
export type FinalFact = { value: number | null; special: "NOT_ATTESTED" | "EXEMPT" | "PASS" | "FAIL" | null };

export type StudentFinals = { studentId: number; finals: FinalFact[] };

export type ProgressFigures = {
  roll: number;
  withoutFinals: number;
  excellent: number;
  good: number;
  oneThree: number;
  failing: number;
  notAttested: number;
  /** Абсолютная успеваемость, % of the roll. */
  successPercent: number;
  /** Качество знаний, % of the roll. */
  qualityPercent: number;
  /** Mean of all numeric finals, null when there are none. */
  averageMark: number | null;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * «Итоги успеваемости» (RPT-2). Each student on the roll at the period's end is counted once by
 * their finals in all subjects:
 * - отличник: every numeric final is 5 (зачёт / освобождён count as passed);
 * - хорошист: every numeric final is 4 or 5, at least one 4;
 * - с одной «3»: exactly one 3, every other numeric final 4 or 5;
 * - неуспевающий: at least one 2 or «незачёт»; н/а: at least one «не аттестован»;
 * - успеваемость % = students with finals and no 2 / незачёт / н/а ÷ roll × 100;
 *   качество % = students with finals all 4 or 5 (passes allowed) ÷ roll × 100;
 * - средний балл = mean of all numeric finals; зачёт and освобождён are left out.
 * A student with no finals at all is counted in the roll and as «без итоговых отметок», never
 * as successful (a class with no finals must not show 100 %).
 */
export function progressFigures(students: StudentFinals[]): ProgressFigures {
  let withoutFinals = 0,
    excellent = 0,
    good = 0,
    oneThree = 0,
    failing = 0,
    notAttested = 0,
    successful = 0,
    quality = 0;
  let sum = 0,
    count = 0;
  for (const { finals } of students) {
    if (finals.length === 0) {
      withoutFinals++;
      continue;
    }
    const numeric = finals.flatMap((f) => (f.value !== null && f.special === null ? [f.value] : []));
    sum += numeric.reduce((a, b) => a + b, 0);
    count += numeric.length;
    const hasNa = finals.some((f) => f.special === "NOT_ATTESTED");
    const hasFail = finals.some((f) => f.special === "FAIL") || numeric.some((v) => v <= 2);
    if (hasNa) notAttested++;
    if (hasFail) failing++;
    if (hasNa || hasFail) continue;
    successful++;
    const threes = numeric.filter((v) => v === 3).length;
    if (threes === 0) {
      quality++;
      if (numeric.every((v) => v === 5)) excellent++;
      else good++;
    } else if (threes === 1) {
      oneThree++;
    }
  }
  return progressShares({
    roll: students.length,
    withoutFinals,
    excellent,
    good,
    oneThree,
    failing,
    notAttested,
    successful,
    quality,
    markSum: sum,
    markCount: count,
  });
}

/**
 * The counts behind RPT-2's figures: the students of each kind, the successful and quality ones
 * (the numerators of the shares) and the sum and number of numeric finals (the mean's parts). Sums
 * of counts are counts again: a territory's figures (REG-2) are these summed over organisations.
 */
export type ProgressCounts = Pick<
  ProgressFigures,
  "roll" | "withoutFinals" | "excellent" | "good" | "oneThree" | "failing" | "notAttested"
> & { successful: number; quality: number; markSum: number; markCount: number };

/** RPT-2's shares and mean from the counts: успеваемость and качество % of the roll, средний балл. */
export function progressShares(c: ProgressCounts): ProgressFigures {
  const { roll, withoutFinals, excellent, good, oneThree, failing, notAttested } = c;
  return {
    roll,
    withoutFinals,
    excellent,
    good,
    oneThree,
    failing,
    notAttested,
    successPercent: roll ? round1((c.successful / roll) * 100) : 0,
    qualityPercent: roll ? round1((c.quality / roll) * 100) : 0,
    averageMark: c.markCount ? Math.round((c.markSum / c.markCount) * 100) / 100 : null,
  };
}

/** RPT-2's figures as a report row's cells, in the order of progressFigureHeader. */
export function progressFigureCells(f: ProgressFigures): CellValue[] {
  return [
    f.roll,
    f.excellent,
    f.good,
    f.oneThree,
    f.failing,
    f.notAttested,
    f.withoutFinals,
    f.successPercent,
    f.qualityPercent,
    f.averageMark,
  ];
}

/** RPT-2's figures' header after the key columns; `students` is the capitalised genitive plural («Обучающихся»). */
export function progressFigureHeader(students: string): HeaderNode[] {
  return [
    { label: `${students} на конец периода` },
    { label: "Отличники" },
    { label: "Хорошисты" },
    { label: "С одной «3»" },
    { label: "Неуспевающие" },
    { label: "Не аттестованы (н/а)" },
    { label: "Без итоговых отметок" },
    {
      label: "Показатели",
      children: [{ label: "Успеваемость, %" }, { label: "Качество, %" }, { label: "Средний балл" }],
    },
  ];
}

/** RPT-3's attendance figures' header: the missed lessons (`missed` heads them) by reason, then the late arrivals. */
export function attendanceFigureHeader(missed: string): HeaderNode[] {
  return [
    {
      label: missed,
      children: [
        { label: "Всего" },
        { label: "По уважительной причине (УП)" },
        { label: "По неуважительной причине (НП)" },
        { label: "По болезни (Б)" },
        { label: "Причина не указана (Н, ОТ)" },
      ],
    },
    { label: "Опозданий (ОП)" },
  ];
}

/** `count` report columns of one kind (a register's run of text columns). */
export function columnsOf(kind: ReportColumn["kind"], count: number): ReportColumn[] {
  return Array.from({ length: count }, () => ({ kind }));
}

/** RPT-2's figures' columns, one per leaf of progressFigureHeader. */
export const PROGRESS_FIGURE_COLUMNS: ReportColumn[] = [
  ...columnsOf("number", 7),
  { kind: "percent" },
  { kind: "percent" },
  { kind: "decimal" },
];

export type AbsenceFact = { code: "N" | "UP" | "NP" | "B" | "OT" | "OP"; hours: number };

export type AttendanceFigures = {
  missed: number;
  excused: number;
  unexcused: number;
  illness: number;
  unknown: number;
  late: number;
};

/**
 * «Посещаемость» (RPT-3) for one student: lessons (school) or academic hours (college) missed in
 * total and by reason. УП — excused, НП — unexcused, Б — illness, Н and ОТ — reason not (yet)
 * known; ОП (late) is counted apart and is not a missed lesson.
 */
export function attendanceFigures(absences: AbsenceFact[]): AttendanceFigures {
  const f: AttendanceFigures = { missed: 0, excused: 0, unexcused: 0, illness: 0, unknown: 0, late: 0 };
  for (const a of absences) {
    if (a.code === "OP") {
      f.late += 1;
      continue;
    }
    f.missed += a.hours;
    if (a.code === "UP") f.excused += a.hours;
    else if (a.code === "NP") f.unexcused += a.hours;
    else if (a.code === "B") f.illness += a.hours;
    else f.unknown += a.hours;
  }
  return f;
}

export function sumFigures(rows: AttendanceFigures[]): AttendanceFigures {
  return rows.reduce(
    (t, r) => ({
      missed: t.missed + r.missed,
      excused: t.excused + r.excused,
      unexcused: t.unexcused + r.unexcused,
      illness: t.illness + r.illness,
      unknown: t.unknown + r.unknown,
      late: t.late + r.late,
    }),
    { missed: 0, excused: 0, unexcused: 0, illness: 0, unknown: 0, late: 0 },
  );
}

/** How a final reads in a summary sheet: the grade, or н/а, осв., зач., незач. (FIN-3). */
export function finalLabel(f: FinalFact): number | string {
  return f.special ? finalWord(f.special, "sheet") : (f.value ?? "");
}

/** Mean of a student's numeric finals to two decimals (зачёт, осв. left out), null if none. */
export function meanOfFinals(finals: FinalFact[]): number | null {
  const numeric = finals.flatMap((f) => (f.special === null && f.value !== null ? [f.value] : []));
  return numeric.length ? Math.round((numeric.reduce((a, b) => a + b, 0) / numeric.length) * 100) / 100 : null;
}

export type SubjectFailure = {
  subjectId: number;
  finals: number;
  failing: number;
  notAttested: number;
  failingPercent: number;
};

/**
 * «Неуспеваемость по дисциплинам» (RPT-4): per subject the finals set, how many are «2» /
 * «незачёт», how many н/а, and the failing share (2 + незачёт + н/а) of the finals; ranked by
 * that share, then by count, so the worst subject comes first.
 */
export function subjectFailures(
  finals: { subjectId: number; value: number | null; special: FinalFact["special"] }[],
): SubjectFailure[] {
  const by = new Map<number, SubjectFailure>();
  for (const f of finals) {
    const s = by.get(f.subjectId) ?? {
      subjectId: f.subjectId,
      finals: 0,
      failing: 0,
      notAttested: 0,
      failingPercent: 0,
    };
    s.finals++;
    if (f.special === "NOT_ATTESTED") s.notAttested++;
    else if (f.special === "FAIL" || (f.special === null && f.value !== null && f.value <= 2)) s.failing++;
    by.set(f.subjectId, s);
  }
  return [...by.values()]
    .map((s) => ({ ...s, failingPercent: s.finals ? round1(((s.failing + s.notAttested) / s.finals) * 100) : 0 }))
    .sort(
      (a, b) =>
        b.failingPercent - a.failingPercent ||
        b.failing + b.notAttested - (a.failing + a.notAttested) ||
        a.subjectId - b.subjectId,
    );
}

/** «1 четверть (01.09.2026 — 23.10.2026)»: a period as the reports' parameters show it. */
export function periodText(p: { name: string; startDate: Date; endDate: Date }): string {
  return `${p.name} (${formatDate(p.startDate)} — ${formatDate(p.endDate)})`;
}

/**
 * «Решение педсовета» (RPT-1, year): переведён в N класс (college: на N курс), переведён в N класс
 * условно, оставлен на повторное обучение, выбыл, окончил. Empty when none is recorded yet.
 */
export function decisionLabel(
  d:
    | {
        decision: "PROMOTED" | "CONDITIONAL" | "REPEAT" | "LEFT" | "GRADUATED";
        toGrade: number | null;
        date?: Date | null;
      }
    | undefined,
  isCollege: boolean,
): string {
  if (!d) return "";
  if (d.decision === "LEFT") return d.date ? `выбыл ${formatDate(d.date)}` : "выбыл";
  const to = d.toGrade === null ? "" : isCollege ? ` на ${d.toGrade} курс` : ` в ${d.toGrade} класс`;
  switch (d.decision) {
    case "PROMOTED":
      return `переведён${to}`;
    case "CONDITIONAL":
      return `переведён${to} условно`;
    case "REPEAT":
      return "оставлен на повторное обучение";
    case "GRADUATED":
      return "окончил";
  }
}

/** «2026/2027» → «2026-27» (file names, PRN-10). */
export function yearShort(name: string): string {
  const m = /^(\d{4})\D+\d{2}(\d{2})$/.exec(name.trim());
  return m ? `${m[1]}-${m[2]}` : name.replace(/\//g, "-");
}

/** A short, readable file name without the extension (PRN-10): «Итоги успеваемости 7А 2 четверть 2026-27». */
export function reportFileName(parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => Boolean(p && p.trim()))
    .join(" ")
    .replace(/[\\/:*?"<>|«»]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 120);
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

/** A period's column head on the summary sheet: I–IV for quarters, I–II for half-years and semesters. */
export function periodNumeral(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}

/** «переведён в 8 класс; приказ № 12 от 28.05.2027»: the decision with its order (REC-4, as stored). */
export function decisionWithOrder(
  d:
    | {
        decision: "PROMOTED" | "CONDITIONAL" | "REPEAT" | "LEFT" | "GRADUATED";
        toGrade: number | null;
        orderNumber?: string | null;
        orderDate?: Date | null;
      }
    | undefined,
  isCollege: boolean,
): string {
  const label = decisionLabel(d, isCollege);
  if (!d || !label || !d.orderNumber) return label;
  return `${label}; приказ № ${d.orderNumber}${d.orderDate ? ` от ${formatDate(d.orderDate)}` : ""}`;
}

export type FinalsFigures = {
  count: number;
  fives: number;
  fours: number;
  threes: number;
  /** «2» and «незачёт». */
  twos: number;
  notAttested: number;
  /** «зачёт» and «освобождён». */
  passes: number;
  successPercent: number | null;
  qualityPercent: number | null;
  average: number | null;
};

/**
 * Finals of one discipline (PRN-7): how many of each mark; успеваемость % = finals without «2»,
 * «незачёт» and н/а ÷ all finals × 100; качество % = «4» and «5» ÷ the numeric finals × 100 (none
 * for a pass/fail discipline); средний балл of the numeric finals. Null figures without finals.
 */
export function finalsFigures(finals: FinalFact[]): FinalsFigures {
  const numeric = finals.flatMap((f) => (f.special === null && f.value !== null ? [f.value] : []));
  const n = (v: number) => numeric.filter((x) => x === v).length;
  const twos = numeric.filter((x) => x <= 2).length + finals.filter((f) => f.special === "FAIL").length;
  const notAttested = finals.filter((f) => f.special === "NOT_ATTESTED").length;
  const count = finals.length;
  return {
    count,
    fives: n(5),
    fours: n(4),
    threes: n(3),
    twos,
    notAttested,
    passes: finals.filter((f) => f.special === "PASS" || f.special === "EXEMPT").length,
    successPercent: count ? round1(((count - twos - notAttested) / count) * 100) : null,
    qualityPercent: numeric.length ? round1(((n(5) + n(4)) / numeric.length) * 100) : null,
    average: numeric.length ? Math.round((numeric.reduce((a, b) => a + b, 0) / numeric.length) * 100) / 100 : null,
  };
}

/**
 * The period preselected on the report forms (PRN-10): of the kind most classes use, the one that
 * holds `today`; else the last that ended before it; else the first. Null without periods.
 */
export function currentPeriodId(
  periods: { id: number; kind: string; startDate: Date; endDate: Date }[],
  classes: { periodKind: string }[],
  today: Date,
): number | null {
  const counts = new Map<string, number>();
  for (const c of classes) counts.set(c.periodKind, (counts.get(c.periodKind) ?? 0) + 1);
  const kind = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = periods.filter((p) => p.kind === kind);
  const list = own.length ? own : periods;
  const t = today.getTime();
  return (
    list.find((p) => p.startDate.getTime() <= t && p.endDate.getTime() >= t)?.id ??
    [...list].filter((p) => p.endDate.getTime() < t).sort((a, b) => b.endDate.getTime() - a.endDate.getTime())[0]?.id ??
    list[0]?.id ??
    null
  );
}

/**
 * The protocols of the council's decisions on a sheet (REC-4), oldest first, for its notes:
 * «Решение педсовета: протокол № 5 от 28.05.2026» or, with several, each with its count.
 */
export function protocolNotes(decisions: Iterable<{ protocolNumber?: string | null; protocolDate?: Date | null }>): {
  note: string | null;
  several: boolean;
} {
  const by = new Map<string, { number: string; date: Date; count: number }>();
  for (const d of decisions) {
    if (!d.protocolNumber || !d.protocolDate) continue;
    const key = `${d.protocolDate.toISOString()}|${d.protocolNumber}`;
    const entry = by.get(key) ?? { number: d.protocolNumber, date: d.protocolDate, count: 0 };
    entry.count++;
    by.set(key, entry);
  }
  const list = [...by.values()].sort((a, b) => a.date.getTime() - b.date.getTime() || a.number.localeCompare(b.number));
  if (list.length === 0) return { note: null, several: false };
  if (list.length === 1)
    return { note: `Решение педсовета: протокол № ${list[0].number} от ${formatDate(list[0].date)}.`, several: false };
  return {
    note: `Решения педсовета: ${list.map((p) => `протокол № ${p.number} от ${formatDate(p.date)} (${p.count})`).join("; ")}.`,
    several: true,
  };
}
