// The attendance forms of PRN-6 (seeds 000 §4.5, §5.3; 002 §4.6.2) for a class, a course, a
// department, a specialty or the organisation, with totals, in PDF and XLSX:
// - «Сводная ведомость учёта посещаемости» by month or by discipline: for one class its students,
//   for more its classes; per month (discipline) missed in total and excused;
// - «Посещаемость групп»: per class the roll, missed in total and by reason, per student;
// - «Итоги посещаемости по специальностям»: the same per specialty.
import { formatDate } from "@/lib/org/time";
import { cap, subjectTitle, vocabulary } from "@/lib/org/vocabulary";
import type { CellValue, HeaderNode, ReportColumn, ReportModel } from "./model";
import { absenceRows, rollOn, signatoryFacts, subjectsOf } from "./data";
import { groupAttendance, monthKey, monthsBetween, sliceBy, sumGroups, type GroupAttendance } from "./attendance-rules";
import { monthText } from "./rating";
import { reportFileName, yearShort } from "./rules";
import { specialtyGroups, type ClassesReportInput } from "./scope-rules";
import { signaturesFor } from "./signatures";

type Input = ClassesReportInput & {
  /** One class: the rows are its students. */
  single: boolean;
  from: Date;
  to: Date;
};

async function facts(input: Input) {
  const ids = input.classes.map((c) => c.id);
  const [roll, rows, signers] = await Promise.all([
    rollOn(input.organisationId, ids, input.to),
    absenceRows(input.organisationId, ids, input.from, input.to),
    signatoryFacts(input.organisationId, ids),
  ]);
  return { roll, rows, signers };
}

const range = (input: Input) => `${formatDate(input.from)} — ${formatDate(input.to)}`;

function common(input: Input, title: string, signers: Awaited<ReturnType<typeof facts>>["signers"]) {
  const v = vocabulary(input.isCollege);
  return {
    organisationName: input.orgName,
    parameters: [
      { label: input.single ? cap(v.class.nom) : cap(v.class.nomPl), value: input.scopeLabel },
      { label: "Период", value: range(input) },
    ],
    printedAt: input.now,
    signatures: signaturesFor(v, signers, input.sign),
    fileName: reportFileName([title, input.scopeLabel, range(input).replace(/ — /, "–"), yearShort(input.year.name)]),
  };
}

/** «Сводная ведомость учёта посещаемости» by month or by discipline (PRN-6). */
export async function buildAttendanceSheet(input: Input & { by: "month" | "subject" }): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const { roll, rows, signers } = await facts(input);
  const subjects =
    input.by === "subject"
      ? await subjectsOf(input.organisationId, [], [...new Set(rows.map((r) => r.subjectId))])
      : [];
  const slices: { key: string; label: string }[] =
    input.by === "month"
      ? monthsBetween(input.from, input.to).map((m) => ({ key: m, label: monthText(new Date(`${m}-01T00:00:00Z`)) }))
      : subjects.map((s) => ({ key: String(s.id), label: subjectTitle(v, s, true) }));
  const sliceKey =
    input.by === "month" ? (r: (typeof rows)[number]) => monthKey(r.date) : (r: (typeof rows)[number]) => r.subjectId;
  // For one class the students, else the classes; each line its absences.
  const lines = input.single
    ? roll.map((s, i) => ({
        head: [i + 1, s.fullName] as CellValue[],
        rows: rows.filter((r) => r.studentId === s.studentId),
      }))
    : input.classes.map((c) => ({ head: [c.name] as CellValue[], rows: rows.filter((r) => r.classId === c.id) }));
  const cells = (own: typeof rows): CellValue[] => {
    const by = sliceBy(own, sliceKey);
    const total = sliceBy(own, () => "all").get("all") ?? { missed: 0, excused: 0 };
    return [
      ...slices.flatMap((s) => {
        const f = by.get(s.key);
        return [f?.missed ?? null, f?.excused ?? null];
      }),
      total.missed,
      total.excused,
      total.missed - total.excused,
    ];
  };
  const pair: HeaderNode[] = [{ label: "всего" }, { label: "уваж." }];
  const keyHead: HeaderNode[] = input.single
    ? [{ label: "№" }, { label: cap(v.student.nom) }]
    : [{ label: cap(v.class.nom) }];
  const keyColumns: ReportColumn[] = input.single
    ? [
        { kind: "number", key: true },
        { kind: "text", key: true },
      ]
    : [{ kind: "text", key: true }];
  const title = "Сводная ведомость учёта посещаемости";
  const allRows = rows;
  return {
    ...common(input, title, signers),
    title,
    parameters: [
      ...common(input, title, signers).parameters,
      { label: "Разрез", value: input.by === "month" ? "по месяцам" : `по ${v.subject.datPl}` },
    ],
    orientation: "landscape",
    header: [
      ...keyHead,
      ...slices.map((s) => ({ label: s.label, children: pair })),
      {
        label: `Итого пропущено ${v.unit.genPl}`,
        children: [{ label: "всего" }, { label: "по уважит. причине и болезни" }, { label: "без уважит. причины" }],
      },
    ],
    columns: [
      ...keyColumns,
      ...slices.flatMap(() => [{ kind: "number" as const }, { kind: "number" as const }]),
      ...Array.from({ length: 3 }, () => ({ kind: "number" as const })),
    ],
    rows: lines.map((l) => [...l.head, ...cells(l.rows)]),
    totals: lines.length ? [[...(input.single ? [null, "Итого"] : ["Итого"]), ...cells(allRows)]] : [],
    notes: [
      `Пропуски — ${v.unit.nomPl} с отметками Н, УП, НП, Б, ОТ; уважит. — по уважительной причине (УП) и по болезни (Б); опоздание не считается пропуском.`,
    ],
  };
}

