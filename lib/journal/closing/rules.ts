import { formatDate } from "@/lib/org/time";
import { plural, pluralOf, type Vocabulary } from "@/lib/org/vocabulary";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";
// Pure rules of closing a period (REC-1, seed 002 §4.5.1, 003 regl. 10): which classes a choice
// names, the refusal listing the missing finals, and the warning of a closing before the period's
// last day. No I/O.

/** What DEPUTY closes: one class, a parallel (grade), a department, or the whole organisation. */
export type ClosingTarget =
  | { kind: "class"; classId: number }
  | { kind: "grade"; grade: number }
  | { kind: "dept"; departmentId: number }
  | { kind: "all" };

export type ClosingClass = { id: number; name: string; grade: number; departmentId: number | null; periodKind: string };

/** Whether a target names a class (whatever its periods). */
export function namesClass(target: ClosingTarget, c: ClosingClass): boolean {
  return (
    target.kind === "all" ||
    (target.kind === "class" && c.id === target.classId) ||
    (target.kind === "grade" && c.grade === target.grade) ||
    (target.kind === "dept" && c.departmentId === target.departmentId)
  );
}

/** The classes of the year a target names, of the period's kind (a class with other periods is not named). */
export function classesOfTarget(
  classes: readonly ClosingClass[],
  target: ClosingTarget,
  periodKind: string,
): ClosingClass[] {
  return classes.filter((c) => c.periodKind === periodKind && namesClass(target, c));
}

/** The form's one select: «class:12», «grade:7», «dept:3», «all». Null for anything else. */
export function parseTarget(value: string): ClosingTarget | null {
  if (value === "all") return { kind: "all" };
  const m = /^(class|grade|dept):(\d{1,9})$/.exec(value);
  if (!m) return null;
  const n = Number(m[2]);
  if (m[1] === "class") return n > 0 ? { kind: "class", classId: n } : null;
  if (m[1] === "grade") return n <= 12 ? { kind: "grade", grade: n } : null;
  return n > 0 ? { kind: "dept", departmentId: n } : null;
}

/** A student on the roll at the period's end without the period's final in a subject they were taught. */
export type MissingFinal = { className: string; subjectName: string; studentName: string };

/** «7А, Алгебра: Иванов Иван, Петров Пётр» — one line per class × subject, in order. */
export function missingLines(missing: readonly MissingFinal[]): string[] {
  const groups = new Map<string, string[]>();
  for (const m of missing) {
    const key = `${m.className}, ${m.subjectName}`;
    groups.set(key, [...(groups.get(key) ?? []), m.studentName]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareRuNumeric(a, b))
    .map(([key, names]) => `${key}: ${names.sort(compareRu).join(", ")}`);
}

/** The refusal's headline (REC-1): closing needs every student's final. */
export function refusalMessage(missing: readonly MissingFinal[]): string {
  const subjects = new Set(missing.map((m) => `${m.className}|${m.subjectName}`)).size;
  return `Период не закрыт: не выставлено итоговых отметок — ${missing.length} (предметов: ${subjects}). Период закрывается, когда у каждого ученика есть итоговая отметка`;
}

/** REC-1: a period closed before its last day (`today` in the organisation's zone) needs a confirmation. */
export function closesEarly(periodEnd: Date, today: Date): boolean {
  return today.getTime() < periodEnd.getTime();
}

/** A class in scope and its scheduled lessons after today up to the period's last day. */
export type LessonsAhead = { className: string; count: number };

/**
 * The warning of an early closing: «Период заканчивается 28.12.2026: 17 уроков после сегодняшнего дня
 * будут закрыты до того, как пройдут» (a college: «17 занятий»), then, for several classes, each one's
 * count (DAY-6: the organisation's words).
 */
export function earlyWarning(v: Vocabulary, periodEnd: Date, ahead: readonly LessonsAhead[]): string[] {
  const total = ahead.reduce((n, a) => n + a.count, 0);
  const lessons = `${total} ${pluralOf(total, v.lesson)}`;
  // урок is masculine, занятие neuter: «1 урок … будет закрыт», «1 занятие … будет закрыто».
  const closed = plural(
    total,
    v.kind === "COLLEGE" ? "будет закрыто" : "будет закрыт",
    "будут закрыты",
    "будут закрыты",
  );
  const pass = plural(total, "пройдёт", "пройдут", "пройдут");
  const head = `Период заканчивается ${formatDate(periodEnd)}: ${lessons} после сегодняшнего дня ${closed} до того, как ${pass}`;
  if (ahead.length < 2) return [head];
  const classes = [...ahead].sort((a, b) => compareRuNumeric(a.className, b.className));
  return [head, `По ${v.class.datPl}: ${classes.map((a) => `${a.className} — ${a.count}`).join(", ")}`];
}

/** The refusal of an early closing without the confirmation (REC-1). */
export function earlyRefusal(periodName: string, periodEnd: Date): string {
  return `Период «${periodName}» заканчивается ${formatDate(periodEnd)}. Чтобы закрыть его раньше, отметьте «${EARLY_LABEL}»`;
}

/** The confirmation's label on the form. */
export const EARLY_LABEL = "Закрыть до окончания периода";
