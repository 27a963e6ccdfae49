// Calendar-date helpers. A calendar date (PostgreSQL `date`) is a Date at UTC
// midnight; an instant is a real Date. The demo organisations live in
// Europe/Samara, which is UTC+4 all year round.

export const SAMARA_OFFSET_HOURS = 4;
const DAY_MS = 86_400_000;

/** The calendar date y-m-d (month 1–12). */
export function day(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/** Whole days from a to b (b − a). */
export function diffDays(a: Date, b: Date): number {
  return Math.round((b.getTime() - a.getTime()) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: Date): number {
  const w = d.getUTCDay();
  return w === 0 ? 7 : w;
}

export function isWeekend(d: Date): boolean {
  return isoWeekday(d) >= 6;
}

/** YYYY-MM-DD */
export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** ДД.ММ.ГГГГ */
export function ru(d: Date): string {
  const s = iso(d);
  return `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)}`;
}

/** The calendar date in Samara of an instant (or of a calendar date given as UTC midnight). */
export function samaraDateOf(instant: Date): Date {
  const shifted = new Date(instant.getTime() + SAMARA_OFFSET_HOURS * 3_600_000);
  return day(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The instant of local (Samara) time hh:mm on a calendar date. */
export function at(date: Date, hh: number, mm = 0): Date {
  return new Date(date.getTime() + ((hh - SAMARA_OFFSET_HOURS) * 60 + mm) * 60_000);
}

/** The weekday `isoDay` (1–7) on or after d. */
export function onOrAfter(d: Date, isoDay: number): Date {
  return addDays(d, (isoDay - isoWeekday(d) + 7) % 7);
}

/** The last Monday–Friday strictly before d. */
export function weekdayBefore(d: Date): Date {
  let x = addDays(d, -1);
  while (isWeekend(x)) x = addDays(x, -1);
  return x;
}

/** d itself when it is Monday–Friday, else the last Friday before it. */
export function weekdayOnOrBefore(d: Date): Date {
  return isWeekend(d) ? weekdayBefore(d) : d;
}

export function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

export function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** a ≤ d ≤ b on calendar dates; b null = open end. */
export function within(d: Date, a: Date, b: Date | null): boolean {
  return d.getTime() >= a.getTime() && (b === null || d.getTime() <= b.getTime());
}