function groupRow(name: string, g: GroupAttendance): CellValue[] {
  return [name, g.roll, g.missed, g.excused, g.illness, g.unexcused, g.unknown, g.perStudent, g.late];
}

function groupHeader(isCollege: boolean, first: string): { header: HeaderNode[]; columns: ReportColumn[] } {
  const v = vocabulary(isCollege);
  return {
    header: [
      { label: first },
      { label: `${cap(v.student.genPl)} на конец периода` },
      {
        label: `Пропущено ${v.unit.genPl}`,
        children: [
          { label: "всего" },
          { label: "по уважительной причине (УП)" },
          { label: "по болезни (Б)" },
          { label: "по неуважительной причине (НП)" },
          { label: "причина не указана (Н, ОТ)" },
        ],
      },
      { label: `На одного ${v.student.gen}` },
      { label: "Опозданий (ОП)" },
    ],
    columns: [
      { kind: "text", key: true },
      ...Array.from({ length: 6 }, () => ({ kind: "number" as const })),
      { kind: "decimal" },
      { kind: "number" },
    ],
  };
}

/** «Посещаемость групп» («Предварительные итоги посещаемости», PRN-6). */
export async function buildGroupsAttendance(input: Input): Promise<ReportModel> {
  const v = vocabulary(input.isCollege);
  const { roll, rows, signers } = await facts(input);
  const figures = input.classes.map((c) =>
    groupAttendance(
      rows.filter((r) => r.classId === c.id),
      roll.filter((s) => s.classId === c.id).length,
    ),
  );
  const title = `Посещаемость ${v.class.genPl}`;
  return {
    ...common(input, title, signers),
    title,
    orientation: "landscape",
    ...groupHeader(input.isCollege, cap(v.class.nom)),
    rows: input.classes.map((c, i) => groupRow(c.name, figures[i])),
    totals: input.classes.length > 1 ? [groupRow("Итого", sumGroups(figures))] : [],
    notes: [
      `Пропуски — ${v.unit.nomPl} с отметками Н, УП, НП, Б, ОТ за период; на одного ${v.student.gen} — пропущено всего ÷ ${v.student.genPl} на конец периода.`,
    ],
  };
}

/** «Итоги посещаемости за учебный период» по специальностям (PRN-6). */
export async function buildSpecialtiesAttendance(input: Input): Promise<ReportModel> {
  const { roll, rows, signers } = await facts(input);
  const groups = specialtyGroups(input.classes);
  const figures = groups.map(({ ids }) =>
    groupAttendance(
      rows.filter((r) => ids.has(r.classId)),
      roll.filter((s) => ids.has(s.classId)).length,
    ),
  );
  const title = "Итоги посещаемости по специальностям";
  return {
    ...common(input, title, signers),
    title,
    orientation: "landscape",
    ...groupHeader(input.isCollege, "Специальность"),
    rows: groups.map((g, i) => groupRow(g.label, figures[i])),
    totals: groups.length > 1 ? [groupRow("Итого", sumGroups(figures))] : [],
    notes: ["По всем группам специальности в выбранных границах; пропуски — часы с отметками Н, УП, НП, Б, ОТ."],
  };
}
