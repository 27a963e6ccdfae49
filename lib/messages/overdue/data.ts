// Facts of the three-day rule (MSG-2): parents' messages to the class teacher of one of their
// children and that teacher's messages in the same conversations. Bound to the organisation.
import { isoDate } from "@/lib/org/time";
import { db, rawStatement } from "@/lib/db";
import { col } from "@/lib/sql";
import { Prisma } from "@/prisma/generated/prisma/client";
import type { ParentQuestion, TeacherMessage } from "../rules";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

/**
 * The parents with a login of the students in a class on `day`, with the class's teacher (every class
 * teacher of a year not closed, or only `classTeacherId`) and the teacher's name: whom a parent may
 * ask as their child's class teacher (MSG-2).
 */
export const PARENT_TEACHER_PAIRS = rawStatement(
  {
    parentUserId: col.int,
    teacherId: col.int,
    className: col.text,
    lastName: col.text,
    firstName: col.text,
    middleName: col.text.nullable(),
  },
  (organisationId: number, classTeacherId: number | null, day: string) => Prisma.sql`
      SELECT DISTINCT p."userId" AS "parentUserId", ct."userId" AS "teacherId", c.name AS "className",
             u."lastName", u."firstName", u."middleName"
        FROM "ClassTeacher" ct
        JOIN "User" u ON u."organisationId" = ct."organisationId" AND u.id = ct."userId"
        JOIN "ClassGroup" c ON c."organisationId" = ct."organisationId" AND c.id = ct."classId"
        JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId"
        JOIN "ClassMembership" m ON m."organisationId" = c."organisationId" AND m."classId" = c.id
        JOIN "ParentLink" l ON l."organisationId" = m."organisationId" AND l."studentId" = m."studentId"
        JOIN "Parent" p ON p."organisationId" = l."organisationId" AND p.id = l."parentId"
       WHERE ct."organisationId" = ${organisationId}
         AND (${classTeacherId}::int IS NULL OR ct."userId" = ${classTeacherId}::int)
         AND y.status <> 'CLOSED'
         AND m."startDate" <= ${day}::date AND (m."endDate" IS NULL OR m."endDate" >= ${day}::date)
         AND p."userId" IS NOT NULL
       ORDER BY p."userId", ct."userId", c.name`,
);

export type QuestionFacts = {
  questions: (ParentQuestion & { subject: string; parentName: string; teacherName: string; classNames: string[] })[];
  teacherMessages: TeacherMessage[];
};

/**
 * Questions (messages that open a conversation) sent since `since` by parents to a class teacher of their child's current class
 * (all class teachers, or only `classTeacherId`), with the teachers' messages in those threads.
 */
export async function parentQuestionFacts(
  organisationId: number,
  classTeacherId: number | null,
  today: Date,
  since: Date,
): Promise<QuestionFacts> {
  // One row per (parent login, class teacher, class): the class's members today and their parents
  // with a login — joined in the database, not read as nested rows (issue 22 item 7: a school's
  // ~1,200 memberships and ~2,400 parent links were seven statements and ~7,500 objects).
  const rows = await PARENT_TEACHER_PAIRS.run(db, organisationId, classTeacherId, isoDate(today));
  // parent user → class teacher → class names
  const pairs = new Map<number, Map<number, string[]>>();
  const teacherNames = new Map<number, string>();
  for (const r of rows) {
    teacherNames.set(r.teacherId, fullName(r));
    const byTeacher = pairs.get(r.parentUserId) ?? new Map<number, string[]>();
    const names = byTeacher.get(r.teacherId) ?? [];
    if (!names.includes(r.className)) names.push(r.className);
    byTeacher.set(r.teacherId, names);
    pairs.set(r.parentUserId, byTeacher);
  }
  if (pairs.size === 0) return { questions: [], teacherMessages: [] };

  const teacherIds = [...teacherNames.keys()];
  const sent = await db.message.findMany({
    where: {
      organisationId,
      senderId: { in: [...pairs.keys()] },
      // A question opens a conversation; the parent's replies inside one («Спасибо!», «справку
      // передадим») are not new questions.
      replyToId: null,
      createdAt: { gte: since },
      recipients: { some: { userId: { in: teacherIds } } },
    },
    select: {
      id: true,
      threadId: true,
      subject: true,
      createdAt: true,
      senderId: true,
      sender: { select: NAME_FIELDS },
      recipients: { where: { userId: { in: teacherIds } }, select: { userId: true } },
    },
  });
  const questions: QuestionFacts["questions"] = [];
  for (const m of sent) {
    const byTeacher = pairs.get(m.senderId);
    for (const r of m.recipients) {
      const classNames = byTeacher?.get(r.userId);
      if (!classNames) continue; // written to a teacher who is not their child's class teacher
      questions.push({
        messageId: m.id,
        threadKey: m.threadId ?? m.id,
        parentUserId: m.senderId,
        classTeacherId: r.userId,
        createdAt: m.createdAt,
        subject: m.subject,
        parentName: fullName(m.sender),
        teacherName: teacherNames.get(r.userId) ?? "",
        classNames,
      });
    }
  }
  if (questions.length === 0) return { questions, teacherMessages: [] };

  const threadKeys = [...new Set(questions.map((q) => q.threadKey))];
  const replies = await db.message.findMany({
    where: {
      organisationId,
      senderId: { in: [...new Set(questions.map((q) => q.classTeacherId))] },
      OR: [{ threadId: { in: threadKeys } }, { id: { in: threadKeys } }],
    },
    select: { id: true, threadId: true, senderId: true, createdAt: true, recipients: { select: { userId: true } } },
  });
  return {
    questions,
    teacherMessages: replies.map((m) => ({
      threadKey: m.threadId ?? m.id,
      senderId: m.senderId,
      recipientIds: m.recipients.map((r) => r.userId),
      createdAt: m.createdAt,
    })),
  };
}
