// Writes of a lesson's own fields (JRN-2, JRN-7, JRN-8): topic and content, homework with files,
// assignments, a control work's specification and per-student protocol. Topic and homework carry
// versions (NFR-3); every change is appended to JournalChange with its old and new value.
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { pushOutboxSql } from "@/lib/push/mutations";
import type { StoredScopeCheck } from "@/lib/access/stored";
import { homeworkEntityKey, json, lessonEntityKey, logAssignmentChange } from "../mutations";

/** `reason`: why a closed date changed (ADMIN's unlock, JRN-6 / REC-1), kept in the history. */
type Who = { organisationId: number; userId: number; now: Date; reason?: string | null };

export async function writeLessonTopic(
  w: Who & {
    lessonId: number;
    version: number;
    topic: string | null;
    content: string | null;
    planTopicId: number | null;
    hours: number | null;
  },
): Promise<"ok" | "conflict" | "missing"> {
  return db.$transaction(async (tx) => {
    const current = await tx.lesson.findUnique({
      where: { organisationId_id: { organisationId: w.organisationId, id: w.lessonId } },
      select: { topic: true, content: true, planTopicId: true, hours: true, version: true, filledAt: true },
    });
    if (!current) return "missing";
    if (w.planTopicId !== null) {
      const topic = await tx.planTopic.findUnique({
        where: { organisationId_id: { organisationId: w.organisationId, id: w.planTopicId } },
        select: { id: true },
      });
      if (!topic) return "missing";
    }
    const updated = await tx.lesson.updateMany({
      where: { organisationId: w.organisationId, id: w.lessonId, version: w.version },
      data: {
        topic: w.topic,
        content: w.content,
        planTopicId: w.planTopicId,
        ...(w.hours !== null ? { hours: w.hours } : {}),
        version: { increment: 1 },
        filledAt: current.filledAt ?? w.now,
        updatedAt: w.now,
      },
    });
    if (updated.count !== 1) return "conflict";
    await tx.journalChange.create({
      data: {
        organisationId: w.organisationId,
        entity: "TOPIC",
        lessonId: w.lessonId,
        entityKey: lessonEntityKey(w.lessonId),
        userId: w.userId,
        at: w.now,
        reason: w.reason ?? null,
        oldValue: json({ topic: current.topic, content: current.content, hours: Number(current.hours) }),
        newValue: json({ topic: w.topic, content: w.content, hours: w.hours ?? Number(current.hours) }),
      },
    });
    return "ok";
  });
}

export type NewFile = { fileName: string; mimeType: string; size: number; sha256: string; storageKey: string };

