// Reads of the final marks page (FIN-1…FIN-4). Every query is bound to the organisation; the sheet
// of a class × subject is read in one parallel round whatever the number of students.
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { spanMeets } from "@/lib/org/time";
import { type ControlKindName, type FinalSpecialName } from "@/lib/journal/marks";
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import type { AverageInput } from "@/lib/journal/averages";
import { anyFinalsWarning, type EducationFormName, type FinalKindName } from "./rules";
import { compareRu } from "@/lib/org/collation";

export type SheetFinal = {
  id: number;
  studentId: number;
  kind: FinalKindName;
  periodId: number | null;
  form: ControlKindName;
  value: number | null;
  special: FinalSpecialName | null;
  version: number;
  setAt: Date;
};

export type SheetStudent = { id: number; name: string; forms: EducationFormName[]; leftBeforeEnd: boolean };

export type FinalsSheetRows = {
  students: SheetStudent[];
  marks: Map<number, AverageInput[]>;
  absences: Map<number, number>;
  lessonsHeld: number;
  finals: SheetFinal[];
  /** Attestation form per period (college): the curriculum's, else the subject's. */
  formOf: Map<number, ControlKindName>;
  subjectForm: ControlKindName;
};

/** Students of the class during the period, their marks, absences, lessons held and all finals of the class × subject. */
export async function finalsSheetRows(
  organisationId: number,
  q: { classId: number; subjectId: number; period: { id: number; start: Date; end: Date }; today: Date },
): Promise<FinalsSheetRows> {
  const { classId, subjectId, period } = q;
  const lessonWhere = {
    organisationId,
    classId,
    subjectId,
    status: "SCHEDULED" as const,
    date: { gte: period.start, lte: period.end },
  };
  const heldUntil = q.today < period.end ? q.today : period.end;
  const [memberships, marks, absences, lessonsHeld, finals, curriculum, subject] = await Promise.all([
    db.classMembership.findMany({
      where: {
        organisationId,
        classId,
        ...spanMeets(period.start, period.end),
      },
      select: {
        studentId: true,
        endDate: true,
        educationForm: true,
        student: { select: { ...NAME_FIELDS, educationForm: true } },
      },
    }),
    db.mark.findMany({
      where: { organisationId, lesson: lessonWhere },
      select: {
        studentId: true,
        kind: true,
        value: true,
        isHospital: true,
        assignment: { select: { weight: true, type: { select: { weight: true } } } },
      },
    }),
    db.attendance.groupBy({
      by: ["studentId"],
      where: { organisationId, code: { not: "OP" }, lesson: lessonWhere },
      _count: { _all: true },
    }),
    db.lesson.count({ where: { ...lessonWhere, date: { gte: period.start, lte: heldUntil } } }),
    db.finalMark.findMany({
      where: { organisationId, classId, subjectId },
      select: {
        id: true,
        studentId: true,
        kind: true,
        periodId: true,
        form: true,
        value: true,
        special: true,
        version: true,
        setAt: true,
      },
    }),
    db.curriculumItem.findMany({
      where: { organisationId, classId, subjectId },
      select: { periodId: true, controlKind: true },
    }),
    db.subject.findUnique({
      where: { organisationId_id: { organisationId, id: subjectId } },
      select: { controlKind: true },
    }),
  ]);
  const byStudent = new Map<number, SheetStudent>();
  for (const m of memberships) {
    const s = byStudent.get(m.studentId) ?? {
      id: m.studentId,
      name: fullName(m.student),
      forms: [m.student.educationForm],
      leftBeforeEnd: true,
    };
    if (!s.forms.includes(m.educationForm)) s.forms.push(m.educationForm);
    if (m.endDate === null || m.endDate >= period.end) s.leftBeforeEnd = false;
    byStudent.set(m.studentId, s);
  }
  const markMap = new Map<number, AverageInput[]>();
  for (const m of marks) {
    const list = markMap.get(m.studentId) ?? [];
    list.push({
      kind: m.kind,
      value: m.value,
      isHospital: m.isHospital,
      weight: Number(m.assignment.weight ?? m.assignment.type.weight),
    });
    markMap.set(m.studentId, list);
  }
  const formOf = new Map<number, ControlKindName>();
  for (const c of curriculum)
    if (c.periodId !== null && c.controlKind !== "NONE") formOf.set(c.periodId, c.controlKind);
  return {
    students: [...byStudent.values()].sort((a, b) => compareRu(a.name, b.name)),
    marks: markMap,
    absences: new Map(absences.map((a) => [a.studentId, a._count._all])),
    lessonsHeld,
    finals,
    formOf,
    subjectForm: subject?.controlKind ?? "NONE",
  };
}

/** A student's education forms in a class (the card's and every stay's) — who may set their final (FIN-4). */
export async function studentFormsInClass(
  organisationId: number,
  studentId: number,
  classId: number,
): Promise<EducationFormName[] | null> {
  const student = await db.student.findUnique({
    where: { organisationId_id: { organisationId, id: studentId } },
    select: { educationForm: true, memberships: { where: { classId }, select: { educationForm: true } } },
  });
  if (!student || student.memberships.length === 0) return null;
  return [...new Set([student.educationForm, ...student.memberships.map((m) => m.educationForm)])];
}

