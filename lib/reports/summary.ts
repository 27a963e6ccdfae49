// RPT-1 «Сводная ведомость успеваемости» of a class for a period: students × subjects with the
// period finals, each student's mean of finals and lessons (college: hours) missed in total /
// excused. For the whole year (no period) the complete summary sheet (PRN-5, REC-4): per subject
// every period of the class, the year, the exam and the итоговая where set, the mean of the year
// finals, the absences of the year and «Решение педсовета» with its order as stored.
import { cap, subjectTitle, vocabulary } from "@/lib/org/vocabulary";
import type { CellValue, HeaderNode, ReportColumn, ReportModel } from "./model";
import {
  absencesBetween,
  leftDuringYear,
  periodFinalsBySubject,
  rollOn,
  signatoryFacts,
  subjectsOf,
  yearDecisions,
  yearSheetFinals,
  type ReportPeriod,
} from "./data";
import type { ClassSpanInput } from "./scope-rules";
import {
  attendanceFigures,
  decisionWithOrder,
  finalLabel,
  meanOfFinals,
  periodNumeral,
  periodText,
  protocolNotes,
  reportFileName,
  yearShort,
  type FinalFact,
} from "./rules";
import { signaturesFor } from "./signatures";
import { compareRu } from "@/lib/org/collation";

/** `period` null: the year's complete summary sheet. */
type Input = ClassSpanInput & {
  /** The year's periods (the year's sheet takes those of the class's own kind). */
  periods: ReportPeriod[];
};

export async function buildSummaryReport(input: Input): Promise<ReportModel> {
  const { organisationId, cls, period, year } = input;
  const v = vocabulary(input.isCollege);
  const span = period ?? year;
  const own = input.periods.filter((p) => p.kind === cls.periodKind);
  const [onRoll, left, absences, facts] = await Promise.all([
    rollOn(organisationId, [cls.id], span.endDate),
    // For the year, those who left during it stand on the sheet with «выбыл» (REC-4).
    period ? Promise.resolve([]) : leftDuringYear(organisationId, cls.id, year),
    absencesBetween(organisationId, cls.id, span.startDate, span.endDate),
    signatoryFacts(organisationId, [cls.id], input.signatories),
  ]);
  const roll = [...onRoll, ...left.filter((l) => !onRoll.some((s) => s.studentId === l.studentId))].sort((a, b) =>
    compareRu(a.fullName, b.fullName),
  );
  const sheet = period
    ? await periodSheet(organisationId, cls.id, period.id)
    : await yearSheet(
        organisationId,
        cls.id,
        own,
        year.id,
        roll.map((s) => s.studentId),
        input.isCollege,
      );
  const subjects = await subjectsOf(organisationId, [cls.id], sheet.subjectIds);
  const rows: CellValue[][] = roll.map((s, i) => {
    const missed = attendanceFigures(absences.get(s.studentId) ?? []);
    return [
      i + 1,
      s.fullName,
      ...subjects.flatMap((subject) => sheet.cells(s.studentId, subject.id)),
      sheet.mean(s.studentId),
      missed.missed,
      missed.excused + missed.illness,
      ...sheet.tail(s.studentId),
    ];
  });
  return {
    title: "Сводная ведомость успеваемости",
    organisationName: input.orgName,
    parameters: [
      { label: cap(v.class.nom), value: cls.name },
      period
        ? { label: "Период", value: periodText(period) }
        : { label: "Учебный год", value: `${year.name} (итоговые отметки за учебный год)` },
    ],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: cap(v.student.nom) },
      // A class without curriculum or finals has no subject columns (an empty group would be a phantom column).
      ...subjects.map((s) => sheet.head(subjectTitle(v, s, true), s.id)),
      { label: "Средний балл" },
      { label: `Пропущено ${v.unit.genPl}`, children: [{ label: "всего" }, { label: "по уважит. причине и болезни" }] },
      ...sheet.tailHead,
    ],
    columns: [
      { kind: "number", key: true },
      { kind: "text", key: true },
      ...subjects.flatMap((s) => sheet.columns(s.id)),
      { kind: "decimal" },
      { kind: "number" },
      { kind: "number" },
      ...sheet.tailColumns,
    ],
    rows,
    totals: [],
    notes: [
      `${cap(v.subject.nomPl)}: ${subjects.map((s) => `${subjectTitle(v, s, true)} — ${s.name}`).join("; ")}.`,
      ...sheet.notes,
    ],
    printedAt: input.now,
    signatures: signaturesFor(v, facts, { classId: cls.id, deputy: true, director: !period }),
    seal: !period,
    fileName: reportFileName(["Сводная ведомость", cls.name, period ? period.name : "год", yearShort(year.name)]),
  };
}

