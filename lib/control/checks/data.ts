// Reads of journal checks (DUT-2): the classes of the current year in scope with what the lists
// need, the last check per class × level, the checks made in a range. Bound to the organisation;
// the class scope (null = all) comes from the gate.
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import { asFrequency, type CheckLevelName, type Frequency } from "./rules";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";
import { cap, vocabulary, type Vocabulary } from "@/lib/org/vocabulary";

export type CheckClass = {
  id: number;
  name: string;
  grade: number;
  departmentId: number | null;
  yearStart: Date;
  classTeachers: string[];
  head: string | null;
};

/** Classes of the current year (all, or the given ids) with their class teachers and department heads. */
export async function checkClasses(
  organisationId: number,
  classIds: ReadonlySet<number> | null,
): Promise<CheckClass[]> {
  const rows = await db.classGroup.findMany({
    where: { organisationId, year: { isCurrent: true }, ...(classIds ? { id: { in: [...classIds] } } : {}) },
    select: {
      id: true,
      name: true,
      grade: true,
      departmentId: true,
      year: { select: { startDate: true } },
      classTeachers: { select: { user: { select: NAME_FIELDS } } },
      department: { select: { head: { select: NAME_FIELDS } } },
    },
  });
  return rows
    .map((c) => ({
      id: c.id,
      name: c.name,
      grade: c.grade,
      departmentId: c.departmentId,
      yearStart: c.year.startDate,
      classTeachers: c.classTeachers.map((t) => shortName(t.user)),
      head: c.department?.head ? shortName(c.department.head) : null,
    }))
    .sort((a, b) => a.grade - b.grade || compareRuNumeric(a.name, b.name));
}

/** The latest check per class × level. */
export async function lastChecks(organisationId: number, classIds: readonly number[]): Promise<Map<string, Date>> {
  if (classIds.length === 0) return new Map();
  const rows = await db.journalCheck.groupBy({
    by: ["classId", "level"],
    where: { organisationId, classId: { in: [...classIds] } },
    _max: { checkedOn: true },
  });
  return new Map(rows.flatMap((r) => (r._max.checkedOn ? [[`${r.level}:${r.classId}`, r._max.checkedOn]] : [])));
}

/** The organisation's check frequencies per level (ORG-2 / DUT-2). */
export async function checkFrequencies(organisationId: number): Promise<Record<CheckLevelName, Frequency>> {
  const s = await db.organisationSettings.findUnique({
    where: { organisationId },
    select: { checkEveryClassTeacher: true, checkEveryHeadOfDept: true, checkEveryDeputy: true },
  });
  return {
    CLASS_TEACHER: asFrequency(s?.checkEveryClassTeacher, "CLASS_TEACHER"),
    HEAD_OF_DEPT: asFrequency(s?.checkEveryHeadOfDept, "HEAD_OF_DEPT"),
    DEPUTY: asFrequency(s?.checkEveryDeputy, "DEPUTY"),
  };
}

export type CheckRow = {
  id: number;
  checkedOn: Date;
  level: CheckLevelName;
  classId: number;
  className: string;
  subject: string | null;
  period: string | null;
  checker: string;
  result: "OK" | "REMARKS";
  findings: string | null;
  remarks: { id: number; teacher: string; text: string; status: string }[];
};

