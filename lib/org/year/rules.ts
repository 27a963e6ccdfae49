// The year transition (ORG-3, PPL-4) as pure rules: the next year's name and dates, the name of
// a promoted class, and each student's decision with their target class.

/** "2026/2027" → "2027/2028"; anything else gets " (следующий)". */
export function nextYearName(name: string): string {
  const m = /^(\d{4})\s*\/\s*(\d{4})$/.exec(name.trim());
  return m ? `${Number(m[1]) + 1}/${Number(m[2]) + 1}` : `${name} (следующий)`;
}

/** The same calendar date one year later (29 February → 28 February). */
export function plusYear(date: Date): Date {
  const y = date.getUTCFullYear() + 1;
  const m = date.getUTCMonth();
  const d = Math.min(date.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  return new Date(Date.UTC(y, m, d));
}

/**
 * 5А → 6А, 10Б → 11Б; a college group whose number starts with its course goes up a course
 * (ИС-11 → ИС-21). Other names are kept.
 */
export function promotedName(name: string, grade: number): string {
  const m = /\d+/.exec(name);
  if (!m || !m[0].startsWith(String(grade))) return name;
  const promoted = String(grade + 1) + m[0].slice(String(grade).length);
  return name.slice(0, m.index) + promoted + name.slice(m.index + m[0].length);
}

export function graduatesByDefault(orgKind: "SCHOOL" | "COLLEGE", grade: number): boolean {
  return orgKind === "SCHOOL" ? grade >= 11 : grade >= 4;
}

export type Decision = "PROMOTED" | "CONDITIONAL" | "REPEAT" | "GRADUATED";
export type ExceptionKind = "CONDITIONAL" | "REPEAT";

export type ClassPlan = { classId: number; name: string; grade: number; graduates: boolean; nextName: string | null };

export type StudentPlan = {
  studentId: number;
  membershipId: number;
  fromClassId: number;
  decision: Decision;
  /** Name of the next year's class the student goes to; null for graduates. */
  toClassName: string | null;
};

/** Per student: graduates leave; exceptions repeat (same class name next year) or go up conditionally; others go up. */
export function planStudents(
  classes: readonly ClassPlan[],
  members: readonly { studentId: number; membershipId: number; classId: number }[],
  exceptions: ReadonlyMap<number, ExceptionKind>,
): { ok: true; students: StudentPlan[] } | { ok: false; message: string } {
  const byId = new Map(classes.map((c) => [c.classId, c]));
  const nextNames = new Set(classes.filter((c) => c.nextName).map((c) => c.nextName!));
  const out: StudentPlan[] = [];
  for (const m of members) {
    const c = byId.get(m.classId);
    if (!c) continue;
    const ex = exceptions.get(m.studentId);
    if (ex === "REPEAT") {
      if (!nextNames.has(c.name))
        return {
          ok: false,
          message: `Оставить на повторное обучение в ${c.name} нельзя: в следующем году нет класса ${c.name}`,
        };
      out.push({
        studentId: m.studentId,
        membershipId: m.membershipId,
        fromClassId: c.classId,
        decision: "REPEAT",
        toClassName: c.name,
      });
    } else if (c.graduates) {
      if (ex === "CONDITIONAL")
        return { ok: false, message: `Выпускник класса ${c.name} не может быть переведён условно` };
      out.push({
        studentId: m.studentId,
        membershipId: m.membershipId,
        fromClassId: c.classId,
        decision: "GRADUATED",
        toClassName: null,
      });
    } else {
      out.push({
        studentId: m.studentId,
        membershipId: m.membershipId,
        fromClassId: c.classId,
        decision: ex === "CONDITIONAL" ? "CONDITIONAL" : "PROMOTED",
        toClassName: c.nextName,
      });
    }
  }
  for (const id of exceptions.keys())
    if (!members.some((m) => m.studentId === id))
      return { ok: false, message: "Исключение указано для ученика, который не числится в классах текущего года" };
  return { ok: true, students: out };
}

export const MOVEMENT_OF: Record<Decision, "PROMOTION" | "CONDITIONAL_PROMOTION" | "REPEAT_YEAR" | "GRADUATION"> = {
  PROMOTED: "PROMOTION",
  CONDITIONAL: "CONDITIONAL_PROMOTION",
  REPEAT: "REPEAT_YEAR",
  GRADUATED: "GRADUATION",
};
