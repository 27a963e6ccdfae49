// Week and day arithmetic of the diary (DRY-1, DAY-4). Calendar dates are UTC midnights (`@db.Date`);
// the calendar itself (Monday: lib/org/time.ts; the study week: lib/schedule/week.ts) — one definition each.
import { diaryMarkText } from "@/lib/journal/marks";
import { ATTENDANCE_LABELS as JOURNAL_ATTENDANCE_LABELS } from "@/lib/journal/rules";
import { mondayOf } from "@/lib/org/time";
import { nextStudyDay, parseDateKey, studyDayOnOrAfter, type StudyDays } from "@/lib/schedule/week";

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

/** The journal's codes (JRN-4), keyed by the diary's stored code text. */
export const ATTENDANCE_LABELS: Record<string, string> = JOURNAL_ATTENDANCE_LABELS;

export const ATTENDANCE_TITLES: Record<string, string> = {
  N: "Отсутствовал (причина не указана)",
  UP: "Отсутствовал по уважительной причине",
  NP: "Отсутствовал по неуважительной причине",
  B: "Отсутствовал по болезни",
  OT: "Отсутствовал, причина неизвестна",
  OP: "Опоздание",
};

/** How a mark reads in the diary: the grade, «зач»/«незач», «долг», «н/а». */
export const markLabel = diaryMarkText;

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

// ───────────── DAY-10: a changed mark's history for the family (from JRN-7 JournalChange) ─────────────

/** One JournalChange row of a mark as the diary reads it; `role` already says who in family words. */
export type MarkChangeRow = {
  lessonId: number;
  entityKey: string;
  at: Date;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  role: string;
};

/** A step of a mark's history: was → is (null: no mark), when, by which role, why. */
export type MarkChange = { at: Date; was: string | null; is: string | null; role: string; reason: string | null };

function labelOfStored(v: unknown): string | null {
  if (!v || typeof v !== "object" || !("kind" in v)) return null;
  const { kind, value } = v as { kind: unknown; value?: unknown };
  return typeof kind === "string" ? markLabel(kind, typeof value === "number" ? value : null) : null;
}

/**
 * Per lesson, the history of the student's marks that were changed or removed after they were given
 * (a mark given once and never touched has no history to show). Oldest first within a mark.
 */
export function markHistories(rows: readonly MarkChangeRow[]): Map<number, MarkChange[]> {
  const byKey = new Map<string, MarkChangeRow[]>();
  for (const r of [...rows].sort((a, b) => a.at.getTime() - b.at.getTime()))
    byKey.set(r.entityKey, [...(byKey.get(r.entityKey) ?? []), r]);
  const out = new Map<number, MarkChange[]>();
  for (const list of byKey.values()) {
    const last = list[list.length - 1];
    if (list.length < 2 && last.newValue !== null) continue;
    const steps = list
      .map((r) => ({
        at: r.at,
        was: labelOfStored(r.oldValue),
        is: labelOfStored(r.newValue),
        role: r.role,
        reason: r.reason,
      }))
      .filter((s) => s.was !== s.is);
    if (steps.length === 0) continue;
    out.set(last.lessonId, [...(out.get(last.lessonId) ?? []), ...steps]);
  }
  return out;
}

const CHANGER_ROLES = ["DIRECTOR", "DEPUTY", "HEAD_OF_DEPT", "ADMIN", "TEACHER"] as const;
const CHANGER_LABELS: Record<(typeof CHANGER_ROLES)[number], string> = {
  DIRECTOR: "директор",
  DEPUTY: "заместитель директора",
  HEAD_OF_DEPT: "заведующий отделением",
  ADMIN: "администратор",
  TEACHER: "",
};

/**
 * Who changed a mark, as the family reads it: the lesson's teacher (or substitute) — «учитель» /
 * «преподаватель»; else the person's senior role. A role, never a name (DAY-10).
 */
export function changerRole(lessonTeacher: boolean, roles: readonly string[], teacherWord: string): string {
  if (lessonTeacher) return teacherWord;
  const role = CHANGER_ROLES.find((r) => roles.includes(r));
  return role && role !== "TEACHER" ? CHANGER_LABELS[role] : role === "TEACHER" ? teacherWord : "сотрудник";
}
