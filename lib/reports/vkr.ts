// RPT-10 «Результаты защиты выпускных квалификационных работ» (college): per graduate of the
// groups the ВКР mark (final marks of form VKR), then the figures of the defence.
import type { ReportModel } from "./model";
import { rollOn, vkrMarks, type ReportClass } from "./data";
import { vkrFigures } from "./rating-rules";
import { finalLabel } from "./rules";

export async function buildVkrReport(input: {
  organisationId: number;
  orgName: string;
  scopeLabel: string;
  classes: ReportClass[];
  yearEnd: Date;
  now: Date;
}): Promise<ReportModel> {
  const classIds = input.classes.map((c) => c.id);
  const [marks, roll] = await Promise.all([
    vkrMarks(input.organisationId, classIds),
    rollOn(input.organisationId, classIds, input.now < input.yearEnd ? input.now : input.yearEnd),
  ]);
  const names = new Map(roll.map((s) => [s.studentId, s.fullName]));
  const classNames = new Map(input.classes.map((c) => [c.id, c.name]));
  const listed = marks
    .map((m) => ({ ...m, name: names.get(m.studentId) ?? "" }))
    .sort(
      (a, b) =>
        (classNames.get(a.classId) ?? "").localeCompare(classNames.get(b.classId) ?? "", "ru") ||
        a.name.localeCompare(b.name, "ru"),
    );
  const f = vkrFigures(marks);
  return {
    title: "Результаты защиты выпускных квалификационных работ",
    organisationName: input.orgName,
    parameters: [{ label: "Группы", value: input.scopeLabel }],
    orientation: "portrait",
    header: [{ label: "№" }, { label: "Студент" }, { label: "Группа" }, { label: "Оценка за ВКР" }],
    columns: [{ kind: "number" }, { kind: "text" }, { kind: "text" }, { kind: "text" }],
    rows: listed.map((m, i) => [i + 1, m.name, classNames.get(m.classId) ?? "", String(finalLabel(m))]),
    totals: [
      ["", "Защитили (оценки 3–5)", "", String(f.defended)],
      ["", "«5» / «4» / «3» / «2»", "", `${f.fives} / ${f.fours} / ${f.threes} / ${f.twos}`],
      ["", "Не допущены / не защищали (н/а)", "", String(f.notAdmitted)],
      ["", "Средний балл", "", f.average === null ? "—" : f.average.toFixed(2).replace(".", ",")],
      ["", "Качество, %", "", f.qualityPercent.toFixed(1).replace(".", ",")],
      ["", "Успеваемость, %", "", f.successPercent.toFixed(1).replace(".", ",")],
    ],
    notes: ["Качество — доля оценок «4» и «5», успеваемость — доля защитивших (оценки 3–5) от всех оценок за ВКР."],
    printedAt: input.now,
  };
}
