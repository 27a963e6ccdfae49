// Reads of absences (DUT-3) and parents' notices (DUT-4). Every query is bound to the organisation;
// the callers have passed the gate for the student or the class.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import { fullName, NAME_FIELDS } from "@/lib/people/names";
import { studentClassOn } from "@/lib/people/data";
import { cellState, type AttendanceCodeName, type EducationFormName } from "@/lib/journal/rules";
import { ABSENCE_RECORD } from "@/lib/journal/expected/data";
import type { AbsenceReason } from "./rules";
import { compareRu } from "@/lib/org/collation";

export type StudentLesson = {
  lessonId: number;
  classId: number;
  subjectId: number;
  date: Date;
  bell: number;
};

/**
 * The lessons a student has a cell on between two dates (JRN-1: a member of the class that day, of
 * the lesson's subgroup if it has one, not on home or family education), not cancelled.
 */
export async function studentLessons(
  organisationId: number,
  studentId: number,
  from: Date,
  to: Date,
): Promise<StudentLesson[]> {
  if (from.getTime() > to.getTime()) return [];
  const [spans, subgroups] = await Promise.all([
    db.classMembership.findMany({
      where: { organisationId, studentId, ...spanMeets(from, to) },
      select: { classId: true, startDate: true, endDate: true, educationForm: true },
    }),
    db.subgroupMember.findMany({ where: { organisationId, studentId }, select: { subgroupId: true } }),
  ]);
  if (spans.length === 0) return [];
  const lessons = await db.lesson.findMany({
    where: {
      organisationId,
      classId: { in: [...new Set(spans.map((s) => s.classId))] },
      status: "SCHEDULED",
      date: { gte: from, lte: to },
    },
    select: { id: true, classId: true, subjectId: true, subgroupId: true, date: true, bellNumber: true },
    orderBy: [{ date: "asc" }, { bellNumber: "asc" }],
  });
  const mine = new Set(subgroups.map((s) => s.subgroupId));
  return lessons
    .filter((l) => {
      const own = spans
        .filter((s) => s.classId === l.classId)
        .map((s) => ({ ...s, studentId, educationForm: s.educationForm as EducationFormName }));
      return cellState(own, l.date, l.subgroupId, mine) === "open";
    })
    .map((l) => ({ lessonId: l.id, classId: l.classId, subjectId: l.subjectId, date: l.date, bell: l.bellNumber }));
}

export type AbsenceRow = {
  id: number;
  studentId: number;
  student: string;
  dateFrom: Date;
  dateTo: Date;
  reason: AbsenceReason;
  documentKind: string;
  documentNumber: string | null;
  documentDate: Date | null;
  fileName: string | null;
  status: "ACTIVE" | "WITHDRAWN";
  createdBy: string;
  createdAt: Date;
  fromNotice: boolean;
  lessons: number;
};

/** An absence's own record (shared with the journal grid's expected absences) and its id. */
const ABSENCE_FIELDS = { id: true, ...ABSENCE_RECORD } as const;

/** The absences of the students of a class that meet a date range (newest first). */
export async function absencesOfClass(
  organisationId: number,
  classId: number,
  from: Date,
  to: Date,
): Promise<AbsenceRow[]> {
  const students = await db.classMembership.findMany({
    where: { organisationId, classId, ...spanMeets(from, to) },
    select: { studentId: true },
  });
  const rows = await db.absence.findMany({
    where: {
      organisationId,
      studentId: { in: [...new Set(students.map((s) => s.studentId))] },
      dateFrom: { lte: to },
      dateTo: { gte: from },
    },
    orderBy: [{ dateFrom: "desc" }, { id: "desc" }],
    select: {
      ...ABSENCE_FIELDS,
      fileName: true,
      status: true,
      createdAt: true,
      student: { select: NAME_FIELDS },
      createdBy: { select: NAME_FIELDS },
      _count: { select: { lessons: true, notices: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    studentId: r.studentId,
    student: fullName(r.student),
    dateFrom: r.dateFrom,
    dateTo: r.dateTo,
    reason: r.reason as AbsenceReason,
    documentKind: r.documentKind,
    documentNumber: r.documentNumber,
    documentDate: r.documentDate,
    fileName: r.fileName,
    status: r.status,
    createdBy: fullName(r.createdBy),
    createdAt: r.createdAt,
    fromNotice: r._count.notices > 0,
    lessons: r._count.lessons,
  }));
}

/** One absence with what editing it needs. */
export async function absenceById(organisationId: number, id: number) {
  return db.absence.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: {
      ...ABSENCE_FIELDS,
      fileName: true,
      fileType: true,
      fileKey: true,
      status: true,
    },
  });
}

