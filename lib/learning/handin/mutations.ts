// Writes of homework hand-ins (LRN-1): the homework's hand-in settings (with the journal's history
// and, when asked, a new assignment for the review mark), a student's hand-in (resubmitted until
// reviewed, files kept, added or removed), and the teacher's review. Each in one transaction.
import { db, rawStatement } from "@/lib/db";
import { homeworkEntityKey, json, logAssignmentChange } from "@/lib/journal/mutations";
import { Prisma } from "@/prisma/generated/prisma/client";
import type { StoredUpload } from "@/lib/storage/upload";
import { col } from "@/lib/sql";
import { SubmissionStatus } from "@/prisma/generated/prisma/enums";

type Who = { organisationId: number; userId: number; now: Date };

export type SettingsWrite = Who & {
  homeworkId: number;
  lessonId: number;
  /** null: the homework no longer asks for a hand-in. */
  on: {
    dueDate: Date;
    dueAt: Date;
    /** An assignment of the lesson, a new one of a type, or none. */
    markTarget: { assignmentId: number } | { typeId: number } | null;
  } | null;
};

/** Saves the hand-in settings; the homework's own due date follows the hand-in's (the diary shows one date). */
export async function writeHandinSettings(w: SettingsWrite): Promise<"ok" | "missing"> {
  return db.$transaction(async (tx) => {
    const current = await tx.homework.findUnique({
      where: { organisationId_id: { organisationId: w.organisationId, id: w.homeworkId } },
      select: { lessonId: true, dueDate: true, handin: true, handinDueAt: true, handinAssignmentId: true },
    });
    if (!current || current.lessonId !== w.lessonId) return "missing";
    let assignmentId: number | null = null;
    if (w.on?.markTarget && "assignmentId" in w.on.markTarget) {
      const a = await tx.assignment.findUnique({
        where: { organisationId_id: { organisationId: w.organisationId, id: w.on.markTarget.assignmentId } },
        select: { lessonId: true },
      });
      if (!a || a.lessonId !== w.lessonId) return "missing";
      assignmentId = w.on.markTarget.assignmentId;
    } else if (w.on?.markTarget && "typeId" in w.on.markTarget) {
      const type = await tx.assignmentType.findUnique({
        where: { organisationId_id: { organisationId: w.organisationId, id: w.on.markTarget.typeId } },
        select: { isActive: true },
      });
      if (!type?.isActive) return "missing";
      const created = await tx.assignment.create({
        data: {
          organisationId: w.organisationId,
          lessonId: w.lessonId,
          typeId: w.on.markTarget.typeId,
          description: "Сдача работы",
          dueDate: w.on.dueDate,
          createdAt: w.now,
        },
        select: { id: true },
      });
      assignmentId = created.id;
      await logAssignmentChange(tx, w, w.lessonId, created.id, {
        newValue: { typeId: w.on.markTarget.typeId, description: "Сдача работы", dueDate: w.on.dueDate },
      });
    }
    await tx.homework.update({
      where: { organisationId_id: { organisationId: w.organisationId, id: w.homeworkId } },
      data: w.on
        ? {
            handin: true,
            handinDueAt: w.on.dueAt,
            handinAssignmentId: assignmentId,
            dueDate: w.on.dueDate,
            version: { increment: 1 },
            updatedAt: w.now,
          }
        : { handin: false, handinDueAt: null, handinAssignmentId: null, updatedAt: w.now },
    });
    await tx.journalChange.create({
      data: {
        organisationId: w.organisationId,
        entity: "HOMEWORK",
        lessonId: w.lessonId,
        entityKey: homeworkEntityKey(w.homeworkId),
        userId: w.userId,
        at: w.now,
        oldValue: json({ handin: current.handin, handinDueAt: current.handinDueAt, dueDate: current.dueDate }),
        newValue: json(
          w.on
            ? { handin: true, handinDueAt: w.on.dueAt, dueDate: w.on.dueDate, assignmentId }
            : { handin: false, handinDueAt: null },
        ),
      },
    });
    return "ok";
  });
}

