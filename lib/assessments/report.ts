// PRG-4: the assessment schedule as a report model (PDF and XLSX through lib/reports' renderers):
// the assessments by date with their changes since publication, the subjects' loads and the
// warnings under the table; signed by the deputy who publishes it.
import { formatDate, formatDateTime, weekdayName } from "@/lib/org/time";
import type { ReportModel } from "@/lib/reports/model";
import { reportFileName, yearShort } from "@/lib/reports/rules";
import type { ClassSchedule } from "./loaders";
import { changeText } from "./rules";
import { cap, vocabulary } from "@/lib/org/vocabulary";

export function buildAssessmentModel(
  s: ClassSchedule,
  opts: { isCollege: boolean; timeZone: string; now: Date; withWarnings: boolean },
): ReportModel {
  const v = vocabulary(opts.isCollege);
  const classWord = cap(v.class.nom);
  const published = s.publication
    ? `версия ${s.publication.version} от ${formatDateTime(s.publication.publishedAt, opts.timeZone)}`
    : "не опубликован";
  return {
    title: "График оценочных процедур",
    organisationName: s.organisationName,
    parameters: [
      { label: classWord, value: s.className },
      {
        label: "Период",
        value: `${s.period.name} ${s.yearName} (${formatDate(s.period.start)} — ${formatDate(s.period.end)})`,
      },
      { label: "Публикация", value: published },
    ],
    orientation: "portrait",
    header: [
      { label: "№" },
      { label: "Дата" },
      { label: "День" },
      { label: cap(v.subject.nom) },
      { label: "Оценочная процедура" },
      { label: "Вид" },
      { label: "Изменения" },
    ],
    columns: [
      { kind: "number", key: true },
      { kind: "mark", key: true },
      { kind: "mark" },
      { kind: "text" },
      { kind: "text" },
      { kind: "text" },
      { kind: "text" },
    ],
    rows: s.shown.map((i, n) => [
      n + 1,
      formatDate(i.date),
      weekdayName(i.date),
      i.subject,
      i.title,
      i.kind,
      changeText(i.change),
    ]),
    totals: [],
    notes: [
      ...s.schedule.subjects.map(
        (l) => `${l.subject}: ${l.count} на ${l.hours} ч в периоде (не больше 10 % — ${l.allowed})`,
      ),
      ...(opts.withWarnings ? s.schedule.warnings.map((w) => `Внимание: ${w.text}`) : []),
    ],
    printedAt: opts.now,
    fileName: reportFileName(["График оценочных процедур", s.className, s.period.name, yearShort(s.yearName)]),
  };
}
