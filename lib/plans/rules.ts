// Pure rules of lesson planning (PLAN-1, PLAN-2, PLAN-5): the workflow's transitions, the
// plan's hours against the curriculum, the deadline warnings and plan fulfilment. No I/O.
//
// Fulfilment (PLAN-5, «контроль выполнения программ», 001 §4.2.2.6) — decision:
// * planned hours to date = the curriculum's hours pro rata of study days: for every curriculum
//   item (the year, or one period in the college) hours × study days from its start up to and
//   including today ÷ study days of the whole item. Study days are Monday–Friday outside the
//   organisation's holidays (a grade-only holiday counts for that grade). This covers every
//   class × subject of the curriculum, with or without an approved plan.
// * given hours to date = the hours of the lessons dated up to and including today that were
//   not cancelled (per stream: a subgroup of a split class is its own row).
// * a row lags when planned − given > max(2 hours, 10 % of planned).
import { formatNumber } from "@/lib/org/vocabulary";
import { compareRu } from "@/lib/org/collation";

export const PLAN_STATUSES = ["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const STATUS_LABELS: Record<PlanStatus, string> = {
  DRAFT: "черновик",
  SUBMITTED: "на утверждении",
  APPROVED: "утверждён",
  RETURNED: "возвращён на доработку",
};

export type PlanAction = "edit" | "submit" | "approve" | "return" | "reopen";

/** PLAN-2: which workflow step is possible from a status (permissions are checked separately). */
export function canTransition(status: PlanStatus, action: PlanAction): boolean {
  switch (action) {
    case "edit":
    case "submit":
      return status === "DRAFT" || status === "RETURNED";
    case "approve":
    case "return":
      return status === "SUBMITTED";
    case "reopen":
      // An approved plan changes only through a new submission: it becomes a new draft version.
      return status === "APPROVED";
  }
}

export function nextStatus(action: Exclude<PlanAction, "edit">): PlanStatus {
  return action === "submit"
    ? "SUBMITTED"
    : action === "approve"
      ? "APPROVED"
      : action === "return"
        ? "RETURNED"
        : "DRAFT";
}

/** Sum of topic hours, to one decimal (hours are multiples of 0.5). */
export function totalHours(topics: readonly { hours: number }[]): number {
  return Math.round(topics.reduce((s, t) => s + t.hours, 0) * 10) / 10;
}

export type HoursCheck = { planned: number; curriculum: number | null; difference: number | null; matches: boolean };

/** PLAN-1 (seed 003 §7.4): the plan's hours must equal the curriculum's; the difference is shown. */
export function checkHours(planned: number, curriculum: number | null): HoursCheck {
  if (curriculum === null) return { planned, curriculum, difference: null, matches: false };
  const difference = Math.round((planned - curriculum) * 10) / 10;
  return { planned, curriculum, difference, matches: difference === 0 };
}

/** Russian text of the hours check. */
export function hoursMessage(check: HoursCheck): string {
  if (check.curriculum === null) return "В учебном плане нет часов для этого класса и предмета";
  if (check.matches) return `Часы совпадают с учебным планом (${fmtHours(check.curriculum)} ч)`;
  const d = check.difference!;
  return `Расхождение с учебным планом: в КТП ${fmtHours(check.planned)} ч, по учебному плану ${fmtHours(check.curriculum)} ч (${d > 0 ? "+" : "−"}${fmtHours(Math.abs(d))} ч)`;
}

export function fmtHours(h: number): string {
  return Number.isInteger(h) ? String(h) : formatNumber(h, 1);
}

export type DeadlineWarning = { kind: "submit" | "approve"; overdue: boolean; deadline: Date; text: string };

const DAY = 86_400_000;
/** Warn this many days before a deadline. */
export const DEADLINE_NOTICE_DAYS = 14;

