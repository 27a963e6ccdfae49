// SCH-5: an exam / attestation slot; an examiner or a room already taken at that instant is refused.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import type { ExamInput } from "../schema";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";

export type ExamResult = { ok: true; id: number } | { ok: false; message: string };

export async function createExamSlot(
  organisationId: number,
  actorId: number,
  input: Omit<ExamInput, "date" | "time">,
  startsAt: Date,
): Promise<ExamResult> {
  return db.$transaction(async (tx) => {
    const [cls, subject] = [
      await tx.classGroup.findUnique({
        where: { organisationId_id: { organisationId, id: input.classId } },
        select: { id: true, year: { select: { status: true } } },
      }),
      await tx.subject.findUnique({
        where: { organisationId_id: { organisationId, id: input.subjectId } },
        select: { id: true },
      }),
    ];
    if (!cls || !subject) return { ok: false, message: "Группа или дисциплина не найдена" };
    // REC-2: a closed year's schedule is frozen.
    if (cls.year.status === "CLOSED") return { ok: false, message: YEAR_CLOSED_REASON };
    const clash = await tx.examSlot.findFirst({
      where: {
        organisationId,
        startsAt,
        OR: [
          ...(input.examinerId ? [{ examinerId: input.examinerId }] : []),
          ...(input.roomId ? [{ roomId: input.roomId }] : []),
          { classId: input.classId },
        ],
      },
      select: { class: { select: { name: true } }, examinerId: true, roomId: true, classId: true },
    });
    if (clash) {
      const what =
        clash.classId === input.classId
          ? "У группы"
          : clash.examinerId === input.examinerId
            ? "У экзаменатора"
            : "В аудитории";
      return { ok: false, message: `${what} в это время уже назначена аттестация (${clash.class.name})` };
    }
    const slot = await tx.examSlot.create({ data: { organisationId, ...input, startsAt }, select: { id: true } });
    await auditChange(tx, { organisationId, userId: actorId }, "exam.create", ["ExamSlot", slot.id], {
      classId: input.classId,
      subjectId: input.subjectId,
      kind: input.kind,
    });
    return { ok: true, id: slot.id };
  });
}
