// The progress forms of PRN-7 (seeds 000 §5.3, 002 §4.5.1), PDF and XLSX, with totals:
// - «Итоги успеваемости по специальностям»: RPT-2's figures per specialty;
// - «Итоги успеваемости по учебной дисциплине за период»: one discipline across the classes of a
//   scope — per class its finals by mark, успеваемость, качество, средний балл, the teacher;
// - «Отчёт преподавателя дисциплины по окончании периода»: a teacher's classes × disciplines —
//   hours planned and given, students, finals by mark, the figures and the hours missed.
import { cap, subjectTitle, vocabulary } from "@/lib/org/vocabulary";
import type { CellValue, ReportModel } from "./model";
import {
  absenceRows,
  loadTeachers,
  plannedHours,
  rollOn,
  signatoryFacts,
  subjectFinals,
  subjectsOf,
  taughtBetween,
  type ReportClass,
  type ReportPeriod,
} from "./data";
import {
  attendanceFigures,
  finalsFigures,
  periodText,
  progressFigureCells,
  progressFigureHeader,
  progressFigures,
  PROGRESS_FIGURE_COLUMNS,
  reportFileName,
  yearShort,
  type FinalsFigures,
} from "./rules";
import {
  classesByOwnPeriod,
  classPeriod,
  specialtyGroups,
  type PeriodScopeInput,
  type ReportInput,
} from "./scope-rules";
import { signaturesFor } from "./signatures";
import { studentsWithPeriodFinals } from "./progress";
import { compareRuNumeric } from "@/lib/org/collation";
import { marksAllowed } from "@/lib/journal/rules";

type Scope = PeriodScopeInput;

/** «Итоги успеваемости по специальностям» (PRN-7): each class with its own period, summed by specialty. */
export async function buildSpecialtiesProgress(input: Scope): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const students = await studentsWithPeriodFinals(
    input.organisationId,
    classesByOwnPeriod(input.classes, input.period, input.periods, (c) => input.isCollege || c.grade > 1),
  );
  const signers = await signatoryFacts(
    input.organisationId,
    input.classes.map((c) => c.id),
  );
  const groups = specialtyGroups(input.classes);
  const row = (label: string, ids: Set<number>): CellValue[] => {
    return [label, ...progressFigureCells(progressFigures(students.filter((s) => ids.has(s.classId))))];
  };
  const title = "Итоги успеваемости по специальностям";
  return {
    title,
    organisationName: input.orgName,
    parameters: [
      { label: cap(v.class.nomPl), value: input.scopeLabel },
      { label: "Период", value: periodText(input.period) },
    ],
    orientation: "landscape",
    header: [{ label: "Специальность" }, ...progressFigureHeader(cap(v.student.genPl))],
    columns: [{ kind: "text", key: true }, ...PROGRESS_FIGURE_COLUMNS],
    rows: groups.map((g) => row(g.label, g.ids)),
    totals: groups.length > 1 ? [row("Итого", new Set(input.classes.map((c) => c.id)))] : [],
    notes: [
      `Каждый ${v.student.nom} учитывается один раз по итоговым отметкам за период по всем ${v.subject.datPl} (как в «Итогах успеваемости»).`,
    ],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, input.sign),
    fileName: reportFileName([title, input.scopeLabel, input.period.name, yearShort(input.year.name)]),
  };
}

const figureCells = (f: FinalsFigures): CellValue[] => [
  f.count,
  f.fives,
  f.fours,
  f.threes,
  f.twos,
  f.notAttested,
  f.passes,
  f.successPercent,
  f.qualityPercent,
  f.average,
];

const FIGURE_HEAD = [
  { label: "Итоговых отметок" },
  {
    label: "Из них",
    children: [
      { label: "«5»" },
      { label: "«4»" },
      { label: "«3»" },
      { label: "«2», незачёт" },
      { label: "н/а" },
      { label: "зачёт, осв." },
    ],
  },
  { label: "Успеваемость, %" },
  { label: "Качество, %" },
  { label: "Средний балл" },
];

