// Reads and writes of the year archive (ARC-1, ARC-2), bound to the organisation.
import { isoDate } from "@/lib/org/time";
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
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
        student: { select: { id: true, ...NAME_FIELDS, birthDate: true } },
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
        teacher: { select: NAME_FIELDS },
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
  const day = (d: Date | null) => (d ? isoDate(d) : null);
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
    select: { id: true, yearId: true, createdAt: true, manifest: true, year: { select: { name: true, status: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    yearId: r.yearId,
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

/** The organisation's retention settings per document kind (REC-5); kinds without a row keep the defaults. */
export async function retentionSettings(organisationId: number): Promise<Map<string, number>> {
  const rows = await db.archiveRetention.findMany({ where: { organisationId }, select: { kind: true, years: true } });
  return new Map(rows.map((r) => [r.kind, r.years]));
}

const registerSelect = {
  id: true,
  setId: true,
  yearId: true,
  classId: true,
  name: true,
  kind: true,
  storageKey: true,
  sha256: true,
  size: true,
  createdAt: true,
  retentionYears: true,
  retentionEnd: true,
  destroyedAt: true,
  disposalAct: { select: { number: true, actDate: true } },
} as const;

export type RegisterRow = {
  id: number;
  setId: number;
  yearName: string;
  className: string | null;
  name: string;
  kind: string;
  storageKey: string;
  sha256: string;
  size: number;
  createdAt: Date;
  retentionYears: number | null;
  retentionEnd: Date | null;
  destroyedAt: Date | null;
  act: { number: number; actDate: Date } | null;
};

/**
 * The archive register (REC-5): every archived document of the organisation — of one year when
 * `yearId` is given, or only those whose retention ended by `expiredBy` and are still kept.
 */
export async function registerRows(
  organisationId: number,
  filter: { yearId?: number; expiredBy?: Date; ids?: number[] } = {},
): Promise<RegisterRow[]> {
  const rows = await db.archiveDocument.findMany({
    where: {
      organisationId,
      ...(filter.yearId ? { yearId: filter.yearId } : {}),
      ...(filter.ids ? { id: { in: filter.ids } } : {}),
      ...(filter.expiredBy ? { destroyedAt: null, retentionEnd: { lt: filter.expiredBy } } : {}),
    },
    orderBy: [{ setId: "desc" }, { id: "asc" }],
    select: registerSelect,
  });
  const [years, classes] = await Promise.all([
    db.academicYear.findMany({
      where: { organisationId, id: { in: [...new Set(rows.map((r) => r.yearId))] } },
      select: { id: true, name: true },
    }),
    db.classGroup.findMany({
      where: { organisationId, id: { in: [...new Set(rows.flatMap((r) => (r.classId ? [r.classId] : [])))] } },
      select: { id: true, name: true },
    }),
  ]);
  const yearName = new Map(years.map((y) => [y.id, y.name]));
  const className = new Map(classes.map((c) => [c.id, c.name]));
  return rows.map(({ disposalAct, yearId, classId, ...r }) => ({
    ...r,
    yearName: yearName.get(yearId) ?? "",
    className: classId ? (className.get(classId) ?? null) : null,
    act: disposalAct,
  }));
}

/** The acts of destruction (REC-5), newest first, each with how many documents it destroyed. */
export async function disposalActs(organisationId: number) {
  const rows = await db.archiveDisposalAct.findMany({
    where: { organisationId },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      actDate: true,
      basis: true,
      createdAt: true,
      storageKey: true,
      sha256: true,
      size: true,
      _count: { select: { documents: true } },
    },
  });
  return rows.map(({ _count, ...a }) => ({ ...a, documents: _count.documents }));
}

export async function disposalAct(organisationId: number, id: number) {
  return db.archiveDisposalAct.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { number: true, actDate: true, storageKey: true, sha256: true },
  });
}

/** Storage keys of a set's documents destroyed by an act (REC-5): gone on purpose, not a loss. */
export async function destroyedKeys(organisationId: number, setId: number): Promise<Map<string, number>> {
  const rows = await db.archiveDocument.findMany({
    where: { organisationId, setId, destroyedAt: { not: null } },
    select: { storageKey: true, disposalAct: { select: { number: true } } },
  });
  return new Map(rows.map((r) => [r.storageKey, r.disposalAct?.number ?? 0]));
}

/** One register row by the storage key of a set's file (the download route names a destroyed file). */
export async function documentByKey(organisationId: number, storageKey: string) {
  return db.archiveDocument.findUnique({
    where: { organisationId_storageKey: { organisationId, storageKey } },
    select: { destroyedAt: true, disposalAct: { select: { number: true, actDate: true } } },
  });
}

/** The number of the organisation's last act of destruction (0 before the first). */
export async function lastActNumber(organisationId: number): Promise<number> {
  const last = await db.archiveDisposalAct.findFirst({
    where: { organisationId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return last?.number ?? 0;
}
