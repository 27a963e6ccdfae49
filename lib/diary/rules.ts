// Week arithmetic of the diary (DRY-1). Calendar dates are UTC midnights (`@db.Date`).

const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** Monday of the week that contains `date`. */
export function mondayOf(date: Date): Date {
  const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
  return addDays(date, -weekday);
}

/** The six school days Monday…Saturday of a week. */
export function weekDays(monday: Date): Date[] {
  return Array.from({ length: 6 }, (_, i) => addDays(monday, i));
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

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