const FIGURE_COLUMNS = [
  ...Array.from({ length: 7 }, () => ({ kind: "number" as const })),
  { kind: "percent" as const },
  { kind: "percent" as const },
  { kind: "decimal" as const },
];

const FIGURE_NOTE =
  "Успеваемость — доля итоговых отметок без «2», «незачёт» и н/а; качество — доля «4» и «5» среди числовых отметок; средний балл — по числовым отметкам.";

/** «Итоги успеваемости по учебной дисциплине за период» (PRN-7). */
export async function buildSubjectProgress(input: Scope & { subjectId: number }): Promise<ReportModel | null> {
  const v = vocabulary(input.isCollege);
  const [subject] = await subjectsOf(input.organisationId, [], [input.subjectId]);
  if (!subject) return null;
  const own = new Map(input.classes.map((c) => [c.id, classPeriod(c, input.period, input.periods)]));
  const ids = input.classes.map((c) => c.id);
  const [finals, teachers, signers] = await Promise.all([
    subjectFinals(
      input.organisationId,
      ids,
      [input.subjectId],
      [...new Set([...own.values()].flatMap((p) => (p ? [p.id] : [])))],
    ),
    loadTeachers(input.organisationId, ids, [input.subjectId]),
    signatoryFacts(input.organisationId, ids),
  ]);
  const mine = (c: ReportClass) => finals.filter((f) => f.classId === c.id && f.periodId === own.get(c.id)?.id);
  // A school's first grade gets no marks, so no finals (JRN-10): its rows would read 0 of 0.
  const graded = input.classes.filter((c) => marksAllowed(input.isCollege ? "COLLEGE" : "SCHOOL", c.grade));
  const classes = graded.filter((c) => mine(c).length > 0 || teachers.has(`${c.id}:${input.subjectId}`));
  // DAY-6, PRN-3: a school's form is «по предмету» (it printed «по учебной дисциплине» over «Предмет:»).
  const title = `Итоги успеваемости по ${v.subject.dat}`;
  const name = subjectTitle(v, subject);
  return {
    title,
    organisationName: input.orgName,
    parameters: [
      { label: cap(v.subject.nom), value: name },
      { label: cap(v.class.nomPl), value: input.scopeLabel },
      { label: "Период", value: periodText(input.period) },
    ],
    orientation: "landscape",
    header: [{ label: cap(v.class.nom) }, { label: cap(v.teacher.nom) }, ...FIGURE_HEAD],
    columns: [{ kind: "text", key: true }, { kind: "text" }, ...FIGURE_COLUMNS],
    rows: classes.map((c) => [
      c.name,
      teachers.get(`${c.id}:${input.subjectId}`) ?? "—",
      ...figureCells(finalsFigures(mine(c))),
    ]),
    totals: classes.length > 1 ? [["Итого", "", ...figureCells(finalsFigures(classes.flatMap(mine)))]] : [],
    notes: [FIGURE_NOTE],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, input.sign),
    // PRN-10: the file says which form it is («Итоги успеваемости Рус. яз. 7А …», not «Рус. яз. 7А …»).
    fileName: reportFileName([
      "Итоги успеваемости",
      subject.shortName || subject.name,
      input.scopeLabel,
      input.period.name,
      yearShort(input.year.name),
    ]),
  };
}

