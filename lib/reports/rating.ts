// RPT-5 «Рейтинг успешности» (students of a class ranked by the average of their current marks
// for a period or the year) and RPT-6 «Ведомость предварительной аттестации» (per student ×
// subject the month's average and the predicted period mark).
import { formatDate } from "@/lib/org/time";
import type { CellValue, ReportModel } from "./model";
import {
  marksBetween,
  markSettings,
  rollOn,
  subjectsOf,
  type ReportClass,
  type ReportPeriod,
  type ReportYear,
} from "./data";
import { preliminary, ratingRows } from "./rating-rules";
import { periodText } from "./rules";

const MONTHS = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];

export function monthText(first: Date): string {
  return `${MONTHS[first.getUTCMonth()]} ${first.getUTCFullYear()}`;
}

export async function buildRatingReport(input: {
  organisationId: number;
  orgName: string;
  isCollege: boolean;
  cls: ReportClass;
  period: ReportPeriod | null;
  year: ReportYear;
  now: Date;
}): Promise<ReportModel> {
  const span = input.period ?? input.year;
  const [roll, marks, settings] = await Promise.all([
    rollOn(input.organisationId, [input.cls.id], span.endDate < input.now ? span.endDate : input.now),
    marksBetween(input.organisationId, input.cls.id, span.startDate, span.endDate),
    markSettings(input.organisationId),
  ]);
  const names = new Map(roll.map((s) => [s.studentId, s.fullName]));
  const rows = ratingRows(
    roll.map((s) => s.studentId),
    marks,
    settings.method,
  );
  return {
    title: "Рейтинг успешности",
    organisationName: input.orgName,
    parameters: [
      { label: input.isCollege ? "Группа" : "Класс", value: input.cls.name },
      input.period
        ? { label: "Период", value: periodText(input.period) }
        : { label: "Учебный год", value: input.year.name },
    ],
    orientation: "portrait",
    header: [
      { label: "Место" },
      { label: "Обучающийся" },
      { label: "Средний балл" },
      { label: "Отметок" },
      { label: "Из них", children: [{ label: "«5»" }, { label: "«4»" }, { label: "«3»" }, { label: "«2»" }] },
    ],
    columns: [
      { kind: "number" },
      { kind: "text" },
      { kind: "decimal" },
      { kind: "number" },
      ...Array.from({ length: 4 }, () => ({ kind: "number" as const })),
    ],
    rows: rows.map((r) => [
      r.place ?? "—",
      names.get(r.studentId) ?? "",
      r.average,
      r.marks,
      r.fives,
      r.fours,
      r.threes,
      r.twos,
    ]),
    totals: [],
    notes: [
      `Средний балл — по всем текущим отметкам за период по всем предметам (${settings.method === "WEIGHTED" ? "средневзвешенный, с весами заданий" : "среднее арифметическое"}).`,
      "Равные средние баллы делят место; без отметок — без места.",
    ],
    printedAt: input.now,
  };
}

export async function buildPreliminaryReport(input: {
  organisationId: number;
  orgName: string;
  isCollege: boolean;
  cls: ReportClass;
  month: Date;
  periods: ReportPeriod[];
  now: Date;
}): Promise<ReportModel | null> {
  const { organisationId, cls, month } = input;
  const monthEnd = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));
  // The class's period (quarter, half-year, semester) that the month ends in, or starts in.
  const own = input.periods.filter((p) => p.kind === cls.periodKind);
  const period =
    own.find((p) => p.startDate <= monthEnd && p.endDate >= monthEnd) ??
    own.find((p) => p.startDate <= month && p.endDate >= month);
  if (!period) return null;
  const [roll, marks, settings] = await Promise.all([
    rollOn(organisationId, [cls.id], monthEnd < period.endDate ? monthEnd : period.endDate),
    marksBetween(organisationId, cls.id, period.startDate, monthEnd),
    markSettings(organisationId),
  ]);
  const subjects = await subjectsOf(organisationId, [cls.id], [...new Set(marks.map((m) => m.subjectId))]);
  const cellsOf = (studentId: number): CellValue[] =>
    subjects.flatMap((subject) => {
      const own = marks.filter((m) => m.studentId === studentId && m.subjectId === subject.id);
      const p = preliminary(
        own.filter((m) => m.date >= month),
        own,
        settings.method,
        settings.scale,
      );
      return [p.average, p.predicted];
    });
  return {
    title: "Ведомость предварительной аттестации",
    organisationName: input.orgName,
    parameters: [
      { label: input.isCollege ? "Группа" : "Класс", value: cls.name },
      { label: "Месяц", value: monthText(month) },
      {
        label: "Прогноз на период",
        value: `${periodText(period)}, по отметкам на ${formatDate(monthEnd < period.endDate ? monthEnd : period.endDate)}`,
      },
    ],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: "Обучающийся" },
      ...subjects.map((s) => ({ label: s.shortName, children: [{ label: "ср." }, { label: "пр." }] })),
    ],
    columns: [
      { kind: "number" },
      { kind: "text" },
      ...subjects.flatMap(() => [{ kind: "decimal" as const }, { kind: "number" as const }]),
    ],
    rows: roll.map((s, i) => [i + 1, s.fullName, ...cellsOf(s.studentId)]),
    totals: [],
    notes: [
      `Предметы: ${subjects.map((s) => `${s.shortName} — ${s.name}`).join("; ")}.`,
      "ср. — средний балл текущих отметок за месяц; пр. — прогноз: рекомендуемая отметка за период по всем отметкам периода на конец месяца.",
    ],
    printedAt: input.now,
  };
}
