// RPT-2 «Итоги успеваемости» for one class, a parallel or the whole organisation and a period.
import type { ReportModel } from "./model";
import { periodFinals, rollOn, type ReportClass, type ReportPeriod } from "./data";
import { progressFigures, type ProgressFigures, type StudentFinals, periodText } from "./rules";

const HEADER = [
  { label: "Класс / группа" },
  { label: "Обучающихся на конец периода" },
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

function row(name: string, f: ProgressFigures) {
  return [
    name,
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

export async function buildProgressReport(input: {
  organisationId: number;
  orgName: string;
  scopeLabel: string;
  classes: ReportClass[];
  period: ReportPeriod;
  now: Date;
}): Promise<ReportModel> {
  const classIds = input.classes.map((c) => c.id);
  const [roll, finals] = await Promise.all([
    rollOn(input.organisationId, classIds, input.period.endDate),
    periodFinals(input.organisationId, classIds, input.period.id),
  ]);
  const studentsOf = (ids: Set<number>): StudentFinals[] =>
    roll
      .filter((s) => ids.has(s.classId))
      .map((s) => ({ studentId: s.studentId, finals: finals.get(s.studentId) ?? [] }));
  const rows = input.classes.map((c) => row(c.name, progressFigures(studentsOf(new Set([c.id])))));
  const totals = input.classes.length > 1 ? [row("Итого", progressFigures(studentsOf(new Set(classIds))))] : [];
  return {
    title: "Итоги успеваемости",
    organisationName: input.orgName,
    parameters: [
      { label: "Классы / группы", value: input.scopeLabel },
      { label: "Период", value: periodText(input.period) },
    ],
    orientation: "landscape",
    header: HEADER,
    columns: [
      { kind: "text" },
      ...Array.from({ length: 7 }, () => ({ kind: "number" as const })),
      { kind: "percent" },
      { kind: "percent" },
      { kind: "decimal" },
    ],
    rows,
    totals,
    notes: [
      "Каждый обучающийся учитывается один раз по итоговым отметкам за период по всем предметам.",
      "Успеваемость — доля обучающихся без «2», «незачёт» и «н/а»; качество — доля обучающихся только с «4» и «5»; зачёт и «освобождён» засчитываются как успешные и не входят в средний балл.",
    ],
    printedAt: input.now,
  };
}
