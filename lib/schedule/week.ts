// Calendar weeks and slots of the timetable (SCH-2). Pure: calendar dates are Dates at UTC
// midnight (`@db.Date`), weekdays are ISO (1 = Monday … 7 = Sunday), bells are local times
// «ЧЧ:ММ» in the organisation's time zone.
import { addDays, isoDate, isoWeekday, wallTimeToInstant } from "@/lib/org/time";

export const WEEKDAY_NAMES = [
  "",
  "понедельник",
  "вторник",
  "среда",
  "четверг",
  "пятница",
  "суббота",
  "воскресенье",
] as const;
export const WEEKDAY_SHORT = ["", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"] as const;

/** Every calendar date from `from` to `to`, both included. */
export function datesBetween(from: Date, to: Date): Date[] {
  const out: Date[] = [];
  for (let d = from; d.getTime() <= to.getTime(); d = addDays(d, 1)) out.push(d);
  return out;
}

export function within(d: Date, from: Date, to: Date): boolean {
  return d.getTime() >= from.getTime() && d.getTime() <= to.getTime();
}

/** «2-й урок» */
export function bellLabel(bellNumber: number, college = false): string {
  return `${bellNumber}-${college ? "я пара" : "й урок"}`;
}

/** Minutes since midnight of «ЧЧ:ММ»; null when malformed. */
export function minutesOf(time: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The instant of local time «ЧЧ:ММ» on a calendar date in a time zone. */
export function localInstant(date: Date, time: string, timeZone: string): Date {
  const minutes = minutesOf(time) ?? 0;
  return wallTimeToInstant(date.getTime() + minutes * 60_000, timeZone);
}

/** Parses «YYYY-MM-DD» into a calendar date; null when it is not a real date. */
export function parseDateKey(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || isoDate(d) !== value ? null : d;
}

// ───────────── DAY-4: the organisation's study week (one definition for the diary and the schedule) ─────────────

/** Study days per week (ORG-2 `studyDays`): 5 — Monday…Friday, 6 — Monday…Saturday. */
export type StudyDays = 5 | 6;

/** A stored setting as a study week; anything but 6 is the five-day week. */
export function studyDaysOf(value: number | null | undefined): StudyDays {
  return value === 6 ? 6 : 5;
}

/** Whether a calendar date is a study day of the week (holidays aside). */
export function isStudyDay(d: Date, studyDays: StudyDays): boolean {
  return isoWeekday(d) <= studyDays;
}

/** The last study day of the week that starts on `monday`: Friday or Saturday (the end of the week's range). */
export function weekEnd(monday: Date, studyDays: StudyDays): Date {
  return addDays(monday, studyDays - 1);
}

/** The first study day on or after a date: a Saturday of a five-day week, a Sunday → the next Monday. */
export function studyDayOnOrAfter(d: Date, studyDays: StudyDays): Date {
  let day = d;
  while (!isStudyDay(day, studyDays)) day = addDays(day, 1);
  return day;
}

/** The study day after a date (Friday → Monday in a five-day week). */
export function nextStudyDay(d: Date, studyDays: StudyDays): Date {
  return studyDayOnOrAfter(addDays(d, 1), studyDays);
}

/** The study day before a date (Monday → Friday or Saturday of the week before). */
export function previousStudyDay(d: Date, studyDays: StudyDays): Date {
  let day = addDays(d, -1);
  while (!isStudyDay(day, studyDays)) day = addDays(day, -1);
  return day;
}

/**
 * The days a week shows: its study days, and a weekend day only when something happens on it (a
 * Saturday lesson of a five-day school, a Sunday event).
 */
export function weekDaysShown(monday: Date, studyDays: StudyDays, busy: (d: Date) => boolean = () => false): Date[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i)).filter((d) => isStudyDay(d, studyDays) || busy(d));
}