/** «Отчёт преподавателя дисциплины по окончании периода» (PRN-7, seed 002 §4.5.1). */
export async function buildTeacherReport(
  input: ReportInput & {
    teacherId: number;
    teacherName: string;
    classes: ReportClass[];
    period: ReportPeriod;
    periods: ReportPeriod[];
  },
): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const taught = await taughtBetween(
    input.organisationId,
    input.teacherId,
    input.period.startDate,
    input.period.endDate,
  );
  const classById = new Map(input.classes.map((c) => [c.id, c]));
  const pairs = taught
    .filter((t) => classById.has(t.classId))
    .sort((a, b) => compareRuNumeric(classById.get(a.classId)!.name, classById.get(b.classId)!.name));
  const ids = [...new Set(pairs.map((p) => p.classId))];
  const own = new Map(ids.map((id) => [id, classPeriod(classById.get(id)!, input.period, input.periods)]));
  const [subjects, finals, planned, absences, signers] = await Promise.all([
    subjectsOf(input.organisationId, [], [...new Set(pairs.map((p) => p.subjectId))]),
    subjectFinals(
      input.organisationId,
      ids,
      [...new Set(pairs.map((p) => p.subjectId))],
      [...new Set([...own.values()].flatMap((p) => (p ? [p.id] : [])))],
    ),
    plannedHours(input.organisationId, ids, input.period.id),
    absenceRows(input.organisationId, ids, input.period.startDate, input.period.endDate),
    signatoryFacts(input.organisationId, ids),
  ]);
  const rolls = await Promise.all(
    ids.map((id) => rollOn(input.organisationId, [id], own.get(id)?.endDate ?? input.period.endDate)),
  );
  const rollOf = new Map(ids.map((id, i) => [id, rolls[i].length]));
  const subjectOf = new Map(subjects.map((s) => [s.id, s]));
  const rows: CellValue[][] = pairs.map((p) => {
    const mine = finals.filter(
      (f) => f.classId === p.classId && f.subjectId === p.subjectId && f.periodId === own.get(p.classId)?.id,
    );
    const missed = attendanceFigures(
      absences.filter((a) => a.classId === p.classId && a.subjectId === p.subjectId),
    ).missed;
    const s = subjectOf.get(p.subjectId);
    return [
      classById.get(p.classId)!.name,
      s ? subjectTitle(v, s) : "—",
      planned.get(`${p.classId}:${p.subjectId}`) ?? null,
      p.hours,
      rollOf.get(p.classId) ?? 0,
      ...figureCells(finalsFigures(mine)),
      missed,
    ];
  });
  const sum = (i: number) => rows.reduce((n, r) => n + (typeof r[i] === "number" ? (r[i] as number) : 0), 0);
  const title = "Отчёт преподавателя дисциплины";
  return {
    title,
    organisationName: input.orgName,
    parameters: [
      { label: cap(v.teacher.nom), value: input.teacherName },
      { label: "Период", value: periodText(input.period) },
    ],
    orientation: "landscape",
    header: [
      { label: cap(v.class.nom) },
      { label: cap(v.subject.nom) },
      { label: "Часов", children: [{ label: "по плану" }, { label: "дано" }] },
      { label: `${cap(v.student.genPl)}` },
      ...FIGURE_HEAD,
      { label: `Пропущено ${v.unit.genPl}` },
    ],
    columns: [
      { kind: "text", key: true },
      { kind: "text", key: true },
      { kind: "number" },
      { kind: "number" },
      { kind: "number" },
      ...FIGURE_COLUMNS,
      { kind: "number" },
    ],
    rows,
    totals:
      rows.length > 1
        ? [
            [
              "Итого",
              "",
              sum(2),
              sum(3),
              sum(4),
              ...figureCells(
                finalsFigures(
                  pairs.flatMap((p) =>
                    finals.filter(
                      (f) =>
                        f.classId === p.classId && f.subjectId === p.subjectId && f.periodId === own.get(p.classId)?.id,
                    ),
                  ),
                ),
              ),
              sum(15),
            ],
          ]
        : [],
    notes: [
      `Часов дано — проведённые ${v.lesson.nomPl} периода (замещённое — у замещающего); по плану — из учебного плана на период или на год.`,
      FIGURE_NOTE,
    ],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, { teacher: input.teacherName, deputy: true }),
    fileName: reportFileName(["Отчёт преподавателя", input.teacherName, input.period.name, yearShort(input.year.name)]),
  };
}
