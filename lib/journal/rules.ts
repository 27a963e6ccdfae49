// Pure rules of the class journal (JRN-1…JRN-6, JRN-10, PPL-2): what a typed cell means, who
// has a cell on a lesson's date, which attendance changes a role may make, and the edit window's
// arithmetic. No I/O; `now` is always passed in, so tests move the clock. Whether a write may
// happen at all is the one lock decision in ./lock.ts; averages live in ./averages.ts.
import { markWord, type MarkKindName } from "./marks";

export type AttendanceCodeName = "N" | "UP" | "NP" | "B" | "OT" | "OP";
export type EducationFormName = "FULL_TIME" | "PART_TIME" | "EXTRAMURAL" | "FAMILY" | "HOME";

/** JRN-4 labels (seed 001 §5.3–5.4). «осв» is not a code (seed 003). */
export const ATTENDANCE_LABELS: Record<AttendanceCodeName, string> = {
  N: "Н",
  UP: "УП",
  NP: "НП",
  B: "Б",
  OT: "ОТ",
  OP: "ОП",
};
export const ATTENDANCE_TITLES: Record<AttendanceCodeName, string> = {
  N: "отсутствовал (причина не указана)",
  UP: "уважительная причина",
  NP: "неуважительная причина",
  B: "болезнь",
  OT: "отсутствовал, причина неизвестна",
  OP: "опоздание",
};
/**
 * SCH-3: the lessons a teacher gives — their own without a substitute, and those they substitute
 * (a lesson filter for a query; spread it into a where without another OR).
 */
export function lessonsGivenBy(teacherId: number) {
  return { OR: [{ teacherId, substituteId: null }, { substituteId: teacherId }] };
}

/** The teacher of the lesson marks only these (JRN-4). */
export const TEACHER_CODES: readonly AttendanceCodeName[] = ["N", "OP"];
/** The class teacher turns an absence into one of these on the attendance page. */
export const REASON_CODES: readonly AttendanceCodeName[] = ["UP", "NP", "B", "OT"];

// ───────────── typed input ─────────────

/** A key typed on the Latin layout by mistake → the Cyrillic letter on the same key. */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  y: "н",
  j: "о",
  g: "п",
  l: "д",
  p: "з",
  "<": "б",
  ",": "б",
  t: "е",
  f: "а",
};

function normalise(raw: string): string {
  return [...raw.trim().toLowerCase()]
    .map((c) => LATIN_TO_CYRILLIC[c] ?? c)
    .join("")
    .replace(/ё/g, "е")
    .replace(/\s+/g, "");
}

export type MarkInput = { kind: MarkKindName; value: number | null; isHospital: boolean };
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * What a teacher typed into a mark cell (JRN-3): a digit of the organisation's scale, optionally
 * followed by «б» for a mark received in hospital (001 §5.6); «з»/«зач» and «нз»/«незач» where the
 * subject is marked pass/fail; «д»/«долг» for work not handed in; «на»/«н/а» for не аттестован.
 * Empty input means «remove the mark» (value null).
 */
export function parseMarkInput(
  raw: string,
  opts: { minMark: number; maxMark: number; passFail: boolean },
): ParseResult<MarkInput | null> {
  const s = normalise(raw);
  if (s === "") return { ok: true, value: null };
  if (s === "д" || s === "долг" || s === ".")
    return { ok: true, value: { kind: "DEBT", value: null, isHospital: false } };
  if (s === "на" || s === "н/а" || s === "н\\а")
    return { ok: true, value: { kind: "NOT_ATTESTED", value: null, isHospital: false } };
  if (opts.passFail) {
    if (s === "з" || s === "зач" || s === "зачет" || s === "+")
      return { ok: true, value: { kind: "PASS", value: null, isHospital: false } };
    if (s === "нз" || s === "незач" || s === "незачет" || s === "-")
      return { ok: true, value: { kind: "FAIL", value: null, isHospital: false } };
    return { ok: false, message: "По этому предмету ставится «зачёт» (з) или «незачёт» (нз)" };
  }
  const m = /^(\d{1,2})(б|\*)?$/.exec(s);
  if (!m) return { ok: false, message: `Допустимы отметки ${opts.minMark}–${opts.maxMark}, «д» (долг), «н/а»` };
  const value = Number(m[1]);
  if (value < opts.minMark || value > opts.maxMark) {
    return { ok: false, message: `Отметка должна быть от ${opts.minMark} до ${opts.maxMark}` };
  }
  return { ok: true, value: { kind: "GRADE", value, isHospital: Boolean(m[2]) } };
}

export type AttendanceInput = { code: AttendanceCodeName; missedHours: number | null };

/**
 * What a teacher typed into an attendance cell (JRN-4): «н» (absent) or «оп» (late); college:
 * «н2» — absent for 2 academic hours of the pair (default: the whole lesson). Empty = present.
 * Reasons (УП/НП/Б/ОТ) are refused here: they belong to the class teacher's page.
 */
export function parseAttendanceInput(
  raw: string,
  opts: { college: boolean; lessonHours: number },
): ParseResult<AttendanceInput | null> {
  const s = normalise(raw);
  if (s === "" || s === "п" || s === "+") return { ok: true, value: null };
  if (s === "оп" || s === "о") return { ok: true, value: { code: "OP", missedHours: null } };
  const m = /^н(\d+(?:[.,]\d)?)?$/.exec(s);
  if (m) {
    const hours = m[1] ? Number(m[1].replace(",", ".")) : opts.lessonHours;
    if (m[1] && (!opts.college || hours <= 0 || hours > opts.lessonHours)) {
      return {
        ok: false,
        message: opts.college ? `Часов пропуска: от 0,5 до ${opts.lessonHours}` : "Введите «н» или «оп»",
      };
    }
    return { ok: true, value: { code: "N", missedHours: opts.college ? hours : null } };
  }
  if (["уп", "нп", "б", "от"].includes(s))
    return { ok: false, message: "Причину пропуска указывает классный руководитель" };
  return { ok: false, message: "Введите «н» (отсутствовал) или «оп» (опоздание)" };
}

