// RPT-10 «Результаты защиты выпускных квалификационных работ» (college): per group the figures of
// the defence in their own columns with a total row, then the list of graduates with their ВКР
// marks (final marks of form VKR). Percentages without marks print «—», never «0,0».
import { vocabulary } from "@/lib/org/vocabulary";
import type { CellValue, ReportModel } from "./model";
import { rollOn, signatoryFacts, vkrMarks } from "./data";
import { vkrFigures, type VkrFigures } from "./rating-rules";
import { finalLabel, reportFileName, yearShort } from "./rules";
import { signaturesFor } from "./signatures";
import { printingDay, type ClassesReportInput } from "./scope-rules";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";

function figures(name: string, f: VkrFigures, all: number): CellValue[] {
  const none = all === 0;
  return [
    name,
    all,
    f.defended,
    f.fives,
    f.fours,
    f.threes,
    f.twos,
    f.notAdmitted,
    f.average ?? "—",
    none ? "—" : f.qualityPercent,
    none ? "—" : f.successPercent,
  ];
}

export async function buildVkrReport(input: ClassesReportInput & { yearEnd: Date }): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const classIds = input.classes.map((c) => c.id);
  const today = printingDay(input);
  const [marks, roll, signers] = await Promise.all([
    vkrMarks(input.organisationId, classIds),
    rollOn(input.organisationId, classIds, today < input.yearEnd ? today : input.yearEnd),
    signatoryFacts(input.organisationId, classIds),
  ]);
  const names = new Map(roll.map((s) => [s.studentId, s.fullName]));
  const classNames = new Map(input.classes.map((c) => [c.id, c.name]));
  const listed = marks
    .map((m) => ({ ...m, name: names.get(m.studentId) ?? "" }))
    .sort(
      (a, b) =>
        compareRuNumeric(classNames.get(a.classId) ?? "", classNames.get(b.classId) ?? "") || compareRu(a.name, b.name),
    );
  const own = (id: number) => marks.filter((m) => m.classId === id);
  const withMarks = input.classes.filter((c) => own(c.id).length > 0);
  return {
    title: "Результаты защиты выпускных квалификационных работ",
    organisationName: input.orgName,
    parameters: [{ label: "Группы", value: input.scopeLabel }],
    orientation: "landscape",
    header: [
      { label: "Группа" },
      { label: "Оценок за ВКР" },
      { label: "Защитили (3–5)" },
      { label: "Оценки", children: [{ label: "«5»" }, { label: "«4»" }, { label: "«3»" }, { label: "«2»" }] },
      { label: "Не допущены, не защищали (н/а)" },
      { label: "Средний балл" },
      { label: "Качество, %" },
      { label: "Успеваемость, %" },
    ],
    columns: [
      { kind: "text", key: true },
      ...Array.from({ length: 7 }, () => ({ kind: "number" as const })),
      { kind: "decimal" },
      { kind: "percent" },
      { kind: "percent" },
    ],
    rows: withMarks.map((c) => figures(c.name, vkrFigures(own(c.id)), own(c.id).length)),
    totals: withMarks.length > 1 || withMarks.length === 0 ? [figures("Итого", vkrFigures(marks), marks.length)] : [],
    notes: [
      "Качество — доля оценок «4» и «5», успеваемость — доля защитивших (оценки 3–5) от всех оценок за ВКР; «—» — оценок нет.",
    ],
    printedAt: input.now,
    sections: [
      {
        title: `${v.student.nomPl[0].toUpperCase()}${v.student.nomPl.slice(1)} и оценки за ВКР`,
        sheetName: "Оценки за ВКР",
        newPage: false,
        header: [{ label: "№" }, { label: "Студент" }, { label: "Группа" }, { label: "Оценка за ВКР" }],
        columns: [{ kind: "number", key: true }, { kind: "text", key: true }, { kind: "text" }, { kind: "mark" }],
        rows: listed.map((m, i) => [i + 1, m.name, classNames.get(m.classId) ?? "", finalLabel(m)]),
      },
    ],
    signatures: signaturesFor(v, signers, input.sign),
    fileName: reportFileName(["Результаты защиты ВКР", input.scopeLabel, yearShort(input.year.name)]),
  };
}
