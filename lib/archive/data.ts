// Reads and writes of the year archive (ARC-1, ARC-2), bound to the organisation.
import { db } from "@/lib/db";
import { fullName } from "@/lib/people/names";
import type { Manifest } from "./rules";

export type ArchiveClass = { id: number; name: string; grade: number; periodKind: string };
export type ArchivePeriod = { id: number; name: string; kind: string; number: number; startDate: Date; endDate: Date };

/** The year with its classes and periods; null when it is not the organisation's. */
export async function archiveYear(organisationId: number, yearId: number) {
  const year = await db.academicYear.findUnique({
    where: { organisationId_id: { organisationId, id: yearId } },
    select: {
      id: true,
      name: true,
      status: true,
      startDate: true,
      endDate: true,
      organisation: { select: { name: true, kind: true } },
      classes: {
        select: { id: true, name: true, grade: true, periodKind: true },
        orderBy: [{ grade: "asc" }, { name: "asc" }],
      },
      periods: {
        select: { id: true, name: true, kind: true, number: true, startDate: true, endDate: true },
        orderBy: [{ kind: "asc" }, { number: "asc" }],
      },
    },
  });
  return year;
}

export async function listYears(organisationId: number) {
  return db.academicYear.findMany({
    where: { organisationId },
    orderBy: { startDate: "desc" },
    select: { id: true, name: true, status: true, isCurrent: true },
  });
}

/**
 * The machine-readable export of one class for a year: students on its roll, subjects,
 * lessons with topic and homework, marks, attendance and finals. Seven queries per class.
 */
export async function classExport(organisationId: number, classId: number) {
  const lessonWhere = { organisationId, classId };
  const [cls, memberships, lessons, marks, attendance, finals, homework] = await Promise.all([
    db.classGroup.findUniqueOrThrow({
      where: { organisationId_id: { organisationId, id: classId } },
      select: { id: true, name: true, grade: true, year: { select: { name: true } } },
    }),
    db.classMembership.findMany({
      where: { organisationId, classId },
      orderBy: { startDate: "asc" },
      select: {
        startDate: true,
        endDate: true,
        educationForm: true,
        student: { select: { id: true, lastName: true, firstName: true, middleName: true, birthDate: true } },
      },
    }),
    db.lesson.findMany({
      where: lessonWhere,
      orderBy: [{ date: "asc" }, { bellNumber: "asc" }],
      select: {
        id: true,
        date: true,
        bellNumber: true,
        hours: true,
        status: true,
        topic: true,
        content: true,
        subgroupId: true,
        subject: { select: { id: true, name: true } },
        teacher: { select: { lastName: true, firstName: true, middleName: true } },
      },
    }),
    db.mark.findMany({
      where: { organisationId, lesson: lessonWhere },
      orderBy: { id: "asc" },
      select: {
        lessonId: true,
        studentId: true,
        kind: true,
        value: true,
        isHospital: true,
        assignment: { select: { type: { select: { name: true } }, weight: true } },
      },
    }),
    db.attendance.findMany({
      where: { organisationId, lesson: lessonWhere },
      select: { lessonId: true, studentId: true, code: true, missedHours: true },
    }),
    db.finalMark.findMany({
      where: { organisationId, classId },
      orderBy: { id: "asc" },
      select: {
        studentId: true,
        subjectId: true,
        kind: true,
        value: true,
        special: true,
        period: { select: { name: true } },
      },
    }),
    db.homework.findMany({
      where: { organisationId, lesson: lessonWhere },
      orderBy: { id: "asc" },
      select: { lessonId: true, text: true, dueDate: true },
    }),
  ]);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
  const subjects = new Map(lessons.map((l) => [l.subject.id, l.subject.name]));
  return {
    class: { id: cls.id, name: cls.name, grade: cls.grade, year: cls.year.name },
    students: memberships.map((m) => ({
      id: m.student.id,
      name: fullName(m.student),
      birthDate: day(m.student.birthDate),
      from: day(m.startDate),
      to: day(m.endDate),
      form: m.educationForm,
    })),
    subjects: [...subjects].map(([id, name]) => ({ id, name })),
    lessons: lessons.map((l) => ({
      id: l.id,
      date: day(l.date),
      bell: l.bellNumber,
      hours: Number(l.hours),
      status: l.status,
      subjectId: l.subject.id,
      subgroupId: l.subgroupId,
      teacher: fullName(l.teacher),
      topic: l.topic,
      content: l.content,
      homework: homework.filter((h) => h.lessonId === l.id).map((h) => ({ text: h.text, dueDate: day(h.dueDate) })),
    })),
    marks: marks.map((m) => ({
      lessonId: m.lessonId,
      studentId: m.studentId,
      kind: m.kind,
      value: m.value,
      hospital: m.isHospital,
      type: m.assignment.type.name,
      weight: m.assignment.weight === null ? null : Number(m.assignment.weight),
    })),
    attendance: attendance.map((a) => ({
      lessonId: a.lessonId,
      studentId: a.studentId,
      code: a.code,
      missedHours: a.missedHours === null ? null : Number(a.missedHours),
    })),
    finals: finals.map((f) => ({
      studentId: f.studentId,
      subjectId: f.subjectId,
      kind: f.kind,
      period: f.period?.name ?? null,
      value: f.value,
      special: f.special,
    })),
  };
}

export type StoredManifest = { manifest: Manifest; manifestFile: { storageKey: string; sha256: string; size: number } };

export async function archiveSets(organisationId: number) {
  const rows = await db.archiveSet.findMany({
    where: { organisationId },
    orderBy: { id: "desc" },
    select: { id: true, createdAt: true, manifest: true, year: { select: { name: true, status: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt,
    yearName: r.year.name,
    yearStatus: r.year.status,
    stored: r.manifest as unknown as StoredManifest,
  }));
}

export async function archiveSet(organisationId: number, id: number): Promise<StoredManifest | null> {
  const row = await db.archiveSet.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { manifest: true },
  });
  return row ? (row.manifest as unknown as StoredManifest) : null;
}