/** Active absences of a student meeting a range, other than `exceptId`. */
export async function overlappingAbsences(
  organisationId: number,
  studentId: number,
  from: Date,
  to: Date,
  exceptId: number | null,
) {
  return db.absence.findMany({
    where: {
      organisationId,
      studentId,
      status: "ACTIVE",
      dateFrom: { lte: to },
      dateTo: { gte: from },
      ...(exceptId !== null ? { id: { not: exceptId } } : {}),
    },
    select: { id: true, dateFrom: true, dateTo: true },
  });
}

/** Active absences covering a date (the daily job applies them when their days come). */
export async function activeAbsencesOn(organisationId: number, date: Date) {
  return db.absence.findMany({
    where: { organisationId, status: "ACTIVE", dateFrom: { lte: date }, dateTo: { gte: date } },
    select: { id: true },
  });
}

// ───────────── DUT-4: parents' notices ─────────────

/** One notice with what deciding on it needs. */
export async function noticeFor(organisationId: number, id: number) {
  return db.absenceNotice.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: {
      id: true,
      studentId: true,
      authorId: true,
      dateFrom: true,
      dateTo: true,
      reason: true,
      fileName: true,
      fileType: true,
      fileKey: true,
      status: true,
      createdAt: true,
    },
  });
}

/** The class teachers (curators, masters) of the class a student is in on a date: who gets the notice. */
export async function noticeClassTeachers(organisationId: number, studentId: number, date: Date): Promise<number[]> {
  const classId = await studentClassOn(organisationId, studentId, date);
  if (classId === null) return [];
  const rows = await db.classTeacher.findMany({ where: { organisationId, classId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

/** «Смирнов Артём» — a student as a push or a list names them (first name and surname). */
export async function studentNames(organisationId: number, ids: readonly number[]): Promise<Map<number, string>> {
  const rows = await db.student.findMany({
    where: { organisationId, id: { in: [...ids] } },
    select: { id: true, lastName: true, firstName: true },
  });
  return new Map(rows.map((s) => [s.id, `${s.lastName} ${s.firstName}`]));
}

export type NoticeRow = {
  id: number;
  studentId: number;
  student: string;
  author: string;
  dateFrom: Date;
  dateTo: Date;
  reason: "B" | "UP";
  comment: string | null;
  fileName: string | null;
  status: "PENDING" | "ACCEPTED" | "DECLINED";
  decidedBy: string | null;
  decidedAt: Date | null;
  declineReason: string | null;
  createdAt: Date;
};

const noticeSelect = {
  id: true,
  studentId: true,
  dateFrom: true,
  dateTo: true,
  reason: true,
  comment: true,
  fileName: true,
  status: true,
  decidedAt: true,
  declineReason: true,
  createdAt: true,
  student: { select: NAME_FIELDS },
  author: { select: NAME_FIELDS },
  decidedBy: { select: NAME_FIELDS },
} as const;

type NoticeRecord = {
  id: number;
  studentId: number;
  dateFrom: Date;
  dateTo: Date;
  reason: AttendanceCodeName;
  comment: string | null;
  fileName: string | null;
  status: "PENDING" | "ACCEPTED" | "DECLINED";
  decidedAt: Date | null;
  declineReason: string | null;
  createdAt: Date;
  student: { lastName: string; firstName: string; middleName: string | null };
  author: { lastName: string; firstName: string; middleName: string | null };
  decidedBy: { lastName: string; firstName: string; middleName: string | null } | null;
};

function noticeRow(n: NoticeRecord): NoticeRow {
  return {
    id: n.id,
    studentId: n.studentId,
    student: fullName(n.student),
    author: fullName(n.author),
    dateFrom: n.dateFrom,
    dateTo: n.dateTo,
    reason: n.reason === "UP" ? "UP" : "B",
    comment: n.comment,
    fileName: n.fileName,
    status: n.status,
    decidedBy: n.decidedBy ? fullName(n.decidedBy) : null,
    decidedAt: n.decidedAt,
    declineReason: n.declineReason,
    createdAt: n.createdAt,
  };
}

/** A family's notices about a child, newest first. */
export async function noticesOfStudent(organisationId: number, studentId: number, take = 30): Promise<NoticeRow[]> {
  const rows = await db.absenceNotice.findMany({
    where: { organisationId, studentId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: noticeSelect,
  });
  return rows.map(noticeRow);
}

/** Notices about the students of classes: pending ones, and those answered since `since`. */
export async function noticesOfClasses(
  organisationId: number,
  classIds: readonly number[] | null,
  today: Date,
  since: Date,
): Promise<NoticeRow[]> {
  let students: number[] | null = null;
  if (classIds) {
    const members = await db.classMembership.findMany({
      where: {
        organisationId,
        classId: { in: [...classIds] },
        ...spanMeets(today),
      },
      select: { studentId: true },
    });
    students = [...new Set(members.map((m) => m.studentId))];
  }
  const rows = await db.absenceNotice.findMany({
    where: {
      organisationId,
      ...(students ? { studentId: { in: students } } : {}),
      OR: [{ status: "PENDING" }, { decidedAt: { gte: since } }],
    },
    orderBy: [{ status: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: noticeSelect,
  });
  return rows.map(noticeRow).sort((a, b) => Number(b.status === "PENDING") - Number(a.status === "PENDING"));
}

/** The stored file of an absence's document or a notice's photo, with the student it belongs to. */
export async function documentFile(organisationId: number, kind: "absence" | "notice", id: number) {
  if (kind === "absence") {
    const a = await db.absence.findUnique({
      where: { organisationId_id: { organisationId, id } },
      select: { studentId: true, fileName: true, fileType: true, fileKey: true },
    });
    return a?.fileKey
      ? { studentId: a.studentId, authorId: null, fileName: a.fileName!, fileType: a.fileType!, fileKey: a.fileKey }
      : null;
  }
  const n = await db.absenceNotice.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { studentId: true, authorId: true, fileName: true, fileType: true, fileKey: true },
  });
  return n?.fileKey
    ? { studentId: n.studentId, authorId: n.authorId, fileName: n.fileName!, fileType: n.fileType!, fileKey: n.fileKey }
    : null;
}

/** An absence as the daily job applies it. */
export async function absenceForJob(organisationId: number, id: number) {
  return db.absence.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: {
      ...ABSENCE_FIELDS,
      status: true,
      createdById: true,
    },
  });
}

/** The students of a class on a date (the form's list), by name. */
export async function classRoll(organisationId: number, classId: number, date: Date) {
  const rows = await db.classMembership.findMany({
    where: { organisationId, classId, ...spanMeets(date) },
    select: { student: { select: { id: true, ...NAME_FIELDS } } },
  });
  return [...new Map(rows.map((r) => [r.student.id, { id: r.student.id, name: fullName(r.student) }])).values()].sort(
    (a, b) => compareRu(a.name, b.name),
  );
}
