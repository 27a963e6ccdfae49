// Reads of homework hand-ins (LRN-1). Every query is bound to the organisation; the callers have
// authorised the lesson or the student before they show anything read here.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import type { MembershipSpan } from "@/lib/journal/rules";
import type { SubmissionStatusName } from "./rules";
import { NAME_FIELDS } from "@/lib/people/names";
import { compareRu } from "@/lib/org/collation";

/** A homework with its lesson and what the hand-in rules need (time zone, the year's state). */
export async function homeworkForHandin(organisationId: number, homeworkId: number) {
  const h = await db.homework.findUnique({
    where: { organisationId_id: { organisationId, id: homeworkId } },
    select: {
      id: true,
      text: true,
      dueDate: true,
      version: true,
      handin: true,
      handinDueAt: true,
      handinAssignmentId: true,
      files: { select: { id: true, fileName: true, size: true }, orderBy: { id: "asc" } },
      lesson: {
        select: {
          id: true,
          classId: true,
          subgroupId: true,
          subjectId: true,
          teacherId: true,
          substituteId: true,
          date: true,
          status: true,
          subject: { select: { name: true } },
          class: { select: { name: true, grade: true, year: { select: { status: true } } } },
          organisation: { select: { timeZone: true } },
        },
      },
    },
  });
  return h;
}
export type HandinHomework = NonNullable<Awaited<ReturnType<typeof homeworkForHandin>>>;

/** The student's stays in a class (movement book) and whether they are in a subgroup — for the lesson-date rule. */
export async function studentPlace(
  organisationId: number,
  studentId: number,
  classId: number,
  subgroupId: number | null,
): Promise<{ spans: MembershipSpan[]; subgroups: Set<number> }> {
  const [spans, member] = await Promise.all([
    db.classMembership.findMany({
      where: { organisationId, studentId, classId },
      select: { studentId: true, startDate: true, endDate: true, educationForm: true },
    }),
    subgroupId === null
      ? null
      : db.subgroupMember.findUnique({
          where: { organisationId_subgroupId_studentId: { organisationId, subgroupId, studentId } },
          select: { subgroupId: true },
        }),
  ]);
  return { spans, subgroups: new Set(member ? [member.subgroupId] : []) };
}

const SUBMISSION_SELECT = {
  id: true,
  homeworkId: true,
  studentId: true,
  text: true,
  status: true,
  submittedAt: true,
  isLate: true,
  attempts: true,
  version: true,
  reviewComment: true,
  reviewedAt: true,
  reviewer: { select: NAME_FIELDS },
  files: { select: { id: true, fileName: true, size: true, mimeType: true }, orderBy: { id: "asc" } },
} as const;

export async function submissionOf(organisationId: number, homeworkId: number, studentId: number) {
  return db.homeworkSubmission.findUnique({
    where: { organisationId_homeworkId_studentId: { organisationId, homeworkId, studentId } },
    select: SUBMISSION_SELECT,
  });
}
export type SubmissionRow = NonNullable<Awaited<ReturnType<typeof submissionOf>>>;

export async function submissionById(organisationId: number, id: number) {
  return db.homeworkSubmission.findUnique({
    where: { organisationId_id: { organisationId, id } },
    select: { ...SUBMISSION_SELECT, status: true },
  });
}

/** The mark of a student in an assignment's cell (the review writes through the journal with its version). */
export async function markInCell(organisationId: number, assignmentId: number, studentId: number) {
  return db.mark.findUnique({
    where: { organisationId_assignmentId_studentId: { organisationId, assignmentId, studentId } },
    select: { kind: true, value: true, isHospital: true, comment: true, version: true },
  });
}

export type RosterRow = {
  studentId: number;
  lastName: string;
  firstName: string;
  middleName: string | null;
  submission: SubmissionRow | null;
  mark: { kind: string; value: number | null; comment: string | null; version: number } | null;
};

