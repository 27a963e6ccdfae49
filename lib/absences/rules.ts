// Absences by the class teacher (DUT-3) and parents' absence notices (DUT-4) as pure rules: what an
// absence does to each lesson of its days, how editing or withdrawing it undoes exactly what it
// did, and the date limits of the forms. No I/O; the caller reads the cells under a lock and writes
// what these decide, after the journal's one lock decision (lib/journal/lock.ts) agreed.
//
// One lesson, one student (documented decisions):
//   • a taken «Н» (or any absence code) gets the document's reason;
//   • no row and attendance not yet taken by the lesson's teacher → «absent» with the reason;
//   • no row and attendance taken → the subject teacher saw the student: «present» is never
//     overridden; «ОП» (late) likewise — the student was there;
//   • already applied: a changed reason follows only while the cell still holds what the absence
//     set (a later change by a teacher wins);
//   • undoing (the dates shrink, or the absence is withdrawn): a cell still holding what the
//     absence set goes back to what it held (no row → removed, or «Н» once the lesson's teacher
//     has taken the register since); a cell changed since is left as it is.
import { formatDate } from "@/lib/org/time";
import { ATTENDANCE_LABELS, type AttendanceCodeName } from "@/lib/journal/rules";

/** The reasons a document gives (JRN-4): уважительная, неуважительная, болезнь, причина неизвестна. */
export const ABSENCE_REASONS = ["B", "UP", "NP", "OT"] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const ABSENCE_REASON_LABELS: Record<AbsenceReason, string> = {
  B: "Б — болезнь",
  UP: "УП — уважительная причина",
  NP: "НП — неуважительная причина",
  OT: "ОТ — причина неизвестна",
};

/** What a parent may give as the reason (DUT-4); the class teacher may change it when accepting. */
export const NOTICE_REASONS = ["B", "UP"] as const;
export type NoticeReason = (typeof NOTICE_REASONS)[number];
export const NOTICE_REASON_LABELS: Record<NoticeReason, string> = {
  B: "болезнь",
  UP: "семейные обстоятельства, лечение, соревнования (уважительная причина)",
};

export const DOCUMENT_KINDS = [
  "справка медицинской организации",
  "заявление (записка) родителя",
  "приказ",
  "другой документ",
] as const;
/** The document of an absence made from a parent's accepted notice. */
export const NOTICE_DOCUMENT = "заявление (записка) родителя";

/** The beginning of the history's reason of every cell an absence writes (and the deadline's filter). */
export const ABSENCE_CHANGE_REASON = "Отсутствие по документу";

/** Longest range of one absence or notice (a long illness is recorded in parts). */
export const MAX_ABSENCE_DAYS = 92;
/** A parent tells in advance or on the day; a note after a short absence is accepted this many days back. */
export const NOTICE_PAST_DAYS = 14;
export const NOTICE_FUTURE_DAYS = 60;

const DAY_MS = 86_400_000;

export function absenceDays(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
}

/** «справка № 12 от 01.03.2027» — the document as the history and the lists name it. */
export function documentText(d: { documentKind: string; documentNumber: string | null; documentDate: Date | null }) {
  return [
    d.documentKind,
    d.documentNumber ? `№ ${d.documentNumber}` : null,
    d.documentDate ? `от ${formatDate(d.documentDate)}` : null,
  ]
    .filter(Boolean)
    .join(" ");
}

/** The history's reason of a cell the absence wrote: «Отсутствие по документу: справка № 12 от 01.03.2027 (Б)». */
export function changeReason(
  d: { documentKind: string; documentNumber: string | null; documentDate: Date | null },
  code: AttendanceCodeName,
): string {
  return `${ABSENCE_CHANGE_REASON}: ${documentText(d)} (${ATTENDANCE_LABELS[code]})`;
}

/** The history's reason of a cell an absence gave back (edited dates, withdrawn). */
export function undoReason(d: { documentKind: string; documentNumber: string | null; documentDate: Date | null }) {
  return `${ABSENCE_CHANGE_REASON} отменено: ${documentText(d)}`;
}

/** «01.03.2027» or «01.03.2027 — 03.03.2027». */
export function rangeText(from: Date, to: Date): string {
  return from.getTime() === to.getTime() ? formatDate(from) : `${formatDate(from)} — ${formatDate(to)}`;
}

export type CellFacts = {
  /** The stored code now; null = no row. */
  current: AttendanceCodeName | null;
  /** The lesson's teacher has taken the register («все присутствуют» or a saved cell). */
  taken: boolean;
  /** What this absence did to the cell before, if anything. */
  applied: { previousCode: AttendanceCodeName | null; appliedCode: AttendanceCodeName } | null;
};

/** set: write `code` and remember `previous` (what an undo restores); keep: nothing to do. */
export type Step =
  { kind: "set"; code: AttendanceCodeName; previous: AttendanceCodeName | null } | { kind: "keep"; record: boolean };

/** What the absence does to one cell of its days. `record`: keep (or drop) the applied record. */
export function applyStep(cell: CellFacts, reason: AbsenceReason): Step {
  if (cell.applied) {
    if (cell.current === cell.applied.appliedCode && cell.current !== reason)
      return { kind: "set", code: reason, previous: cell.applied.previousCode };
    return { kind: "keep", record: cell.current === cell.applied.appliedCode };
  }
  if (cell.current === "OP") return { kind: "keep", record: false };
  if (cell.current === null)
    return cell.taken ? { kind: "keep", record: false } : { kind: "set", code: reason, previous: null };
  if (cell.current === reason) return { kind: "keep", record: false };
  return { kind: "set", code: reason, previous: cell.current };
}

/** delete: remove the row (back to «not taken»); set: restore a code; keep: changed since, leave it. */
export type Undo = { kind: "delete" } | { kind: "restore"; code: AttendanceCodeName } | { kind: "keep" };

export function undoStep(cell: CellFacts): Undo {
  if (!cell.applied || cell.current !== cell.applied.appliedCode) return { kind: "keep" };
  if (cell.applied.previousCode !== null) return { kind: "restore", code: cell.applied.previousCode };
  return cell.taken ? { kind: "restore", code: "N" } : { kind: "delete" };
}

/** Do two date ranges share a day? */
export function overlaps(a: { from: Date; to: Date }, b: { from: Date; to: Date }): boolean {
  return a.from.getTime() <= b.to.getTime() && b.from.getTime() <= a.to.getTime();
}

/** A parent's range: not more than NOTICE_PAST_DAYS back, NOTICE_FUTURE_DAYS ahead (null = fine). */
export function noticeRangeProblem(from: Date, to: Date, today: Date): string | null {
  if (from.getTime() < today.getTime() - NOTICE_PAST_DAYS * DAY_MS)
    return `Сообщить можно об отсутствии не раньше чем за ${NOTICE_PAST_DAYS} дней до сегодняшнего дня`;
  if (to.getTime() > today.getTime() + NOTICE_FUTURE_DAYS * DAY_MS)
    return `Сообщить заранее можно не больше чем на ${NOTICE_FUTURE_DAYS} дней вперёд`;
  return null;
}
