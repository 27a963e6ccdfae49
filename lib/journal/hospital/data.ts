// Reads of hospital marks (REC-6): certificates in the caller's classes and the lessons of a stay.
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import { compareRuNumeric } from "@/lib/org/collation";

export type CertificateRow = {
  id: number;
  studentId: number;
  studentName: string;
  number: string;
  issuedOn: Date;
  stayFrom: Date;
  stayTo: Date;
  institution: string | null;
  marks: number;
};

/** A hospital certificate's own fields and its student's name (the list and the card). */
const CERTIFICATE_FIELDS = {
  id: true,
  studentId: true,
  number: true,
  issuedOn: true,
  stayFrom: true,
  stayTo: true,
  institution: true,
  student: { select: NAME_FIELDS },
} as const;

/** Certificates of students who were in the classes (null = all classes), newest first. */
export async function certificates(
  organisationId: number,
  classIds: ReadonlySet<number> | null,
  limit = 100,
): Promise<CertificateRow[]> {
  const rows = await db.hospitalCertificate.findMany({
    where: {
      organisationId,
      ...(classIds === null ? {} : { student: { memberships: { some: { classId: { in: [...classIds] } } } } }),
    },
    orderBy: { id: "desc" },
    take: limit,
    select: { ...CERTIFICATE_FIELDS, _count: { select: { marks: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    studentId: r.studentId,
    studentName: fullName(r.student),
    number: r.number,
    issuedOn: r.issuedOn,
    stayFrom: r.stayFrom,
    stayTo: r.stayTo,
    institution: r.institution,
    marks: r._count.marks,
  }));
}

export async function certificate(organisationId: number, id: number) {
  return db.hospitalCertificate.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: CERTIFICATE_FIELDS,
  });
}

/** Students on the roll of the classes today (for the certificate form), «7А — Фамилия Имя». */
export async function studentsOfClasses(organisationId: number, classIds: ReadonlySet<number> | null, today: Date) {
  const rows = await db.classMembership.findMany({
    where: {
      organisationId,
      ...(classIds === null ? {} : { classId: { in: [...classIds] } }),
      ...spanMeets(today),
      class: { year: { isCurrent: true } },
    },
    select: {
      studentId: true,
      class: { select: { name: true, grade: true } },
      student: { select: NAME_FIELDS },
    },
  });
  return rows
    .map((r) => ({ studentId: r.studentId, label: `${r.class.name} — ${fullName(r.student)}`, grade: r.class.grade }))
    .sort((a, b) => a.grade - b.grade || compareRuNumeric(a.label, b.label));
}

export type StayLesson = {
  id: number;
  date: Date;
  bellNumber: number;
  classId: number;
  subjectId: number;
  subjectName: string;
  subgroupId: number | null;
  topic: string | null;
  grade: number;
  passFail: boolean;
  /** The student's hospital mark already taken from this certificate, as typed («5б»). */
  mark: { kind: string; value: number | null } | null;
};

/**
 * The lessons of the student's classes during the stay — of the whole class or of a subgroup the
 * student is in, held (SCHEDULED) — with the student's marks from this certificate.
 */
export async function stayLessons(
  organisationId: number,
  studentId: number,
  certificateId: number,
  stay: { from: Date; to: Date },
): Promise<StayLesson[]> {
  const [stays, subgroups] = await Promise.all([
    db.classMembership.findMany({
      where: {
        organisationId,
        studentId,
        ...spanMeets(stay.from, stay.to),
        // Home and family education get no current marks (PPL-2, 001 §5.5).
        educationForm: { notIn: ["HOME", "FAMILY"] },
      },
      select: { classId: true, startDate: true, endDate: true },
    }),
    db.subgroupMember.findMany({ where: { organisationId, studentId }, select: { subgroupId: true } }),
  ]);
  if (stays.length === 0) return [];
  const lessons = await db.lesson.findMany({
    where: {
      organisationId,
      classId: { in: [...new Set(stays.map((s) => s.classId))] },
      status: "SCHEDULED",
      date: { gte: stay.from, lte: stay.to },
      OR: [{ subgroupId: null }, { subgroupId: { in: subgroups.map((g) => g.subgroupId) } }],
    },
    orderBy: [{ date: "asc" }, { bellNumber: "asc" }],
    select: {
      id: true,
      date: true,
      bellNumber: true,
      classId: true,
      subjectId: true,
      subgroupId: true,
      topic: true,
      subject: { select: { name: true, passFail: true } },
      class: { select: { grade: true } },
      marks: { where: { studentId, certificateId }, select: { kind: true, value: true }, take: 1 },
    },
  });
  const t = (d: Date) => d.getTime();
  return lessons
    .filter((l) =>
      stays.some(
        (s) => s.classId === l.classId && t(s.startDate) <= t(l.date) && (!s.endDate || t(s.endDate) >= t(l.date)),
      ),
    )
    .map((l) => ({
      id: l.id,
      date: l.date,
      bellNumber: l.bellNumber,
      classId: l.classId,
      subjectId: l.subjectId,
      subjectName: l.subject.name,
      subgroupId: l.subgroupId,
      topic: l.topic,
      grade: l.class.grade,
      passFail: l.subject.passFail,
      mark: l.marks[0] ?? null,
    }));
}

/** The organisation's kind and mark scale. */
export async function scaleOf(organisationId: number) {
  const org = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { kind: true, settings: { select: { minMark: true, maxMark: true } } },
  });
  return {
    orgKind: org?.kind ?? "SCHOOL",
    minMark: org?.settings?.minMark ?? ORG_SETTINGS_DEFAULTS.minMark,
    maxMark: org?.settings?.maxMark ?? ORG_SETTINGS_DEFAULTS.maxMark,
  };
}