export async function writeHomework(
  w: Who & {
    lessonId: number;
    version: number;
    text: string;
    dueDate: Date | null;
    files: NewFile[];
    removeFileIds: number[];
    /** API-4: queue the families' push when the text is new or changed (the caller's decision). */
    push?: boolean;
  },
): Promise<"ok" | "conflict"> {
  const result = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Lesson" WHERE "organisationId" = ${w.organisationId} AND id = ${w.lessonId} FOR NO KEY UPDATE`;
    const current = await tx.homework.findFirst({
      where: { organisationId: w.organisationId, lessonId: w.lessonId },
      orderBy: { id: "asc" },
      select: { id: true, text: true, dueDate: true, version: true, files: { select: { id: true, fileName: true } } },
    });
    if ((current?.version ?? 0) !== w.version) return "conflict";
    let homeworkId = current?.id ?? null;
    // DUT-6: homework given replaces an earlier «не задано» marker.
    await tx.lesson.updateMany({
      where: { organisationId: w.organisationId, id: w.lessonId, homeworkMarker: { not: null } },
      data: { homeworkMarker: null },
    });
    if (current) {
      await tx.homework.update({
        where: { organisationId_id: { organisationId: w.organisationId, id: current.id } },
        data: { text: w.text, dueDate: w.dueDate, version: { increment: 1 }, updatedAt: w.now },
      });
    } else {
      const created = await tx.homework.create({
        data: {
          organisationId: w.organisationId,
          lessonId: w.lessonId,
          text: w.text,
          dueDate: w.dueDate,
          createdById: w.userId,
          createdAt: w.now,
          updatedAt: w.now,
        },
        select: { id: true },
      });
      homeworkId = created.id;
    }
    const removable = (current?.files ?? []).filter((f) => w.removeFileIds.includes(f.id)).map((f) => f.id);
    if (removable.length)
      await tx.attachment.deleteMany({
        where: { organisationId: w.organisationId, id: { in: removable }, homeworkId: homeworkId! },
      });
    for (const f of w.files) {
      await tx.attachment.create({
        data: {
          organisationId: w.organisationId,
          homeworkId: homeworkId!,
          uploadedById: w.userId,
          createdAt: w.now,
          ...f,
        },
      });
    }
    await tx.journalChange.create({
      data: {
        organisationId: w.organisationId,
        entity: "HOMEWORK",
        lessonId: w.lessonId,
        entityKey: homeworkEntityKey(homeworkId!),
        userId: w.userId,
        at: w.now,
        reason: w.reason ?? null,
        oldValue: json(
          current
            ? { text: current.text, dueDate: current.dueDate, files: current.files.map((f) => f.fileName) }
            : null,
        ),
        newValue: json({
          text: w.text,
          dueDate: w.dueDate,
          added: w.files.map((f) => f.fileName),
          removed: removable.length,
        }),
      },
    });
    // API-4: a new or changed text queues the families' push job with the write (the worker sends
    // it after the commit, lib/push/jobs.ts); only files added or removed: no push.
    if (w.push && current?.text !== w.text)
      await tx.$executeRaw`${pushOutboxSql(w.organisationId, w.userId, { event: "homework", lessonId: w.lessonId, text: w.text })}`;
    return "ok";
  });
  return result;
}

export type HomeworkMarkerName = "NOT_GIVEN" | "NOT_PROVIDED";

/**
 * DUT-6: the explicit «не задано» / «не предусмотрено» instead of homework (null clears it), with
 * its history row (entity HOMEWORK). «has-homework»: the lesson has homework text — the marker
 * would contradict it.
 */
export async function writeHomeworkMarker(
  w: Who & { lessonId: number; marker: HomeworkMarkerName | null },
): Promise<"ok" | "missing" | "has-homework" | "same"> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Lesson" WHERE "organisationId" = ${w.organisationId} AND id = ${w.lessonId} FOR NO KEY UPDATE`;
    const lesson = await tx.lesson.findUnique({
      where: { organisationId_id: { organisationId: w.organisationId, id: w.lessonId } },
      select: { homeworkMarker: true, _count: { select: { homework: true } } },
    });
    if (!lesson) return "missing";
    if (w.marker !== null && lesson._count.homework > 0) return "has-homework";
    if (lesson.homeworkMarker === w.marker) return "same";
    await tx.lesson.update({
      where: { organisationId_id: { organisationId: w.organisationId, id: w.lessonId } },
      data: { homeworkMarker: w.marker, updatedAt: w.now },
    });
    await tx.journalChange.create({
      data: {
        organisationId: w.organisationId,
        entity: "HOMEWORK",
        lessonId: w.lessonId,
        entityKey: `${lessonEntityKey(w.lessonId)}:homework-marker`,
        userId: w.userId,
        at: w.now,
        reason: w.reason ?? null,
        oldValue: json(lesson.homeworkMarker ? { marker: lesson.homeworkMarker } : null),
        newValue: json(w.marker ? { marker: w.marker } : null),
      },
    });
    return "ok";
  });
}

export async function homeworkFileCount(organisationId: number, lessonId: number): Promise<number> {
  return db.attachment.count({ where: { organisationId, homework: { lessonId } } });
}

export type AssignmentFields = {
  typeId: number;
  description: string | null;
  weight: number | null;
  dueDate: Date | null;
};

