// Planning the year transition (ORG-3, PPL-4): the preview the wizard shows and the exact
// commit it runs after confirmation are computed by the same function from the database.
import { formatDate } from "@/lib/org/time";
import { transitionInputs } from "./data";
import {
  graduatesByDefault,
  nextYearName,
  planStudents,
  plusYear,
  promotedName,
  withCouncil,
  type ClassPlan,
  type ExceptionKind,
} from "./rules";
import type { TransitionCommit } from "./mutations";
import { compareRuNumeric } from "@/lib/org/collation";

export type TransitionRequest = {
  orderNumber: string;
  orderDate: Date;
  /** Classes that graduate; null = the defaults (school: 11th grade, college: 4th course). */
  graduating: ReadonlySet<number> | null;
  exceptions: ReadonlyMap<number, ExceptionKind>;
};

export type TransitionPreview = {
  yearName: string;
  nextName: string;
  nextDates: string;
  periods: { name: string; dates: string }[];
  classes: { classId: number; name: string; nextName: string | null; graduates: boolean; students: number }[];
  counts: { promoted: number; conditional: number; repeat: number; graduated: number };
  exceptions: { fullName: string; className: string; kind: ExceptionKind }[];
  /** Students whose decision comes from «Решения педсовета» (REC-4). */
  council: number;
};

export type TransitionStudentOption = { studentId: number; label: string };

export async function planTransition(
  organisationId: number,
  req: TransitionRequest,
): Promise<{ ok: true; preview: TransitionPreview; commit: TransitionCommit } | { ok: false; message: string }> {
  const input = await transitionInputs(organisationId);
  if (!input) return { ok: false, message: "Текущий учебный год не задан" };
  const { year } = input;
  if (year.status === "CLOSED") return { ok: false, message: "Текущий год уже закрыт" };
  const nextName = nextYearName(year.name);
  if (input.yearNames.includes(nextName)) return { ok: false, message: `Учебный год ${nextName} уже существует` };
  const classes: ClassPlan[] = input.classes.map((c) => {
    const graduates = req.graduating ? req.graduating.has(c.id) : graduatesByDefault(input.orgKind, c.grade);
    return {
      classId: c.id,
      name: c.name,
      grade: c.grade,
      graduates,
      nextName: graduates ? null : promotedName(c.name, c.grade),
    };
  });
  const seen = new Map<string, string>();
  for (const c of classes) {
    if (!c.nextName) continue;
    const other = seen.get(c.nextName);
    if (other)
      return { ok: false, message: `Классы ${other} и ${c.name} в следующем году получат одно название ${c.nextName}` };
    seen.set(c.nextName, c.name);
  }
  const classOfStudent = new Map(input.members.map((m) => [m.studentId, m.classId]));
  const graduating = new Map(classes.map((c) => [c.classId, c.graduates]));
  const fullNameOf = new Map(input.members.map((m) => [m.studentId, m.fullName]));
  const merged = withCouncil(
    req.exceptions,
    input.council,
    (studentId) => {
      const classId = classOfStudent.get(studentId);
      return classId === undefined ? undefined : graduating.get(classId);
    },
    (studentId) => fullNameOf.get(studentId) ?? "ученик",
  );
  if (!merged.ok) return merged;
  const exceptions = merged.exceptions;
  const planned = planStudents(classes, input.members, exceptions);
  if (!planned.ok) return planned;
  const count = (d: string) => planned.students.filter((s) => s.decision === d).length;
  const nameOf = new Map(input.members.map((m) => [m.studentId, m.fullName]));
  const classNameOf = new Map(classes.map((c) => [c.classId, c.name]));
  const preview: TransitionPreview = {
    yearName: year.name,
    nextName,
    nextDates: `${formatDate(plusYear(year.startDate))}–${formatDate(plusYear(year.endDate))}`,
    periods: year.periods.map((p) => ({
      name: p.name,
      dates: `${formatDate(plusYear(p.startDate))}–${formatDate(plusYear(p.endDate))}`,
    })),
    classes: classes.map((c) => ({
      classId: c.classId,
      name: c.name,
      nextName: c.nextName,
      graduates: c.graduates,
      students: input.members.filter((m) => m.classId === c.classId).length,
    })),
    counts: {
      promoted: count("PROMOTED"),
      conditional: count("CONDITIONAL"),
      repeat: count("REPEAT"),
      graduated: count("GRADUATED"),
    },
    exceptions: planned.students
      .filter((s) => exceptions.has(s.studentId))
      .map((s) => ({
        fullName: nameOf.get(s.studentId) ?? "",
        className: classNameOf.get(s.fromClassId) ?? "",
        kind: exceptions.get(s.studentId)!,
      })),
    council: input.council.filter((d) => classOfStudent.has(d.studentId)).length,
  };
  return {
    ok: true,
    preview,
    commit: {
      yearId: year.id,
      nextName,
      classes,
      students: planned.students,
      orderNumber: req.orderNumber,
      orderDate: req.orderDate,
    },
  };
}

/** Students of the current year for the exception pickers, «Класс — Фамилия Имя». */
export async function transitionStudentOptions(organisationId: number): Promise<TransitionStudentOption[]> {
  const input = await transitionInputs(organisationId);
  if (!input) return [];
  const classOf = new Map(input.classes.map((c) => [c.id, c]));
  return input.members
    .map((m) => ({
      studentId: m.studentId,
      label: `${classOf.get(m.classId)?.name ?? ""} — ${m.fullName}`,
      grade: classOf.get(m.classId)?.grade ?? 0,
    }))
    .sort((a, b) => a.grade - b.grade || compareRuNumeric(a.label, b.label))
    .map(({ studentId, label }) => ({ studentId, label }));
}

export async function transitionClasses(organisationId: number) {
  const input = await transitionInputs(organisationId);
  if (!input) return null;
  return {
    yearName: input.year.name,
    classes: input.classes.map((c) => ({
      id: c.id,
      name: c.name,
      graduatesByDefault: graduatesByDefault(input.orgKind, c.grade),
    })),
  };
}
