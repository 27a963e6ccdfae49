// RPT-9 «Итоговые данные по обучающимся»: per class for a period — on the roll at its start,
// arrived, transferred in from other classes, left, transferred out to other classes, on the roll
// at its end (boys and girls), from the movement book.
import { formatDate } from "@/lib/org/time";
import { cap, vocabulary } from "@/lib/org/vocabulary";
import { classTeachersOf, signatoryFacts, staysBetween, type ReportClass, type ReportPeriod } from "./data";
import type { ReportModel } from "./model";
import { contingentFigures, type ContingentFigures, type Stay } from "./contingent-rules";
import { reportFileName, yearShort } from "./rules";
import { signaturesFor } from "./signatures";
import type { ClassesReportInput } from "./scope-rules";

const row = (f: ContingentFigures) => [
  f.atStart,
  f.arrived,
  f.transferredIn,
  f.left,
  f.transferredOut,
  f.atEnd,
  f.boysAtEnd,
  f.girlsAtEnd,
];

export async function buildContingentReport(
  input: ClassesReportInput & {
    /** Every class of the year: a stay in one of them next to a stay here is a transfer. */
    allClasses: ReportClass[];
    period: ReportPeriod;
  },
): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const classIds = input.classes.map((c) => c.id);
  const { startDate: from, endDate: to } = input.period;
  const day = 86_400_000;
  const [all, teachers, signers] = await Promise.all([
    staysBetween(
      input.organisationId,
      input.allClasses.map((c) => c.id),
      new Date(from.getTime() - day),
      new Date(to.getTime() + day),
    ),
    classTeachersOf(input.organisationId, classIds),
    signatoryFacts(input.organisationId, classIds),
  ]);
  const inScope = new Set(classIds);
  const own = (ids: Set<number>): Stay[] => all.filter((s) => ids.has(s.classId));
  return {
    title: "Итоговые данные по обучающимся",
    organisationName: input.orgName,
    parameters: [
      { label: cap(v.class.nomPl), value: input.scopeLabel },
      { label: "Период", value: `${input.period.name} (${formatDate(from)} — ${formatDate(to)})` },
    ],
    orientation: "landscape",
    header: [
      { label: cap(v.class.nom) },
      { label: cap(v.classTeacher.nom) },
      { label: "На начало периода" },
      { label: "Прибыло" },
      { label: `Переведено из других ${v.class.genPl}` },
      { label: "Выбыло" },
      { label: `Переведено в другие ${v.class.nomPl}` },
      { label: "На конец периода", children: [{ label: "всего" }, { label: "юношей" }, { label: "девушек" }] },
    ],
    columns: [
      { kind: "text", key: true },
      { kind: "text" },
      ...Array.from({ length: 8 }, () => ({ kind: "number" as const })),
    ],
    rows: input.classes.map((c) => [
      c.name,
      teachers.get(c.id) ?? "—",
      ...row(contingentFigures(own(new Set([c.id])), from, to, all)),
    ]),
    totals: input.classes.length > 1 ? [["Итого", "", ...row(contingentFigures(own(inScope), from, to, all))]] : [],
    notes: [
      `По книге движения обучающихся: перевод из ${v.class.gen} в ${v.class.acc} организации показан отдельно от прибытия и выбытия; в итоговой строке переводы внутри выбранных ${v.class.genPl} взаимно погашаются.`,
      "На начало + прибыло + переведено из других − выбыло − переведено в другие = на конец периода.",
    ],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, input.sign),
    fileName: reportFileName(["Итоговые данные", input.scopeLabel, input.period.name, yearShort(input.year.name)]),
  };
}
