// The printed class journal (RPT-12) as pure functions: the facts of a class and a date range →
// per subject (and subgroup) the pages of the paper journal — the marks and attendance grid
// (students × lesson dates, grouped by month) and, facing it, the lessons' topics and homework.
import { markWord } from "@/lib/journal/marks";
import { formatDate, monthName } from "@/lib/org/time";
import { fullName, shortName, type PersonName } from "@/lib/people/names";
import { ATTENDANCE_LABELS, type AttendanceCodeName } from "@/lib/journal/rules";
import { cap, vocabulary, type Vocabulary } from "@/lib/org/vocabulary";
import type { CellValue, HeaderNode, ReportColumn, ReportSection } from "./model";
import { finalLabel, type FinalFact } from "./rules";
import { compareRu } from "@/lib/org/collation";

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
  /** `code`: a college discipline's index (ОП.01, МДК.01.01), printed before its name (PRN-3). */
  subjects: { id: number; name: string; shortName: string; code?: string | null }[];
  /**
   * Period (and year) finals; `order` sorts the columns, `label` heads them, `end` (the period's
   * last day; null = the year) places the column after the period's last lesson (PRN-9).
   */
  finals?: ({ studentId: number; subjectId: number; label: string; order: string; end?: Date | null } & FinalFact)[];
};

/** Lesson columns on one page of the grid: fits A4 landscape next to the № and name columns. */
export const LESSONS_PER_PAGE = 25;

