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

/** A dated span (the year, a period, holidays) carried into the next year: both ends one year later. */
export function spanNextYear(s: { startDate: Date; endDate: Date }): { startDate: Date; endDate: Date } {
  return { startDate: plusYear(s.startDate), endDate: plusYear(s.endDate) };
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
/** The wizard offers REPEAT and CONDITIONAL; GRADUATED comes from a council decision (REC-4: leaving after 9th grade). */
export type ExceptionKind = "CONDITIONAL" | "REPEAT" | "GRADUATED";

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
    const goes = (decision: Decision, toClassName: string | null) =>
      out.push({ studentId: m.studentId, membershipId: m.membershipId, fromClassId: c.classId, decision, toClassName });
    if (ex === "GRADUATED") {
      goes("GRADUATED", null);
    } else if (ex === "REPEAT") {
      if (!nextNames.has(c.name))
        return {
          ok: false,
          message: `Оставить на повторное обучение в ${c.name} нельзя: в следующем году нет класса ${c.name}`,
        };
      goes("REPEAT", c.name);
    } else if (c.graduates) {
      if (ex === "CONDITIONAL")
        return { ok: false, message: `Выпускник класса ${c.name} не может быть переведён условно` };
      goes("GRADUATED", null);
    } else {
      goes(ex === "CONDITIONAL" ? "CONDITIONAL" : "PROMOTED", c.nextName);
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

/**
 * The year a page shows (REC-3): the one asked for when it is the organisation's, else the
 * current one, else the newest. Null when the organisation has no years.
 */
export function pickYear<Y extends { id: number; isCurrent: boolean }>(
  years: readonly Y[],
  wanted?: number | null,
): Y | null {
  return years.find((y) => y.id === wanted) ?? years.find((y) => y.isCurrent) ?? years[0] ?? null;
}

/** «2025/2026 (закрыт)» — a year as the selectors name it. */
export function yearLabel(y: { name: string; status: string; isCurrent: boolean }): string {
  if (y.status === "CLOSED") return `${y.name} (закрыт)`;
  if (y.isCurrent) return `${y.name} (текущий)`;
  return y.status === "PLANNED" ? `${y.name} (планируется)` : y.name;
}

export type CouncilDecision = { studentId: number; decision: string; protocolNumber: string | null };

/**
 * The wizard's exceptions with the council's recorded decisions (REC-4): the council's REPEAT,
 * CONDITIONAL and GRADUATED stand for their students; promotion in a graduating class and an
 * exception that contradicts the council are refused, naming the student.
 */
export function withCouncil(
  exceptions: ReadonlyMap<number, ExceptionKind>,
  council: readonly CouncilDecision[],
  graduatesOf: (studentId: number) => boolean | undefined,
  nameOf: (studentId: number) => string,
): { ok: true; exceptions: Map<number, ExceptionKind> } | { ok: false; message: string } {
  const merged = new Map(exceptions);
  for (const d of council) {
    const graduates = graduatesOf(d.studentId);
    if (graduates === undefined) continue; // not on a current class's roll (left, or not this year's)
    const by = `педсовет (протокол № ${d.protocolNumber ?? "—"})`;
    if (d.decision === "PROMOTED") {
      if (graduates)
        return {
          ok: false,
          message: `${nameOf(d.studentId)}: ${by} перевёл(а) в следующий класс, а класс отмечен выпускным`,
        };
      if (merged.has(d.studentId))
        return {
          ok: false,
          message: `${nameOf(d.studentId)}: ${by} принял решение «переведён», исключение ему противоречит`,
        };
      continue;
    }
    if (d.decision !== "REPEAT" && d.decision !== "CONDITIONAL" && d.decision !== "GRADUATED") continue;
    const asked = merged.get(d.studentId);
    if (asked !== undefined && asked !== d.decision)
      return { ok: false, message: `${nameOf(d.studentId)}: исключение противоречит решению, которое принял ${by}` };
    if (d.decision === "GRADUATED" && graduates) continue;
    merged.set(d.studentId, d.decision);
  }
  return { ok: true, exceptions: merged };
}