/** The short text of a mark in a cell. */
export function markLabel(m: { kind: MarkKindName; value: number | null }): string {
  switch (m.kind) {
    case "GRADE":
      return String(m.value ?? "");
    default:
      return markWord(m.kind, "cell");
  }
}

/** The text a teacher would type to get this mark back (the editor's initial value). */
export function markInputText(m: { kind: MarkKindName; value: number | null; isHospital: boolean }): string {
  if (m.kind === "GRADE") return `${m.value ?? ""}${m.isHospital ? "б" : ""}`;
  return markWord(m.kind, "input");
}

// ───────────── attendance transitions ─────────────

/**
 * May the lesson's teacher replace `current` with `next` (null = present)? The teacher sets Н / ОП
 * and may clear a mistaken absence; a reason the class teacher has set is kept when the teacher
 * types «н» again (it is still an absence), so the reason is never lost silently.
 */
export function teacherMayChangeAttendance(
  current: AttendanceCodeName | null,
  next: AttendanceCodeName | null,
): boolean {
  if (next !== null && !TEACHER_CODES.includes(next)) return false;
  return current === null || next === null || TEACHER_CODES.includes(current) || next === "OP";
}

/** The class teacher's page turns an absence (not a lateness) into a reason (JRN-4). */
export function reasonApplies(current: AttendanceCodeName, reason: AttendanceCodeName): boolean {
  return current !== "OP" && [...REASON_CODES, "N"].includes(reason);
}

// ───────────── who has a cell (JRN-1, PPL-2, PPL-3) ─────────────

export type MembershipSpan = {
  studentId: number;
  startDate: Date;
  endDate: Date | null;
  educationForm: EducationFormName;
};

/** Students on home or family education get no current marks nor attendance (PPL-2, 001 §5.5). */
export const FORMS_WITHOUT_CELLS: readonly EducationFormName[] = ["FAMILY", "HOME"];

/** The membership that covers a calendar date, or null. */
export function membershipOn<T extends MembershipSpan>(spans: readonly T[], date: Date): T | null {
  const t = date.getTime();
  return spans.find((s) => s.startDate.getTime() <= t && (s.endDate === null || s.endDate.getTime() >= t)) ?? null;
}

export type CellState = "open" | "outside" | "form";

/**
 * Whether a student has a cell on a lesson: a member of the class that day (movement book), of the
 * lesson's subgroup if it has one, and not on home or family education.
 */
export function cellState(
  spans: readonly MembershipSpan[],
  date: Date,
  lessonSubgroupId: number | null,
  subgroupsOfStudent: ReadonlySet<number>,
): CellState {
  const m = membershipOn(spans, date);
  if (!m) return "outside";
  if (lessonSubgroupId !== null && !subgroupsOfStudent.has(lessonSubgroupId)) return "outside";
  if (FORMS_WITHOUT_CELLS.includes(m.educationForm)) return "form";
  return "open";
}

/** JRN-10: the first grade of a school gets no marks — topics, attendance and forms of work only. */
export function marksAllowed(orgKind: "SCHOOL" | "COLLEGE", grade: number): boolean {
  return orgKind === "COLLEGE" || grade !== 1;
}

/** DUT-6: «не предусмотрено» (no homework by the programme) belongs to a school's first grade (seed 001 §4.2.5.2). */
export function homeworkNotProvidedAllowed(orgKind: "SCHOOL" | "COLLEGE", grade: number): boolean {
  return orgKind === "SCHOOL" && grade === 1;
}

export const HOMEWORK_MARKER_LABELS: Record<"NOT_GIVEN" | "NOT_PROVIDED", string> = {
  NOT_GIVEN: "не задано",
  NOT_PROVIDED: "не предусмотрено",
};

// ───────────── the edit window (JRN-6); the lock decision itself is lib/journal/lock.ts ─────────────

export const UNLOCK_HOURS = 12;
const DAY_MS = 86_400_000;

/** Whole days from a lesson's date to today (both calendar dates at UTC midnight). */
export function daysSince(lessonDate: Date, today: Date): number {
  return Math.round((today.getTime() - lessonDate.getTime()) / DAY_MS);
}

/** The end of an unlock that ADMIN approves at `now`. */
export function unlockEnd(now: Date): Date {
  return new Date(now.getTime() + UNLOCK_HOURS * 3_600_000);
}

/**
 * ORG-2 / DAY-8: why homework may not be set on a lesson now, or null. Dates are YYYY-MM-DD (the
 * lesson's date and today in the organisation's zone). The same text the action refuses with, so the
 * lesson panel shows it before anyone types (seed 001 §3.7: a lesson filled on its day by 16:00 gets
 * its homework then — after the lesson — so past lessons default to allowed within the edit window).
 */
export function homeworkRefusal(
  lessonDate: string,
  today: string,
  settings: { forToday: boolean; forPast: boolean },
): string | null {
  if (lessonDate < today && !settings.forPast)
    return "Настройки школы не разрешают задавать домашнее задание к прошедшим урокам";
  if (lessonDate === today && !settings.forToday)
    return "Настройки школы не разрешают задавать домашнее задание на сегодня";
  return null;
}
