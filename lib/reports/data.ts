// Reads behind the reports; every query is bound to the organisation (ACL-5) and to the classes
// the caller has already authorised.
import { DEFAULT_TIME_ZONE, ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { rawStatement, readDb as db, replicaReader } from "@/lib/db";
import { col } from "@/lib/sql";
import { Prisma } from "@/prisma/generated/prisma/client";
import { FinalSpecial } from "@/prisma/generated/prisma/enums";
import type { AveragingMethod, AverageInput, MarkScale } from "@/lib/journal/averages";
import { compareRu, compareRuNumeric } from "@/lib/org/collation";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import { spanMeets } from "@/lib/org/time";
import { lessonsGivenBy } from "@/lib/journal/rules";
import type { AbsenceFact, FinalFact } from "./rules";
import type { Stay } from "./contingent-rules";

/** Lessons held (not cancelled) between two days, both included — what every report counts. */
const heldBetween = (from: Date, to: Date) => ({ status: "SCHEDULED" as const, date: { gte: from, lte: to } });

export type RollStudent = { studentId: number; classId: number; fullName: string };

/** Students on the roll of the classes on a date, from the movement book (PPL-3). */
export async function rollOn(organisationId: number, classIds: number[], date: Date): Promise<RollStudent[]> {
  const rows = await db.classMembership.findMany({
    where: {
      organisationId,
      classId: { in: classIds },
      ...spanMeets(date),
    },
    select: { classId: true, student: { select: { id: true, ...NAME_FIELDS } } },
  });
  return rows
    .map((r) => ({
      studentId: r.student.id,
      classId: r.classId,
      fullName: fullName(r.student),
    }))
    .sort((a, b) => compareRu(a.fullName, b.fullName));
}

// SEC-5: the finals of a whole school are ~15,000 rows; the progress forms only count them per student
// (progressFigures: no order, no subject), so they are read grouped — one row per student and
// distinct (value, special) with its count, about a third of the rows and no ORM mapping.
export const PERIOD_FINAL_COUNTS = rawStatement(
  { studentId: col.int, value: col.int.nullable(), special: col.enum(FinalSpecial).nullable(), n: col.int },
  (organisationId: number, classIds: number[], periodId: number) => Prisma.sql`
    SELECT f."studentId", f.value, f.special, count(*)::int AS n
      FROM "FinalMark" f
     WHERE f."organisationId" = ${organisationId} AND f."classId" = ANY(${classIds}::int[])
       AND f."periodId" = ${periodId} AND f.kind = 'PERIOD'
     GROUP BY f."studentId", f.value, f.special`,
);

/** Period finals (kind PERIOD) of the classes, by student (in no particular order). */
export async function periodFinals(
  organisationId: number,
  classIds: number[],
  periodId: number,
): Promise<Map<number, FinalFact[]>> {
  const rows = await PERIOD_FINAL_COUNTS.run(replicaReader(db), organisationId, classIds, periodId);
  const byStudent = new Map<number, FinalFact[]>();
  for (const r of rows) {
    const list = byStudent.get(r.studentId) ?? [];
    const fact: FinalFact = { value: r.value, special: r.special };
    for (let i = 0; i < r.n; i++) list.push(fact);
    byStudent.set(r.studentId, list);
  }
  return byStudent;
}

/** Absences and lateness of a class's held lessons between two dates, by student (RPT-3). */
export async function absencesBetween(
  organisationId: number,
  classId: number,
  from: Date,
  to: Date,
): Promise<Map<number, AbsenceFact[]>> {
  const byStudent = new Map<number, AbsenceFact[]>();
  for (const r of await absenceRows(organisationId, [classId], from, to)) {
    const list = byStudent.get(r.studentId) ?? [];
    list.push({ code: r.code, hours: r.hours });
    byStudent.set(r.studentId, list);
  }
  return byStudent;
}

export type ReportClass = {
  id: number;
  name: string;
  grade: number;
  periodKind: string;
  departmentId: number | null;
  specialty: string | null;
  specialtyCode: string | null;
};
export type ReportPeriod = { id: number; name: string; kind: string; startDate: Date; endDate: Date };
export type ReportYear = { id: number; name: string; startDate: Date; endDate: Date };

export type ReportScope = {
  orgName: string;
  isCollege: boolean;
  /** The organisation's time zone (ORG-1), read here once per build: the builders' «today» and PRN's «Дата печати». */
  timeZone: string;
  year: ReportYear | null;
  classes: ReportClass[];
  periods: ReportPeriod[];
  departments: { id: number; name: string }[];
};

/** Classes and periods of a year (the current one unless `yearId` names another), for the form and the builders. */
export async function reportScope(organisationId: number, yearId?: number): Promise<ReportScope> {
  const yearSelect = { id: true, name: true, startDate: true, endDate: true } as const;
  const [org, year] = await Promise.all([
    db.organisation.findUnique({ where: { id: organisationId }, select: { name: true, kind: true, timeZone: true } }),
    yearId
      ? db.academicYear.findUnique({ where: { organisationId_id: { organisationId, id: yearId } }, select: yearSelect })
      : db.academicYear.findFirst({ where: { organisationId, isCurrent: true }, select: yearSelect }),
  ]);
  const [classes, periods, departments] = year
    ? await Promise.all([
        db.classGroup.findMany({
          where: { organisationId, yearId: year.id },
          select: {
            id: true,
            name: true,
            grade: true,
            periodKind: true,
            departmentId: true,
            specialty: true,
            specialtyCode: true,
          },
        }),
        db.period.findMany({
          where: { organisationId, yearId: year.id },
          orderBy: [{ kind: "asc" }, { number: "asc" }],
          select: { id: true, name: true, kind: true, startDate: true, endDate: true },
        }),
        db.department.findMany({
          where: { organisationId },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        }),
      ])
    : [[], [], []];
  // Natural order: 7А before 11Б, 2А before 10А (RPT-7, every class list of the reports).
  classes.sort((a, b) => a.grade - b.grade || compareRuNumeric(a.name, b.name));
  return {
    orgName: org?.name ?? "",
    isCollege: org?.kind === "COLLEGE",
    timeZone: org?.timeZone ?? DEFAULT_TIME_ZONE,
    year,
    classes,
    periods,
    departments,
  };
}

/** Every final of the classes for the year (RPT-1 for the year, PRN-5): periods, year, exam, итоговая. */
export async function yearSheetFinals(
  organisationId: number,
  classIds: number[],
  periodIds: number[],
): Promise<(SubjectFinal & { kind: "PERIOD" | "YEAR" | "EXAM" | "FINAL"; periodId: number | null })[]> {
  const rows = await db.finalMark.findMany({
    where: {
      organisationId,
      classId: { in: classIds },
      OR: [{ kind: "PERIOD", periodId: { in: periodIds } }, { kind: { in: ["YEAR", "EXAM", "FINAL"] } }],
    },
    select: { studentId: true, subjectId: true, value: true, special: true, kind: true, periodId: true },
  });
  return rows.flatMap((r) => (r.kind === "ATTESTATION" ? [] : [{ ...r, kind: r.kind }]));
}

/**
 * The year a report reads (REC-3: reports of closed years): the one named, else the year of its class
 * or its period; undefined = the current year.
 */
export async function reportYearId(organisationId: number, request: object): Promise<number | undefined> {
  const req = request as { yearId?: number; classId?: number; periodId?: number };
  if (req.yearId) return req.yearId;
  if (req.classId) {
    const cls = await db.classGroup.findUnique({
      where: { organisationId_id: { organisationId, id: req.classId } },
      select: { yearId: true },
    });
    return cls?.yearId;
  }
  if (req.periodId) {
    const period = await db.period.findUnique({
      where: { organisationId_id: { organisationId, id: req.periodId } },
      select: { yearId: true },
    });
    return period?.yearId;
  }
  return undefined;
}

export type DecisionFact = {
  decision: "PROMOTED" | "CONDITIONAL" | "REPEAT" | "LEFT" | "GRADUATED";
  toGrade: number | null;
  orderNumber: string | null;
  orderDate: Date | null;
  /** REC-4: the council's protocol, and the day of leaving for «выбыл». */
  protocolNumber?: string | null;
  protocolDate?: Date | null;
  date?: Date | null;
};

/** «Решение педсовета» of the year by student (RPT-1; «Решения педсовета», REC-4, or the year transition). */
export async function yearDecisions(
  organisationId: number,
  yearId: number,
  studentIds: number[],
): Promise<Map<number, DecisionFact>> {
  const rows = await db.yearDecision.findMany({
    where: { organisationId, yearId, studentId: { in: studentIds } },
    select: {
      studentId: true,
      decision: true,
      toGrade: true,
      orderNumber: true,
      orderDate: true,
      protocolNumber: true,
      protocolDate: true,
      date: true,
    },
  });
  return new Map(rows.map(({ studentId, ...d }) => [studentId, d]));
}

/** Students who left the organisation from the class during the year (REC-4: «выбыл» on RPT-1 for the year). */
export async function leftDuringYear(
  organisationId: number,
  classId: number,
  year: ReportYear,
): Promise<RollStudent[]> {
  const rows = await db.movement.findMany({
    where: {
      organisationId,
      kind: "EXPULSION",
      fromClassId: classId,
      student: { yearDecisions: { some: { organisationId, yearId: year.id, decision: "LEFT" } } },
    },
    select: { student: { select: { id: true, ...NAME_FIELDS } } },
  });
  return rows.map((r) => ({
    studentId: r.student.id,
    classId,
    fullName: fullName(r.student),
  }));
}

export type SubjectFinal = {
  studentId: number;
  subjectId: number;
  value: number | null;
  special: FinalFact["special"];
};

/** Period finals of the classes with their subject (RPT-1, RPT-4). */
export async function periodFinalsBySubject(
  organisationId: number,
  classIds: number[],
  periodId: number,
): Promise<SubjectFinal[]> {
  return db.finalMark.findMany({
    where: { organisationId, classId: { in: classIds }, periodId, kind: "PERIOD" },
    select: { studentId: true, subjectId: true, value: true, special: true },
  });
}

/** Subjects of the classes' curriculum plus any subject that has finals, in curriculum order. */
export async function subjectsOf(
  organisationId: number,
  classIds: number[],
  extraIds: number[],
): Promise<{ id: number; name: string; shortName: string; code: string | null }[]> {
  const curriculum = await db.curriculumItem.findMany({
    where: { organisationId, classId: { in: classIds } },
    select: { subjectId: true },
  });
  const ids = [...new Set([...curriculum.map((c) => c.subjectId), ...extraIds])];
  const subjects = await db.subject.findMany({
    where: { organisationId, id: { in: ids } },
    select: { id: true, name: true, shortName: true, code: true, sortOrder: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return subjects.map(({ id, name, shortName, code }) => ({ id, name, shortName, code }));
}

export type RosterFact = { classId: number; sex: "MALE" | "FEMALE" | null; educationForm: string };

/** Everyone on the roll of the classes on a date with sex and form of education (RPT-9). */
export async function rosterFacts(organisationId: number, classIds: number[], date: Date): Promise<RosterFact[]> {
  const rows = await db.classMembership.findMany({
    where: {
      organisationId,
      classId: { in: classIds },
      ...spanMeets(date),
    },
    select: { classId: true, educationForm: true, student: { select: { sex: true } } },
  });
  return rows.map((r) => ({ classId: r.classId, sex: r.student.sex, educationForm: r.educationForm }));
}

/** Stays in the classes that overlap the days `from`…`to` (RPT-9 «Итоговые данные»). */
export async function staysBetween(organisationId: number, classIds: number[], from: Date, to: Date): Promise<Stay[]> {
  const rows = await db.classMembership.findMany({
    where: {
      organisationId,
      classId: { in: classIds },
      ...spanMeets(from, to),
    },
    select: { classId: true, studentId: true, startDate: true, endDate: true, student: { select: { sex: true } } },
  });
  return rows.map((r) => ({
    classId: r.classId,
    studentId: r.studentId,
    start: r.startDate,
    end: r.endDate,
    sex: r.student.sex,
  }));
}

/** Class teachers' short names by class. */
export async function classTeachersOf(organisationId: number, classIds: number[]): Promise<Map<number, string>> {
  const rows = await db.classTeacher.findMany({
    where: { organisationId, classId: { in: classIds } },
    select: { classId: true, user: { select: NAME_FIELDS } },
  });
  return new Map(rows.map((r) => [r.classId, shortName(r.user)]));
}

export type MarkFact = AverageInput & { studentId: number; subjectId: number; date: Date };

/** Current marks of a class's held lessons between two dates with their weights (RPT-5, RPT-6). */
export async function marksBetween(organisationId: number, classId: number, from: Date, to: Date): Promise<MarkFact[]> {
  const rows = await db.mark.findMany({
    where: { organisationId, lesson: { classId, ...heldBetween(from, to) } },
    select: {
      studentId: true,
      kind: true,
      value: true,
      isHospital: true,
      lesson: { select: { subjectId: true, date: true } },
      assignment: { select: { weight: true, type: { select: { weight: true } } } },
    },
  });
  return rows.map((r) => ({
    studentId: r.studentId,
    subjectId: r.lesson.subjectId,
    date: r.lesson.date,
    kind: r.kind,
    value: r.value,
    isHospital: r.isHospital,
    weight: Number(r.assignment.weight ?? r.assignment.type.weight),
  }));
}

/** The organisation's averaging method and mark scale (ORG-2) for the averages module. */
export async function markSettings(organisationId: number): Promise<{ method: AveragingMethod; scale: MarkScale }> {
  const s = await db.organisationSettings.findUnique({
    where: { organisationId },
    select: { minMark: true, maxMark: true, roundingThreshold: true, averagingMethod: true },
  });
  return {
    method: s?.averagingMethod ?? ORG_SETTINGS_DEFAULTS.averagingMethod,
    scale: {
      minMark: s?.minMark ?? ORG_SETTINGS_DEFAULTS.minMark,
      maxMark: s?.maxMark ?? ORG_SETTINGS_DEFAULTS.maxMark,
      roundingThreshold: Number(s?.roundingThreshold ?? ORG_SETTINGS_DEFAULTS.roundingThreshold),
    },
  };
}

export type HourFact = {
  date: Date;
  hours: number;
  classId: number;
  className: string;
  subjectId: number;
  subjectName: string;
  teacher: string;
};

/**
 * Lessons held (not cancelled, dated up to `until`) between two dates (RPT-7): of one class, or
 * given by one teacher — as the teacher of record without a substitute, or as the substitute.
 */
export async function hoursBetween(
  organisationId: number,
  by: { classId: number } | { teacherId: number },
  from: Date,
  to: Date,
): Promise<HourFact[]> {
  const who = "classId" in by ? { classId: by.classId } : lessonsGivenBy(by.teacherId);
  const person = { select: NAME_FIELDS } as const;
  const rows = await db.lesson.findMany({
    where: { organisationId, ...heldBetween(from, to), ...who },
    select: {
      date: true,
      hours: true,
      classId: true,
      subjectId: true,
      class: { select: { name: true } },
      subject: { select: { name: true } },
      teacher: person,
      substitute: person,
    },
  });
  return rows.map((r) => ({
    date: r.date,
    hours: Number(r.hours),
    classId: r.classId,
    className: r.class.name,
    subjectId: r.subjectId,
    subjectName: r.subject.name,
    teacher: shortName(r.substitute ?? r.teacher),
  }));
}

/** A member of staff's short name, null when no such user is in the organisation. */
export async function staffName(organisationId: number, userId: number): Promise<string | null> {
  const u = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: NAME_FIELDS,
  });
  return u ? shortName(u) : null;
}

/** Marks of the final qualifying work (ВКР, form VKR) of the groups (RPT-10). */
export async function vkrMarks(
  organisationId: number,
  classIds: number[],
): Promise<{ studentId: number; classId: number; value: number | null; special: FinalFact["special"] }[]> {
  return db.finalMark.findMany({
    where: { organisationId, classId: { in: classIds }, form: "VKR" },
    select: { studentId: true, classId: true, value: true, special: true },
  });
}

/** Teachers of the organisation by name (the «Учёт часов № 1» form of reports.admin). */
export async function teachersOf(organisationId: number): Promise<{ id: number; name: string }[]> {
  const rows = await db.user.findMany({
    where: { organisationId, roles: { some: { role: "TEACHER" } } },
    select: { id: true, ...NAME_FIELDS },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows.map((u) => ({ id: u.id, name: shortName(u) }));
}

export type SignatoryFacts = {
  /** The director's full name from the organisation card (ORG-1), else the DIRECTOR user. */
  director: string | null;
  /** The first deputy (DEPUTY) by name with the position from the staff card. */
  deputy: { name: string; position: string | null } | null;
  /** Class teacher / curator of each class. */
  classTeachers: Map<number, string>;
  /** Heads of the departments by department id, with their positions. */
  heads: Map<number, { name: string; position: string | null }>;
};

/** The organisation's own signatories (PRN-2): the director, the deputy, the heads of departments. */
export type OrganisationSignatories = Omit<SignatoryFacts, "classTeachers">;

/** The signatories that do not depend on the classes: read once per build, or once per archive (issue 22). */
export async function organisationSignatories(organisationId: number): Promise<OrganisationSignatories> {
  const person = { ...NAME_FIELDS, staff: { select: { position: true } } } as const;
  const [org, staff, departments] = await Promise.all([
    db.organisation.findUnique({ where: { id: organisationId }, select: { director: true } }),
    db.user.findMany({
      where: { organisationId, isActive: true, roles: { some: { role: { in: ["DIRECTOR", "DEPUTY"] } } } },
      select: { ...person, roles: { select: { role: true } } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    }),
    db.department.findMany({ where: { organisationId }, select: { id: true, head: { select: person } } }),
  ]);
  const has = (role: string) => staff.find((u) => u.roles.some((r) => r.role === role));
  const director = org?.director?.trim() || (has("DIRECTOR") ? fullName(has("DIRECTOR")!) : null);
  const deputy = has("DEPUTY");
  return {
    director,
    deputy: deputy ? { name: shortName(deputy), position: deputy.staff?.position ?? null } : null,
    heads: new Map(
      departments.flatMap((d) =>
        d.head ? [[d.id, { name: shortName(d.head), position: d.head.staff?.position ?? null }] as const] : [],
      ),
    ),
  };
}

/**
 * Who signs the forms of the classes (PRN-2): director, deputy, class teachers, heads of department.
 * `organisation`: the organisation's part already read for this build — an archive of many classes
 * (PRN-8) reads it once, not once per class (issue 22); absent, it is read here.
 */
export async function signatoryFacts(
  organisationId: number,
  classIds: number[],
  organisation?: () => Promise<OrganisationSignatories>,
): Promise<SignatoryFacts> {
  const [own, classTeachers] = await Promise.all([
    organisation ? organisation() : organisationSignatories(organisationId),
    classTeachersOf(organisationId, classIds),
  ]);
  return { ...own, classTeachers };
}

export type AbsenceRow = {
  studentId: number;
  classId: number;
  subjectId: number;
  date: Date;
  code: AbsenceFact["code"];
  hours: number;
};

/**
 * Absences and lateness of the classes' held lessons between two dates (PRN-6): one row per
 * student and lesson with the lesson's subject and date; hours = the academic hours missed
 * (college) or the lesson's hours (a school lesson is 1).
 */
export async function absenceRows(
  organisationId: number,
  classIds: number[],
  from: Date,
  to: Date,
): Promise<AbsenceRow[]> {
  const rows = await db.attendance.findMany({
    where: { organisationId, lesson: { classId: { in: classIds }, ...heldBetween(from, to) } },
    select: {
      studentId: true,
      code: true,
      missedHours: true,
      lesson: { select: { classId: true, subjectId: true, date: true, hours: true } },
    },
  });
  return rows.map((r) => ({
    studentId: r.studentId,
    classId: r.lesson.classId,
    subjectId: r.lesson.subjectId,
    date: r.lesson.date,
    code: r.code,
    hours: Number(r.missedHours ?? r.lesson.hours),
  }));
}

export type TaughtFact = {
  classId: number;
  subjectId: number;
  lessons: number;
  hours: number;
};

/** Lessons a teacher gave (as the teacher of record without a substitute, or as the substitute) between two dates, per class × subject. */
export async function taughtBetween(
  organisationId: number,
  teacherId: number,
  from: Date,
  to: Date,
): Promise<TaughtFact[]> {
  const rows = await db.lesson.findMany({
    where: { organisationId, ...heldBetween(from, to), ...lessonsGivenBy(teacherId) },
    select: { classId: true, subjectId: true, hours: true },
  });
  const by = new Map<string, TaughtFact>();
  for (const r of rows) {
    const key = `${r.classId}:${r.subjectId}`;
    const f = by.get(key) ?? { classId: r.classId, subjectId: r.subjectId, lessons: 0, hours: 0 };
    f.lessons += 1;
    f.hours += Number(r.hours);
    by.set(key, f);
  }
  return [...by.values()];
}

/** Curriculum hours of class × subject pairs for a period (or the year when none is set per period). */
export async function plannedHours(
  organisationId: number,
  classIds: number[],
  periodId: number,
): Promise<Map<string, number>> {
  const rows = await db.curriculumItem.findMany({
    where: { organisationId, classId: { in: classIds }, OR: [{ periodId }, { periodId: null }] },
    select: { classId: true, subjectId: true, periodId: true, hours: true },
  });
  const out = new Map<string, number>();
  // A per-period figure wins over the year's.
  for (const r of rows.sort((a, b) => (a.periodId === null ? 0 : 1) - (b.periodId === null ? 0 : 1)))
    out.set(`${r.classId}:${r.subjectId}`, Number(r.hours));
  return out;
}

/** Teachers of class × subject pairs (тарификация), short names joined. */
export async function loadTeachers(
  organisationId: number,
  classIds: number[],
  subjectIds: number[],
): Promise<Map<string, string>> {
  const rows = await db.teacherLoad.findMany({
    where: { organisationId, classId: { in: classIds }, subjectId: { in: subjectIds } },
    select: {
      classId: true,
      subjectId: true,
      teacher: { select: NAME_FIELDS },
    },
  });
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.classId}:${r.subjectId}`;
    out.set(key, (out.get(key) ?? new Set()).add(shortName(r.teacher)));
  }
  return new Map([...out].map(([k, v]) => [k, [...v].join(", ")]));
}

/** Period finals of the classes in one subject with their class (PRN-7). */
export async function subjectFinals(
  organisationId: number,
  classIds: number[],
  subjectIds: number[],
  periodIds: number[],
): Promise<(SubjectFinal & { classId: number; periodId: number | null })[]> {
  return db.finalMark.findMany({
    where: {
      organisationId,
      classId: { in: classIds },
      subjectId: { in: subjectIds },
      kind: "PERIOD",
      periodId: { in: periodIds },
    },
    select: { studentId: true, subjectId: true, classId: true, periodId: true, value: true, special: true },
  });
}

/** Whether the organisation is a college (RPT-8's words). */
export async function isCollegeOrg(organisationId: number): Promise<boolean> {
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } });
  return org?.kind === "COLLEGE";
}

/**
 * SEC-5 (issue 22, round 20): the report data version of organisations — the sum of their
 * ReportDataVersion rows, which database triggers raise in the same transaction as any write to a
 * table the heavy reports read (migration 20261207055418_report_data_version). Two readings are equal
 * exactly when no such write of these organisations committed between them; a write of another
 * organisation, a background job's row or a sign-in leaves it as it was. The reader reads it BEFORE the
 * build's first data read (single-flight.ts startFlight): a write that committed before it is in both
 * the version and the data; one that commits after it — even while the build still reads, even if the
 * build saw it — is in the next reading and not in this one, so the file is never given as current after
 * a write it may have missed (at worst a needless rebuild). Read where the reports read (the replica when
 * DATABASE_REPLICA_URL is set), so the version and the data come from the same server. A read writes
 * nothing (the mark save pays only its trigger).
 */
export const REPORT_DATA_VERSION = rawStatement(
  { version: col.text },
  (organisationIds: number[]) =>
    Prisma.sql`SELECT coalesce(sum("version"), 0)::text AS version FROM "ReportDataVersion"
     WHERE "organisationId" = ANY(${organisationIds}::int[])`,
);

/**
 * The version of these organisations' report data as a string to compare: the ids themselves (a
 * territory's list changes when an organisation joins or leaves it) and their version's sum.
 */
export async function reportDataVersion(organisationIds: number[]): Promise<string> {
  const [row] = await REPORT_DATA_VERSION.run(replicaReader(db), organisationIds);
  return `${organisationIds.join(",")}:${row.version}`;
}

/**
 * An organisation's time zone: its reports print the date of its own day (PRN, «Дата печати»). For the
 * builds without a scope (the student's report, a territory's file); reportScope reads it with the rest.
 */
export async function organisationTimeZone(organisationId: number): Promise<string> {
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { timeZone: true } });
  return org?.timeZone ?? DEFAULT_TIME_ZONE;
}
