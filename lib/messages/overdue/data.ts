// Facts of the three-day rule (MSG-2): parents' messages to the class teacher of one of their
// children and that teacher's messages in the same conversations. Bound to the organisation.
import { spanMeets } from "@/lib/org/time";
import { db } from "@/lib/db";
import type { ParentQuestion, TeacherMessage } from "../rules";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

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
  const leads = await db.classTeacher.findMany({
    where: {
      organisationId,
      ...(classTeacherId !== null ? { userId: classTeacherId } : {}),
      class: { year: { status: { not: "CLOSED" } } },
    },
    select: {
      userId: true,
      user: { select: NAME_FIELDS },
      class: {
        select: {
          name: true,
          memberships: {
            where: spanMeets(today),
            select: { student: { select: { parentLinks: { select: { parent: { select: { userId: true } } } } } } },
          },
        },
      },
    },
  });
  // parent user → class teacher → class names
  const pairs = new Map<number, Map<number, string[]>>();
  const teacherNames = new Map<number, string>();
  for (const lead of leads) {
    teacherNames.set(lead.userId, fullName(lead.user));
    for (const m of lead.class.memberships) {
      for (const { parent } of m.student.parentLinks) {
        if (!parent.userId) continue;
        const byTeacher = pairs.get(parent.userId) ?? new Map<number, string[]>();
        const names = byTeacher.get(lead.userId) ?? [];
        if (!names.includes(lead.class.name)) names.push(lead.class.name);
        byTeacher.set(lead.userId, names);
        pairs.set(parent.userId, byTeacher);
      }
    }
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
