// Reads behind the printed class journal (RPT-12): a fixed number of queries for a class and a
// date range, whatever the number of lessons — lessons (with homework), marks, attendance,
// memberships, subgroup members and subjects, each one query bound to the organisation.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import type { JournalFacts } from "../journal-rules";
import { NAME_FIELDS } from "@/lib/people/names";

export async function journalFacts(
  organisationId: number,
  classId: number,
  from: Date,
  to: Date,
  subjectId?: number,
  withYearFinals = false,
): Promise<JournalFacts> {
  const lessonWhere = {
    organisationId,
    classId,
    status: "SCHEDULED" as const,
    date: { gte: from, lte: to },
    ...(subjectId ? { subjectId } : {}),
  };
  const [lessons, marks, attendance, memberships, subgroupMembers, finals] = await Promise.all([
    db.lesson.findMany({
      where: lessonWhere,
      orderBy: [{ date: "asc" }, { bellNumber: "asc" }],
      select: {
        id: true,
        date: true,
        bellNumber: true,
        subjectId: true,
        subgroupId: true,
        hours: true,
        topic: true,
        teacher: { select: NAME_FIELDS },
        homework: { select: { text: true }, orderBy: { id: "asc" } },
      },
    }),
    db.mark.findMany({
      where: { organisationId, lesson: lessonWhere },
      orderBy: { id: "asc" },
      select: { lessonId: true, studentId: true, kind: true, value: true, isHospital: true },
    }),
    db.attendance.findMany({
      where: { organisationId, lesson: lessonWhere },
      select: { lessonId: true, studentId: true, code: true },
    }),
    db.classMembership.findMany({
      where: { organisationId, classId, ...spanMeets(from, to) },
      select: {
        studentId: true,
        startDate: true,
        endDate: true,
        student: { select: NAME_FIELDS },
      },
    }),
    db.subgroupMember.findMany({
      where: { organisationId, subgroup: { classId } },
      select: { subgroupId: true, studentId: true, subgroup: { select: { name: true } } },
    }),
    // Finals of the periods that begin in the range (and of the year for a whole year's journal).
    db.finalMark.findMany({
      where: {
        organisationId,
        classId,
        ...(subjectId ? { subjectId } : {}),
        OR: [
          { kind: "PERIOD", period: { startDate: { gte: from, lte: to } } },
          ...(withYearFinals ? [{ kind: "YEAR" as const, periodId: null }] : []),
        ],
      },
      select: {
        studentId: true,
        subjectId: true,
        value: true,
        special: true,
        period: { select: { name: true, kind: true, number: true, endDate: true } },
      },
    }),
  ]);
  const subjectIds = [...new Set(lessons.map((l) => l.subjectId))];
  const subjects = await db.subject.findMany({
    where: { organisationId, id: { in: subjectIds } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, shortName: true, code: true },
  });
  const subgroupNames = new Map(subgroupMembers.map((m) => [m.subgroupId, m.subgroup.name]));
  return {
    lessons: lessons.map((l) => ({
      id: l.id,
      date: l.date,
      bellNumber: l.bellNumber,
      subjectId: l.subjectId,
      subgroupId: l.subgroupId,
      subgroupName: l.subgroupId ? (subgroupNames.get(l.subgroupId) ?? null) : null,
      hours: Number(l.hours),
      topic: l.topic,
      homework: l.homework.map((h) => h.text).join("; "),
      teacher: l.teacher,
    })),
    marks,
    attendance,
    members: memberships.map((m) => ({ studentId: m.studentId, start: m.startDate, end: m.endDate, name: m.student })),
    subgroupMembers: subgroupMembers.map((m) => ({ subgroupId: m.subgroupId, studentId: m.studentId })),
    subjects,
    finals: finals.map((f) => ({
      studentId: f.studentId,
      subjectId: f.subjectId,
      label: f.period?.name ?? "Год",
      order: f.period ? `${f.period.kind}:${String(f.period.number).padStart(2, "0")}` : "~",
      end: f.period?.endDate ?? null,
      value: f.value,
      special: f.special,
    })),
  };
}
