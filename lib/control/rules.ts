// Pure figures of journal-keeping control (CTL-1, CTL-2, CTL-3): the journal-fill report per
// teacher × class × subject, remark status transitions and the weekly activity tallies.
// No I/O: the data layer hands in plain facts, the unit tests check hand-computed numbers.
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

/**
 * «Накопляемость оценок» is shown as marks per student per DENSITY_LESSONS lessons. Five lessons
 * is about a week and a half of a 3–4-hour subject: the usual school norm («не реже одной
 * отметки за 3–5 уроков») reads directly as «≥ 1,0», and a figure per lesson (≈ 0,2) would be
 * hard to read in the table.
 */
export const DENSITY_LESSONS = 5;

export type FillRow = {
  teacherId: number;
  classId: number;
  subjectId: number;
  lessons: number;
  noTopic: number;
  noHomework: number;
  noAttendance: number;
  marks: number;
  lateMarks: number;
  students: number;
  /** Marks per student per DENSITY_LESSONS lessons; null without lessons or students. */
  density: number | null;
  lastFilledAt: Date | null;
};

/** marks ÷ students ÷ lessons × DENSITY_LESSONS, rounded to hundredths. */
export function markDensity(marks: number, students: number, lessons: number): number | null {
  if (students <= 0 || lessons <= 0) return null;
  return Math.round((marks / students / lessons) * DENSITY_LESSONS * 100) / 100;
}

/**
 * Density over student-lessons: marks ÷ Σ(students × lessons) × DENSITY_LESSONS (the totals of
 * CTL-1, and REG-2's per organisation and territory figures); null without student-lessons.
 */
export function slotDensity(marks: number, slots: number): number | null {
  return slots > 0 ? Math.round((marks / slots) * DENSITY_LESSONS * 100) / 100 : null;
}

/** Totals over rows; density of the totals weighs every row by its students × lessons. */
export function fillTotals(
  rows: readonly FillRow[],
): Omit<FillRow, "teacherId" | "classId" | "subjectId" | "students" | "lastFilledAt"> {
  const sum = (f: (r: FillRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const slots = sum((r) => r.students * r.lessons);
  const marks = sum((r) => r.marks);
  return {
    lessons: sum((r) => r.lessons),
    noTopic: sum((r) => r.noTopic),
    noHomework: sum((r) => r.noHomework),
    noAttendance: sum((r) => r.noAttendance),
    marks,
    lateMarks: sum((r) => r.lateMarks),
    density: slotDensity(marks, slots),
  };
}

/** One class's line of the fill report's summary: the totals of its teacher × subject rows. */
export type ClassFillRow = ReturnType<typeof fillTotals> & {
  classId: number;
  /** How many teacher × subject rows it sums. */
  rows: number;
  /** Rows with a lesson without topic, homework or attendance, or a late mark. */
  problemRows: number;
  lastFilledAt: Date | null;
};

/** Does a fill row show a problem (a lesson left unfilled or a mark made late)? */
export function isProblemRow(r: Pick<FillRow, "noTopic" | "noHomework" | "noAttendance" | "lateMarks">): boolean {
  return r.noTopic + r.noHomework + r.noAttendance + r.lateMarks > 0;
}

/**
 * The fill rows summed per class (issue 22 item 7: the page shows a class's line, the rows of one
 * class or teacher on demand), in the order of the classes' first rows; density weighs every row by
 * its students × lessons as in the totals.
 */
export function fillByClass(rows: readonly FillRow[]): ClassFillRow[] {
  const groups = new Map<number, FillRow[]>();
  for (const r of rows) {
    const list = groups.get(r.classId);
    if (list) list.push(r);
    else groups.set(r.classId, [r]);
  }
  return [...groups].map(([classId, list]) => ({
    classId,
    rows: list.length,
    problemRows: list.filter(isProblemRow).length,
    ...fillTotals(list),
    lastFilledAt: list.reduce<Date | null>(
      (max, r) => (r.lastFilledAt && (!max || r.lastFilledAt > max) ? r.lastFilledAt : max),
      null,
    ),
  }));
}

// ---- CTL-2 remarks -------------------------------------------------------------------------

export type RemarkStatusName = "OPEN" | "DONE" | "CLOSED";
export type RemarkMove = "done" | "close" | "reopen";

/** A remark's state in the organisation's words (DAY-6, issue 22 round 24): «Устранено учителем / преподавателем». */
export function remarkStatusLabel(status: RemarkStatusName, kind: OrgKindName | boolean): string {
  return status === "OPEN" ? "Открыто" : status === "CLOSED" ? "Закрыто" : `Устранено ${vocabulary(kind).teacher.ins}`;
}

/**
 * Allowed moves: the teacher marks an open remark done; the writer closes an open or done remark
 * (a remark may be withdrawn without the teacher) or reopens a done or closed one.
 */
export function remarkTransition(status: RemarkStatusName, move: RemarkMove): RemarkStatusName | null {
  if (move === "done") return status === "OPEN" ? "DONE" : null;
  if (move === "close") return status === "CLOSED" ? null : "CLOSED";
  return status === "OPEN" ? null : "OPEN";
}

/** The Monday (UTC midnight) of the week holding a date. */
export function weekStart(date: Date): Date {
  const shift = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - shift * 86_400_000);
}

/** Calendar range [from, to] of a weekly or monthly list holding `date`. */
export function listRange(kind: "week" | "month", date: Date): { from: Date; to: Date } {
  if (kind === "week") {
    const from = weekStart(date);
    return { from, to: new Date(from.getTime() + 6 * 86_400_000) };
  }
  const from = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  return { from, to: new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)) };
}

// ---- CTL-3 activity ------------------------------------------------------------------------

/** Per user and source, how many in the range (counted in PostgreSQL: a busy week has tens of thousands of edits). */
export type ActivityFacts = {
  signIns: { userId: number; count: number }[];
  journalEdits: { userId: number; count: number }[];
  messages: { userId: number; count: number }[];
  visits: { userId: number; count: number }[];
};

export type ActivityRow = {
  userId: number;
  signIns: number;
  journalEdits: number;
  messages: number;
  pageViews: number;
};

/** Per user: sign-ins, journal edits, messages sent and page views; users with no activity are left out. */
export function activityRows(facts: ActivityFacts): ActivityRow[] {
  const rows = new Map<number, ActivityRow>();
  const row = (userId: number) => {
    let r = rows.get(userId);
    if (!r) rows.set(userId, (r = { userId, signIns: 0, journalEdits: 0, messages: 0, pageViews: 0 }));
    return r;
  };
  for (const e of facts.signIns) row(e.userId).signIns += e.count;
  for (const e of facts.journalEdits) row(e.userId).journalEdits += e.count;
  for (const e of facts.messages) row(e.userId).messages += e.count;
  for (const v of facts.visits) row(v.userId).pageViews += v.count;
  return [...rows.values()];
}
