// DAY-5: the reads behind the pictures — a class's marks per subject and day (for its running average),
// its works' marks (for their distributions) and absences (of a student or a class) by date. Every query
// is bound to the organisation and to a class or student the page has authorised.
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { readDb as db } from "@/lib/db";
import type { MarkScale } from "@/lib/journal/averages";

/** The class's GRADE marks per subject and lesson date in [from, to]: their sum and count. */
export async function classMarksByDay(
  organisationId: number,
  classId: number,
  from: Date,
  to: Date,
): Promise<{ subjectId: number; date: Date; sum: number; count: number }[]> {
  const rows = await db.mark.groupBy({
    by: ["lessonId"],
    where: {
      organisationId,
      kind: "GRADE",
      value: { not: null },
      lesson: { classId, date: { gte: from, lte: to } },
    },
    _sum: { value: true },
    _count: { value: true },
  });
  if (rows.length === 0) return [];
  const lessons = await db.lesson.findMany({
    where: { organisationId, id: { in: rows.map((r) => r.lessonId) } },
    select: { id: true, subjectId: true, date: true },
  });
  const byId = new Map(lessons.map((l) => [l.id, l]));
  return rows.flatMap((r) => {
    const l = byId.get(r.lessonId);
    return l ? [{ subjectId: l.subjectId, date: l.date, sum: r._sum.value ?? 0, count: r._count.value }] : [];
  });
}

export type WorkMarks = { id: number; subjectName: string; date: Date; typeName: string; values: number[] };

/** The class's control works in [from, to] (or every work when `controlOnly` is false) with their GRADE marks. */
export async function classWorks(
  organisationId: number,
  classId: number,
  from: Date,
  to: Date,
  controlOnly: boolean,
): Promise<WorkMarks[]> {
  const works = await db.assignment.findMany({
    where: {
      organisationId,
      lesson: { classId, date: { gte: from, lte: to } },
      ...(controlOnly ? { type: { isControl: true } } : {}),
    },
    orderBy: [{ lesson: { date: "desc" } }, { id: "desc" }],
    take: 60,
    select: {
      id: true,
      lesson: { select: { date: true, subject: { select: { name: true } } } },
      type: { select: { name: true } },
      marks: { where: { kind: "GRADE", value: { not: null } }, select: { value: true } },
    },
  });
  return works.map((w) => ({
    id: w.id,
    subjectName: w.lesson.subject.name,
    date: w.lesson.date,
    typeName: w.type.name,
    values: w.marks.flatMap((m) => (m.value === null ? [] : [m.value])),
  }));
}

/** Attendance codes by lesson date of one student or of a class in [from, to]. */
export async function absenceRows(
  organisationId: number,
  who: { studentId: number } | { classId: number },
  from: Date,
  to: Date,
): Promise<{ date: Date; code: string }[]> {
  const rows = await db.attendance.findMany({
    where: {
      organisationId,
      ...("studentId" in who ? { studentId: who.studentId } : {}),
      lesson: { date: { gte: from, lte: to }, ...("classId" in who ? { classId: who.classId } : {}) },
    },
    select: { code: true, lesson: { select: { date: true } } },
  });
  return rows.map((r) => ({ date: r.lesson.date, code: r.code }));
}

/** A class's academic year span and the organisation's mark scale (null for a class of another organisation). */
export async function classYearAndScale(
  organisationId: number,
  classId: number,
): Promise<{ start: Date; end: Date; scale: MarkScale } | null> {
  const [cls, settings] = await Promise.all([
    db.classGroup.findUnique({
      where: { organisationId_id: { organisationId, id: classId } },
      select: { year: { select: { startDate: true, endDate: true } } },
    }),
    db.organisationSettings.findUnique({ where: { organisationId }, select: { minMark: true, maxMark: true } }),
  ]);
  if (!cls) return null;
  // The pictures (DAY-5) draw the scale only; no mark is recommended here, so the threshold is not read.
  return {
    start: cls.year.startDate,
    end: cls.year.endDate,
    scale: {
      minMark: settings?.minMark ?? ORG_SETTINGS_DEFAULTS.minMark,
      maxMark: settings?.maxMark ?? ORG_SETTINGS_DEFAULTS.maxMark,
      roundingThreshold: ORG_SETTINGS_DEFAULTS.roundingThreshold,
    },
  };
}
