// PRG-4 reads: the class and its periods, the approved КТП of the class with their topics and
// streams of lessons, the class's lessons in a period and the published versions. Every query is
// bound to the organisation (ACL-5).
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import type { PlanStream } from "./rules";

export async function classFacts(organisationId: number, classId: number) {
  return db.classGroup.findUnique({
    where: { organisationId_id: { organisationId, id: classId } },
    select: {
      id: true,
      name: true,
      grade: true,
      yearId: true,
      periodKind: true,
      year: { select: { name: true, startDate: true, endDate: true } },
      organisation: { select: { name: true } },
    },
  });
}

export type PeriodRow = { id: number; name: string; start: Date; end: Date };

/** The periods of the class's kind (quarters, semesters …) in its year, in order. */
export async function classPeriods(
  organisationId: number,
  cls: Pick<NonNullable<Awaited<ReturnType<typeof classFacts>>>, "yearId" | "periodKind">,
): Promise<PeriodRow[]> {
  const rows = await db.period.findMany({
    where: { organisationId, yearId: cls.yearId, kind: cls.periodKind },
    orderBy: { number: "asc" },
    select: { id: true, name: true, startDate: true, endDate: true },
  });
  return rows.map((p) => ({ id: p.id, name: p.name, start: p.startDate, end: p.endDate }));
}

/**
 * The approved КТП of the class (its own, or its parallel's: classId null and the class's grade),
 * each with its topics and its stream — the plan teacher's lessons of the subject in this class over
 * the year, by date and bell.
 */
export async function approvedStreams(
  organisationId: number,
  cls: { id: number; grade: number; yearId: number; year: { startDate: Date; endDate: Date } },
): Promise<PlanStream[]> {
  const plans = await db.lessonPlan.findMany({
    where: {
      organisationId,
      yearId: cls.yearId,
      status: "APPROVED",
      OR: [{ classId: cls.id }, { classId: null, grade: cls.grade }],
    },
    orderBy: { id: "asc" },
    select: {
      id: true,
      teacherId: true,
      subjectId: true,
      subject: { select: { name: true } },
      teacher: { select: NAME_FIELDS },
      topics: {
        orderBy: { position: "asc" },
        select: { id: true, position: true, title: true, hours: true, controlKind: true },
      },
    },
  });
  const withWorks = plans.filter((p) => p.topics.some((t) => t.controlKind?.trim()));
  if (!withWorks.length) return [];
  const lessons = await db.lesson.findMany({
    where: {
      organisationId,
      classId: cls.id,
      OR: withWorks.map((p) => ({ subjectId: p.subjectId, teacherId: p.teacherId })),
      date: { gte: cls.year.startDate, lte: cls.year.endDate },
    },
    orderBy: [{ date: "asc" }, { bellNumber: "asc" }, { id: "asc" }],
    select: { id: true, subjectId: true, teacherId: true, date: true, hours: true, status: true },
  });
  return withWorks.map((p) => ({
    planId: p.id,
    subjectId: p.subjectId,
    subjectName: p.subject.name,
    teacherName: shortName(p.teacher),
    topics: p.topics.map((t) => ({ ...t, hours: Number(t.hours) })),
    lessons: lessons
      .filter((l) => l.subjectId === p.subjectId && l.teacherId === p.teacherId)
      .map((l) => ({ id: l.id, date: l.date, hours: Number(l.hours), cancelled: l.status === "CANCELLED" })),
  }));
}

/** The class's lessons in a date range (every subject): the subjects' hours in the period. */
export async function classLessons(organisationId: number, classId: number, from: Date, to: Date) {
  const rows = await db.lesson.findMany({
    where: { organisationId, classId, date: { gte: from, lte: to } },
    select: { subjectId: true, date: true, bellNumber: true, hours: true, status: true },
  });
  return rows.map((l) => ({
    subjectId: l.subjectId,
    date: l.date,
    bellNumber: l.bellNumber,
    hours: Number(l.hours),
    cancelled: l.status === "CANCELLED",
  }));
}

/** The latest published version of the class's schedule for the period, or null. */
export async function latestPublication(organisationId: number, classId: number, periodId: number) {
  const row = await db.assessmentPublication.findFirst({
    where: { organisationId, classId, periodId },
    orderBy: { version: "desc" },
    select: {
      version: true,
      items: true,
      publishedAt: true,
      publishedById: true,
    },
  });
  if (!row) return null;
  const by = row.publishedById
    ? await db.user.findUnique({
        where: { organisationId_id: { organisationId, id: row.publishedById } },
        select: NAME_FIELDS,
      })
    : null;
  return { ...row, publishedBy: by ? fullName(by) : null };
}