type Sheet = {
  subjectIds: number[];
  head: (label: string, subjectId: number) => HeaderNode;
  columns: (subjectId: number) => ReportColumn[];
  cells: (studentId: number, subjectId: number) => CellValue[];
  mean: (studentId: number) => number | null;
  tail: (studentId: number) => CellValue[];
  tailHead: HeaderNode[];
  tailColumns: ReportColumn[];
  notes: string[];
};

const FINAL_NOTE = "н/а — не аттестован, осв. — освобождён, зач. / незач. — зачёт / незачёт.";

async function periodSheet(organisationId: number, classId: number, periodId: number): Promise<Sheet> {
  const finals = await periodFinalsBySubject(organisationId, [classId], periodId);
  const cell = new Map(finals.map((f) => [`${f.studentId}:${f.subjectId}`, f as FinalFact]));
  const own = (studentId: number) => finals.filter((f) => f.studentId === studentId);
  return {
    subjectIds: [...new Set(finals.map((f) => f.subjectId))],
    head: (label) => ({ label }),
    columns: () => [{ kind: "mark" }],
    cells: (studentId, subjectId) => {
      const f = cell.get(`${studentId}:${subjectId}`);
      return [f ? finalLabel(f) : null];
    },
    mean: (studentId) => meanOfFinals(own(studentId)),
    tail: () => [],
    tailHead: [],
    tailColumns: [],
    notes: [`${FINAL_NOTE} Средний балл — по числовым итоговым отметкам за период.`],
  };
}

/** The complete year sheet (PRN-5): per subject I…IV (or I, II), год, экз. and итог. where set. */
async function yearSheet(
  organisationId: number,
  classId: number,
  periods: ReportPeriod[],
  yearId: number,
  studentIds: number[],
  isCollege: boolean,
): Promise<Sheet> {
  const [finals, decisions] = await Promise.all([
    yearSheetFinals(
      organisationId,
      [classId],
      periods.map((p) => p.id),
    ),
    yearDecisions(organisationId, yearId, studentIds),
  ]);
  const protocols = protocolNotes(decisions.values());
  const number = new Map(periods.map((p, i) => [p.id, i + 1]));
  const key = (f: { kind: string; periodId: number | null }) =>
    f.kind === "PERIOD" ? `P${f.periodId}` : f.kind === "YEAR" ? "Y" : f.kind === "EXAM" ? "E" : "F";
  const cell = new Map(finals.map((f) => [`${f.studentId}:${f.subjectId}:${key(f)}`, f as FinalFact]));
  const extra = (subjectId: number, kind: string) => finals.some((f) => f.subjectId === subjectId && f.kind === kind);
  const slots = (subjectId: number): { key: string; label: string }[] => [
    ...periods.map((p) => ({ key: `P${p.id}`, label: periodNumeral(number.get(p.id)!) })),
    { key: "Y", label: "год" },
    ...(extra(subjectId, "EXAM") ? [{ key: "E", label: "экз." }] : []),
    ...(extra(subjectId, "FINAL") ? [{ key: "F", label: "итог." }] : []),
  ];
  const kindWord = periods[0] ? periodsWord(periods[0].kind) : "периоды";
  return {
    subjectIds: [...new Set(finals.map((f) => f.subjectId))],
    head: (label, subjectId) => ({ label, children: slots(subjectId).map((s) => ({ label: s.label })) }),
    columns: (subjectId) => slots(subjectId).map(() => ({ kind: "mark" as const })),
    cells: (studentId, subjectId) =>
      slots(subjectId).map((s) => {
        const f = cell.get(`${studentId}:${subjectId}:${s.key}`);
        return f ? finalLabel(f) : null;
      }),
    mean: (studentId) => meanOfFinals(finals.filter((f) => f.studentId === studentId && f.kind === "YEAR")),
    tail: (studentId) => {
      const d = decisions.get(studentId);
      const text = decisionWithOrder(d, isCollege);
      // With several protocols on one sheet, each decision names its own (REC-4).
      return [protocols.several && d?.protocolNumber ? `${text} (пр. № ${d.protocolNumber})` : text];
    },
    tailHead: [{ label: "Решение педсовета" }],
    tailColumns: [{ kind: "text" }],
    notes: [
      `${periods.map((p, i) => periodNumeral(i + 1)).join(", ")} — ${kindWord}; год — годовая отметка; экз. — экзамен; итог. — итоговая отметка. ${FINAL_NOTE}`,
      "Средний балл — по числовым годовым отметкам; пропуски — за учебный год.",
      ...(protocols.note ? [protocols.note] : []),
    ],
  };
}

function periodsWord(kind: string): string {
  return kind === "QUARTER"
    ? "четверти"
    : kind === "HALF_YEAR"
      ? "полугодия"
      : kind === "SEMESTER"
        ? "семестры"
        : "периоды";
}
