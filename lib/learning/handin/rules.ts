// LRN-1 as pure rules (no I/O): when a homework's hand-in is due, whether a hand-in is late, what
// a student's hand-in status is at a moment, and whether a hand-in or a review is still allowed.
import { formatClock, formatDateTime, todayIn, wallTimeToInstant } from "@/lib/org/time";

export type SubmissionStatusName = "SUBMITTED" | "REVIEWED" | "RETURNED";

/** The status a teacher, a student or a parent sees for one student's hand-in. */
export type HandinState = "waiting" | "missing" | "submitted" | "late" | "reviewed" | "returned";

export const HANDIN_STATE_LABELS: Record<HandinState, string> = {
  waiting: "ожидается",
  missing: "не сдано",
  submitted: "сдано",
  late: "сдано с опозданием",
  reviewed: "проверено",
  returned: "на доработке",
};

/** When no time is given, a hand-in is due at the end of its due date (the organisation's wall clock). */
export const DEFAULT_DUE_TIME = "23:59";

/**
 * The instant a hand-in is due: the due date at `time` ("HH:MM", default 23:59) on the
 * organisation's wall clock. A date is a calendar date (UTC midnight).
 */
export function dueInstant(dueDate: Date, time: string | null, timeZone: string): Date {
  const [hh, mm] = (time || DEFAULT_DUE_TIME).split(":").map(Number);
  const wall = Date.UTC(dueDate.getUTCFullYear(), dueDate.getUTCMonth(), dueDate.getUTCDate(), hh, mm);
  return wallTimeToInstant(wall, timeZone);
}

/** «до 21.11.2026 23:59» in the organisation's zone. */
export function dueLabel(dueAt: Date, timeZone: string): string {
  return `до ${formatDateTime(dueAt, timeZone)}`;
}

/** The calendar date (UTC midnight) of a due instant in the organisation's zone. */
export function dueDateOf(dueAt: Date, timeZone: string): Date {
  return todayIn(timeZone, dueAt);
}

/** "HH:MM" of a due instant in the organisation's zone (for the settings form). */
export function dueTimeOf(dueAt: Date, timeZone: string): string {
  return formatClock(dueAt, timeZone);
}

/** A hand-in after the due instant is late; without a due instant nothing is late. */
export function isLate(submittedAt: Date, dueAt: Date | null): boolean {
  return dueAt !== null && submittedAt.getTime() > dueAt.getTime();
}

export type SubmissionFacts = { status: SubmissionStatusName; isLate: boolean } | null;

/** The state of one student's hand-in at `now`. */
export function handinState(submission: SubmissionFacts, dueAt: Date | null, now: Date): HandinState {
  if (!submission) return dueAt !== null && now.getTime() > dueAt.getTime() ? "missing" : "waiting";
  if (submission.status === "REVIEWED") return "reviewed";
  if (submission.status === "RETURNED") return "returned";
  return submission.isLate ? "late" : "submitted";
}

/** Counts per state for the «Сдача работ» list. */
export function handinCounts(states: readonly HandinState[]): Record<HandinState, number> {
  const out: Record<HandinState, number> = { waiting: 0, missing: 0, submitted: 0, late: 0, reviewed: 0, returned: 0 };
  for (const s of states) out[s] += 1;
  return out;
}

/** Why a student may not hand in now (Russian), or null when they may. */
export function handinRefusal(submission: SubmissionFacts): string | null {
  if (submission?.status === "REVIEWED")
    return "Работа уже проверена учителем — сдать её повторно нельзя. Если нужно исправить, попросите учителя вернуть работу на доработку";
  return null;
}

/** Why a teacher may not review now (Russian), or null. */
export function reviewRefusal(submission: SubmissionFacts): string | null {
  if (!submission) return "Ученик ещё не сдал работу";
  return null;
}

/** One line of what a family sees: «сдано 20.11.2026 12:00, с опозданием». */
export function submittedLabel(submittedAt: Date, late: boolean, timeZone: string): string {
  return `сдано ${formatDateTime(submittedAt, timeZone)}${late ? ", с опозданием" : ""}`;
}

/** Who teaches the lesson now (the substitute, else the teacher): the hand-in push goes to them. */
export function lessonTeacherId(lesson: { teacherId: number; substituteId: number | null }): number {
  return lesson.substituteId ?? lesson.teacherId;
}
