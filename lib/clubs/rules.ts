// PRG-2: pure rules of clubs (extracurricular groups) — the КТП's lines, the dates a club meets,
// the journal's cells and the organisation's marks setting, the attendance summary. No I/O:
// `today` is always passed in.
import { ATTENDANCE_LABELS, type AttendanceCodeName } from "@/lib/journal/rules";
import { attendanceFigures, type AttendanceFigures } from "@/lib/reports/rules";
import { isoWeekday } from "@/lib/org/time";
import { datesBetween, minutesOf } from "@/lib/schedule/week";

export const CLUB_ATTENDANCE_CODES = Object.keys(ATTENDANCE_LABELS) as AttendanceCodeName[];

export const MARKS_DISALLOWED =
  "Отметки в журнале объединения не выставляются: организация их не разрешила (Организация → настройки: «Отметки в журналах объединений»)";

export type PlanItem = { topic: string; hours: number };

/** The КТП as typed: one topic a line, «Тема; часы» (hours 1 when omitted). */
export function parsePlan(text: string): { ok: true; items: PlanItem[] } | { ok: false; message: string } {
  const items: PlanItem[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const m = /^(.*?)(?:\s*;\s*(\d+))?$/.exec(line)!;
    const topic = m[1]!.trim();
    const hours = m[2] === undefined ? 1 : Number(m[2]);
    if (!topic) return { ok: false, message: `Строка ${i + 1}: укажите тему` };
    if (topic.length > 300) return { ok: false, message: `Строка ${i + 1}: тема не длиннее 300 символов` };
    if (hours < 1 || hours > 20) return { ok: false, message: `Строка ${i + 1}: часов от 1 до 20` };
    items.push({ topic, hours });
  }
  if (items.length > 200) return { ok: false, message: "Не больше 200 тем" };
  return { ok: true, items };
}

/** The КТП back as text for its form. */
export function planText(items: readonly PlanItem[]): string {
  return items.map((i) => (i.hours === 1 ? i.topic : `${i.topic}; ${i.hours}`)).join("\n");
}

/** «15:00» → minutes; a slot runs between 07:00 and 22:00 and lasts 15 minutes to 4 hours. */
export function slotSpan(
  start: string,
  end: string,
): { ok: true; start: number; end: number } | { ok: false; message: string } {
  const s = minutesOf(start);
  const e = minutesOf(end);
  if (s === null || e === null) return { ok: false, message: "Время: ЧЧ:ММ, например 15:00" };
  if (s < 7 * 60 || e > 22 * 60) return { ok: false, message: "Занятие проходит между 07:00 и 22:00" };
  if (e - s < 15 || e - s > 240) return { ok: false, message: "Занятие длится от 15 минут до 4 часов" };
  return { ok: true, start: s, end: e };
}

export type SlotDays = { weekday: number; validFrom: Date; validTo: Date };

/** Does the club meet on this date (a slot of its weekday valid that day)? */
export function meetsOn(slots: readonly SlotDays[], date: Date): boolean {
  const wd = isoWeekday(date);
  return slots.some((s) => s.weekday === wd && s.validFrom <= date && date <= s.validTo);
}

/** The dates the club met or meets in [from, to] (its journal's columns), oldest first. */
export function meetingDates(slots: readonly SlotDays[], from: Date, to: Date): Date[] {
  return from > to ? [] : datesBetween(from, to).filter((d) => meetsOn(slots, d));
}

export type CellInput = { studentId: number; code: AttendanceCodeName | null; mark: number | null };

/**
 * The journal form's cells — `a:<studentId>` an attendance code (empty = present), `m:<studentId>`
 * a mark — for the club's members only; marks only when the organisation allows them, within its scale.
 */
export function parseCells(
  record: Record<string, string>,
  memberIds: readonly number[],
  marks: { allowed: boolean; min: number; max: number },
): { ok: true; cells: CellInput[] } | { ok: false; message: string } {
  const members = new Set(memberIds);
  for (const key of Object.keys(record)) {
    const m = /^[am]:(\d+)$/.exec(key);
    if (m && !members.has(Number(m[1]))) return { ok: false, message: "Ученик не состоит в объединении" };
  }
  const cells: CellInput[] = [];
  for (const studentId of memberIds) {
    const rawCode = (record[`a:${studentId}`] ?? "").trim();
    const rawMark = (record[`m:${studentId}`] ?? "").trim();
    if (rawCode && !(CLUB_ATTENDANCE_CODES as string[]).includes(rawCode))
      return { ok: false, message: "Неизвестная отметка посещаемости" };
    let mark: number | null = null;
    if (rawMark) {
      if (!marks.allowed) return { ok: false, message: MARKS_DISALLOWED };
      mark = /^\d{1,2}$/.test(rawMark) ? Number(rawMark) : NaN;
      if (!(mark >= marks.min && mark <= marks.max))
        return { ok: false, message: `Отметка: целое число от ${marks.min} до ${marks.max}` };
      if (rawCode && rawCode !== "OP") return { ok: false, message: "Отсутствующему ученику отметка не ставится" };
    }
    cells.push({ studentId, code: rawCode ? (rawCode as AttendanceCodeName) : null, mark });
  }
  return { ok: true, cells };
}