function ddmm(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, "0")}.${String(d.getUTCMonth() + 1).padStart(2, "0")}.${d.getUTCFullYear()}`;
}

/**
 * PLAN-2 deadlines of a plan for the year starting in `startYear`: filled in and submitted by
 * 26 June (seed 003, «Порядок работы учителя с ЭЖ» item 1) and in the system, approved, before the
 * year by 31 August (seed 003 §7.4, §7.5). Warnings from DEADLINE_NOTICE_DAYS before a deadline.
 */
export function deadlineWarnings(status: PlanStatus | null, startYear: number, today: Date): DeadlineWarning[] {
  const out: DeadlineWarning[] = [];
  const submitBy = new Date(Date.UTC(startYear, 5, 26));
  const approveBy = new Date(Date.UTC(startYear, 7, 31));
  const submitted = status === "SUBMITTED" || status === "APPROVED";
  const approved = status === "APPROVED";
  const check = (kind: DeadlineWarning["kind"], done: boolean, deadline: Date, what: string) => {
    if (done) return;
    const daysLeft = Math.round((deadline.getTime() - today.getTime()) / DAY);
    if (daysLeft < 0) out.push({ kind, overdue: true, deadline, text: `Срок «${what}» (${ddmm(deadline)}) прошёл` });
    else if (daysLeft <= DEADLINE_NOTICE_DAYS)
      out.push({
        kind,
        overdue: false,
        deadline,
        text: `До срока «${what}» (${ddmm(deadline)}) осталось ${daysLeft} дн.`,
      });
  };
  check("submit", submitted, submitBy, status === null ? "создать и сдать КТП" : "сдать КТП");
  check("approve", approved, approveBy, "утвердить КТП");
  return out;
}

/** The academic year a date belongs to starts on 1 September. */
export function startYearOf(date: Date): number {
  return date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

// ───────────────────────────── fulfilment (PLAN-5) ─────────────────────────────

export type Holiday = { start: Date; end: Date; grade: number | null };
export type CurriculumSpan = { hours: number; start: Date; end: Date };

/** Study days (Mon–Fri, not in a holiday of everyone or of this grade) in [from, to], inclusive. */
export function studyDays(from: Date, to: Date, holidays: readonly Holiday[], grade: number): number {
  // The grade's holidays as numbers once, the weekday by arithmetic: no Date per day (under Next every
  // `new Date` goes through its patched constructor — a year's span is ≈ 270 days, issue 22 item 7).
  const spans = holidays
    .filter((h) => h.grade === null || h.grade === grade)
    .map((h) => [h.start.getTime(), h.end.getTime()] as const);
  const end = to.getTime();
  let n = 0;
  for (let t = from.getTime(); t <= end; t += DAY) {
    const wd = (((Math.floor(t / DAY) + 4) % 7) + 7) % 7; // 0 = Sunday: 01.01.1970 was a Thursday
    if (wd === 0 || wd === 6) continue;
    if (spans.some(([start, last]) => t >= start && t <= last)) continue;
    n++;
  }
  return n;
}

type StudyDays = (from: Date, to: Date, grade: number) => number;

/**
 * studyDays remembered per (from, to, grade): a school's fulfilment report asks the same few spans
 * (the year, its periods, up to today) for hundreds of class × subject lines (issue 22 item 7).
 */
export function studyDaysMemo(holidays: readonly Holiday[]): StudyDays {
  const memo = new Map<string, number>();
  return (from, to, grade) => {
    const key = `${from.getTime()}:${to.getTime()}:${grade}`;
    let n = memo.get(key);
    if (n === undefined) memo.set(key, (n = studyDays(from, to, holidays, grade)));
    return n;
  };
}

/** Planned hours up to and including `today`, pro rata of study days per curriculum item. */
export function plannedToDate(
  items: readonly CurriculumSpan[],
  today: Date,
  holidays: readonly Holiday[],
  grade: number,
  days: StudyDays = (from, to, g) => studyDays(from, to, holidays, g),
): number {
  let sum = 0;
  for (const item of items) {
    if (today.getTime() < item.start.getTime()) continue;
    const total = days(item.start, item.end, grade);
    if (total === 0) continue;
    const upTo = today.getTime() < item.end.getTime() ? today : item.end;
    sum += (item.hours * days(item.start, upTo, grade)) / total;
  }
  return Math.round(sum * 10) / 10;
}

export type GivenLesson = { date: Date; hours: number; cancelled: boolean };

/** Hours actually given up to and including `today`: lessons not cancelled. */
export function givenToDate(lessons: readonly GivenLesson[], today: Date): number {
  const sum = lessons
    .filter((l) => !l.cancelled && l.date.getTime() <= today.getTime())
    .reduce((s, l) => s + l.hours, 0);
  return Math.round(sum * 10) / 10;
}

export const LAG_MIN_HOURS = 2;
export const LAG_SHARE = 0.1;

/** PLAN-5: a subject lags when it is behind by more than 2 hours and by more than 10 % of the plan. */
export function isLagging(planned: number, given: number): boolean {
  const behind = planned - given;
  return behind > Math.max(LAG_MIN_HOURS, LAG_SHARE * planned);
}

export type FulfilmentRow = { planned: number; given: number; difference: number; lagging: boolean };

export function fulfilment(planned: number, given: number): FulfilmentRow {
  return { planned, given, difference: Math.round((given - planned) * 10) / 10, lagging: isLagging(planned, given) };
}

export type FulfilmentInput = {
  today: Date;
  holidays: readonly Holiday[];
  classes: readonly { id: number; name: string; grade: number }[];
  subjects: readonly { id: number; name: string; sortOrder: number }[];
  subgroups: readonly { id: number; name: string }[];
  /** Curriculum items with the dates they span (the year, or their period). */
  curriculum: readonly { classId: number; subjectId: number; hours: number; start: Date; end: Date }[];
  /** Lessons up to and including today, as rows or as sums per stream (cancelled ones included). */
  lessons: readonly {
    classId: number;
    subjectId: number;
    subgroupId: number | null;
    date: Date;
    hours: number;
    cancelled: boolean;
  }[];
};

export type FulfilmentLine = FulfilmentRow & {
  classId: number;
  className: string;
  subjectId: number;
  subjectName: string;
  subgroupId: number | null;
  subgroupName: string | null;
  yearHours: number;
};

/**
 * PLAN-5: one line per class × subject of the curriculum, or per subgroup stream where the
 * subject is taught in subgroups; sorted by class (grade, name) then subject order.
 */
export function buildFulfilment(input: FulfilmentInput): FulfilmentLine[] {
  const key = (c: number, s: number) => `${c}:${s}`;
  const items = new Map<string, CurriculumSpan[]>();
  for (const i of input.curriculum) {
    const list = items.get(key(i.classId, i.subjectId)) ?? [];
    list.push({ hours: i.hours, start: i.start, end: i.end });
    items.set(key(i.classId, i.subjectId), list);
  }
  const streams = new Map<string, { subgroupId: number | null; lessons: GivenLesson[] }[]>();
  for (const l of input.lessons) {
    const list = streams.get(key(l.classId, l.subjectId)) ?? [];
    let stream = list.find((s) => s.subgroupId === l.subgroupId);
    if (!stream) list.push((stream = { subgroupId: l.subgroupId, lessons: [] }));
    stream.lessons.push({ date: l.date, hours: l.hours, cancelled: l.cancelled });
    streams.set(key(l.classId, l.subjectId), list);
  }
  const classes = new Map(input.classes.map((c) => [c.id, c]));
  const subjects = new Map(input.subjects.map((s) => [s.id, s]));
  const subgroups = new Map(input.subgroups.map((s) => [s.id, s.name]));
  const days = studyDaysMemo(input.holidays);
  const out: FulfilmentLine[] = [];
  for (const [k, spans] of items) {
    const [classId, subjectId] = k.split(":").map(Number);
    const cls = classes.get(classId);
    const subject = subjects.get(subjectId);
    if (!cls || !subject) continue;
    const planned = plannedToDate(spans, input.today, input.holidays, cls.grade, days);
    const yearHours = Math.round(spans.reduce((s, i) => s + i.hours, 0) * 10) / 10;
    const list = streams.get(k) ?? [{ subgroupId: null, lessons: [] }];
    for (const stream of [...list].sort((a, b) => (a.subgroupId ?? 0) - (b.subgroupId ?? 0))) {
      // The row's fields named, not spread into the line: a spread followed by eight more fields built
      // each of a school's 673 lines slowly (≈ 5 of buildFulfilment's ≈ 7 ms in a loop over the bench
      // school; ≈ 1.6 ms with the fields named — issue 22 item 7).
      const row = fulfilment(planned, givenToDate(stream.lessons, input.today));
      out.push({
        planned: row.planned,
        given: row.given,
        difference: row.difference,
        lagging: row.lagging,
        classId,
        className: cls.name,
        subjectId,
        subjectName: subject.name,
        subgroupId: stream.subgroupId,
        subgroupName: stream.subgroupId === null ? null : (subgroups.get(stream.subgroupId) ?? null),
        yearHours,
      });
    }
  }
  // By class (grade, then name in Russian order), subject order, subgroup. The classes are ranked once —
  // classes of one grade and name share a rank — so the lines' sort compares numbers: a school's 673 lines
  // out of class order compared by the class's name are ≈ 5,400 collator calls, ≈ 3 ms (issue 22 item 7;
  // in the curriculum's usual class order far fewer).
  const rank = classRanks(input.classes);
  const sortOrder = (l: FulfilmentLine) => subjects.get(l.subjectId)!.sortOrder;
  return out.sort(
    (a, b) =>
      rank.get(a.classId)! - rank.get(b.classId)! ||
      sortOrder(a) - sortOrder(b) ||
      (a.subgroupId ?? 0) - (b.subgroupId ?? 0),
  );
}

/** Each class's place by grade, then name (Russian order); classes equal in both share a place. */
function classRanks(classes: readonly { id: number; name: string; grade: number }[]): Map<number, number> {
  const sorted = [...classes].sort((a, b) => a.grade - b.grade || compareRu(a.name, b.name));
  const rank = new Map<number, number>();
  sorted.forEach((c, i) => {
    const before = sorted[i - 1];
    const same = before && before.grade === c.grade && compareRu(before.name, c.name) === 0;
    rank.set(c.id, same ? rank.get(before.id)! : i);
  });
  return rank;
}

// ──────────────────── fulfilment against the work programme (PRG-1) ────────────────────
//
// Decision: a class × subject compares with the approved work programme its КТП was made from
// (LessonPlan.programmeId), else with the approved programme of the subject and the class's grade.
// The КТП is the class's approved one (else its latest). Per section of the programme: the
// programme's hours, the КТП's hours and the hours given to date (lessons bound to the КТП's topics,
// not cancelled). A КТП topic belongs to the section whose title it carries — «Создать КТП» names
// the section's topic after the section and each control work «работа (раздел)»; a topic the
// teacher added after it (split lessons, own titles) belongs to the section before it; topics
// before the first section's count as «вне разделов программы».

export type ProgrammeSectionHours = { title: string; hours: number };
export type KtpTopicHours = { id: number; position: number; title: string; hours: number };

export type SectionComparison = { title: string; programme: number | null; ktp: number; given: number };

/** A line's programme figures without its sections: what the fulfilment table shows (issue 22 item 7). */
export type ProgrammeTotals = {
  programmeId: number;
  programmeTitle: string;
  programmeHours: number;
  /** Null: the class has no КТП for the subject. */
  ktpHours: number | null;
  /** The КТП's hours differ from the programme's. */
  mismatch: boolean;
};

export type ProgrammeComparison = ProgrammeTotals & { sections: SectionComparison[] };

export const OUTSIDE_SECTIONS = "вне разделов программы";

const round1 = (n: number) => Math.round(n * 10) / 10;

function sectionOf(title: string, sections: readonly ProgrammeSectionHours[]): number {
  const t = title.trim();
  return sections.findIndex((s) => t === s.title || t.endsWith(`(${s.title})`));
}

/** PRG-1: the programme's sections beside the КТП's hours and the hours given (`given` per topic id). */
export function compareWithProgramme(
  programme: { id: number; title: string; sections: readonly ProgrammeSectionHours[] },
  topics: readonly KtpTopicHours[] | null,
  given: ReadonlyMap<number, number>,
): ProgrammeComparison {
  const rows: SectionComparison[] = programme.sections.map((s) => ({
    title: s.title,
    programme: s.hours,
    ktp: 0,
    given: 0,
  }));
  const outside: SectionComparison = { title: OUTSIDE_SECTIONS, programme: null, ktp: 0, given: 0 };
  let current = -1;
  for (const t of [...(topics ?? [])].sort((a, b) => a.position - b.position)) {
    const at = sectionOf(t.title, programme.sections);
    if (at >= 0) current = at;
    const row = current >= 0 ? rows[current] : outside;
    row.ktp = round1(row.ktp + t.hours);
    row.given = round1(row.given + (given.get(t.id) ?? 0));
  }
  return {
    ...programmeTotals(programme, topics ? totalHours(topics) : null),
    sections: outside.ktp > 0 || outside.given > 0 ? [...rows, outside] : rows,
  };
}

/** PRG-1's figures of one line: the programme's hours against the КТП's (`ktpHours`: its topics' sum, null without a КТП). */
export function programmeTotals(
  programme: { id: number; title: string; sections: readonly ProgrammeSectionHours[] },
  ktpHours: number | null,
): ProgrammeTotals {
  const programmeHours = round1(programme.sections.reduce((s, x) => s + x.hours, 0));
  return {
    programmeId: programme.id,
    programmeTitle: programme.title,
    programmeHours,
    ktpHours,
    mismatch: ktpHours === null || ktpHours !== programmeHours,
  };
}

// ──────────────────── the fulfilment page's filter and order (PLAN-5, issue 22 item 7) ────────────────────
//
// Decision: the deputy's question is «which loads lag behind the plan». The page filters by class,
// subject, teacher and «only lagging» (GET parameters) and orders by class (the report's order) or by
// the lag (the furthest behind first); the per-section details of a line are fetched when opened.

/** A teacher load as the fulfilment lines need it: who teaches a class × subject (× subgroup). */
export type LineTeacher = {
  classId: number;
  subjectId: number;
  subgroupId: number | null;
  teacherId: number;
  teacherName: string;
};

/**
 * The teachers of a line: the loads of its class and subject — of its subgroup when the line is a
 * subgroup's stream (a load of the whole class covers every subgroup), every load of the pair for a
 * whole-class line. Sorted by name, each once.
 */
/** teachersOfLine for many lines: the loads indexed by class × subject once (not every load scanned per line). */
export function lineTeachers(
  loads: readonly LineTeacher[],
): (line: Pick<FulfilmentLine, "classId" | "subjectId" | "subgroupId">) => { id: number; name: string }[] {
  const byPair = new Map<string, LineTeacher[]>();
  for (const l of loads) {
    const key = `${l.classId}:${l.subjectId}`;
    const list = byPair.get(key);
    if (list) list.push(l);
    else byPair.set(key, [l]);
  }
  return (line) => teachersOfLine(line, byPair.get(`${line.classId}:${line.subjectId}`) ?? []);
}

export function teachersOfLine(
  line: Pick<FulfilmentLine, "classId" | "subjectId" | "subgroupId">,
  loads: readonly LineTeacher[],
): { id: number; name: string }[] {
  const out = new Map<number, string>();
  for (const l of loads) {
    if (l.classId !== line.classId || l.subjectId !== line.subjectId) continue;
    if (line.subgroupId !== null && l.subgroupId !== null && l.subgroupId !== line.subgroupId) continue;
    out.set(l.teacherId, l.teacherName);
  }
  return [...out].map(([id, name]) => ({ id, name })).sort((a, b) => compareRu(a.name, b.name) || a.id - b.id);
}

export type FulfilmentFilter = {
  classId?: number;
  subjectId?: number;
  teacherId?: number;
  onlyLagging?: boolean;
  /** "class": the report's order (class, subject); "lag": the furthest behind the plan first. */
  sort?: "class" | "lag";
};

/** The lines a filter keeps, in its order; `teachers` gives each line's teacher ids (teachersOfLine). */
export function filterFulfilment<L extends FulfilmentLine>(
  lines: readonly L[],
  filter: FulfilmentFilter,
  teachers: (line: L) => readonly { id: number }[],
): L[] {
  const kept = lines.filter(
    (l) =>
      (filter.classId === undefined || l.classId === filter.classId) &&
      (filter.subjectId === undefined || l.subjectId === filter.subjectId) &&
      (!filter.onlyLagging || l.lagging) &&
      (filter.teacherId === undefined || teachers(l).some((t) => t.id === filter.teacherId)),
  );
  // Array.prototype.sort is stable: equal lags keep the report's order.
  return filter.sort === "lag" ? kept.sort((a, b) => a.difference - b.difference) : kept;
}
