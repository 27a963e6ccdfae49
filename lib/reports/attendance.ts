// RPT-3 «Посещаемость» of one class between two dates: per student lessons (hours) missed in
// total and by reason, with the class total.
import { formatDate } from "@/lib/org/time";
import type { ReportModel } from "./model";
import { absencesBetween, rollOn, type ReportClass } from "./data";
import { attendanceFigures, sumFigures, type AttendanceFigures } from "./rules";

function row(name: string, f: AttendanceFigures) {
  return [name, f.missed, f.excused, f.unexcused, f.illness, f.unknown, f.late];
}

export async function buildAttendanceReport(input: {
  organisationId: number;
  orgName: string;
  isCollege: boolean;
  cls: ReportClass;
  from: Date;
  to: Date;
  now: Date;
}): Promise<ReportModel> {
  const [roll, absences] = await Promise.all([
    rollOn(input.organisationId, [input.cls.id], input.to),
    absencesBetween(input.organisationId, input.cls.id, input.from, input.to),
  ]);
  const figures = roll.map((s) => ({ name: s.fullName, f: attendanceFigures(absences.get(s.studentId) ?? []) }));
  const unit = input.isCollege ? "часов" : "уроков";
  return {
    title: "Посещаемость",
    organisationName: input.orgName,
    parameters: [
      { label: input.isCollege ? "Группа" : "Класс", value: input.cls.name },
      { label: "Период", value: `${formatDate(input.from)} — ${formatDate(input.to)}` },
    ],
    orientation: "portrait",
    header: [
      { label: "Обучающийся" },
      {
        label: `Пропущено ${unit}`,
        children: [
          { label: "Всего" },
          { label: "По уважительной причине (УП)" },
          { label: "По неуважительной причине (НП)" },
          { label: "По болезни (Б)" },
          { label: "Причина не указана (Н, ОТ)" },
        ],
      },
      { label: "Опозданий (ОП)" },
    ],
    columns: [{ kind: "text" }, ...Array.from({ length: 6 }, () => ({ kind: "number" as const }))],
    rows: figures.map((x) => row(x.name, x.f)),
    totals: [row("Итого по классу", sumFigures(figures.map((x) => x.f)))],
    notes: ["Учитываются проведённые уроки; опоздание не считается пропуском."],
    printedAt: input.now,
  };
}
