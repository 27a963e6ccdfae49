// RPT-9 «Итоговые данные по обучающимся»: per class for a period — on the roll at its start,
// arrived, left, on the roll at its end (boys and girls), from the movement book.
import { formatDate } from "@/lib/org/time";
import { classTeachersOf, staysBetween, type ReportClass, type ReportPeriod } from "./data";
import type { ReportModel } from "./model";
import { contingentFigures, type ContingentFigures } from "./contingent-rules";

const row = (f: ContingentFigures) => [f.atStart, f.arrived, f.left, f.atEnd, f.boysAtEnd, f.girlsAtEnd];

export async function buildContingentReport(input: {
  organisationId: number;
  orgName: string;
  isCollege: boolean;
  classes: ReportClass[];
  period: ReportPeriod;
  now: Date;
}): Promise<ReportModel> {
  const classIds = input.classes.map((c) => c.id);
  const { startDate: from, endDate: to } = input.period;
  const [stays, teachers] = await Promise.all([
    staysBetween(input.organisationId, classIds, from, to),
    classTeachersOf(input.organisationId, classIds),
  ]);
  return {
    title: "Итоговые данные по обучающимся",
    organisationName: input.orgName,
    parameters: [{ label: "Период", value: `${input.period.name} (${formatDate(from)} — ${formatDate(to)})` }],
    orientation: "landscape",
    header: [
      { label: input.isCollege ? "Группа" : "Класс" },
      { label: input.isCollege ? "Куратор" : "Классный руководитель" },
      { label: "На начало периода" },
      { label: "Прибыло" },
      { label: "Выбыло" },
      { label: "На конец периода", children: [{ label: "всего" }, { label: "юношей" }, { label: "девушек" }] },
    ],
    columns: [{ kind: "text" }, { kind: "text" }, ...Array.from({ length: 6 }, () => ({ kind: "number" as const }))],
    rows: input.classes.map((c) => [
      c.name,
      teachers.get(c.id) ?? "—",
      ...row(
        contingentFigures(
          stays.filter((s) => s.classId === c.id),
          from,
          to,
        ),
      ),
    ]),
    totals: input.classes.length > 1 ? [["Итого", "", ...row(contingentFigures(stays, from, to))]] : [],
    notes: [
      "По книге движения обучающихся: перевод из класса в класс учитывается как выбытие из одного и прибытие в другой.",
      "На начало + прибыло − выбыло = на конец периода.",
    ],
    printedAt: input.now,
  };
}
