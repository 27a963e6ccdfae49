// Journal checks (DUT-2, seeds 000 §3.4, 002 §3.6, 003 §7.1): who checks a class journal how often,
// when the next check is due and which are overdue, who sees which checks. Pure: the data layer
// hands in the checks and the classes, `today` is passed in.
//
// Documented decisions:
//   • Three levels check a class journal: the class teacher (own class), the head of department
//     (the groups of the department) and the administration — DEPUTY, and DIRECTOR or ADMIN when
//     they record one. A check counts for its level, whoever of that level made it.
//   • How often is a setting per level (ORG-2): week, month, quarter or half-year (defaults: class
//     teacher weekly, head of department monthly, deputy each half-year).
//   • The next check is due one interval after the last check of that level for that class, or
//     after the start of the class's year when it was never checked; overdue once today is past it.
//   • The checker sees their own level; a superior sees the levels below: DEPUTY the class
//     teachers' and the heads of department's, DIRECTOR and ADMIN every level, a head of
//     department their groups' class teachers (curators).
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";

export const CHECK_LEVELS = ["CLASS_TEACHER", "HEAD_OF_DEPT", "DEPUTY"] as const;
export type CheckLevelName = (typeof CHECK_LEVELS)[number];

const OTHER_LEVEL_LABELS: Record<Exclude<CheckLevelName, "CLASS_TEACHER">, string> = {
  HEAD_OF_DEPT: "заведующий отделением",
  DEPUTY: "администрация (заместитель директора)",
};

/**
 * A check level in the organisation's words (DAY-6, issue 22 round 24): the class-teacher level is the
 * school's «классный руководитель», a college's «куратор» — one place for the page, its form and the
 * RPT-11 file (round 23 rewrote it on the page side only, the file kept the school's word).
 */
export function checkLevelLabel(level: CheckLevelName, kind: OrgKindName | boolean): string {
  return level === "CLASS_TEACHER" ? vocabulary(kind).classTeacher.nom : OTHER_LEVEL_LABELS[level];
}

export const FREQUENCIES = ["WEEK", "MONTH", "QUARTER", "HALF_YEAR"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const FREQUENCY_LABELS: Record<Frequency, string> = {
  WEEK: "еженедельно",
  MONTH: "ежемесячно",
  QUARTER: "раз в четверть (3 месяца)",
  HALF_YEAR: "раз в полугодие (семестр)",
};

/** A check frequency in the organisation's words (DAY-6, issue 22 round 24): a college has no «четверть». */
export function frequencyLabel(f: Frequency, kind: OrgKindName | boolean): string {
  return f === "QUARTER" && vocabulary(kind).kind === "COLLEGE" ? "раз в квартал (3 месяца)" : FREQUENCY_LABELS[f];
}

/** Each level's frequency without a setting (DUT-2; the values stated in lib/org/defaults). */
export const DEFAULT_FREQUENCIES: Record<CheckLevelName, Frequency> = {
  CLASS_TEACHER: ORG_SETTINGS_DEFAULTS.checkEveryClassTeacher,
  HEAD_OF_DEPT: ORG_SETTINGS_DEFAULTS.checkEveryHeadOfDept,
  DEPUTY: ORG_SETTINGS_DEFAULTS.checkEveryDeputy,
};

export function asFrequency(value: string | null | undefined, level: CheckLevelName): Frequency {
  return (FREQUENCIES as readonly string[]).includes(value ?? "") ? (value as Frequency) : DEFAULT_FREQUENCIES[level];
}

export const CHECK_RESULT_LABELS: Record<"OK" | "REMARKS", string> = {
  OK: "замечаний нет",
  REMARKS: "есть замечания",
};

const DAY_MS = 86_400_000;

/** A calendar date (UTC midnight) one interval later; months keep the day or fall to the month's last. */
export function addInterval(date: Date, every: Frequency): Date {
  if (every === "WEEK") return new Date(date.getTime() + 7 * DAY_MS);
  const months = every === "MONTH" ? 1 : every === "QUARTER" ? 3 : 6;
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(date.getUTCDate(), last)));
}

export type CheckDue = {
  level: CheckLevelName;
  classId: number;
  lastCheck: Date | null;
  due: Date;
  /** Days past the due date (0 when not overdue). */
  overdueDays: number;
};

/** The next check of a level for a class, from its last check or the class's year start. */
export function checkDue(
  level: CheckLevelName,
  classId: number,
  lastCheck: Date | null,
  yearStart: Date,
  every: Frequency,
  today: Date,
): CheckDue {
  const due = addInterval(lastCheck ?? yearStart, every);
  const overdueDays = Math.max(0, Math.round((today.getTime() - due.getTime()) / DAY_MS));
  return { level, classId, lastCheck, due, overdueDays };
}

/** What the actor holds, as the data layer reads it (never the session's copy). */
export type CheckerFacts = {
  roles: readonly string[];
  classTeacherOf: readonly number[];
  departmentClassIds: readonly number[];
};

const ADMINISTRATION = ["DEPUTY", "DIRECTOR", "ADMIN"];

/** The levels the actor may record a check of a class at, highest first. */
export function levelsFor(actor: CheckerFacts, classId: number): CheckLevelName[] {
  const out: CheckLevelName[] = [];
  if (actor.roles.some((r) => ADMINISTRATION.includes(r))) out.push("DEPUTY");
  if (actor.roles.includes("HEAD_OF_DEPT") && actor.departmentClassIds.includes(classId)) out.push("HEAD_OF_DEPT");
  if (actor.classTeacherOf.includes(classId)) out.push("CLASS_TEACHER");
  return out;
}

/** Which level × class pairs the actor sees in the lists of due and overdue checks (own and below). */
export function visibleDue(
  actor: CheckerFacts,
  classes: readonly { id: number; departmentId: number | null; hasClassTeacher: boolean; hasHead: boolean }[],
): { level: CheckLevelName; classId: number }[] {
  const all = actor.roles.includes("DIRECTOR") || actor.roles.includes("ADMIN");
  const deputy = actor.roles.includes("DEPUTY");
  const out: { level: CheckLevelName; classId: number }[] = [];
  for (const c of classes) {
    const inDept = actor.roles.includes("HEAD_OF_DEPT") && actor.departmentClassIds.includes(c.id);
    if (all || deputy) out.push({ level: "DEPUTY", classId: c.id });
    if (c.hasHead && (all || deputy || inDept)) out.push({ level: "HEAD_OF_DEPT", classId: c.id });
    if (c.hasClassTeacher && (all || deputy || inDept || actor.classTeacherOf.includes(c.id)))
      out.push({ level: "CLASS_TEACHER", classId: c.id });
  }
  return out;
}

/** Sorted for the list: overdue first (most days first), then by the due date. */
export function sortDue<T extends CheckDue>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.overdueDays - a.overdueDays || a.due.getTime() - b.due.getTime());
}
