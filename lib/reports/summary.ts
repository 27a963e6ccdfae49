// RPT-1 «Сводная ведомость успеваемости» of a class for a period: students × subjects with the
// period finals, each student's mean of finals and lessons missed (in total / excused). For the
// whole year (no period): the year finals and the column «Решение педсовета» (YearDecision).
import type { CellValue, ReportModel } from "./model";
import {
  absencesBetween,
  leftDuringYear,
  periodFinalsBySubject,
  rollOn,
  subjectsOf,
  yearDecisions,
  yearFinalsBySubject,
  type ReportClass,
  type ReportPeriod,
  type ReportYear,
} from "./data";
import {
  attendanceFigures,
  decisionLabel,
  finalLabel,
  meanOfFinals,
  type FinalFact,
  periodText,
  protocolNotes,
} from "./rules";

export async function buildSummaryReport(input: {
  organisationId: number;
  orgName: string;
  isCollege: boolean;
  cls: ReportClass;
  /** A period, or the year (its finals of kind YEAR and the council's decisions). */
  period: ReportPeriod | null;
  year: ReportYear;
  now: Date;
}): Promise<ReportModel> {
  const { organisationId, cls, period, year } = input;
  const span = period ?? year;
  const [onRoll, left, finals, absences] = await Promise.all([
    rollOn(organisationId, [cls.id], span.endDate),
    // For the year, those who left during it stand on the sheet with «выбыл» (REC-4).
    period ? Promise.resolve([]) : leftDuringYear(organisationId, cls.id, year),
    period ? periodFinalsBySubject(organisationId, [cls.id], period.id) : yearFinalsBySubject(organisationId, [cls.id]),
    absencesBetween(organisationId, cls.id, span.startDate, span.endDate),
  ]);
  const roll = [...onRoll, ...left.filter((l) => !onRoll.some((s) => s.studentId === l.studentId))].sort((a, b) =>
    a.fullName.localeCompare(b.fullName, "ru"),
  );
  const decisions = period
    ? null
    : await yearDecisions(
        organisationId,
        year.id,
        roll.map((s) => s.studentId),
      );
  const protocols = decisions ? protocolNotes(decisions.values()) : { note: null, several: false };
  // With several protocols on one sheet, each decision names its own.
  const decisionCell = (studentId: number) => {
    const d = decisions?.get(studentId);
    const text = decisionLabel(d, input.isCollege);
    return protocols.several && d?.protocolNumber ? `${text} (пр. № ${d.protocolNumber})` : text;
  };
  const subjects = await subjectsOf(organisationId, [cls.id], [...new Set(finals.map((f) => f.subjectId))]);
  const cell = new Map(finals.map((f) => [`${f.studentId}:${f.subjectId}`, f as FinalFact]));
  const rows: CellValue[][] = roll.map((s, i) => {
    const own = subjects.map((subject) => cell.get(`${s.studentId}:${subject.id}`));
    const missed = attendanceFigures(absences.get(s.studentId) ?? []);
    return [
      i + 1,
      s.fullName,
      ...own.map((f) => (f ? finalLabel(f) : null)),
      meanOfFinals(own.filter((f): f is FinalFact => f !== undefined)),
      missed.missed,
      missed.excused + missed.illness,
      ...(decisions ? [decisionCell(s.studentId)] : []),
    ];
  });
  const unit = input.isCollege ? "часов" : "уроков";
  return {
    title: "Сводная ведомость успеваемости",
    organisationName: input.orgName,
    parameters: [
      { label: input.isCollege ? "Группа" : "Класс", value: cls.name },
      period
        ? { label: "Период", value: periodText(period) }
        : { label: "Учебный год", value: `${year.name} (итоговые отметки за год)` },
    ],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: "Обучающийся" },
      // A class without curriculum or finals has no subject columns (an empty group would be a phantom column).
      ...(subjects.length
        ? [
            {
              label: input.isCollege ? "Дисциплины" : "Предметы",
              children: subjects.map((s) => ({ label: s.shortName })),
            },
          ]
        : []),
      { label: "Средний балл" },
      { label: `Пропущено ${unit}`, children: [{ label: "всего" }, { label: "по уважит. причине и болезни" }] },
      ...(decisions ? [{ label: "Решение педсовета" }] : []),
    ],
    columns: [
      { kind: "number", width: 16 },
      { kind: "text" },
      ...subjects.map(() => ({ kind: "number" as const, width: 26 })),
      { kind: "decimal", width: 34 },
      { kind: "number", width: 34 },
      { kind: "number", width: 44 },
      ...(decisions ? [{ kind: "text" as const, width: 90 }] : []),
    ],
    rows,
    totals: [],
    notes: [
      `Предметы: ${subjects.map((s) => `${s.shortName} — ${s.name}`).join("; ")}.`,
      "н/а — не аттестован, осв. — освобождён; средний балл — по числовым итоговым отметкам.",
      ...(protocols.note ? [protocols.note] : []),
    ],
    printedAt: input.now,
  };
}
