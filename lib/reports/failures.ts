// RPT-4 «Неуспеваемость по дисциплинам» for a set of classes and a period: subjects ranked by the
// share of «2», «незачёт» and н/а among their period finals.
import type { ReportModel } from "./model";
import { periodFinalsBySubject, subjectsOf, type ReportClass, type ReportPeriod } from "./data";
import { subjectFailures, periodText } from "./rules";

export async function buildFailuresReport(input: {
  organisationId: number;
  orgName: string;
  scopeLabel: string;
  classes: ReportClass[];
  period: ReportPeriod;
  now: Date;
}): Promise<ReportModel> {
  const classIds = input.classes.map((c) => c.id);
  const finals = await periodFinalsBySubject(input.organisationId, classIds, input.period.id);
  const ranked = subjectFailures(finals);
  const subjects = new Map(
    (
      await subjectsOf(
        input.organisationId,
        [],
        ranked.map((r) => r.subjectId),
      )
    ).map((s) => [s.id, s.name]),
  );
  return {
    title: "Неуспеваемость по дисциплинам",
    organisationName: input.orgName,
    parameters: [
      { label: "Классы / группы", value: input.scopeLabel },
      { label: "Период", value: periodText(input.period) },
    ],
    orientation: "portrait",
    header: [
      { label: "Место" },
      { label: "Предмет / дисциплина" },
      { label: "Итоговых отметок" },
      { label: "«2» и «незачёт»" },
      { label: "н/а" },
      { label: "Доля неуспевающих, %" },
    ],
    columns: [
      { kind: "number" },
      { kind: "text" },
      { kind: "number" },
      { kind: "number" },
      { kind: "number" },
      { kind: "percent" },
    ],
    rows: ranked.map((r, i) => [
      i + 1,
      subjects.get(r.subjectId) ?? "—",
      r.finals,
      r.failing,
      r.notAttested,
      r.failingPercent,
    ]),
    totals: [],
    notes: ["Доля неуспевающих — («2» + «незачёт» + н/а) ÷ число итоговых отметок по предмету × 100."],
    printedAt: input.now,
  };
}
