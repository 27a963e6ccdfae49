// Reads for the class teacher's attendance page (JRN-4): the class's absences over a date range.
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import type { AttendanceCodeName } from "../rules";
import { compareRu } from "@/lib/org/collation";

export type AbsenceRow = {
  lessonId: number;
  studentId: number;
  student: string;
  date: Date;
  bell: number;
  subject: string;
  code: AttendanceCodeName;
  version: number;
  missedHours: number | null;
};

export async function absencesOfClass(
  organisationId: number,
  classId: number,
  from: Date,
  to: Date,
): Promise<AbsenceRow[]> {
  const rows = await db.attendance.findMany({
    where: {
      organisationId,
      code: { not: "OP" },
      lesson: { classId, date: { gte: from, lte: to }, status: "SCHEDULED" },
    },
    select: {
      lessonId: true,
      studentId: true,
      code: true,
      version: true,
      missedHours: true,
      lesson: { select: { date: true, bellNumber: true, subject: { select: { name: true } } } },
      student: { select: NAME_FIELDS },
    },
  });
  return rows
    .map((r) => ({
      lessonId: r.lessonId,
      studentId: r.studentId,
      student: fullName(r.student),
      date: r.lesson.date,
      bell: r.lesson.bellNumber,
      subject: r.lesson.subject.name,
      code: r.code as AttendanceCodeName,
      version: r.version,
      missedHours: r.missedHours === null ? null : Number(r.missedHours),
    }))
    .sort((a, b) => compareRu(a.student, b.student) || a.date.getTime() - b.date.getTime() || a.bell - b.bell);
}

/** Classes of the open current year: all of them, or the given ones. */
export async function classesForReasons(organisationId: number, filter: { all: boolean; classIds: readonly number[] }) {
  const rows = await db.classGroup.findMany({
    where: { organisationId, year: { isCurrent: true }, ...(filter.all ? {} : { id: { in: [...filter.classIds] } }) },
    select: { id: true, name: true, grade: true },
  });
  return rows.sort((a, b) => a.grade - b.grade || compareRu(a.name, b.name));
}

/** The class, subject and date of a lesson (the reason's scope and its lock), or null. */
export async function lessonClass(
  organisationId: number,
  lessonId: number,
): Promise<{ classId: number; subjectId: number; date: Date } | null> {
  return db.lesson.findUnique({
    where: { organisationId_id: { organisationId, id: lessonId } },
    select: { classId: true, subjectId: true, date: true },
  });
}
