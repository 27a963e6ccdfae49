// RPT-5 «Рейтинг успешности» (students of a class ranked by the average of their current marks
// for a period or the year) and RPT-6 «Ведомость предварительной аттестации» (per student ×
// subject the month's average and the predicted period mark).
import { formatDate, monthName } from "@/lib/org/time";
import { cap, subjectTitle, vocabulary } from "@/lib/org/vocabulary";
import type { CellValue, ReportModel } from "./model";
import {
  marksBetween,
  markSettings,
  rollOn,
  signatoryFacts,
  subjectsOf,
  type ReportClass,
  type ReportPeriod,
} from "./data";
import { printingDay, type ClassSpanInput, type ReportInput } from "./scope-rules";
import { preliminary, ratingRows } from "./rating-rules";
import { periodText, reportFileName, yearShort } from "./rules";
import { signaturesFor } from "./signatures";

export function monthText(first: Date): string {
  return `${monthName(first)} ${first.getUTCFullYear()}`;
}

export async function buildRatingReport(input: ClassSpanInput): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const span = input.period ?? input.year;
  // The class as of the day of printing — the organisation's own day, not the UTC date (a day behind in the east).
  const today = printingDay(input);
  const [roll, marks, settings, signers] = await Promise.all([
    rollOn(input.organisationId, [input.cls.id], span.endDate < today ? span.endDate : today),
    marksBetween(input.organisationId, input.cls.id, span.startDate, span.endDate),
    markSettings(input.organisationId),
    signatoryFacts(input.organisationId, [input.cls.id]),
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
      { label: cap(v.class.nom), value: input.cls.name },
      input.period
        ? { label: "Период", value: periodText(input.period) }
        : { label: "Учебный год", value: input.year.name },
    ],
    orientation: "portrait",
    header: [
      { label: "Место" },
      { label: cap(v.student.nom) },
      { label: "Средний балл" },
      { label: "Отметок" },
      { label: "Из них", children: [{ label: "«5»" }, { label: "«4»" }, { label: "«3»" }, { label: "«2»" }] },
    ],
    columns: [
      { kind: "number", key: true },
      { kind: "text", key: true },
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
      `Средний балл — по всем текущим отметкам ${input.period ? "за период" : "за учебный год"} по всем ${v.subject.datPl} (${settings.method === "WEIGHTED" ? "средневзвешенный, с весами заданий" : "среднее арифметическое"}).`,
      "Равные средние баллы делят место; без отметок — без места.",
    ],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, { classId: input.cls.id }),
    fileName: reportFileName([
      "Рейтинг успешности",
      input.cls.name,
      input.period ? input.period.name : "год",
      yearShort(input.year.name),
    ]),
  };
}

export async function buildPreliminaryReport(
  input: ReportInput & { cls: ReportClass; month: Date; periods: ReportPeriod[] },
): Promise<ReportModel | null> {
  const { organisationId, cls, month } = input;
  const v = vocabulary(input.isCollege);
  const monthEnd = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 0));
  // The class's period (quarter, half-year, semester) that the month ends in, or starts in.
  const own = input.periods.filter((p) => p.kind === cls.periodKind);
  const period =
    own.find((p) => p.startDate <= monthEnd && p.endDate >= monthEnd) ??
    own.find((p) => p.startDate <= month && p.endDate >= month);
  if (!period) return null;
  const [roll, marks, settings, signers] = await Promise.all([
    rollOn(organisationId, [cls.id], monthEnd < period.endDate ? monthEnd : period.endDate),
    marksBetween(organisationId, cls.id, period.startDate, monthEnd),
    markSettings(organisationId),
    signatoryFacts(organisationId, [cls.id]),
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
      { label: cap(v.class.nom), value: cls.name },
      { label: "Месяц", value: monthText(month) },
      {
        label: "Прогноз на период",
        value: `${periodText(period)}, по отметкам на ${formatDate(monthEnd < period.endDate ? monthEnd : period.endDate)}`,
      },
    ],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: cap(v.student.nom) },
      ...subjects.map((s) => ({ label: subjectTitle(v, s, true), children: [{ label: "ср." }, { label: "пр." }] })),
    ],
    columns: [
      { kind: "number", key: true },
      { kind: "text", key: true },
      ...subjects.flatMap(() => [{ kind: "decimal" as const }, { kind: "number" as const }]),
    ],
    rows: roll.map((s, i) => [i + 1, s.fullName, ...cellsOf(s.studentId)]),
    totals: [],
    notes: [
      `${cap(v.subject.nomPl)}: ${subjects.map((s) => `${subjectTitle(v, s, true)} — ${s.name}`).join("; ")}.`,
      "ср. — средний балл текущих отметок за месяц; пр. — прогноз: рекомендуемая отметка за период по всем отметкам периода на конец месяца.",
    ],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, { classId: cls.id, deputy: true }),
    fileName: reportFileName(["Предварительная аттестация", cls.name, monthText(month), yearShort(input.year.name)]),
  };
}
