// Writes of hospital marks (REC-6, seed 001 §5.6): the certificate, and the marks taken from it onto
// the subject's lessons of the stay — each a «оценка, полученная в больнице» (isHospital) pointing
// at the certificate, with its JournalChange (the certificate in the reason) — all in one
// transaction with one audit entry. A mark goes into the lesson's first assignment that has no
// mark of the student, or into a new one of the organisation's default type; a mark taken from the
// same certificate before is corrected in place.
import { type MarkKindName } from "@/lib/journal/marks";
import { isoDate } from "@/lib/org/time";
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { auditChange } from "@/lib/audit/mutations";
import { json, logAssignmentChange, markEntityKey } from "../mutations";

export async function createCertificate(a: {
  organisationId: number;
  userId: number;
  studentId: number;
  number: string;
  issuedOn: Date;
  stayFrom: Date;
  stayTo: Date;
  institution: string | null;
  now: Date;
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const row = await tx.hospitalCertificate.create({
      data: {
        organisationId: a.organisationId,
        studentId: a.studentId,
        number: a.number,
        issuedOn: a.issuedOn,
        stayFrom: a.stayFrom,
        stayTo: a.stayTo,
        institution: a.institution,
        createdById: a.userId,
        createdAt: a.now,
      },
      select: { id: true },
    });
    await auditChange(
      tx,
      { organisationId: a.organisationId, userId: a.userId },
      "hospital.certificate",
      ["HospitalCertificate", row.id],
      {
        studentId: a.studentId,
        number: a.number,
        issuedOn: isoDate(a.issuedOn),
        stayFrom: isoDate(a.stayFrom),
        stayTo: isoDate(a.stayTo),
      },
    );
    return row.id;
  });
}

export type HospitalMark = { lessonId: number; kind: MarkKindName; value: number | null };

export type HospitalOutcome = { ok: true; saved: number } | { ok: false; lessonId: number; message: string };

/** Rolls the whole save back: one refused lesson leaves nothing written. */
class Refused extends Error {
  constructor(
    readonly lessonId: number,
    message: string,
  ) {
    super(message);
  }
}

export async function writeHospitalMarks(a: {
  organisationId: number;
  userId: number;
  certificateId: number;
  studentId: number;
  marks: readonly HospitalMark[];
  /** «Справка № 12 от 01.12.2026 (больничная школа)» — kept in each mark's history. */
  reason: string;
  now: Date;
}): Promise<HospitalOutcome> {
  const { organisationId, studentId } = a;
  try {
    return await db.$transaction(
      async (tx) => {
        const type = await tx.assignmentType.findFirst({
          where: { organisationId, isActive: true },
          orderBy: [{ isControl: "asc" }, { sortOrder: "asc" }, { id: "asc" }],
          select: { id: true },
        });
        let saved = 0;
        for (const m of a.marks) {
          // The same lock as every writer of the lesson's marks (lib/journal/mutations.ts).
          await tx.$queryRaw`SELECT id FROM "Lesson" WHERE "organisationId" = ${organisationId} AND id = ${m.lessonId} FOR NO KEY UPDATE`;
          const assignments = await tx.assignment.findMany({
            where: { organisationId, lessonId: m.lessonId },
            orderBy: { id: "asc" },
            select: {
              id: true,
              marks: {
                where: { studentId },
                select: {
                  id: true,
                  certificateId: true,
                  kind: true,
                  value: true,
                  isHospital: true,
                  comment: true,
                  version: true,
                },
              },
            },
          });
          const own = assignments.find((x) => x.marks[0]?.certificateId === a.certificateId);
          const free = assignments.find((x) => x.marks.length === 0);
          let assignmentId = own?.id ?? free?.id ?? null;
          if (assignmentId === null) {
            if (assignments.length > 0) throw new Refused(m.lessonId, "У ученика уже есть отметка за этот урок");
            if (!type) throw new Refused(m.lessonId, "Не заданы типы заданий");
            const created = await tx.assignment.create({
              data: { organisationId, lessonId: m.lessonId, typeId: type.id, createdAt: a.now },
              select: { id: true },
            });
            assignmentId = created.id;
            await logAssignmentChange(tx, { organisationId, userId: a.userId, now: a.now }, m.lessonId, assignmentId, {
              reason: a.reason,
              newValue: { typeId: type.id },
            });
          }
          const key = markEntityKey(assignmentId, studentId);
          const before = own?.marks[0] ?? null;
          if (before && before.kind === m.kind && before.value === m.value) continue;
          const version = before
            ? before.version + 1
            : 1 + (await tx.journalChange.count({ where: { organisationId, entity: "MARK", entityKey: key } }));
          const fields = { kind: m.kind, value: m.value, isHospital: true, certificateId: a.certificateId };
          if (before)
            await tx.mark.update({
              where: { organisationId_id: { organisationId, id: before.id } },
              data: { ...fields, version, updatedById: a.userId, updatedAt: a.now },
            });
          else
            await tx.mark.create({
              data: {
                organisationId,
                lessonId: m.lessonId,
                assignmentId,
                studentId,
                ...fields,
                version,
                createdById: a.userId,
                updatedById: a.userId,
                createdAt: a.now,
                updatedAt: a.now,
              },
            });
          await tx.journalChange.create({
            data: {
              organisationId,
              entity: "MARK",
              lessonId: m.lessonId,
              studentId,
              entityKey: key,
              oldValue: before
                ? json({
                    kind: before.kind,
                    value: before.value,
                    isHospital: before.isHospital,
                    comment: before.comment,
                    version: before.version,
                  })
                : Prisma.DbNull,
              newValue: json({ kind: m.kind, value: m.value, isHospital: true, comment: null, version }),
              reason: a.reason,
              userId: a.userId,
              at: a.now,
            },
          });
          saved++;
        }
        await auditChange(
          tx,
          { organisationId, userId: a.userId },
          "hospital.marks",
          ["HospitalCertificate", a.certificateId],
          { studentId, saved, lessons: a.marks.map((m) => m.lessonId) },
        );
        return { ok: true as const, saved };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (e instanceof Refused) return { ok: false, lessonId: e.lessonId, message: e.message };
    throw e;
  }
}