export type AttendanceRow = { studentId: number; sessions: number; absent: number; excused: number; late: number };

type SessionCells = { cells: readonly { studentId: number; code: AttendanceCodeName | null }[] };

/** A student's RPT-3 figures over sessions (one session = one unit): the reports' one definition of reasons. */
export function clubFigures(studentId: number, sessions: readonly SessionCells[]): AttendanceFigures {
  return attendanceFigures(
    sessions.flatMap((s) => {
      const code = s.cells.find((c) => c.studentId === studentId)?.code ?? null;
      return code ? [{ code, hours: 1 }] : [];
    }),
  );
}

/** RPT-3 for a club: per member, sessions held while a member, absences (excused = УП + Б, as RPT-1), lateness. */
export function attendanceSummary(memberIds: readonly number[], sessions: readonly SessionCells[]): AttendanceRow[] {
  return memberIds.map((studentId) => {
    const f = clubFigures(studentId, sessions);
    return { studentId, sessions: sessions.length, absent: f.missed, excused: f.excused + f.illness, late: f.late };
  });
}

/** Share of sessions attended, in whole percent; null without sessions. */
export function attendedPercent(row: AttendanceRow): number | null {
  return row.sessions === 0 ? null : Math.round(((row.sessions - row.absent) / row.sessions) * 100);
}

export type ClubReportLine = {
  studentId: number;
  /** Left the club: listed with the sessions up to their last recorded cell (their marks are kept). */
  former: boolean;
  sessions: number;
  figures: AttendanceFigures;
};

/**
 * The clubs' RPT-3 lines of one club over a period's sessions (oldest first): every current member
 * over every session held; a former member — one who left but has cells in the period — over the
 * sessions up to their last recorded one (the club keeps no leaving date).
 */
export function clubReportLines(
  memberIds: readonly number[],
  sessions: readonly (SessionCells & { date: Date })[],
): ClubReportLine[] {
  const members = new Set(memberIds);
  const lines: ClubReportLine[] = memberIds.map((studentId) => ({
    studentId,
    former: false,
    sessions: sessions.length,
    figures: clubFigures(studentId, sessions),
  }));
  const formers = [...new Set(sessions.flatMap((s) => s.cells.map((c) => c.studentId)))].filter(
    (id) => !members.has(id),
  );
  for (const studentId of formers) {
    const last = sessions.findLastIndex((s) => s.cells.some((c) => c.studentId === studentId));
    const until = sessions.slice(0, last + 1);
    lines.push({ studentId, former: true, sessions: until.length, figures: clubFigures(studentId, until) });
  }
  return lines;
}

/** Share of the sessions attended (late counts as attended), one decimal; null without sessions. */
export function attendedShare(sessions: number, missed: number): number | null {
  return sessions === 0 ? null : Math.round(((sessions - missed) / sessions) * 1000) / 10;
}

export type StudentClub = {
  clubId: number;
  clubName: string;
  leaderName: string;
  slots: readonly (SlotDays & { start: number; end: number; roomName: string | null })[];
  sessions: readonly { date: Date; topic: string; code: AttendanceCodeName | null; mark: number | null }[];
};

export type ClubWeekEntry = {
  date: Date;
  start: number;
  end: number;
  clubId: number;
  clubName: string;
  leaderName: string;
  roomName: string | null;
  /** The held session's topic, attendance and mark; null before it is written. */
  topic: string | null;
  code: AttendanceCodeName | null;
  mark: number | null;
};

/** A student's club sessions on the given days, by date and time (the diary's and the timetable's rows). */
export function clubWeek(clubs: readonly StudentClub[], days: readonly Date[]): ClubWeekEntry[] {
  const out: ClubWeekEntry[] = [];
  for (const date of days)
    for (const c of clubs)
      for (const s of c.slots.filter((s) => meetsOn([s], date))) {
        const held = c.sessions.find((x) => x.date.getTime() === date.getTime());
        out.push({
          date,
          start: s.start,
          end: s.end,
          clubId: c.clubId,
          clubName: c.clubName,
          leaderName: c.leaderName,
          roomName: s.roomName,
          topic: held?.topic ?? null,
          code: held?.code ?? null,
          mark: held?.mark ?? null,
        });
      }
  return out.sort((a, b) => a.date.getTime() - b.date.getTime() || a.start - b.start);
}