/** A mark as written in the paper journal: 5, 5б (in hospital), зач, нз, д (debt), н/а. */
export function markText(m: Pick<JournalFacts["marks"][number], "kind" | "value" | "isHospital">): string {
  switch (m.kind) {
    case "GRADE":
      return `${m.value ?? ""}${m.isHospital ? "б" : ""}`;
    default:
      return markWord(m.kind, "print");
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
    if (key !== last) groups.push({ label: monthName(d), children: [] });
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
  const name = new Map(facts.subjects.map((s) => [s.id, s.code ? `${s.code} ${s.name}` : s.name]));
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

/** A column of a grid page: a lesson, or the finals of a period after its last lesson. */
type GridColumn = { lesson: JournalLesson } | { final: { order: string; label: string } };

/** Width of a final column in lesson columns (its head is wider than a date). */
const FINAL_COST = 1.6;

/**
 * The grid's columns in order (PRN-9): the lessons by date, each period's final column right after
 * the period's last lesson (the 1st quarter's after October, not after December), the year's last.
 */
export function gridColumns(
  lessons: JournalLesson[],
  finals: { order: string; label: string; end: Date | null }[],
): GridColumn[] {
  const placed = [...finals].sort((a, b) => {
    const ea = a.end?.getTime() ?? Infinity;
    const eb = b.end?.getTime() ?? Infinity;
    return ea - eb || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);
  });
  const out: GridColumn[] = [];
  let f = 0;
  for (const lesson of lessons) {
    while (f < placed.length && placed[f].end !== null && placed[f].end!.getTime() < lesson.date.getTime())
      out.push({ final: placed[f++] });
    out.push({ lesson });
  }
  while (f < placed.length) out.push({ final: placed[f++] });
  return out;
}

/** Splits grid columns into pages of at most `size` lesson-column widths. */
export function gridPages(columns: GridColumn[], size: number): GridColumn[][] {
  const pages: GridColumn[][] = [];
  let current: GridColumn[] = [];
  let used = 0;
  for (const c of columns) {
    const cost = "lesson" in c ? 1 : FINAL_COST;
    if (current.length && used + cost > size) {
      // A final column never opens a page alone: its period's last lesson goes along.
      const carry = "final" in c && "lesson" in current[current.length - 1] ? current.splice(-1) : [];
      pages.push(current);
      current = carry;
      used = carry.length;
    }
    current.push(c);
    used += cost;
  }
  if (current.length) pages.push(current);
  return pages;
}

/** The grid page's header: lesson dates grouped under their month, a final column as its own head. */
function gridHeader(columns: GridColumn[]): HeaderNode[] {
  const out: HeaderNode[] = [];
  let month = -1;
  for (const c of columns) {
    if ("final" in c) {
      out.push({ label: c.final.label });
      month = -1;
      continue;
    }
    const d = c.lesson.date;
    const key = d.getUTCFullYear() * 12 + d.getUTCMonth();
    if (key !== month) out.push({ label: monthName(d), children: [] });
    month = key;
    out[out.length - 1].children!.push({ label: String(d.getUTCDate()).padStart(2, "0") });
  }
  return out;
}

/** A grid cell as the file keeps it: a lone grade is a number (XLSX), anything else text. */
const gridValue = (text: string): CellValue => (/^\d$/.test(text) ? Number(text) : text);

/** The journal pages of one part: per page of the grid, then the topics and homework of its lessons. */
export function partSections(
  part: JournalPart,
  facts: JournalFacts,
  index: number,
  perPage = LESSONS_PER_PAGE,
  v: Vocabulary = vocabulary("SCHOOL"),
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
  const finals = (facts.finals ?? []).filter((f) => f.subjectId === part.subjectId);
  const finalColumns = [
    ...new Map(finals.map((f) => [f.order, { order: f.order, label: f.label, end: f.end ?? null }])).values(),
  ];
  const finalOf = new Map(finals.map((f) => [`${f.studentId}:${f.order}`, f]));
  const pages = gridPages(gridColumns(part.lessons, finalColumns), perPage);
  return pages.flatMap((columns, p) => {
    const lessons = columns.flatMap((c) => ("lesson" in c ? [c.lesson] : []));
    const dates = lessons.length ? lessons.map((l) => l.date) : [part.lessons[part.lessons.length - 1].date];
    const first = dates[0];
    const last = dates[dates.length - 1];
    const onPage = facts.members.filter(
      (m) =>
        day(m.start) <= day(last) &&
        (m.end === null || day(m.end) >= day(first)) &&
        (inSubgroup === null || inSubgroup.has(m.studentId)),
    );
    const students = [...new Map(onPage.map((m) => [m.studentId, m])).values()].sort((a, b) =>
      compareRu(fullName(a.name), fullName(b.name)),
    );
    const member = (studentId: number, date: Date) =>
      onPage.some(
        (m) => m.studentId === studentId && day(m.start) <= day(date) && (m.end === null || day(m.end) >= day(date)),
      );
    const rows: CellValue[][] = students.map((s, i) => [
      i + 1,
      fullName(s.name),
      ...columns.map((c) => {
        if ("final" in c) {
          const f = finalOf.get(`${s.studentId}:${c.final.order}`);
          return f ? finalLabel(f) : null;
        }
        const l = c.lesson;
        return member(s.studentId, l.date)
          ? gridValue(journalCell(codes.get(`${l.id}:${s.studentId}`), marks.get(`${l.id}:${s.studentId}`) ?? []))
          : "—";
      }),
    ]);
    const range = `${formatDate(first)} — ${formatDate(last)}`;
    const label = `${part.title}, стр. ${p + 1} из ${pages.length} (${range})`;
    const gridColumnsSpec: ReportColumn[] = [
      { kind: "number", key: true },
      { kind: "text", key: true },
      ...columns.map(() => ({ kind: "mark" as const })),
    ];
    const sheet = `${index + 1}.${p + 1} ${part.title}`;
    return [
      {
        title: `${label}: отметки и посещаемость`,
        sheetName: `${sheet} отметки`,
        inContents: p === 0,
        header: [{ label: "№" }, { label: "Обучающийся" }, ...gridHeader(columns)],
        columns: gridColumnsSpec,
        rows,
      },
      ...(lessons.length
        ? [
            {
              title: `${label}: содержание ${v.lesson.genPl}. ${cap(v.teacher.nom)}: ${part.teachers}`,
              sheetName: `${sheet} темы`,
              header: [
                { label: "Дата" },
                { label: "№ по расписанию" },
                { label: "Часов" },
                { label: "Тема" },
                { label: "Домашнее задание" },
              ],
              columns: [
                { kind: "text", key: true },
                { kind: "number" },
                { kind: "number" },
                { kind: "text" },
                { kind: "text" },
              ] as ReportColumn[],
              rows: lessons.map((l) => [formatDate(l.date), l.bellNumber, l.hours, l.topic ?? "", l.homework]),
            },
          ]
        : []),
    ];
  });
}
