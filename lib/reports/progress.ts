// RPT-2 «Итоги успеваемости» for one class, a parallel, a department, a specialty or the whole
// organisation (PRN-8): every class with its own kind of period — the chosen period, or the
// class's period (quarter / half-year / semester) that holds the chosen period's end — so quarters
// and half-years stand in one document; subtotals by level (school 1–4, 5–9, 10–11) or by
// specialty and course (college), then the total. The 1st grade is taught without marks (JRN-10):
// its classes are listed with their roll and stay out of the figures.
import { cap, vocabulary } from "@/lib/org/vocabulary";
import type { CellValue, ReportModel } from "./model";
import { periodFinals, rollOn, signatoryFacts, type ReportClass, type ReportPeriod } from "./data";
import {
  progressFigureCells,
  progressFigureHeader,
  progressFigures,
  PROGRESS_FIGURE_COLUMNS,
  type ProgressFigures,
  type StudentFinals,
  periodText,
  reportFileName,
  yearShort,
} from "./rules";
import { signaturesFor } from "./signatures";
import { classesByOwnPeriod, classPeriod, groupsOf, type PeriodScopeInput } from "./scope-rules";

function figures(name: string, period: string, f: ProgressFigures): CellValue[] {
  return [name, period, ...progressFigureCells(f)];
}

/** Each student on the roll at the end of their class's own period, with their finals for it (RPT-2's facts). */
export async function studentsWithPeriodFinals(
  organisationId: number,
  groups: { period: ReportPeriod; ids: number[] }[],
): Promise<(StudentFinals & { classId: number })[]> {
  const facts = await Promise.all(
    groups.map(async ({ period, ids }) => {
      const [roll, finals] = await Promise.all([
        rollOn(organisationId, ids, period.endDate),
        periodFinals(organisationId, ids, period.id),
      ]);
      return roll.map((s) => ({ classId: s.classId, studentId: s.studentId, finals: finals.get(s.studentId) ?? [] }));
    }),
  );
  return facts.flat();
}

export async function buildProgressReport(input: PeriodScopeInput): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const marked = (c: ReportClass) => input.isCollege || c.grade > 1;
  const own = new Map(input.classes.map((c) => [c.id, classPeriod(c, input.period, input.periods)]));
  const periods = classesByOwnPeriod(input.classes, input.period, input.periods);
  const students = await studentsWithPeriodFinals(input.organisationId, periods);
  const signers = await signatoryFacts(
    input.organisationId,
    input.classes.map((c) => c.id),
  );
  const of = (classes: ReportClass[]): StudentFinals[] => {
    const ids = new Set(classes.filter(marked).map((c) => c.id));
    return students.filter((s) => ids.has(s.classId));
  };
  const rows: CellValue[][] = [];
  const subtotalRows: number[] = [];
  const groups = groupsOf(input.classes, input.isCollege);
  for (const g of groups) {
    for (const c of g.classes) {
      const p = own.get(c.id);
      if (!marked(c)) {
        const roll = students.filter((s) => s.classId === c.id).length;
        rows.push([c.name, "без отметок", roll, ...Array.from({ length: 9 }, () => null)]);
      } else rows.push(figures(c.name, p?.name ?? "—", progressFigures(of([c]))));
    }
    if (groups.length > 1 && g.classes.some(marked)) {
      subtotalRows.push(rows.length);
      rows.push(figures(`Итого ${g.label}`, "", progressFigures(of(g.classes))));
    }
  }
  const courses = input.isCollege ? [...new Set(input.classes.map((c) => c.grade))].sort((a, b) => a - b) : [];
  const totals: CellValue[][] = [
    ...(courses.length > 1
      ? courses.map((n) =>
          figures(`Итого ${n} курс`, "", progressFigures(of(input.classes.filter((c) => c.grade === n)))),
        )
      : []),
    ...(input.classes.length > 1 ? [figures("Всего", "", progressFigures(of(input.classes)))] : []),
  ];
  const firstGrade = input.classes.some((c) => !marked(c));
  return {
    title: "Итоги успеваемости",
    organisationName: input.orgName,
    parameters: [
      { label: `${cap(v.class.nomPl)}`, value: input.scopeLabel },
      { label: "Период", value: periodText(input.period) },
    ],
    orientation: "landscape",
    header: [{ label: cap(v.class.nom) }, { label: "Период" }, ...progressFigureHeader(cap(v.student.genPl))],
    columns: [{ kind: "text", key: true }, { kind: "text" }, ...PROGRESS_FIGURE_COLUMNS],
    rows,
    totals,
    subtotalRows,
    notes: [
      `Каждый ${v.student.nom} учитывается один раз по итоговым отметкам за период своего ${v.class.gen} по всем ${v.subject.datPl}.`,
      "Успеваемость — доля обучающихся без «2», «незачёт» и «н/а»; качество — доля обучающихся только с «4» и «5»; зачёт и «освобождён» засчитываются как успешные и не входят в средний балл.",
      ...(periods.length > 1
        ? ["У каждого класса — свой вид периода: тот его период, на который приходится конец выбранного."]
        : []),
      ...(firstGrade ? ["1-е классы обучаются без отметок: они показаны числом обучающихся и не входят в итоги."] : []),
    ],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, input.sign),
    fileName: reportFileName(["Итоги успеваемости", input.scopeLabel, input.period.name, yearShort(input.year.name)]),
  };
}
