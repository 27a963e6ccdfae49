// The daily deadline (DUT-1, seed 001 §3.7, §4.2.5.1: «ежедневно до 16:00»): when a lesson counts
// as filled, whether it was filled by the deadline of its day, the shares per teacher by day, week
// and month, and when the reminder is due. Pure: the data layer hands in timestamps, `now` is
// passed in, so tests move the clock and the organisation's time zone.
//
// A lesson is filled when all of these exist (documented decision, from the seed's list):
//   • topic — the lesson's topic (its first non-empty save, or the lesson's fill time);
//   • attendance — taken by the lesson's teacher: «все присутствуют» or any cell they saved
//     (absences entered by the class teacher from a document, DUT-3, do not count: the teacher
//     still has to take the register);
//   • homework — homework text, or the explicit marker «не задано» / «не предусмотрено» (DUT-6);
//   • marks — every assignment due that day (the lesson's own without a later due date, and any
//     earlier lesson's assignment due on this date) holds at least one mark; not in a school's
//     first grade, where no marks are given (JRN-10).
// The lesson's fill time is the latest of those four first times; it is on time when it is not
// after the deadline instant of the lesson's calendar date in the organisation's zone.
import { wallTimeToInstant, zoneOffsetMs, todayIn } from "@/lib/org/time";
import { weekStart } from "../rules";

/** The reminder goes an hour before the deadline (DUT-1). */
export const REMINDER_LEAD_MINUTES = 60;

const DAY_MS = 86_400_000;

/** «16:00» */
export function deadlineText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** «16:00» / «9:30» → minutes after midnight; null when it is not a time of day. */
export function parseDeadline(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

/** The instant of the deadline on a calendar date (UTC midnight) in the organisation's zone. */
export function deadlineAt(date: Date, minutes: number, timeZone: string): Date {
  return wallTimeToInstant(date.getTime() + minutes * 60_000, timeZone);
}

/** Minutes after local midnight of an instant in a zone. */
export function localMinutes(now: Date, timeZone: string): number {
  const wall = now.getTime() + zoneOffsetMs(timeZone, now.getTime());
  return Math.floor((wall - todayIn(timeZone, now).getTime()) / 60_000);
}

/** The reminder's window: from an hour before the deadline up to the deadline (local time). */
export function reminderDue(now: Date, timeZone: string, deadlineMinutes: number): boolean {
  const m = localMinutes(now, timeZone);
  return m >= deadlineMinutes - REMINDER_LEAD_MINUTES && m < deadlineMinutes;
}

export type FillPart = "topic" | "attendance" | "homework" | "marks";

export const FILL_PART_LABELS: Record<FillPart, string> = {
  topic: "тема",
  attendance: "посещаемость",
  homework: "домашнее задание",
  marks: "отметки",
};

/** One lesson's first fill times, as the data layer reads them. */
export type LessonFill = {
  lessonId: number;
  /** Who conducted it: the substitute when there was one. */
  teacherId: number;
  classId: number;
  subjectId: number;
  date: Date;
  bell: number;
  topicAt: Date | null;
  attendanceAt: Date | null;
  homeworkAt: Date | null;
  /** Marks are required (not a school's first grade). */
  marksRequired: boolean;
  /** The first mark's time of each assignment due that day (null: no mark yet). */
  dueMarks: readonly (Date | null)[];
};

/** What is still missing (empty = filled). */
export function missingParts(f: LessonFill): FillPart[] {
  const out: FillPart[] = [];
  if (!f.topicAt) out.push("topic");
  if (!f.attendanceAt) out.push("attendance");
  if (!f.homeworkAt) out.push("homework");
  if (f.marksRequired && f.dueMarks.some((m) => m === null)) out.push("marks");
  return out;
}

/** When the lesson became filled: the latest of its parts' first times; null while a part is missing. */
export function filledAt(f: LessonFill): Date | null {
  if (missingParts(f).length > 0) return null;
  const times = [f.topicAt!, f.attendanceAt!, f.homeworkAt!, ...(f.marksRequired ? (f.dueMarks as Date[]) : [])];
  return new Date(Math.max(...times.map((t) => t.getTime())));
}

/** onTime / late: filled before or after the deadline; open: not filled, deadline ahead; missed: not filled, deadline passed. */
export type FillStatus = "onTime" | "late" | "open" | "missed";

export function fillStatus(f: LessonFill, deadline: Date, now: Date): FillStatus {
  const at = filledAt(f);
  if (at) return at.getTime() <= deadline.getTime() ? "onTime" : "late";
  return now.getTime() < deadline.getTime() ? "open" : "missed";
}

/** Lessons counted in a share: those whose deadline has passed, and those already filled in time. */
export type Share = { onTime: number; due: number };

export function sharePercent(s: Share): number | null {
  return s.due === 0 ? null : Math.round((s.onTime / s.due) * 100);
}

/** «12 из 15 (80 %)» */
export function shareText(s: Share): string {
  const p = sharePercent(s);
  return p === null ? "—" : `${s.onTime} из ${s.due} (${p} %)`;
}

export type TeacherShares = { teacherId: number; day: Share; week: Share; month: Share };

/** The calendar ranges of the day, its week (from Monday) and its month, each ending on the day. */
export function shareRanges(day: Date): { day: [Date, Date]; week: [Date, Date]; month: [Date, Date] } {
  return {
    day: [day, day],
    week: [weekStart(day), day],
    month: [new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)), day],
  };
}

/** The earliest date the shares of a day need (the first of its week or its month). */
export function sharesFrom(day: Date): Date {
  const r = shareRanges(day);
  return r.week[0] < r.month[0] ? r.week[0] : r.month[0];
}

/**
 * Per teacher, the lessons filled by the deadline on `day`, in its week and in its month (up to
 * the day). `status` of each lesson comes from fillStatus; «open» lessons are not yet due.
 */
export function teacherShares(
  lessons: readonly { teacherId: number; date: Date; status: FillStatus }[],
  day: Date,
): TeacherShares[] {
  const ranges = shareRanges(day);
  const within = (d: Date, [from, to]: [Date, Date]) => d.getTime() >= from.getTime() && d.getTime() <= to.getTime();
  const out = new Map<number, TeacherShares>();
  for (const l of lessons) {
    if (l.date.getTime() > day.getTime() || l.date.getTime() < day.getTime() - 31 * DAY_MS) continue;
    let row = out.get(l.teacherId);
    if (!row) {
      row = {
        teacherId: l.teacherId,
        day: { onTime: 0, due: 0 },
        week: { onTime: 0, due: 0 },
        month: { onTime: 0, due: 0 },
      };
      out.set(l.teacherId, row);
    }
    if (l.status === "open") continue;
    for (const key of ["day", "week", "month"] as const) {
      if (!within(l.date, ranges[key])) continue;
      row[key].due += 1;
      if (l.status === "onTime") row[key].onTime += 1;
    }
  }
  return [...out.values()];
}

/** The teachers who get the reminder: those with a lesson of the day not filled by `now`, with the count. */
export function reminderTargets(lessons: readonly LessonFill[], now: Date): Map<number, number> {
  const out = new Map<number, number>();
  for (const l of lessons) {
    const at = filledAt(l);
    if (at === null || at.getTime() > now.getTime()) out.set(l.teacherId, (out.get(l.teacherId) ?? 0) + 1);
  }
  return out;
}
