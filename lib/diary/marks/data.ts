// Reads of the diary's marks view (DRY-2, DRY-3, FIN-5) and of the student period report (RPT-8):
// one student, one period — per subject every mark, absences, lessons held and the finals. A
// constant number of queries whatever the period holds; every query carries the organisation and
// the one student the caller has authorised.
import { type FinalSpecialName } from "@/lib/journal/marks";
import { db, rawStatement } from "@/lib/db";
import { col, jsonArray } from "@/lib/sql";
import { dateOnly } from "@/lib/org/time";
import { Prisma } from "@/prisma/generated/prisma/client";
import type { AverageInput, AveragingMethod, MarkScale } from "@/lib/journal/averages";
import { coversDate } from "../rules";

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
    periodKind: col.text,
    yearName: col.text,
    yearStatus: col.text,
    isCurrent: col.bool,
    yearStart: col.date,
    /** [[id, name, startDate, endDate]] by number */
    periods: col.jsonArray,
  },
  (organisationId: number, studentId: number) => Prisma.sql`
    SELECT m."classId", m."startDate", m."endDate", c.name AS "className", c."yearId", c."periodKind"::text AS "periodKind",
           y.name AS "yearName", y.status::text AS "yearStatus", y."isCurrent", y."startDate" AS "yearStart",
           (SELECT coalesce(json_agg(json_build_array(p.id, p.name, p."startDate", p."endDate") ORDER BY p.number), '[]'::json)
              FROM "Period" p
             WHERE p."organisationId" = c."organisationId" AND p."yearId" = c."yearId" AND p.kind = c."periodKind") AS periods
      FROM "ClassMembership" m
      JOIN "ClassGroup" c ON c."organisationId" = m."organisationId" AND c.id = m."classId"
      JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
     WHERE m."organisationId" = ${organisationId} AND m."studentId" = ${studentId}
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
  const rows = await STUDENT_STAYS.run(db, organisationId, studentId);
  const stays = rows.map((r) => ({
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
  const years = [...new Map(stays.map((s) => [s.class.yearId, s.class.year] as const))]
    .sort(([, a], [, b]) => b.startDate.getTime() - a.startDate.getTime())
    .map(([id, y]) => ({ id, name: y.name, status: y.status, isCurrent: y.isCurrent }));
  let yearId = wanted.yearId ?? null;
  if (yearId === null && wanted.periodId) {
    const period = await db.period.findUnique({
      where: { organisationId_id: { organisationId, id: wanted.periodId } },
      select: { yearId: true },
    });
    yearId = period?.yearId ?? null;
  }
  const current =
    (yearId !== null ? stays.find((s) => s.class.yearId === yearId) : undefined) ??
    stays.find((s) => coversDate(s.startDate, s.endDate, today)) ??
    stays[0] ??
    null;
  if (!current) return { stays, years, current: null, periods: [] as PeriodRef[] };
  return { stays, years, current, periods: current.periods };
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
  const { years, periods } = await studentPeriods(organisationId, studentId, today);
  return { years, periodId: pickPeriod(periods, today, null)?.id ?? null };
}

export async function studentPeriodData(
  organisationId: number,
  studentId: number,
  today: Date,
  periodId: number | null,
  yearId: number | null = null,
): Promise<StudentPeriodData> {
  const [{ stays, years, current, periods }, org, subgroups] = await Promise.all([
    studentPeriods(organisationId, studentId, today, { yearId, periodId }),
    db.organisation.findUnique({
      where: { id: organisationId },
      select: { name: true, timeZone: true, settings: true },
    }),
    db.subgroupMember.findMany({ where: { organisationId, studentId }, select: { subgroupId: true } }),
  ]);
  const s = org?.settings;
  const base = {
    years,
    yearId: current?.class.yearId ?? null,
    periods,
    classId: current?.classId ?? null,
    className: current?.class.name ?? null,
    orgName: org?.name ?? "",
    method: (s?.averagingMethod ?? "WEIGHTED") as AveragingMethod,
    scale: {
      minMark: s?.minMark ?? 2,
      maxMark: s?.maxMark ?? 5,
      roundingThreshold: s ? Number(s.roundingThreshold) : 0.5,
    },
  };
  const t = today.getTime();
  const period = pickPeriod(periods, today, periodId);
  if (!period) return { ...base, period: null, subjects: [], closed: null };
  const classIds = [...new Set(stays.map((x) => x.classId))];
  const lessonWhere = {
    organisationId,
    classId: { in: classIds },
    status: "SCHEDULED" as const,
    date: { gte: period.start, lte: period.end },
    OR: [{ subgroupId: null }, { subgroupId: { in: subgroups.map((g) => g.subgroupId) } }],
  };
  const [lessons, marks, absences, finals, closing] = await Promise.all([
    db.lesson.findMany({
      where: lessonWhere,
      select: {
        id: true,
        classId: true,
        date: true,
        subjectId: true,
        hours: true,
        subject: { select: { name: true, passFail: true, sortOrder: true } },
      },
    }),
    db.mark.findMany({
      where: { organisationId, studentId, lesson: lessonWhere },
      select: {
        id: true,
        lessonId: true,
        kind: true,
        value: true,
        isHospital: true,
        createdAt: true,
        updatedAt: true,
        assignment: { select: { weight: true, type: { select: { name: true, weight: true } } } },
      },
    }),
    db.attendance.findMany({
      where: { organisationId, studentId, code: { not: "OP" }, lesson: lessonWhere },
      select: { lessonId: true, missedHours: true },
    }),
    db.finalMark.findMany({
      where: {
        organisationId,
        studentId,
        classId: { in: classIds },
        OR: [{ periodId: { in: periods.map((p) => p.id) } }, { periodId: null }],
      },
      select: {
        subjectId: true,
        kind: true,
        periodId: true,
        value: true,
        special: true,
        form: true,
        setAt: true,
        subject: { select: { name: true, passFail: true, sortOrder: true } },
      },
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
  // Only lessons of the class the student was in on that day (PPL-3).
  const inStay = lessons.filter((l) =>
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
  for (const m of marks) {
    const l = lessonOf.get(m.lessonId);
    if (!l) continue;
    subjectOf(l.subjectId, l.subject).marks.push({
      id: m.id,
      kind: m.kind,
      value: m.value,
      isHospital: m.isHospital,
      weight: Number(m.assignment.weight ?? m.assignment.type.weight),
      date: l.date,
      typeName: m.assignment.type.name,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    });
  }
  for (const a of absences) {
    const l = lessonOf.get(a.lessonId);
    if (!l) continue;
    const e = subjectOf(l.subjectId, l.subject);
    e.absences++;
    e.absentHours += Number(a.missedHours ?? l.hours);
  }
  for (const f of finals) {
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
    .sort((a, b) => a.order - b.order || a.subjectName.localeCompare(b.subjectName, "ru"))
    .map(({ order: _order, ...rest }) => ({
      ...rest,
      marks: rest.marks.sort((a, b) => a.date.getTime() - b.date.getTime() || a.id - b.id),
    }));
  return {
    ...base,
    period,
    subjects,
    closed: closing ? { ...closing, timeZone: org?.timeZone ?? "Europe/Samara" } : null,
  };
}

export type SeenRow = { lastSeenAt: Date; sinceAt: Date };

/** DRY-7: the user's last-seen record of a student's diary. */
export async function diarySeen(organisationId: number, userId: number, studentId: number): Promise<SeenRow | null> {
  return db.diarySeen.findUnique({
    where: { organisationId_userId_studentId: { organisationId, userId, studentId } },
    select: { lastSeenAt: true, sinceAt: true },
  });
}

/** DRY-7: what is new for the student since a moment — marks, homework of their lessons, messages to the user. */
export async function newSince(organisationId: number, userId: number, studentId: number, since: Date) {
  const [marks, homework, messages] = await Promise.all([
    db.mark.count({ where: { organisationId, studentId, updatedAt: { gt: since } } }),
    db.homework.count({
      where: {
        organisationId,
        createdAt: { gt: since },
        lesson: { class: { memberships: { some: { organisationId, studentId, endDate: null } } } },
      },
    }),
    db.messageRecipient.count({
      where: { organisationId, userId, deletedAt: null, message: { createdAt: { gt: since } } },
    }),
  ]);
  return { marks, homework, messages };
}

/** The organisation's time zone (for «today» outside a session, e.g. a report). */
export async function orgTimeZone(organisationId: number): Promise<string> {
  const org = await db.organisation.findUnique({ where: { id: organisationId }, select: { timeZone: true } });
  return org?.timeZone ?? "Europe/Moscow";
}
