// Calendar dates in the organisation's time zone (SPEC: dates ДД.ММ.ГГГГ, zone per organisation).
// A lesson date is a calendar date stored as UTC midnight (`@db.Date`).

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a calendar date (UTC midnight): URLs, form values, keys. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The calendar date `n` days later (earlier for negative `n`). */
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

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per locale and options, kept for the process: building one costs ~0.1 ms
 * (ICU), and pages format times row by row (a week's deadlines built ~1 300 of them per request).
 * The keys are few — a handful of shapes × the organisations' time zones.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** The calendar date "today" in a time zone, as UTC midnight. */
export function todayIn(timeZone: string, now: Date = new Date()): Date {
  return calendarDayIn(timeZone)(now);
}

/** todayIn for many instants of one zone (reports over thousands of rows). */
export function calendarDayIn(timeZone: string): (instant: Date) => Date {
  const f = dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
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
  const f = dateTimeFormat("ru-RU", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  return f.format(instant).replace(",", "");
}

/** ЧЧ:ММ of an instant in a time zone (24-hour). */
export function formatClock(instant: Date, timeZone: string): string {
  return dateTimeFormat("ru-RU", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

const WEEKDAYS = ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"];

export function weekdayName(date: Date): string {
  return WEEKDAYS[date.getUTCDay()];
}

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

/**
 * A Prisma filter on a span with an open end — `startDate` … `endDate`, or for good when null (a class
 * membership, a class teacher's or a teacher's assignment) — that meets the days `from` … `to`
 * (both included); one day: `spanMeets(day)`.
 */
export function spanMeets(from: Date, to: Date = from) {
  return { startDate: { lte: to }, OR: [{ endDate: null }, { endDate: { gte: from } }] };
}

/** A calendar day's month in the nominative, as a journal page or a report heads it: «сентябрь». */
export function monthName(date: Date): string {
  return MONTHS[date.getUTCMonth()];
}

/** Offset of a time zone from UTC at an instant, in milliseconds (Samara → 4 h). */
export function zoneOffsetMs(timeZone: string, instant: number): number {
  const parts = Object.fromEntries(
    dateTimeFormat("en-US", {
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

/** DAY-12: the organisation's time zone is chosen from Russia's zones, not typed (UTC offset, МСК±). */
export const RUSSIAN_TIME_ZONES: readonly { value: string; label: string }[] = [
  { value: "Europe/Kaliningrad", label: "Калининград (МСК−1, UTC+2)" },
  { value: "Europe/Moscow", label: "Москва (МСК, UTC+3)" },
  { value: "Europe/Volgograd", label: "Волгоград (МСК, UTC+3)" },
  { value: "Europe/Samara", label: "Самара (МСК+1, UTC+4)" },
  { value: "Europe/Saratov", label: "Саратов (МСК+1, UTC+4)" },
  { value: "Europe/Ulyanovsk", label: "Ульяновск (МСК+1, UTC+4)" },
  { value: "Europe/Astrakhan", label: "Астрахань (МСК+1, UTC+4)" },
  { value: "Asia/Yekaterinburg", label: "Екатеринбург (МСК+2, UTC+5)" },
  { value: "Asia/Omsk", label: "Омск (МСК+3, UTC+6)" },
  { value: "Asia/Novosibirsk", label: "Новосибирск (МСК+4, UTC+7)" },
  { value: "Asia/Barnaul", label: "Барнаул (МСК+4, UTC+7)" },
  { value: "Asia/Tomsk", label: "Томск (МСК+4, UTC+7)" },
  { value: "Asia/Novokuznetsk", label: "Новокузнецк (МСК+4, UTC+7)" },
  { value: "Asia/Krasnoyarsk", label: "Красноярск (МСК+4, UTC+7)" },
  { value: "Asia/Irkutsk", label: "Иркутск (МСК+5, UTC+8)" },
  { value: "Asia/Chita", label: "Чита (МСК+6, UTC+9)" },
  { value: "Asia/Yakutsk", label: "Якутск (МСК+6, UTC+9)" },
  { value: "Asia/Vladivostok", label: "Владивосток (МСК+7, UTC+10)" },
  { value: "Asia/Sakhalin", label: "Сахалин (МСК+8, UTC+11)" },
  { value: "Asia/Magadan", label: "Магадан (МСК+8, UTC+11)" },
  { value: "Asia/Srednekolymsk", label: "Среднеколымск (МСК+8, UTC+11)" },
  { value: "Asia/Kamchatka", label: "Камчатка (МСК+9, UTC+12)" },
  { value: "Asia/Anadyr", label: "Анадырь (МСК+9, UTC+12)" },
];

/** The zones to offer: Russia's, plus the stored one when it is another (kept, not lost on save). */
export function timeZoneOptions(current: string | null | undefined): { value: string; label: string }[] {
  const known = RUSSIAN_TIME_ZONES.some((z) => z.value === current);
  return current && !known ? [{ value: current, label: current }, ...RUSSIAN_TIME_ZONES] : [...RUSSIAN_TIME_ZONES];
}