/** Checks made between two dates (calendar days), in scope, optionally of one level or class. */
export async function checksBetween(
  organisationId: number,
  q: { from: Date; to: Date; classIds: ReadonlySet<number> | null; level?: CheckLevelName; classId?: number },
): Promise<CheckRow[]> {
  const classFilter =
    q.classId !== undefined
      ? q.classIds && !q.classIds.has(q.classId)
        ? { classId: { in: [] as number[] } }
        : { classId: q.classId }
      : q.classIds
        ? { classId: { in: [...q.classIds] } }
        : {};
  const rows = await db.journalCheck.findMany({
    where: {
      organisationId,
      checkedOn: { gte: q.from, lte: q.to },
      ...classFilter,
      ...(q.level ? { level: q.level } : {}),
    },
    orderBy: [{ checkedOn: "desc" }, { id: "desc" }],
    take: 500,
    select: {
      id: true,
      checkedOn: true,
      level: true,
      classId: true,
      subjectId: true,
      periodId: true,
      result: true,
      findings: true,
      class: { select: { name: true } },
      checker: { select: NAME_FIELDS },
      remarks: {
        select: {
          id: true,
          text: true,
          status: true,
          teacher: { select: NAME_FIELDS },
        },
      },
    },
  });
  const subjectIds = [...new Set(rows.flatMap((r) => (r.subjectId ? [r.subjectId] : [])))];
  const periodIds = [...new Set(rows.flatMap((r) => (r.periodId ? [r.periodId] : [])))];
  const [subjects, periods] = await Promise.all([
    db.subject.findMany({ where: { organisationId, id: { in: subjectIds } }, select: { id: true, name: true } }),
    db.period.findMany({ where: { organisationId, id: { in: periodIds } }, select: { id: true, name: true } }),
  ]);
  const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
  const periodName = new Map(periods.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    id: r.id,
    checkedOn: r.checkedOn,
    level: r.level,
    classId: r.classId,
    className: r.class.name,
    subject: r.subjectId ? (subjectName.get(r.subjectId) ?? null) : null,
    period: r.periodId ? (periodName.get(r.periodId) ?? null) : null,
    checker: fullName(r.checker),
    result: r.result,
    findings: r.findings,
    remarks: r.remarks.map((m) => ({ id: m.id, teacher: fullName(m.teacher), text: m.text, status: m.status })),
  }));
}

/** What the check form offers: subjects, the current year's periods and the teachers of each class (load). */
export async function checkFormChoices(organisationId: number, classIds: readonly number[]) {
  const [subjects, periods, loads] = await Promise.all([
    db.subject.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.period.findMany({
      where: { organisationId, year: { isCurrent: true } },
      orderBy: [{ kind: "asc" }, { number: "asc" }],
      select: { id: true, name: true },
    }),
    db.teacherLoad.findMany({
      where: { organisationId, classId: { in: [...classIds] }, year: { isCurrent: true } },
      select: {
        classId: true,
        subjectId: true,
        teacher: { select: { id: true, ...NAME_FIELDS } },
      },
    }),
  ]);
  const teachers = new Map<number, string>();
  for (const l of loads) teachers.set(l.teacher.id, fullName(l.teacher));
  return {
    subjects,
    periods,
    teachers: [...teachers].map(([id, name]) => ({ id, name })).sort((a, b) => compareRu(a.name, b.name)),
  };
}

/** The class, subject and period of a check exist in the organisation (and the period in the class's year). */
export async function checkTargetProblem(
  organisationId: number,
  t: { classId: number; subjectId?: number; periodId?: number; teacherId?: number },
  v: Vocabulary = vocabulary("SCHOOL"),
): Promise<{ field: string; message: string } | null> {
  const [cls, subject, period, teacher] = await Promise.all([
    db.classGroup.findUnique({
      where: { organisationId_id: { organisationId, id: t.classId } },
      select: { yearId: true },
    }),
    t.subjectId
      ? db.subject.findUnique({
          where: { organisationId_id: { organisationId, id: t.subjectId } },
          select: { id: true },
        })
      : null,
    t.periodId
      ? db.period.findUnique({
          where: { organisationId_id: { organisationId, id: t.periodId } },
          select: { yearId: true },
        })
      : null,
    t.teacherId
      ? db.user.findUnique({
          where: { organisationId_id: { organisationId, id: t.teacherId } },
          select: { isActive: true },
        })
      : null,
  ]);
  if (!cls) return { field: "classId", message: cap(v.classNotFound) };
  if (t.subjectId && !subject) return { field: "subjectId", message: cap(v.subjectNotFound) };
  if (t.periodId && (!period || period.yearId !== cls.yearId))
    return { field: "periodId", message: `Период не относится к учебному году ${v.class.gen}` };
  if (t.teacherId && !teacher?.isActive) return { field: "teacherId", message: `${cap(v.teacher.nom)} не найден` };
  return null;
}