export type SubmissionWrite = Who & {
  homeworkId: number;
  studentId: number;
  text: string | null;
  files: StoredUpload[];
  removeFileIds: number[];
  isLate: boolean;
};

export type SubmissionResult =
  | { ok: true; id: number; attempts: number; removed: { storageKey: string }[] }
  | { ok: false; reason: "reviewed" | "empty" | "too-many" | "conflict" };

/** Locks the student's submission of a homework; its id and status (LRN-2). */
export const SUBMISSION_LOCK = rawStatement(
  { id: col.int, status: col.enum(SubmissionStatus) },
  (organisationId: number, homeworkId: number, studentId: number) => Prisma.sql`
        SELECT id, status::text AS status FROM "HomeworkSubmission"
         WHERE "organisationId" = ${organisationId} AND "homeworkId" = ${homeworkId} AND "studentId" = ${studentId}
         FOR UPDATE`,
);

/**
 * Hands in or hands in again: the row of (homework, student) is locked, a reviewed one refuses; the
 * text is replaced, kept files stay unless removed, new files are added. At least text or one file.
 */
export async function writeSubmission(w: SubmissionWrite, maxFiles: number): Promise<SubmissionResult> {
  try {
    return await db.$transaction(async (tx) => {
      const rows = await SUBMISSION_LOCK.run(tx, w.organisationId, w.homeworkId, w.studentId);
      const current = rows[0] ?? null;
      if (current?.status === "REVIEWED") return { ok: false, reason: "reviewed" } as const;
      const kept = current
        ? await tx.attachment.findMany({
            where: { organisationId: w.organisationId, submissionId: current.id },
            select: { id: true, storageKey: true },
          })
        : [];
      const removed = kept.filter((f) => w.removeFileIds.includes(f.id));
      const remaining = kept.length - removed.length + w.files.length;
      if (remaining > maxFiles) return { ok: false, reason: "too-many" } as const;
      if (!w.text && remaining === 0) return { ok: false, reason: "empty" } as const;
      const data = {
        text: w.text,
        status: "SUBMITTED" as const,
        submittedAt: w.now,
        submittedById: w.userId,
        isLate: w.isLate,
      };
      const row = current
        ? await tx.homeworkSubmission.update({
            where: { organisationId_id: { organisationId: w.organisationId, id: current.id } },
            data: { ...data, attempts: { increment: 1 }, version: { increment: 1 } },
            select: { id: true, attempts: true },
          })
        : await tx.homeworkSubmission.create({
            data: { organisationId: w.organisationId, homeworkId: w.homeworkId, studentId: w.studentId, ...data },
            select: { id: true, attempts: true },
          });
      if (removed.length)
        await tx.attachment.deleteMany({
          where: { organisationId: w.organisationId, submissionId: row.id, id: { in: removed.map((f) => f.id) } },
        });
      for (const f of w.files) {
        await tx.attachment.create({
          data: {
            organisationId: w.organisationId,
            submissionId: row.id,
            uploadedById: w.userId,
            createdAt: w.now,
            ...f,
          },
        });
      }
      return { ok: true, id: row.id, attempts: row.attempts, removed } as const;
    });
  } catch (e) {
    // Two first hand-ins of one student at once: the unique (homework, student) lets one in.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002")
      return { ok: false, reason: "conflict" };
    throw e;
  }
}

/** The review: comment and the state (reviewed, or returned for revision), only over the version the teacher saw. */
export async function writeReview(
  w: Who & { submissionId: number; version: number; comment: string | null; status: "REVIEWED" | "RETURNED" },
): Promise<"ok" | "conflict"> {
  const updated = await db.homeworkSubmission.updateMany({
    where: { organisationId: w.organisationId, id: w.submissionId, version: w.version },
    data: {
      status: w.status,
      reviewComment: w.comment,
      reviewedById: w.userId,
      reviewedAt: w.now,
      version: { increment: 1 },
    },
  });
  return updated.count === 1 ? "ok" : "conflict";
}
