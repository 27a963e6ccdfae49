// Week and day arithmetic of the diary (DRY-1, DAY-4). Calendar dates are UTC midnights (`@db.Date`);
// the calendar itself (Monday, the study week) is lib/schedule/week.ts — one week definition.
import {
  addDays,
  dateKey,
  mondayOf,
  nextStudyDay,
  parseDateKey,
  studyDayOnOrAfter,
  type StudyDays,
} from "@/lib/schedule/week";

export { addDays, mondayOf };

/** YYYY-MM-DD of a calendar date. */
export const isoDate = dateKey;

/** Parses `?week=YYYY-MM-DD` into that week's Monday; anything else gives the week of `today`. */
export function weekFromParam(param: string | undefined, today: Date): Date {
  if (param && /^\d{4}-\d{2}-\d{2}$/.test(param)) {
    const parsed = new Date(`${param}T00:00:00.000Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.getUTCFullYear() > 2000 && parsed.getUTCFullYear() < 2100) {
      return mondayOf(parsed);
    }
  }
  return mondayOf(today);
}

export type DiaryDay = {
  /** The day the phone shows (and the wide screen highlights). */
  day: Date;
  /** Monday of the week shown. */
  monday: Date;
  /** The whole week on a phone too (`?view=week`). */
  wholeWeek: boolean;
};

/**
 * Which day and week the diary opens at (DAY-4): `?day=` wins; `?week=` shows that week from today
 * when today is in it, else from its first study day; without either, today — or the next study day
 * when today is none (a parent on a Saturday of a five-day school sees Monday).
 */
export function diaryDay(
  params: { day?: string; week?: string; view?: string },
  today: Date,
  studyDays: StudyDays,
): DiaryDay {
  const wholeWeek = params.view === "week";
  const day = params.day ? parseDateKey(params.day) : null;
  if (day && inRange(day)) return { day, monday: mondayOf(day), wholeWeek };
  const week = params.week ? parseDateKey(params.week) : null;
  if (week && inRange(week)) {
    const monday = mondayOf(week);
    const shown = mondayOf(today).getTime() === monday.getTime() ? studyDayOnOrAfter(today, studyDays) : monday;
    // Today a Saturday of a five-day week: the week asked for still is this one.
    return { day: mondayOf(shown).getTime() === monday.getTime() ? shown : monday, monday, wholeWeek };
  }
  const shown = studyDayOnOrAfter(today, studyDays);
  return { day: shown, monday: mondayOf(shown), wholeWeek };
}

function inRange(d: Date): boolean {
  return d.getUTCFullYear() > 2000 && d.getUTCFullYear() < 2100;
}

/** «Завтра» in the diary: the next study day after today (Friday → Monday). */
export function tomorrowOf(today: Date, studyDays: StudyDays): Date {
  return nextStudyDay(today, studyDays);
}

/** Whether a stay in a class [start, end] covers a date (end null = still there). */
export function coversDate(start: Date, end: Date | null, date: Date): boolean {
  return start.getTime() <= date.getTime() && (end === null || end.getTime() >= date.getTime());
}

export const ATTENDANCE_LABELS: Record<string, string> = {
  N: "Н",
  UP: "УП",
  NP: "НП",
  B: "Б",
  OT: "ОТ",
  OP: "ОП",
};

export const ATTENDANCE_TITLES: Record<string, string> = {
  N: "Отсутствовал (причина не указана)",
  UP: "Отсутствовал по уважительной причине",
  NP: "Отсутствовал по неуважительной причине",
  B: "Отсутствовал по болезни",
  OT: "Отсутствовал, причина неизвестна",
  OP: "Опоздание",
};

/** How a mark reads in the diary: the grade, «зач»/«незач», «долг», «н/а». */
export function markLabel(kind: string, value: number | null): string {
  switch (kind) {
    case "PASS":
      return "зач";
    case "FAIL":
      return "незач";
    case "DEBT":
      return "долг";
    case "NOT_ATTESTED":
      return "н/а";
    default:
      return value === null ? "" : String(value);
  }
}

// ───────────── DRY-7: new since the last visit ─────────────

/** Page views less than this apart are one visit: browsing the diary keeps its highlights. */
export const VISIT_GAP_MS = 30 * 60_000;

export type Seen = { lastSeenAt: Date; sinceAt: Date };

/**
 * The record after a page view at `now`. First visit: nothing is «new» (since = now). A view after a
 * gap of VISIT_GAP_MS starts a new visit: what came after the previous view is new. A view within the
 * visit keeps the moment the visit started from.
 */
export function nextSeen(row: Seen | null, now: Date): Seen {
  if (!row) return { lastSeenAt: now, sinceAt: now };
  if (now.getTime() - row.lastSeenAt.getTime() >= VISIT_GAP_MS) return { lastSeenAt: now, sinceAt: row.lastSeenAt };
  return { lastSeenAt: now, sinceAt: row.sinceAt };
}

export function isNewSince(at: Date, since: Date | null): boolean {
  return since !== null && at.getTime() > since.getTime();
}
