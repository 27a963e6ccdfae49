import { compareRu, compareRuNumeric } from "@/lib/org/collation";
// Pure rules of closing a period (REC-1, seed 002 §4.5.1, 003 regl. 10): which classes a choice
// names, and the refusal listing the missing finals. No I/O.

/** What DEPUTY closes: one class, a parallel (grade), a department, or the whole organisation. */
export type ClosingTarget =
  | { kind: "class"; classId: number }
  | { kind: "grade"; grade: number }
  | { kind: "dept"; departmentId: number }
  | { kind: "all" };

export type ClosingClass = { id: number; name: string; grade: number; departmentId: number | null; periodKind: string };

/** The classes of the year a target names, of the period's kind (a class with other periods is not named). */
export function classesOfTarget(
  classes: readonly ClosingClass[],
  target: ClosingTarget,
  periodKind: string,
): ClosingClass[] {
  return classes.filter(
    (c) =>
      c.periodKind === periodKind &&
      (target.kind === "all" ||
        (target.kind === "class" && c.id === target.classId) ||
        (target.kind === "grade" && c.grade === target.grade) ||
        (target.kind === "dept" && c.departmentId === target.departmentId)),
  );
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