/** The students of a lesson on its date (class stay, subgroup) with their hand-ins and marks in the hand-in assignment. */
export async function lessonRoster(
  organisationId: number,
  lesson: { id: number; classId: number; subgroupId: number | null; date: Date },
  homeworkId: number,
  assignmentId: number | null,
): Promise<RosterRow[]> {
  const [members, submissions, marks] = await Promise.all([
    db.classMembership.findMany({
      where: {
        organisationId,
        classId: lesson.classId,
        ...spanMeets(lesson.date),
        ...(lesson.subgroupId !== null
          ? { student: { subgroups: { some: { organisationId, subgroupId: lesson.subgroupId } } } }
          : {}),
      },
      select: { student: { select: { id: true, ...NAME_FIELDS } } },
    }),
    db.homeworkSubmission.findMany({ where: { organisationId, homeworkId }, select: SUBMISSION_SELECT }),
    assignmentId === null
      ? []
      : db.mark.findMany({
          where: { organisationId, assignmentId },
          select: { studentId: true, kind: true, value: true, comment: true, version: true },
        }),
  ]);
  const byStudent = new Map(submissions.map((s) => [s.studentId, s]));
  const markOf = new Map(marks.map((m) => [m.studentId, m]));
  const seen = new Set<number>();
  const rows: RosterRow[] = [];
  for (const { student } of members) {
    if (seen.has(student.id)) continue;
    seen.add(student.id);
    rows.push({
      studentId: student.id,
      lastName: student.lastName,
      firstName: student.firstName,
      middleName: student.middleName,
      submission: byStudent.get(student.id) ?? null,
      mark: markOf.get(student.id) ?? null,
    });
  }
  // A hand-in of a student who has since left the class stays visible.
  for (const s of submissions) if (!seen.has(s.studentId)) rows.push(await leftStudentRow(organisationId, s, markOf));
  return rows.sort((a, b) => compareRu(`${a.lastName} ${a.firstName}`, `${b.lastName} ${b.firstName}`));
}

async function leftStudentRow(
  organisationId: number,
  s: SubmissionRow,
  markOf: Map<number, RosterRow["mark"] & { studentId: number }>,
): Promise<RosterRow> {
  const st = await db.student.findUnique({
    where: { organisationId_id: { organisationId, id: s.studentId } },
    select: NAME_FIELDS,
  });
  return {
    studentId: s.studentId,
    lastName: st?.lastName ?? "",
    firstName: st?.firstName ?? "",
    middleName: st?.middleName ?? null,
    submission: s,
    mark: markOf.get(s.studentId) ?? null,
  };
}

/** The homework of a lesson (the lesson panel's hand-in section). */
export async function homeworkOfLesson(organisationId: number, lessonId: number) {
  return db.homework.findFirst({
    where: { organisationId, lessonId },
    orderBy: { id: "asc" },
    select: { id: true },
  });
}

