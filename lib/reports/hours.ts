// RPT-7 «Учёт часов преподавателя»: № 1 — one teacher for a month, hours given per class ×
// subject per day; № 2 — one class/group for a month, hours per subject and teacher per day.
// Counted: lessons not cancelled, dated up to the day of printing; a substituted lesson counts
// for the substitute.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { CellValue, ReportModel } from "./model";
import { hoursBetween, signatoryFacts, type HourFact, type ReportClass } from "./data";
import { printingDay, type ReportInput } from "./scope-rules";
import { daysInMonth, hoursGrid } from "./rating-rules";
import { monthText } from "./rating";
import { reportFileName, yearShort } from "./rules";
import { signaturesFor, type SignPlan } from "./signatures";
import { compareRuNumeric } from "@/lib/org/collation";

/** The month's days up to the day of printing (`today`: the organisation's, printingDay). */
function monthSpan(month: Date, today: Date): { from: Date; to: Date; days: number } {
  const days = daysInMonth(month);
  const end = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), days));
  return { from: month, to: end < today ? end : today, days };
}

function gridModel(facts: HourFact[], days: number, label: (f: HourFact) => [string, string]) {
  const keyed = facts.map((f) => ({ ...f, key: label(f).join("\u0000") }));
  const grid = hoursGrid(keyed, days);
  // Natural order: 7А before 11Б (the first part of a key is the class, or the subject).
  const keys = [...grid.keys()].sort(compareRuNumeric);
  const dayCells = (perDay: number[]): CellValue[] => perDay.map((h) => (h === 0 ? null : h));
  const rows: CellValue[][] = keys.map((k) => [
    ...k.split("\u0000"),
    ...dayCells(grid.get(k)!.perDay),
    grid.get(k)!.total,
  ]);
  const sum = Array.from({ length: days }, (_, d) => keys.reduce((s, k) => s + grid.get(k)!.perDay[d], 0));
  const totals: CellValue[][] = keys.length ? [["Итого", "", ...dayCells(sum), sum.reduce((a, b) => a + b, 0)]] : [];
  const dayColumns = Array.from({ length: days }, (_, d) => ({ label: String(d + 1) }));
  return { rows, totals, dayColumns };
}

const columns = (days: number) => [
  { kind: "text" as const, key: true },
  { kind: "text" as const, key: true },
  ...Array.from({ length: days }, () => ({ kind: "number" as const })),
  { kind: "number" as const },
];

type HoursInput = ReportInput & { month: Date };

/** One form of RPT-7: the month's hours of `by` per pair of keys (`label`) per day. */
async function hoursReport(
  input: HoursInput,
  form: {
    number: 1 | 2;
    by: { classId: number } | { teacherId: number };
    /** Who the form is about: the teacher's or the class's name, under its label. */
    about: { label: string; value: string };
    keyLabels: [string, string];
    label: (f: HourFact) => [string, string];
    signerClassIds: number[];
    sign: SignPlan;
  },
): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const { from, to, days } = monthSpan(input.month, printingDay(input));
  const [facts, signers] = await Promise.all([
    hoursBetween(input.organisationId, form.by, from, to),
    signatoryFacts(input.organisationId, form.signerClassIds),
  ]);
  const g = gridModel(facts, days, form.label);
  return {
    title: `Учёт часов преподавателя № ${form.number}`,
    organisationName: input.orgName,
    parameters: [form.about, { label: "Месяц", value: monthText(input.month) }],
    orientation: "landscape",
    header: [
      { label: form.keyLabels[0] },
      { label: form.keyLabels[1] },
      { label: "Числа месяца", children: g.dayColumns },
      { label: "Всего часов" },
    ],
    columns: columns(days),
    rows: g.rows,
    totals: g.totals,
    notes: ["Учтены проведённые занятия (не отменённые) по день печати; замещённое занятие учтено у замещающего."],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, form.sign),
    fileName: reportFileName([
      `Учёт часов № ${form.number}`,
      form.about.value,
      monthText(input.month),
      yearShort(input.year.name),
    ]),
  };
}

export async function buildTeacherHoursReport(
  input: HoursInput & { teacherId: number; teacherName: string },
): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  return hoursReport(input, {
    number: 1,
    by: { teacherId: input.teacherId },
    about: { label: cap(v.teacher.nom), value: input.teacherName },
    keyLabels: [cap(v.class.nom), cap(v.subject.nom)],
    label: (f) => [f.className, f.subjectName],
    signerClassIds: [],
    sign: { teacher: input.teacherName, deputy: true },
  });
}

export async function buildGroupHoursReport(input: HoursInput & { cls: ReportClass }): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  return hoursReport(input, {
    number: 2,
    by: { classId: input.cls.id },
    about: { label: cap(v.class.nom), value: input.cls.name },
    keyLabels: [cap(v.subject.nom), cap(v.teacher.nom)],
    label: (f) => [f.subjectName, f.teacher],
    signerClassIds: [input.cls.id],
    sign: { classId: input.cls.id, deputy: true },
  });
}
