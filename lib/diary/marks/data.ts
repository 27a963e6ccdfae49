// Reads of the diary's marks view (DRY-2, DRY-3, FIN-5) and of the student period report (RPT-8):
// one student, one period — per subject every mark, absences, lessons held and the finals. A
// constant number of queries whatever the period holds; every query carries the organisation and
// the one student the caller has authorised (or the class's students of a list page, studentsPeriodData).
import { DEFAULT_TIME_ZONE, ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { type FinalSpecialName } from "@/lib/journal/marks";
import { db, rawStatement, utcSql, type RowOf } from "@/lib/db";
import { col, jsonArray } from "@/lib/sql";
import { dateOnly } from "@/lib/org/time";
import { MarkKind, PeriodKind, Prisma, YearStatus } from "@/prisma/generated/prisma/client";
import type { AverageInput, AveragingMethod, MarkScale } from "@/lib/journal/averages";
import { coversDate } from "../rules";
import { compareRu } from "@/lib/org/collation";

export type PeriodRef = { id: number; name: string; start: Date; end: Date };

export type StudentMark = AverageInput & { id: number; date: Date; typeName: string; createdAt: Date; updatedAt: Date };
export type StudentFinal = {
  kind: string;
  periodId: number | null;
  value: number | null;
  special: FinalSpecialName | null;
  form: string;
  setAt: Date;
};

export type SubjectMarks = {
  subjectId: number;
  subjectName: string;
  passFail: boolean;
  marks: StudentMark[];
  absences: number;
  /** Academic hours of those absences (college RPT-8 counts hours, JRN-4). */
  absentHours: number;
  lessonsHeld: number;
  finals: StudentFinal[];
};

/** A year the student was on the roll in (REC-3: the diary's past years). */
export type StudentYear = { id: number; name: string; status: string; isCurrent: boolean };

export type StudentPeriodData = {
  /** The student's years, newest first, and the one shown. */
  years: StudentYear[];
  yearId: number | null;
  periods: PeriodRef[];
  period: PeriodRef | null;
  /** The class the student is in today (else the last one) — DAY-5 compares with its average. */
  classId: number | null;
  className: string | null;
  orgName: string;
  method: AveragingMethod;
  scale: MarkScale;
  subjects: SubjectMarks[];
  /** REC-1: the chosen period's closing for the student's class (shown «Период закрыт …»), else null. */
  closed: { closedAt: Date; basis: string; timeZone: string } | null;
};

/** What frameOf / assemblePeriod read of a stay (staysOf's rows). */
type Stay = { classId: number; startDate: Date; endDate: Date | null; class: { name: string; yearId: number } };
/** What yearsOf / currentStay read of a stay: STUDENT_STAYS' (or STUDENTS_STAYS') mapped row. */
type StayLike = {
  startDate: Date;
  endDate: Date | null;
  class: { yearId: number; year: { name: string; status: string; isCurrent: boolean; startDate: Date } };
};

/** The student's years (newest first) from their stays. */
function yearsOf(stays: readonly StayLike[]): StudentYear[] {
  return [...new Map(stays.map((s) => [s.class.yearId, s.class.year] as const))]
    .sort(([, a], [, b]) => b.startDate.getTime() - a.startDate.getTime())
    .map(([id, y]) => ({ id, name: y.name, status: y.status, isCurrent: y.isCurrent }));
}

/** The stay whose class's periods are shown: the last one in `yearId`, else the one holding today, else the last. */
function currentStay<S extends StayLike>(stays: readonly S[], today: Date, yearId: number | null): S | null {
  return (
    (yearId !== null ? stays.find((s) => s.class.yearId === yearId) : undefined) ??
    stays.find((s) => coversDate(s.startDate, s.endDate, today)) ??
    stays[0] ??
    null
  );
}

/** A stay's columns and the joins they come from (STUDENT_STAYS, STUDENTS_STAYS); the WHERE follows. */
const STAY_COLUMNS = Prisma.sql`m."classId", m."startDate", m."endDate", c.name AS "className", c."yearId", c."periodKind"::text AS "periodKind",
           y.name AS "yearName", y.status::text AS "yearStatus", y."isCurrent", y."startDate" AS "yearStart",
           (SELECT coalesce(json_agg(json_build_array(p.id, p.name, p."startDate", p."endDate") ORDER BY p.number), '[]'::json)
              FROM "Period" p
             WHERE p."organisationId" = c."organisationId" AND p."yearId" = c."yearId" AND p.kind = c."periodKind") AS periods
      FROM "ClassMembership" m
      JOIN "ClassGroup" c ON c."organisationId" = m."organisationId" AND c.id = m."classId"
      JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"`;

/**
 * The student's stays in classes, newest first, each with its class, year and the periods of the
 * class's kind in that year — one statement (Prisma read the stays, their classes and years as three
 * queries and the periods as a fourth, in two rounds).
 */
export const STUDENT_STAYS = rawStatement(
  {
    classId: col.int,
    startDate: col.date,
    endDate: col.date.nullable(),
    className: col.text,
    yearId: col.int,
    periodKind: col.enum(PeriodKind),
    yearName: col.text,
    yearStatus: col.enum(YearStatus),
    isCurrent: col.bool,
    yearStart: col.date,
    /** [[id, name, startDate, endDate]] by number */
    periods: col.jsonArray,
  },
  (organisationId: number, studentId: number) => Prisma.sql`
    SELECT ${STAY_COLUMNS}
     WHERE m."organisationId" = ${organisationId} AND m."studentId" = ${studentId}
     ORDER BY m."startDate" DESC`,
);

/** STUDENT_STAYS of several students at once, each row with its student (studentsPeriodData, issue 22 item 7). */
export const STUDENTS_STAYS = rawStatement(
  { studentId: col.int, ...STUDENT_STAYS.shape.shape },
  (organisationId: number, studentIds: number[]) => Prisma.sql`
    SELECT m."studentId", ${STAY_COLUMNS}
     WHERE m."organisationId" = ${organisationId} AND m."studentId" = ANY(${studentIds}::int[])
     ORDER BY m."startDate" DESC`,
);

/**
 * The student's periods (of their class's kind and year): of the class they are in today, else the
 * last one — or, for a past year (REC-3), of their last class in `yearId`, or in the year of `periodId`.
 */
async function studentPeriods(
  organisationId: number,
  studentId: number,
  today: Date,
  wanted: { yearId?: number | null; periodId?: number | null } = {},
) {
  const stays = staysOf(await STUDENT_STAYS.run(db, organisationId, studentId));
  const years = yearsOf(stays);
  let yearId = wanted.yearId ?? null;
  if (yearId === null && wanted.periodId) {
    const period = await db.period.findUnique({
      where: { organisationId_id: { organisationId, id: wanted.periodId } },
      select: { yearId: true },
    });
    yearId = period?.yearId ?? null;
  }
  const current = currentStay(stays, today, yearId);
  if (!current) return { stays, years, current: null, periods: [] as PeriodRef[] };
  return { stays, years, current, periods: current.periods };
}

type StayRow = RowOf<typeof STUDENT_STAYS>;

/** STUDENT_STAYS rows as stays with their class, year and periods. */
function staysOf(rows: readonly StayRow[]) {
  return rows.map((r) => ({
    classId: r.classId,
    startDate: r.startDate,
    endDate: r.endDate,
    class: {
      name: r.className,
      yearId: r.yearId,
      periodKind: r.periodKind,
      year: { name: r.yearName, status: r.yearStatus, isCurrent: r.isCurrent, startDate: r.yearStart },
    },
    periods: jsonArray<[number, string, string, string]>(r.periods).map(([id, name, start, end]) => ({
      id,
      name,
      start: dateOnly(start),
      end: dateOnly(end),
    })),
  }));
}

/**
 * STUDENT_STAYS as a fragment of another statement (the diary week page's, issue 22 item 5): its rows
 * as one json array of objects, newest stay first; `stayRowsOfJson` reads them back as its rows.
 */
export function studentStaysJsonSql(organisationId: number, studentId: number): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(to_json(x) ORDER BY x."startDate" DESC), '[]'::json)
      FROM (${STUDENT_STAYS.sql(organisationId, studentId)}) x)`;
}

/** studentStaysJsonSql's array (dates as json text) as STUDENT_STAYS rows. */
export function stayRowsOfJson(value: unknown): StayRow[] {
  type Json = Omit<StayRow, "startDate" | "endDate" | "yearStart"> & {
    startDate: string;
    endDate: string | null;
    yearStart: string;
  };
  return jsonArray<Json>(value).map((r) => ({
    ...r,
    startDate: dateOnly(r.startDate),
    endDate: r.endDate === null ? null : dateOnly(r.endDate),
    yearStart: dateOnly(r.yearStart),
  }));
}

/** The years (REC-3) and the default period of a student with these stays (studentDiaryYears without its read). */
export function diaryYearsOf(rows: readonly StayRow[], today: Date): { years: StudentYear[]; periodId: number | null } {
  const stays = staysOf(rows);
  const periods = currentStay(stays, today, null)?.periods ?? [];
  return { years: yearsOf(stays), periodId: pickPeriod(periods, today, null)?.id ?? null };
}

/** The period a diary opens on: the one holding `today`, else the last begun, else the first (null without periods). */
export function pickPeriod(periods: readonly PeriodRef[], today: Date, wanted: number | null): PeriodRef | null {
  const t = today.getTime();
  return (
    periods.find((p) => p.id === wanted) ??
    periods.find((p) => p.start.getTime() <= t && p.end.getTime() >= t) ??
    [...periods].reverse().find((p) => p.start.getTime() <= t) ??
    periods[0] ??
    null
  );
}

/** The student's default period id (the printable report without a chosen period). */
export async function defaultPeriodId(organisationId: number, studentId: number, today: Date): Promise<number | null> {
  return (await studentDiaryYears(organisationId, studentId, today)).periodId;
}

/** The student's years (REC-3: past years in the diary) and default period id, from one read of their stays. */
export async function studentDiaryYears(
  organisationId: number,
  studentId: number,
  today: Date,
): Promise<{ years: StudentYear[]; periodId: number | null }> {
  return diaryYearsOf(await STUDENT_STAYS.run(db, organisationId, studentId), today);
}

const orgOf = (organisationId: number) =>
  db.organisation.findUnique({
    where: { id: organisationId },
    select: { name: true, timeZone: true, settings: true },
  });
type OrgRow = Awaited<ReturnType<typeof orgOf>>;

const SUBJECT_SELECT = { select: { name: true, passFail: true, sortOrder: true } } as const;
const LESSON_SELECT = {
  id: true,
  classId: true,
  date: true,
  subjectId: true,
  hours: true,
  subject: SUBJECT_SELECT,
} as const;
const MARK_SELECT = {
  id: true,
  lessonId: true,
  kind: true,
  value: true,
  isHospital: true,
  createdAt: true,
  updatedAt: true,
  assignment: { select: { weight: true, type: { select: { name: true, weight: true } } } },
} as const;
const ABSENCE_SELECT = { lessonId: true, missedHours: true } as const;
const FINAL_SELECT = {
  classId: true,
  subjectId: true,
  kind: true,
  periodId: true,
  value: true,
  special: true,
  form: true,
  setAt: true,
  subject: SUBJECT_SELECT,
} as const;

/** A mark as assemblePeriod reads it: its weight resolved (the assignment's, else its type's). */
type PeriodMark = Omit<Prisma.MarkGetPayload<{ select: typeof MARK_SELECT }>, "assignment"> & {
  weight: number;
  typeName: string;
};
const periodMark = ({ assignment, ...m }: Prisma.MarkGetPayload<{ select: typeof MARK_SELECT }>): PeriodMark => ({
  ...m,
  weight: Number(assignment.weight ?? assignment.type.weight),
  typeName: assignment.type.name,
});

/** One student's rows of one period, as read for them (or cut for them from a class's read). */
type PeriodRows = {
  lessons: (Omit<Prisma.LessonGetPayload<{ select: typeof LESSON_SELECT }>, "hours"> & {
    hours: Prisma.Decimal | number;
  })[];
  marks: PeriodMark[];
  absences: { lessonId: number; missedHours: Prisma.Decimal | number | null }[];
  finals: Prisma.FinalMarkGetPayload<{ select: typeof FINAL_SELECT }>[];
  closing: { closedAt: Date; basis: string } | null;
};

/** What a view shows before its period's rows: the years, periods, class and the organisation's scale. */
function frameOf(
  org: OrgRow,
  { years, current, periods }: { years: StudentYear[]; current: Stay | null; periods: PeriodRef[] },
) {
  const s = org?.settings;
  return {
    years,
    yearId: current?.class.yearId ?? null,
    periods,
    classId: current?.classId ?? null,
    className: current?.class.name ?? null,
    orgName: org?.name ?? "",
    method: (s?.averagingMethod ?? ORG_SETTINGS_DEFAULTS.averagingMethod) as AveragingMethod,
    scale: {
      minMark: s?.minMark ?? ORG_SETTINGS_DEFAULTS.minMark,
      maxMark: s?.maxMark ?? ORG_SETTINGS_DEFAULTS.maxMark,
      roundingThreshold: s ? Number(s.roundingThreshold) : 0.5,
    },
  };
}

/** The per-subject figures of one student's period from its rows (the same for one student or a class). */
function assemblePeriod(
  frame: ReturnType<typeof frameOf>,
  period: PeriodRef,
  stays: readonly Stay[],
  today: Date,
  rows: PeriodRows,
  timeZone: string | undefined,
): StudentPeriodData {
  const t = today.getTime();
  // Only lessons of the class the student was in on that day (PPL-3).
  const inStay = rows.lessons.filter((l) =>
    stays.some((x) => x.classId === l.classId && coversDate(x.startDate, x.endDate, l.date)),
  );
  const lessonOf = new Map(inStay.map((l) => [l.id, l]));
  const bySubject = new Map<number, SubjectMarks & { order: number }>();
  const subjectOf = (id: number, subject: { name: string; passFail: boolean; sortOrder: number }) => {
    let entry = bySubject.get(id);
    if (!entry) {
      entry = {
        subjectId: id,
        subjectName: subject.name,
        passFail: subject.passFail,
        marks: [],
        absences: 0,
        absentHours: 0,
        lessonsHeld: 0,
        finals: [],
        order: subject.sortOrder,
      };
      bySubject.set(id, entry);
    }
    return entry;
  };
  for (const l of inStay) {
    const e = subjectOf(l.subjectId, l.subject);
    if (l.date.getTime() <= t) e.lessonsHeld++;
  }
  for (const m of rows.marks) {
    const l = lessonOf.get(m.lessonId);
    if (!l) continue;
    subjectOf(l.subjectId, l.subject).marks.push({
      id: m.id,
      kind: m.kind,
      value: m.value,
      isHospital: m.isHospital,
      weight: m.weight,
      date: l.date,
      typeName: m.typeName,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    });
  }
  for (const a of rows.absences) {
    const l = lessonOf.get(a.lessonId);
    if (!l) continue;
    const e = subjectOf(l.subjectId, l.subject);
    e.absences++;
    e.absentHours += Number(a.missedHours ?? l.hours);
  }
  // A year's finals (periodId null) only from the classes of the year shown: last year's «Год» of 6А is
  // not this year's (REC-3); a period's finals are already of this year's periods.
  const yearClassIds = new Set(stays.filter((x) => x.class.yearId === frame.yearId).map((x) => x.classId));
  for (const f of rows.finals) {
    if (f.periodId === null && !yearClassIds.has(f.classId)) continue;
    subjectOf(f.subjectId, f.subject).finals.push({
      kind: f.kind,
      periodId: f.periodId,
      value: f.value,
      special: f.special,
      form: f.form,
      setAt: f.setAt,
    });
  }
  const subjects = [...bySubject.values()]
    .sort((a, b) => a.order - b.order || compareRu(a.subjectName, b.subjectName))
    .map(({ order: _order, ...rest }) => ({
      ...rest,
      marks: rest.marks.sort((a, b) => a.date.getTime() - b.date.getTime() || a.id - b.id),
    }));
  return {
    ...frame,
    period,
    subjects,
    closed: rows.closing ? { ...rows.closing, timeZone: timeZone ?? DEFAULT_TIME_ZONE } : null,
  };
}

/** The lessons of a period a student sees: their classes' scheduled lessons, whole-class or of their subgroups. */
const lessonWhereOf = (
  organisationId: number,
  classIds: readonly number[],
  from: Date,
  to: Date,
  subgroupIds: readonly number[],
) => ({
  organisationId,
  classId: { in: [...classIds] },
  status: "SCHEDULED" as const,
  date: { gte: from, lte: to },
  OR: [{ subgroupId: null }, { subgroupId: { in: [...subgroupIds] } }],
});

export async function studentPeriodData(
  organisationId: number,
  studentId: number,
  today: Date,
  periodId: number | null,
  yearId: number | null = null,
): Promise<StudentPeriodData> {
  const [{ stays, years, current, periods }, org, subgroups] = await Promise.all([
    studentPeriods(organisationId, studentId, today, { yearId, periodId }),
    orgOf(organisationId),
    db.subgroupMember.findMany({ where: { organisationId, studentId }, select: { subgroupId: true } }),
  ]);
  const frame = frameOf(org, { years, current, periods });
  const period = pickPeriod(periods, today, periodId);
  if (!period) return { ...frame, period: null, subjects: [], closed: null };
  const classIds = [...new Set(stays.map((x) => x.classId))];
  const lessonWhere = lessonWhereOf(
    organisationId,
    classIds,
    period.start,
    period.end,
    subgroups.map((g) => g.subgroupId),
  );
  const [lessons, marks, absences, finals, closing] = await Promise.all([
    db.lesson.findMany({ where: lessonWhere, select: LESSON_SELECT }),
    db.mark.findMany({ where: { organisationId, studentId, lesson: lessonWhere }, select: MARK_SELECT }),
    db.attendance.findMany({
      where: { organisationId, studentId, code: { not: "OP" }, lesson: lessonWhere },
      select: ABSENCE_SELECT,
    }),
    db.finalMark.findMany({
      where: {
        organisationId,
        studentId,
        classId: { in: classIds },
        OR: [{ periodId: { in: periods.map((p) => p.id) } }, { periodId: null }],
      },
      select: FINAL_SELECT,
    }),
    current
      ? db.periodClosure.findUnique({
          where: {
            organisationId_classId_periodId: { organisationId, classId: current.classId, periodId: period.id },
          },
          select: { closedAt: true, basis: true },
        })
      : null,
  ]);
  return assemblePeriod(
    frame,
    period,
    stays,
    today,
    { lessons, marks: marks.map(periodMark), absences, finals, closing },
    org?.timeZone,
  );
}

/** Rows by their student, in the order read. */
function byStudent<T extends { studentId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.studentId);
    if (list) list.push(r);
    else out.set(r.studentId, [r]);
  }
  return out;
}

/**
 * The lessons of a period a class's students see (lessonWhereOf in SQL): the classes' scheduled lessons
 * between two dates, whole-class or of the subgroups — `studentsPeriodData`'s read (issue 22 item 7).
 */
const classLessonsSql = (
  organisationId: number,
  classIds: readonly number[],
  from: Date,
  to: Date,
  subgroupIds: readonly number[],
) => Prisma.sql`l."organisationId" = ${organisationId} AND l."classId" = ANY(${[...classIds]}::int[])
       AND l.status = 'SCHEDULED' AND l.date BETWEEN ${from}::date AND ${to}::date
       AND (l."subgroupId" IS NULL OR l."subgroupId" = ANY(${[...subgroupIds]}::int[]))`;

type ClassLessonArgs = [organisationId: number, classIds: number[], from: Date, to: Date, subgroupIds: number[]];

/** The class read's lessons with their subjects, without Prisma's model path (issue 22 item 7). */
export const CLASS_PERIOD_LESSONS = rawStatement(
  {
    id: col.int,
    classId: col.int,
    subgroupId: col.int.nullable(),
    date: col.date,
    subjectId: col.int,
    hours: col.float,
    subjectName: col.text,
    passFail: col.bool,
    sortOrder: col.int,
  },
  (...args: ClassLessonArgs) => Prisma.sql`
    SELECT l.id, l."classId", l."subgroupId", l.date, l."subjectId", l.hours::float8 AS hours,
           s.name AS "subjectName", s."passFail", s."sortOrder"
      FROM "Lesson" l
      JOIN "Subject" s ON s."organisationId" = l."organisationId" AND s.id = l."subjectId"
     WHERE ${classLessonsSql(...args)}`,
);

/** The class read's marks of these students on those lessons, the weight resolved (issue 22 item 7). */
export const CLASS_PERIOD_MARKS = rawStatement(
  {
    studentId: col.int,
    id: col.int,
    lessonId: col.int,
    kind: col.enum(MarkKind),
    value: col.int.nullable(),
    isHospital: col.bool,
    createdAt: col.date,
    updatedAt: col.date,
    weight: col.float,
    typeName: col.text,
  },
  (studentIds: number[], ...args: ClassLessonArgs) => Prisma.sql`
    SELECT m."studentId", m.id, m."lessonId", m.kind::text AS kind, m.value, m."isHospital", m."createdAt", m."updatedAt",
           coalesce(a.weight, t.weight)::float8 AS weight, t.name AS "typeName"
      FROM "Mark" m
      JOIN "Lesson" l ON l."organisationId" = m."organisationId" AND l.id = m."lessonId"
      JOIN "Assignment" a ON a."organisationId" = m."organisationId" AND a.id = m."assignmentId"
      JOIN "AssignmentType" t ON t."organisationId" = a."organisationId" AND t.id = a."typeId"
     WHERE m."organisationId" = ${args[0]} AND m."studentId" = ANY(${studentIds}::int[]) AND ${classLessonsSql(...args)}`,
);

/** The class read's absences (a late arrival «ОП» is not one) of these students on those lessons (issue 22 item 7). */
export const CLASS_PERIOD_ABSENCES = rawStatement(
  { studentId: col.int, lessonId: col.int, missedHours: col.float.nullable() },
  (studentIds: number[], ...args: ClassLessonArgs) => Prisma.sql`
    SELECT x."studentId", x."lessonId", x."missedHours"::float8 AS "missedHours"
      FROM "Attendance" x
      JOIN "Lesson" l ON l."organisationId" = x."organisationId" AND l.id = x."lessonId"
     WHERE x."organisationId" = ${args[0]} AND x."studentId" = ANY(${studentIds}::int[]) AND x.code <> 'OP'
       AND ${classLessonsSql(...args)}`,
);

/**
 * The default period's data (`studentPeriodData` with no period or year chosen) of several students
 * at once — each student's the same as `studentPeriodData` gives, from a constant number of
 * statements: the class's rows read once and cut per student (DUT-5's class list, issue 22 item 7).
 */
export async function studentsPeriodData(
  organisationId: number,
  studentIds: readonly number[],
  today: Date,
): Promise<Map<number, StudentPeriodData>> {
  const ids = [...new Set(studentIds)];
  const out = new Map<number, StudentPeriodData>();
  if (ids.length === 0) return out;
  const [stayRows, org, memberships] = await Promise.all([
    STUDENTS_STAYS.run(db, organisationId, ids),
    orgOf(organisationId),
    db.subgroupMember.findMany({
      where: { organisationId, studentId: { in: ids } },
      select: { studentId: true, subgroupId: true },
    }),
  ]);
  const staysByStudent = byStudent(stayRows);
  const subgroupsOf = byStudent(memberships);
  const views = ids.map((id) => {
    const stays = staysOf(staysByStudent.get(id) ?? []);
    const current = currentStay(stays, today, null);
    const periods = current?.periods ?? [];
    return {
      id,
      stays,
      current,
      frame: frameOf(org, { years: yearsOf(stays), current, periods }),
      period: pickPeriod(periods, today, null),
      classIds: [...new Set(stays.map((x) => x.classId))],
      subgroupIds: (subgroupsOf.get(id) ?? []).map((m) => m.subgroupId),
    };
  });
  const dated = views.filter((v) => v.period !== null);
  for (const v of views) if (!v.period) out.set(v.id, { ...v.frame, period: null, subjects: [], closed: null });
  if (dated.length === 0) return out;
  const all = <T>(f: (v: (typeof dated)[number]) => readonly T[]) => [...new Set(dated.flatMap(f))];
  const classIds = all((v) => v.classIds);
  const lessonArgs: ClassLessonArgs = [
    organisationId,
    classIds,
    new Date(Math.min(...dated.map((v) => v.period!.start.getTime()))),
    new Date(Math.max(...dated.map((v) => v.period!.end.getTime()))),
    all((v) => v.subgroupIds),
  ];
  const readers = dated.map((v) => v.id);
  const closings = all((v) => (v.current ? [[v.current.classId, v.period!.id] as const] : []));
  const [lessonRows, marks, absences, finals, closed] = await Promise.all([
    CLASS_PERIOD_LESSONS.run(db, ...lessonArgs),
    CLASS_PERIOD_MARKS.run(db, readers, ...lessonArgs),
    CLASS_PERIOD_ABSENCES.run(db, readers, ...lessonArgs),
    db.finalMark.findMany({
      where: {
        organisationId,
        studentId: { in: readers },
        classId: { in: classIds },
        OR: [{ periodId: { in: all((v) => v.frame.periods.map((p) => p.id)) } }, { periodId: null }],
      },
      select: { studentId: true, ...FINAL_SELECT },
    }),
    closings.length
      ? db.periodClosure.findMany({
          where: { organisationId, OR: closings.map(([classId, periodId]) => ({ classId, periodId })) },
          select: { classId: true, periodId: true, closedAt: true, basis: true },
        })
      : [],
  ]);
  const [marksOf, absencesOf, finalsOf] = [byStudent(marks), byStudent(absences), byStudent(finals)];
  // The lessons by class, each subject one shared object: a student's are cut from their classes' lists.
  const subjects = new Map<number, { name: string; passFail: boolean; sortOrder: number }>();
  const lessonsOf = new Map<number, (PeriodRows["lessons"][number] & { subgroupId: number | null })[]>();
  for (const l of lessonRows) {
    let subject = subjects.get(l.subjectId);
    if (!subject)
      subjects.set(l.subjectId, (subject = { name: l.subjectName, passFail: l.passFail, sortOrder: l.sortOrder }));
    const lesson = {
      id: l.id,
      classId: l.classId,
      subgroupId: l.subgroupId,
      date: l.date,
      subjectId: l.subjectId,
      hours: l.hours,
      subject,
    };
    const list = lessonsOf.get(l.classId);
    if (list) list.push(lesson);
    else lessonsOf.set(l.classId, [lesson]);
  }
  for (const v of dated) {
    const period = v.period!;
    const from = period.start.getTime();
    const to = period.end.getTime();
    const periodIds = new Set(v.frame.periods.map((p) => p.id));
    const subgroupIds = new Set(v.subgroupIds);
    const closing = v.current ? closed.find((c) => c.classId === v.current!.classId && c.periodId === period.id) : null;
    const rows: PeriodRows = {
      lessons: v.classIds.flatMap((classId) =>
        (lessonsOf.get(classId) ?? []).filter(
          (l) =>
            l.date.getTime() >= from &&
            l.date.getTime() <= to &&
            (l.subgroupId === null || subgroupIds.has(l.subgroupId)),
        ),
      ),
      marks: marksOf.get(v.id) ?? [],
      absences: absencesOf.get(v.id) ?? [],
      finals: (finalsOf.get(v.id) ?? []).filter(
        (f) => v.classIds.includes(f.classId) && (f.periodId === null || periodIds.has(f.periodId)),
      ),
      closing: closing ? { closedAt: closing.closedAt, basis: closing.basis } : null,
    };
    out.set(v.id, assemblePeriod(v.frame, period, v.stays, today, rows, org?.timeZone));
  }
  return out;
}

export type SeenRow = { lastSeenAt: Date; sinceAt: Date };

/** DRY-7: the user's last-seen record of a student's diary. */
export async function diarySeen(organisationId: number, userId: number, studentId: number): Promise<SeenRow | null> {
  return db.diarySeen.findUnique({
    where: { organisationId_userId_studentId: { organisationId, userId, studentId } },
    select: { lastSeenAt: true, sinceAt: true },
  });
}

/**
 * DRY-7: what is new for the student since a moment — the student's marks changed after it, homework
 * set after it on lessons of a class the student is still in, messages to the user — one statement
 * (it was three Prisma counts).
 */
export const NEW_SINCE = rawStatement(
  { marks: col.int, homework: col.int, messages: col.int },
  (organisationId: number, userId: number, studentId: number, since: Date) =>
    Prisma.sql`SELECT ${newSinceCountsSql(organisationId, userId, studentId, utcSql(since))}`,
);

/**
 * NEW_SINCE's three counts after `after` (a timestamp expression) as select-list items marks, homework,
 * messages. The homework starts from what was created after `after` — an index-only range of Homework
 * (organisationId, createdAt, lessonId), fenced by OFFSET 0 so the planner keeps that side first — and
 * keeps those whose lesson is of a class the student is still in (issue 22 item 5, round 18): it probed
 * Homework for every lesson of those classes in the year (≈ 740 on the bench school), whatever was new;
 * now it costs what was created since the visit.
 */
export function newSinceCountsSql(
  organisationId: number,
  userId: number,
  studentId: number,
  after: Prisma.Sql,
): Prisma.Sql {
  return Prisma.sql`
      (SELECT count(*)::int FROM "Mark" m
        WHERE m."organisationId" = ${organisationId} AND m."studentId" = ${studentId} AND m."updatedAt" > ${after}) AS marks,
      (SELECT count(*)::int
         FROM (SELECT h."lessonId" FROM "Homework" h
                WHERE h."organisationId" = ${organisationId} AND h."createdAt" > ${after} OFFSET 0) h
         JOIN "Lesson" l ON l."organisationId" = ${organisationId} AND l.id = h."lessonId"
        WHERE l."classId" = ANY (ARRAY(SELECT cm."classId" FROM "ClassMembership" cm
                                        WHERE cm."organisationId" = ${organisationId} AND cm."studentId" = ${studentId}
                                          AND cm."endDate" IS NULL))
          -- a subgroup's lesson only for its members (the week shows no other subgroup's homework)
          AND (l."subgroupId" IS NULL OR l."subgroupId" IN (SELECT sm."subgroupId" FROM "SubgroupMember" sm
                       WHERE sm."organisationId" = ${organisationId} AND sm."studentId" = ${studentId}))) AS homework,
      (SELECT count(*)::int FROM "MessageRecipient" r
         JOIN "Message" msg ON msg."organisationId" = r."organisationId" AND msg.id = r."messageId"
        WHERE r."organisationId" = ${organisationId} AND r."userId" = ${userId} AND r."deletedAt" IS NULL
          AND msg."createdAt" > ${after}) AS messages`;
}

/** DRY-7: what is new for the student since a moment — marks, homework of their lessons, messages to the user. */
export async function newSince(organisationId: number, userId: number, studentId: number, since: Date) {
  const [row] = await NEW_SINCE.run(db, organisationId, userId, studentId, since);
  return { marks: row?.marks ?? 0, homework: row?.homework ?? 0, messages: row?.messages ?? 0 };
}
