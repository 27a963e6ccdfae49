// RPT-3 «Посещаемость» of one class between two dates: per student lessons (college: academic
// hours) missed in total and by reason, with the class total.
import { formatDate } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { ReportModel } from "./model";
import { absencesBetween, rollOn, signatoryFacts, type ReportClass } from "./data";
import type { ReportInput } from "./scope-rules";
import {
  attendanceFigureHeader,
  attendanceFigures,
  reportFileName,
  sumFigures,
  yearShort,
  type AttendanceFigures,
} from "./rules";
import { signaturesFor } from "./signatures";

function row(name: string, f: AttendanceFigures) {
  return [name, f.missed, f.excused, f.unexcused, f.illness, f.unknown, f.late];
}

export async function buildAttendanceReport(
  input: ReportInput & { cls: ReportClass; from: Date; to: Date },
): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const [roll, absences, signers] = await Promise.all([
    rollOn(input.organisationId, [input.cls.id], input.to),
    absencesBetween(input.organisationId, input.cls.id, input.from, input.to),
    signatoryFacts(input.organisationId, [input.cls.id], input.signatories),
  ]);
  const figures = roll.map((s) => ({ name: s.fullName, f: attendanceFigures(absences.get(s.studentId) ?? []) }));
  const range = `${formatDate(input.from)} — ${formatDate(input.to)}`;
  return {
    title: "Посещаемость",
    organisationName: input.orgName,
    parameters: [
      { label: cap(v.class.nom), value: input.cls.name },
      { label: "Период", value: range },
    ],
    orientation: "portrait",
    header: [{ label: cap(v.student.nom) }, ...attendanceFigureHeader(`Пропущено ${v.unit.genPl}`)],
    columns: [{ kind: "text", key: true }, ...Array.from({ length: 6 }, () => ({ kind: "number" as const }))],
    rows: figures.map((x) => row(x.name, x.f)),
    totals: [row(`Итого по ${v.class.dat}`, sumFigures(figures.map((x) => x.f)))],
    notes: [`Учитываются проведённые ${v.lesson.nomPl}; опоздание не считается пропуском.`],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, { classId: input.cls.id, deputy: true }),
    fileName: reportFileName(["Посещаемость", input.cls.name, range.replace(" — ", "–"), yearShort(input.year.name)]),
  };
}
