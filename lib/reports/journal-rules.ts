// The printed class journal (RPT-12) as pure functions: the facts of a class and a date range →
// per subject (and subgroup) the pages of the paper journal — the marks and attendance grid
// (students × lesson dates, grouped by month) and, facing it, the lessons' topics and homework.
import { formatDate } from "@/lib/org/time";
import { fullName, shortName, type PersonName } from "@/lib/people/names";
import { ATTENDANCE_LABELS, type AttendanceCodeName } from "@/lib/journal/rules";
import type { CellValue, HeaderNode, ReportColumn, ReportSection } from "./model";
import { finalLabel, type FinalFact } from "./rules";

export type JournalLesson = {
  id: number;
  date: Date;
  bellNumber: number;
  subjectId: number;
  subgroupId: number | null;
  subgroupName: string | null;
  hours: number;
  topic: string | null;
  homework: string;
  teacher: PersonName;
};

export type JournalFacts = {
  lessons: JournalLesson[];
  marks: {
    lessonId: number;
    studentId: number;
    kind: "GRADE" | "PASS" | "FAIL" | "DEBT" | "NOT_ATTESTED";
    value: number | null;
    isHospital: boolean;
  }[];
  attendance: { lessonId: number; studentId: number; code: "N" | "UP" | "NP" | "B" | "OT" | "OP" }[];
  members: { studentId: number; start: Date; end: Date | null; name: PersonName }[];
  subgroupMembers: { subgroupId: number; studentId: number }[];
  subjects: { id: number; name: string; shortName: string }[];
  /** Period (and year) finals; `order` sorts the columns, `label` heads them. */
  finals?: ({ studentId: number; subjectId: number; label: string; order: string } & FinalFact)[];
};

/** Lesson columns on one page of the grid: fits A4 landscape next to the № and name columns. */
export const LESSONS_PER_PAGE = 25;

const MONTHS = [
  "январь",
  "февраль",
  "март",
  "апрель",
  "май",
  "июнь",
  "июль",
  "август",
  "сентябрь",
  "октябрь",
  "ноябрь",
  "декабрь",
];

/** A mark as written in the paper journal: 5, 5б (in hospital), зач, нз, д (debt), н/а. */
export function markText(m: Pick<JournalFacts["marks"][number], "kind" | "value" | "isHospital">): string {
  switch (m.kind) {
    case "GRADE":
      return `${m.value ?? ""}${m.isHospital ? "б" : ""}`;
    case "PASS":
      return "зач";
    case "FAIL":
      return "нз";
    case "DEBT":
      return "д";
    case "NOT_ATTESTED":
      return "н/а";
  }
}

/** One grid cell: the attendance code first (н, уп, нп, б, от, оп — JRN-4), then the marks. */
export function journalCell(code: AttendanceCodeName | undefined, marks: string[]): string {
  return [...(code ? [ATTENDANCE_LABELS[code].toLowerCase()] : []), ...marks].join(" ");
}

/** Splits the lessons into pages of at most `size` columns. */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Date columns grouped under their month, as the paper journal heads its pages. */
export function dateHeader(dates: Date[]): HeaderNode[] {
  const groups: HeaderNode[] = [];
  let last = -1;
  for (const d of dates) {
    const key = d.getUTCFullYear() * 12 + d.getUTCMonth();
    if (key !== last) groups.push({ label: MONTHS[d.getUTCMonth()], children: [] });
    last = key;
    groups[groups.length - 1].children!.push({ label: String(d.getUTCDate()).padStart(2, "0") });
  }
  return groups;
}

export type JournalPart = {
  subjectId: number;
  subgroupId: number | null;
  title: string;
  teachers: string;
  lessons: JournalLesson[];
  hours: number;
};

/** The journal's parts: one per subject (and subgroup), in the order of the subjects list. */
export function journalParts(facts: JournalFacts): JournalPart[] {
  const order = new Map(facts.subjects.map((s, i) => [s.id, i]));
  const by = new Map<string, JournalLesson[]>();
  for (const l of facts.lessons) {
    const key = `${l.subjectId}:${l.subgroupId ?? ""}`;
    by.set(key, [...(by.get(key) ?? []), l]);
  }
  const name = new Map(facts.subjects.map((s) => [s.id, s.name]));
  return [...by.values()]
    .map((lessons) => {
      const { subjectId, subgroupId, subgroupName } = lessons[0];
      const teachers = [...new Set(lessons.map((l) => shortName(l.teacher)))].join(", ");
      const hours = lessons.reduce((sum, l) => sum + l.hours, 0);
      const title = `${name.get(subjectId) ?? "—"}${subgroupId ? ` (${subgroupName ?? "подгруппа"})` : ""}`;
      return { subjectId, subgroupId, title, teachers, lessons, hours };
    })
    .sort(
      (a, b) =>
        (order.get(a.subjectId) ?? 0) - (order.get(b.subjectId) ?? 0) || (a.subgroupId ?? 0) - (b.subgroupId ?? 0),
    );
}

