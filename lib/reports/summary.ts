// RPT-1 «Сводная ведомость успеваемости» of a class for a period: students × subjects with the
// period finals, each student's mean of finals and lessons missed (in total / excused).
import type { CellValue, ReportModel } from "./model";
import { absencesBetween, periodFinalsBySubject, rollOn, subjectsOf, type ReportClass, type ReportPeriod } from "./data";
import { attendanceFigures, finalLabel, meanOfFinals, type FinalFact, periodText } from "./rules";

export async function buildSummaryReport(input: {
  organisationId: number;
  orgName: string;
  isCollege: boolean;
  cls: ReportClass;
  period: ReportPeriod;
  now: Date;
}): Promise<ReportModel> {
  const { organisationId, cls, period } = input;
  const [roll, finals, absences] = await Promise.all([
    rollOn(organisationId, [cls.id], period.endDate),
    periodFinalsBySubject(organisationId, [cls.id], period.id),
    absencesBetween(organisationId, cls.id, period.startDate, period.endDate),
  ]);
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
    ];
  });
  const unit = input.isCollege ? "часов" : "уроков";
  return {
    title: "Сводная ведомость успеваемости",
    organisationName: input.orgName,
    parameters: [
      { label: input.isCollege ? "Группа" : "Класс", value: cls.name },
      { label: "Период", value: periodText(period) },
    ],
    orientation: "landscape",
    header: [
      { label: "№" },
      { label: "Обучающийся" },
      { label: input.isCollege ? "Дисциплины" : "Предметы", children: subjects.map((s) => ({ label: s.shortName })) },
      { label: "Средний балл" },
      { label: `Пропущено ${unit}`, children: [{ label: "всего" }, { label: "по уважит. причине и болезни" }] },
    ],
    columns: [
      { kind: "number", width: 16 },
      { kind: "text" },
      ...subjects.map(() => ({ kind: "number" as const, width: 26 })),
      { kind: "decimal", width: 34 },
      { kind: "number", width: 34 },
      { kind: "number", width: 44 },
    ],
    rows,
    totals: [],
    notes: [
      `Предметы: ${subjects.map((s) => `${s.shortName} — ${s.name}`).join("; ")}.`,
      "н/а — не аттестован, осв. — освобождён; средний балл — по числовым итоговым отметкам.",
    ],
    printedAt: input.now,
  };
}
