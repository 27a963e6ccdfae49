// RPT-4 «Неуспеваемость по дисциплинам» for a set of classes and a period: subjects ranked by the
// share of «2», «незачёт» and н/а among their period finals; each class with its own period (PRN-8).
import { cap, subjectTitle, vocabulary } from "@/lib/org/vocabulary";
import type { ReportModel } from "./model";
import { periodFinalsBySubject, signatoryFacts, subjectsOf } from "./data";
import { periodText, reportFileName, subjectFailures, yearShort } from "./rules";
import { classesByOwnPeriod, type PeriodScopeInput } from "./scope-rules";
import { signaturesFor } from "./signatures";

export async function buildFailuresReport(input: PeriodScopeInput): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const byPeriod = classesByOwnPeriod(input.classes, input.period, input.periods);
  const [finals, signers] = await Promise.all([
    Promise.all(byPeriod.map(({ period, ids }) => periodFinalsBySubject(input.organisationId, ids, period.id))),
    signatoryFacts(
      input.organisationId,
      input.classes.map((c) => c.id),
    ),
  ]);
  const ranked = subjectFailures(finals.flat());
  const subjects = new Map(
    (
      await subjectsOf(
        input.organisationId,
        [],
        ranked.map((r) => r.subjectId),
      )
    ).map((s) => [s.id, subjectTitle(v, s)]),
  );
  return {
    title: "Неуспеваемость по дисциплинам",
    organisationName: input.orgName,
    parameters: [
      { label: cap(v.class.nomPl), value: input.scopeLabel },
      { label: "Период", value: periodText(input.period) },
    ],
    orientation: "portrait",
    header: [
      { label: "Место" },
      { label: cap(v.subject.nom) },
      { label: "Итоговых отметок" },
      { label: "«2» и «незачёт»" },
      { label: "н/а" },
      { label: "Доля неуспевающих, %" },
    ],
    columns: [
      { kind: "number", key: true },
      { kind: "text", key: true },
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
    notes: [
      `Доля неуспевающих — («2» + «незачёт» + н/а) ÷ число итоговых отметок по ${v.subject.dat} × 100.`,
      ...(byPeriod.length > 1
        ? ["У каждого класса — свой вид периода: тот, на который приходится конец выбранного."]
        : []),
    ],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, input.sign),
    fileName: reportFileName(["Неуспеваемость", input.scopeLabel, input.period.name, yearShort(input.year.name)]),
  };
}
