// Calendar dates in the organisation's time zone (SPEC: dates ДД.ММ.ГГГГ, zone per organisation).
// A lesson date is a calendar date stored as UTC midnight (`@db.Date`).

/** The calendar date "today" in a time zone, as UTC midnight. */
export function todayIn(timeZone: string, now: Date = new Date()): Date {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
  return new Date(`${parts}T00:00:00.000Z`);
}

/** todayIn for many instants of one zone: one formatter, reused (reports over thousands of rows). */
export function calendarDayIn(timeZone: string): (instant: Date) => Date {
  const f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return (instant) => new Date(`${f.format(instant)}T00:00:00.000Z`);
}

/** A calendar date as SQL's JSON gives it ("2026-11-20" or "2026-11-20T00:00:00…") → UTC midnight. */
export function dateOnly(value: string): Date {
  return new Date(`${value.slice(0, 10)}T00:00:00.000Z`);
}

/** ДД.ММ.ГГГГ of a calendar date (UTC midnight). */
export function formatDate(date: Date): string {
  const d = String(date.getUTCDate()).padStart(2, "0");
  const m = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${d}.${m}.${date.getUTCFullYear()}`;
}

/** ДД.ММ.ГГГГ ЧЧ:ММ of an instant in a time zone. */
export function formatDateTime(instant: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat("ru-RU", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return f.format(instant).replace(",", "");
}

const WEEKDAYS = ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"];

export function weekdayName(date: Date): string {
  return WEEKDAYS[date.getUTCDay()];
}

/** Offset of a time zone from UTC at an instant, in milliseconds (Samara → 4 h). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - instant;
}

/**
 * The instant at which a zone's wall clock shows `wall` (a wall time written as if it were UTC,
 * e.g. Date.UTC(2026, 10, 23, 8, 30)); two passes settle a DST change between guess and result.
 */
export function wallTimeToInstant(wall: number, timeZone: string): Date {
  const first = wall - zoneOffsetMs(timeZone, wall);
  return new Date(wall - zoneOffsetMs(timeZone, first));
}