export async function writeAssignment(
  w: Who & {
    lessonId: number;
    assignmentId: number | null;
    fields: AssignmentFields | null;
    /** SEC-2: the stored assignment's own lesson is authorised too (every action passes it). */
    inScope?: StoredScopeCheck;
  },
): Promise<"ok" | "missing" | "has-marks" | "nothing"> {
  // JRN-7: a «delete» of an assignment never stored changes nothing, so it writes nothing — no history row.
  if (w.assignmentId === null && w.fields === null) return "nothing";
  return db.$transaction(async (tx) => {
    if (w.fields) {
      const type = await tx.assignmentType.findUnique({
        where: { organisationId_id: { organisationId: w.organisationId, id: w.fields.typeId } },
        select: { id: true },
      });
      if (!type) return "missing";
    }
    let old: unknown = null;
    let id = w.assignmentId;
    if (id !== null) {
      const current = await tx.assignment.findUnique({
        where: { organisationId_id: { organisationId: w.organisationId, id } },
        select: {
          lessonId: true,
          typeId: true,
          description: true,
          weight: true,
          dueDate: true,
          _count: { select: { marks: true } },
        },
      });
      if (!current) return "missing";
      await w.inScope?.(tx, { kind: "lesson", lessonId: current.lessonId });
      if (current.lessonId !== w.lessonId) return "missing";
      old = {
        typeId: current.typeId,
        description: current.description,
        weight: current.weight === null ? null : Number(current.weight),
        dueDate: current.dueDate,
      };
      if (w.fields === null) {
        if (current._count.marks > 0) return "has-marks";
        await tx.controlProtocol.deleteMany({ where: { organisationId: w.organisationId, assignmentId: id } });
        await tx.assignment.delete({ where: { organisationId_id: { organisationId: w.organisationId, id } } });
      } else {
        await tx.assignment.update({
          where: { organisationId_id: { organisationId: w.organisationId, id } },
          data: w.fields,
        });
      }
    } else {
      // No stored assignment, so `fields` is set: the «delete» of nothing returned above.
      const created = await tx.assignment.create({
        data: { organisationId: w.organisationId, lessonId: w.lessonId, ...w.fields!, createdAt: w.now },
        select: { id: true },
      });
      id = created.id;
    }
    await logAssignmentChange(tx, w, w.lessonId, id, { reason: w.reason, oldValue: old, newValue: w.fields });
    return "ok";
  });
}

/** JRN-8: the specification of a diagnostic work and the per-student results by task. */
export async function writeProtocol(
  w: Who & {
    lessonId: number;
    assignmentId: number;
    tasks: number[];
    results: { studentId: number; points: (number | null)[] }[];
    /** SEC-2: the stored assignment's own lesson is authorised too (every action passes it). */
    inScope?: StoredScopeCheck;
  },
): Promise<"ok" | "missing"> {
  return db.$transaction(async (tx) => {
    const a = await tx.assignment.findUnique({
      where: { organisationId_id: { organisationId: w.organisationId, id: w.assignmentId } },
      select: { lessonId: true },
    });
    if (!a) return "missing";
    await w.inScope?.(tx, { kind: "lesson", lessonId: a.lessonId });
    if (a.lessonId !== w.lessonId) return "missing";
    await tx.assignment.update({
      where: { organisationId_id: { organisationId: w.organisationId, id: w.assignmentId } },
      data: { specification: json({ tasks: w.tasks.map((max, i) => ({ n: i + 1, max })) }) },
    });
    for (const r of w.results) {
      const data = { results: json({ points: r.points }) as Prisma.InputJsonValue };
      await tx.controlProtocol.upsert({
        where: {
          organisationId_assignmentId_studentId: {
            organisationId: w.organisationId,
            assignmentId: w.assignmentId,
            studentId: r.studentId,
          },
        },
        create: { organisationId: w.organisationId, assignmentId: w.assignmentId, studentId: r.studentId, ...data },
        update: data,
      });
    }
    await logAssignmentChange(tx, w, w.lessonId, w.assignmentId, {
      reason: w.reason,
      newValue: { protocol: { tasks: w.tasks, students: w.results.length } },
    });
    return "ok";
  });
}

export async function protocolOf(organisationId: number, assignmentId: number) {
  const [a, rows] = await Promise.all([
    db.assignment.findUnique({
      where: { organisationId_id: { organisationId, id: assignmentId } },
      select: { lessonId: true, specification: true },
    }),
    db.controlProtocol.findMany({
      where: { organisationId, assignmentId },
      select: { studentId: true, results: true },
    }),
  ]);
  return a ? { lessonId: a.lessonId, specification: a.specification, rows } : null;
}
