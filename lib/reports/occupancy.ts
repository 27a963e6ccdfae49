// RPT-9 «Наполняемость классов / групп» on a date: students on the roll, boys and girls, forms of
// education and the class teacher, from the movement book.
import { formatDate } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { ReportModel } from "./model";
import { classTeachersOf, rosterFacts, signatoryFacts } from "./data";
import { reportFileName, yearShort } from "./rules";
import { signaturesFor } from "./signatures";
import type { ClassesReportInput } from "./scope-rules";

const FORMS = [
  ["FULL_TIME", "очная"],
  ["PART_TIME", "очно-заочная"],
  ["EXTRAMURAL", "заочная"],
  ["FAMILY", "семейная"],
  ["HOME", "на дому"],
] as const;

export async function buildOccupancyReport(input: ClassesReportInput & { date: Date }): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const classIds = input.classes.map((c) => c.id);
  const [facts, teachers, signers] = await Promise.all([
    rosterFacts(input.organisationId, classIds, input.date),
    classTeachersOf(input.organisationId, classIds),
    signatoryFacts(input.organisationId, classIds),
  ]);
  const figures = (ids: Set<number>) => {
    const own = facts.filter((f) => ids.has(f.classId));
    return [
      own.length,
      own.filter((f) => f.sex === "MALE").length,
      own.filter((f) => f.sex === "FEMALE").length,
      ...FORMS.map(([form]) => own.filter((f) => f.educationForm === form).length),
    ];
  };
  return {
    title: `Наполняемость ${v.class.genPl}`,
    organisationName: input.orgName,
    parameters: [
      { label: cap(v.class.nomPl), value: input.scopeLabel },
      { label: "На дату", value: formatDate(input.date) },
    ],
    orientation: "landscape",
    header: [
      { label: cap(v.class.nom) },
      { label: cap(v.classTeacher.nom) },
      { label: "Всего" },
      { label: "Юношей" },
      { label: "Девушек" },
      { label: "Форма обучения", children: FORMS.map(([, label]) => ({ label })) },
    ],
    columns: [
      { kind: "text", key: true },
      { kind: "text" },
      ...Array.from({ length: 3 + FORMS.length }, () => ({ kind: "number" as const })),
    ],
    rows: input.classes.map((c) => [c.name, teachers.get(c.id) ?? "—", ...figures(new Set([c.id]))]),
    totals: input.classes.length > 1 ? [["Итого", "", ...figures(new Set(classIds))]] : [],
    notes: ["Списочный состав на дату по книге движения обучающихся."],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, input.sign),
    fileName: reportFileName([
      `Наполняемость ${v.class.genPl}`,
      input.scopeLabel,
      formatDate(input.date),
      yearShort(input.year.name),
    ]),
  };
}