/** Class × subject facts a save needs: the class's periods, the subject's pass/fail, scale. */
export async function finalTarget(organisationId: number, classId: number, subjectId: number) {
  const [cls, subject, org] = await Promise.all([
    db.classGroup.findUnique({
      where: { organisationId_id: { organisationId, id: classId } },
      select: { yearId: true, periodKind: true },
    }),
    db.subject.findUnique({
      where: { organisationId_id: { organisationId, id: subjectId } },
      select: { passFail: true, controlKind: true },
    }),
    db.organisation.findUnique({
      where: { id: organisationId },
      select: { kind: true, settings: { select: { minMark: true, maxMark: true } } },
    }),
  ]);
  if (!cls || !subject || !org) return null;
  const periods = await db.period.findMany({
    where: { organisationId, yearId: cls.yearId, kind: cls.periodKind },
    select: { id: true },
  });
  const curriculum = await db.curriculumItem.findMany({
    where: { organisationId, classId, subjectId },
    select: { periodId: true, controlKind: true },
  });
  return {
    periodIds: new Set(periods.map((p) => p.id)),
    passFail: subject.passFail,
    subjectForm: subject.controlKind as ControlKindName,
    formOf: new Map(
      curriculum
        .filter((c) => c.periodId !== null)
        .map((c) => [c.periodId as number, c.controlKind as ControlKindName]),
    ),
    orgKind: org.kind,
    minMark: org.settings?.minMark ?? ORG_SETTINGS_DEFAULTS.minMark,
    maxMark: org.settings?.maxMark ?? ORG_SETTINGS_DEFAULTS.maxMark,
  };
}

export type WarningProbe = { classId: number; subjectId: number };
export type WarningFacts = {
  /** Periods of the classes' own kind and year. */
  periods: { id: number; classId: number; name: string; start: Date; end: Date }[];
  /** Stays in those classes (to count the roll at a period's end). */
  stays: { classId: number; studentId: number; start: Date; end: Date | null }[];
  /** Period finals per class × subject × period. */
  counts: { classId: number; subjectId: number; periodId: number; count: number }[];
  warningDays: number;
};

/**
 * The periods of the probed classes (their own kind and year) and the warning's lead time (FIN-4):
 * whether a class's current period is near its end at all is decided from these alone.
 */
export async function warningPeriods(
  organisationId: number,
  probes: readonly WarningProbe[],
): Promise<Pick<WarningFacts, "periods" | "warningDays">> {
  const classIds = [...new Set(probes.map((p) => p.classId))];
  const [classes, settings] = await Promise.all([
    db.classGroup.findMany({
      where: { organisationId, id: { in: classIds } },
      select: { id: true, yearId: true, periodKind: true },
    }),
    db.organisationSettings.findUnique({ where: { organisationId }, select: { finalsWarningDays: true } }),
  ]);
  const yearIds = [...new Set(classes.map((c) => c.yearId))];
  const periods = await db.period.findMany({
    where: { organisationId, yearId: { in: yearIds } },
    select: { id: true, yearId: true, kind: true, name: true, startDate: true, endDate: true },
  });
  return {
    periods: classes.flatMap((c) =>
      periods
        .filter((p) => p.yearId === c.yearId && p.kind === c.periodKind)
        .map((p) => ({ id: p.id, classId: c.id, name: p.name, start: p.startDate, end: p.endDate })),
    ),
    warningDays: settings?.finalsWarningDays ?? ORG_SETTINGS_DEFAULTS.finalsWarningDays,
  };
}

/**
 * The rolls and the period finals counted for the classes whose current period is near its end
 * (issue 22 item 7: only those — on most days none, and the school's every stay and final count
 * were read for nothing). Two queries for any number of journals.
 */
export async function warningRolls(
  organisationId: number,
  classIds: readonly number[],
  periodIds: readonly number[],
): Promise<Pick<WarningFacts, "stays" | "counts">> {
  if (classIds.length === 0) return { stays: [], counts: [] };
  const [stays, counts] = await Promise.all([
    db.classMembership.findMany({
      where: { organisationId, classId: { in: [...classIds] } },
      select: { classId: true, studentId: true, startDate: true, endDate: true },
    }),
    db.finalMark.groupBy({
      by: ["classId", "subjectId", "periodId"],
      where: { organisationId, classId: { in: [...classIds] }, periodId: { in: [...periodIds] }, kind: "PERIOD" },
      _count: { _all: true },
    }),
  ]);
  return {
    stays: stays.map((s) => ({ classId: s.classId, studentId: s.studentId, start: s.startDate, end: s.endDate })),
    counts: counts
      .filter((c) => c.periodId !== null)
      .map((c) => ({
        classId: c.classId,
        subjectId: c.subjectId,
        periodId: c.periodId as number,
        count: c._count._all,
      })),
  };
}

/** OrganisationSettings.finalsWarningDays (FIN-4; default 3). */
export async function finalsWarningDays(organisationId: number): Promise<number> {
  const s = await db.organisationSettings.findUnique({
    where: { organisationId },
    select: { finalsWarningDays: true },
  });
  return s?.finalsWarningDays ?? ORG_SETTINGS_DEFAULTS.finalsWarningDays;
}

/** anyFinalsWarning over the current year's periods: may a journal's finals be due today (FIN-4)? */
export async function finalsWarningDue(organisationId: number, today: Date): Promise<boolean> {
  const [periods, warningDays] = await Promise.all([
    db.period.findMany({
      where: { organisationId, year: { isCurrent: true } },
      select: { kind: true, startDate: true, endDate: true },
    }),
    finalsWarningDays(organisationId),
  ]);
  return anyFinalsWarning(
    periods.map((p) => ({ kind: p.kind, start: p.startDate, end: p.endDate })),
    today,
    warningDays,
  );
}