/** The assignments of a lesson and the organisation's active assignment types (the mark target choice). */
export async function markTargets(organisationId: number, lessonId: number) {
  const [assignments, types] = await Promise.all([
    db.assignment.findMany({
      where: { organisationId, lessonId },
      orderBy: { id: "asc" },
      select: { id: true, description: true, type: { select: { name: true } } },
    }),
    db.assignmentType.findMany({
      where: { organisationId, isActive: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
  ]);
  return { assignments, types };
}

export type TeacherHandinRow = {
  homeworkId: number;
  lessonId: number;
  date: Date;
  className: string;
  subjectName: string;
  text: string;
  dueAt: Date | null;
  statuses: { status: SubmissionStatusName; isLate: boolean }[];
  students: number;
};

/**
 * Homework asking for a hand-in on lessons since a date — of one teacher (taught or substituted),
 * or of every teacher (null) — newest first, with each hand-in's state and the class size on the date.
 */
export async function handinHomework(
  organisationId: number,
  where: { teacherId: number | null; since: Date },
): Promise<TeacherHandinRow[]> {
  const rows = await db.homework.findMany({
    where: {
      organisationId,
      handin: true,
      lesson: {
        date: { gte: where.since },
        ...(where.teacherId !== null
          ? { OR: [{ teacherId: where.teacherId }, { substituteId: where.teacherId }] }
          : {}),
      },
    },
    orderBy: [{ lesson: { date: "desc" } }, { id: "desc" }],
    take: 200,
    select: {
      id: true,
      text: true,
      handinDueAt: true,
      lesson: {
        select: {
          id: true,
          date: true,
          classId: true,
          subgroupId: true,
          class: { select: { name: true } },
          subject: { select: { name: true } },
        },
      },
      submissions: { select: { status: true, isLate: true } },
    },
  });
  const counts = await Promise.all(
    rows.map((r) =>
      db.classMembership.count({
        where: {
          organisationId,
          classId: r.lesson.classId,
          ...spanMeets(r.lesson.date),
          ...(r.lesson.subgroupId !== null
            ? { student: { subgroups: { some: { organisationId, subgroupId: r.lesson.subgroupId } } } }
            : {}),
        },
      }),
    ),
  );
  return rows.map((r, i) => ({
    homeworkId: r.id,
    lessonId: r.lesson.id,
    date: r.lesson.date,
    className: r.lesson.class.name,
    subjectName: r.lesson.subject.name,
    text: r.text,
    dueAt: r.handinDueAt,
    statuses: r.submissions,
    students: counts[i],
  }));
}

/** Homework asking for a hand-in on a student's lessons between two dates (or one of them), with the student's hand-in. */
export async function studentHandins(
  organisationId: number,
  studentId: number,
  from: Date,
  to: Date,
  homeworkId?: number,
) {
  const stays = await db.classMembership.findMany({
    where: { organisationId, studentId, ...spanMeets(from, to) },
    select: { classId: true, startDate: true, endDate: true },
  });
  if (stays.length === 0) return [];
  const subgroups = await db.subgroupMember.findMany({
    where: { organisationId, studentId },
    select: { subgroupId: true },
  });
  const rows = await db.homework.findMany({
    where: {
      organisationId,
      handin: true,
      ...(homeworkId !== undefined ? { id: homeworkId } : {}),
      lesson: {
        classId: { in: [...new Set(stays.map((s) => s.classId))] },
        date: { gte: from, lte: to },
        OR: [{ subgroupId: null }, { subgroupId: { in: subgroups.map((s) => s.subgroupId) } }],
      },
    },
    orderBy: [{ lesson: { date: "asc" } }, { id: "asc" }],
    select: {
      id: true,
      text: true,
      handinDueAt: true,
      handinAssignmentId: true,
      lesson: { select: { id: true, date: true, classId: true, subject: { select: { name: true } } } },
      submissions: { where: { studentId }, select: SUBMISSION_SELECT },
    },
  });
  const inStay = (classId: number, date: Date) =>
    stays.some((s) => s.classId === classId && s.startDate <= date && (s.endDate === null || s.endDate >= date));
  const kept = rows.filter((r) => inStay(r.lesson.classId, r.lesson.date));
  const marks = await db.mark.findMany({
    where: {
      organisationId,
      studentId,
      assignmentId: { in: kept.flatMap((r) => (r.handinAssignmentId !== null ? [r.handinAssignmentId] : [])) },
    },
    select: { assignmentId: true, kind: true, value: true, comment: true },
  });
  return kept.map((r) => ({
    ...r,
    submission: r.submissions[0] ?? null,
    mark: marks.find((m) => m.assignmentId === r.handinAssignmentId) ?? null,
  }));
}

/** A hand-in file with what its download is authorised on: the student and the lesson. */
export async function submissionFile(organisationId: number, fileId: number) {
  return db.attachment.findUnique({
    where: { organisationId_id: { organisationId, id: fileId } },
    select: {
      fileName: true,
      mimeType: true,
      storageKey: true,
      submission: { select: { studentId: true, homeworkId: true, homework: { select: { lessonId: true } } } },
    },
  });
}

export async function studentNameOf(organisationId: number, studentId: number) {
  return db.student.findUnique({
    where: { organisationId_id: { organisationId, id: studentId } },
    select: NAME_FIELDS,
  });
}
