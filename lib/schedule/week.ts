// Calendar weeks and slots of the timetable (SCH-2). Pure: calendar dates are Dates at UTC
// midnight (`@db.Date`), weekdays are ISO (1 = Monday … 7 = Sunday), bells are local times
// «ЧЧ:ММ» in the organisation's time zone.
import { wallTimeToInstant } from "@/lib/org/time";

const DAY_MS = 86_400_000;

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

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: Date): number {
  const w = d.getUTCDay();
  return w === 0 ? 7 : w;
}

/** The Monday of the week containing a calendar date. */
export function mondayOf(d: Date): Date {
  return addDays(d, 1 - isoWeekday(d));
}

/** YYYY-MM-DD of a calendar date. */
export function dateKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

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
  return Number.isNaN(d.getTime()) || dateKey(d) !== value ? null : d;
}
