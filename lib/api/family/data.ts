// Reads of a student's marks by subject and of homework files for /api/v1 (API-1). The caller has
// authorised `diary.view` on the student; every query is bound to the organisation and that
// student. A constant number of queries whatever the period holds.
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { spanMeets } from "@/lib/org/time";
import { type MarkKindName } from "@/lib/journal/marks";
import { db } from "@/lib/db";
import type { AveragingMethod } from "@/lib/journal/averages";

export type PeriodRow = { id: number; name: string; start: Date; end: Date };

export type StudentMarks = {
  method: AveragingMethod;
  periods: PeriodRow[];
  marks: {
    id: number;
    lessonId: number;
    date: Date;
    subjectId: number;
    subjectName: string;
    kind: MarkKindName;
    value: number | null;
    isHospital: boolean;
    comment: string | null;
    typeName: string;
    weight: number;
  }[];
  finals: {
    subjectId: number;
    subjectName: string;
    kind: string;
    periodId: number | null;
    value: number | null;
    special: string | null;
  }[];
};

/** The periods of the class the student is in on `today` (or was in last). */
export async function periodsOfStudent(
  organisationId: number,
  studentId: number,
  today: Date,
): Promise<{ classId: number; periods: PeriodRow[] } | null> {
  const membership = await db.classMembership.findFirst({
    where: { organisationId, studentId, startDate: { lte: today } },
    orderBy: [{ startDate: "desc" }],
    select: { class: { select: { id: true, yearId: true, periodKind: true } } },
  });
  if (!membership) return null;
  const { id: classId, yearId, periodKind } = membership.class;
  const periods = await db.period.findMany({
    where: { organisationId, yearId, kind: periodKind },
    orderBy: { number: "asc" },
    select: { id: true, name: true, startDate: true, endDate: true },
  });
  return { classId, periods: periods.map((p) => ({ id: p.id, name: p.name, start: p.startDate, end: p.endDate })) };
}

export async function studentMarks(
  organisationId: number,
  studentId: number,
  classId: number,
  range: PeriodRow | null,
): Promise<Omit<StudentMarks, "periods">> {
  const [org, marks, finals] = await Promise.all([
    db.organisation.findUnique({
      where: { id: organisationId },
      select: { settings: { select: { averagingMethod: true } } },
    }),
    range
      ? db.mark.findMany({
          where: { organisationId, studentId, lesson: { date: { gte: range.start, lte: range.end } } },
          orderBy: [{ lesson: { date: "asc" } }, { id: "asc" }],
          select: {
            id: true,
            kind: true,
            value: true,
            isHospital: true,
            comment: true,
            lesson: { select: { id: true, date: true, subject: { select: { id: true, name: true } } } },
            assignment: { select: { weight: true, type: { select: { name: true, weight: true } } } },
          },
        })
      : Promise.resolve([]),
    db.finalMark.findMany({
      where: { organisationId, studentId, classId },
      orderBy: [{ subjectId: "asc" }, { kind: "asc" }],
      select: { kind: true, periodId: true, value: true, special: true, subject: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    method: org?.settings?.averagingMethod ?? ORG_SETTINGS_DEFAULTS.averagingMethod,
    marks: marks.map((m) => ({
      id: m.id,
      lessonId: m.lesson.id,
      date: m.lesson.date,
      subjectId: m.lesson.subject.id,
      subjectName: m.lesson.subject.name,
      kind: m.kind,
      value: m.value,
      isHospital: m.isHospital,
      comment: m.comment,
      typeName: m.assignment.type.name,
      weight: Number(m.assignment.weight ?? m.assignment.type.weight),
    })),
    finals: finals.map((f) => ({
      subjectId: f.subject.id,
      subjectName: f.subject.name,
      kind: f.kind,
      periodId: f.periodId,
      value: f.value,
      special: f.special,
    })),
  };
}

/** A homework file, if it belongs to a lesson of a class the student was in on that lesson's date. */
export async function homeworkFileOfStudent(organisationId: number, studentId: number, fileId: number) {
  const file = await db.attachment.findUnique({
    where: { organisationId_id: { organisationId, id: fileId } },
    select: {
      fileName: true,
      mimeType: true,
      storageKey: true,
      homework: { select: { lesson: { select: { classId: true, date: true } } } },
    },
  });
  const lesson = file?.homework?.lesson;
  if (!file || !lesson) return null;
  const member = await db.classMembership.findFirst({
    where: {
      organisationId,
      studentId,
      classId: lesson.classId,
      ...spanMeets(lesson.date),
    },
    select: { studentId: true },
  });
  return member ? { fileName: file.fileName, mimeType: file.mimeType, storageKey: file.storageKey } : null;
}