const day = (d: Date) => d.getTime();

/** The journal pages of one part: per page of lessons the grid, then the topics and homework. */
export function partSections(
  part: JournalPart,
  facts: JournalFacts,
  index: number,
  perPage = LESSONS_PER_PAGE,
): ReportSection[] {
  const marks = new Map<string, string[]>();
  for (const m of facts.marks) {
    const key = `${m.lessonId}:${m.studentId}`;
    marks.set(key, [...(marks.get(key) ?? []), markText(m)]);
  }
  const codes = new Map(facts.attendance.map((a) => [`${a.lessonId}:${a.studentId}`, a.code]));
  const inSubgroup =
    part.subgroupId === null
      ? null
      : new Set(facts.subgroupMembers.filter((m) => m.subgroupId === part.subgroupId).map((m) => m.studentId));
  // The last page of the part ends with the finals of the subject, as the paper journal does;
  // a final column is as wide as about 1.6 lesson columns, so the last page holds fewer lessons.
  const finals = (facts.finals ?? []).filter((f) => f.subjectId === part.subjectId);
  const finalColumns = [...new Map(finals.map((f) => [f.order, f.label])).entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  ); // ordinal: «~» (the year) last
  const finalOf = new Map(finals.map((f) => [`${f.studentId}:${f.order}`, f]));
  const pages = chunk(part.lessons, perPage);
  if (finalColumns.length > 0) {
    const room = Math.max(1, perPage - Math.ceil(finalColumns.length * 1.6));
    pages.push(...chunk(pages.pop() ?? [], room));
  }
  return pages.flatMap((lessons, p) => {
    const withFinals = p === pages.length - 1 && finalColumns.length > 0;
    const first = lessons[0].date;
    const last = lessons[lessons.length - 1].date;
    const onPage = facts.members.filter(
      (m) =>
        day(m.start) <= day(last) &&
        (m.end === null || day(m.end) >= day(first)) &&
        (inSubgroup === null || inSubgroup.has(m.studentId)),
    );
    const students = [...new Map(onPage.map((m) => [m.studentId, m])).values()].sort((a, b) =>
      fullName(a.name).localeCompare(fullName(b.name), "ru"),
    );
    const member = (studentId: number, date: Date) =>
      onPage.some(
        (m) => m.studentId === studentId && day(m.start) <= day(date) && (m.end === null || day(m.end) >= day(date)),
      );
    const rows: CellValue[][] = students.map((s, i) => [
      i + 1,
      fullName(s.name),
      ...lessons.map((l) =>
        member(s.studentId, l.date)
          ? journalCell(codes.get(`${l.id}:${s.studentId}`), marks.get(`${l.id}:${s.studentId}`) ?? [])
          : "—",
      ),
      ...(withFinals
        ? finalColumns.map(([order]) => {
            const f = finalOf.get(`${s.studentId}:${order}`);
            return f ? String(finalLabel(f)) : null;
          })
        : []),
    ]);
    const range = `${formatDate(first)} — ${formatDate(last)}`;
    const label = `${part.title}, стр. ${p + 1} из ${pages.length} (${range})`;
    const gridColumns: ReportColumn[] = [
      { kind: "number" },
      { kind: "text" },
      ...lessons.map(() => ({ kind: "text" as const })),
      ...(withFinals ? finalColumns.map(() => ({ kind: "text" as const })) : []),
    ];
    const sheet = `${index + 1}.${p + 1} ${part.title}`;
    return [
      {
        title: `${label}: отметки и посещаемость`,
        sheetName: `${sheet}`.slice(0, 28) + " о",
        header: [
          { label: "№" },
          { label: "Обучающийся" },
          ...dateHeader(lessons.map((l) => l.date)),
          ...(withFinals ? [{ label: "Итоговые", children: finalColumns.map(([, label]) => ({ label })) }] : []),
        ],
        columns: gridColumns,
        rows,
      },
      {
        title: `${label}: содержание уроков. Учитель: ${part.teachers}`,
        sheetName: `${sheet}`.slice(0, 28) + " т",
        header: [
          { label: "Дата" },
          { label: "Урок" },
          { label: "Часов" },
          { label: "Тема урока" },
          { label: "Домашнее задание" },
        ],
        columns: [{ kind: "text" }, { kind: "number" }, { kind: "number" }, { kind: "text" }, { kind: "text" }],
        rows: lessons.map((l) => [formatDate(l.date), l.bellNumber, l.hours, l.topic ?? "", l.homework]),
      },
    ];
  });
}
