// JRN-6: the teacher's request to open a locked date and ADMIN's decision. Both are kept (who,
// when, why); an approval opens the date for the class and subject for 12 hours from the decision
// and is written to the audit log in the same transaction.
import { isoDate } from "@/lib/org/time";
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { unlockEnd } from "../rules";

export async function createUnlockRequest(a: {
  organisationId: number;
  requesterId: number;
  classId: number;
  subjectId: number;
  date: Date;
  reason: string;
  now: Date;
}): Promise<{ id: number; duplicate: boolean }> {
  const pending = await db.unlockRequest.findFirst({
    where: {
      organisationId: a.organisationId,
      classId: a.classId,
      subjectId: a.subjectId,
      date: a.date,
      status: "PENDING",
    },
    select: { id: true },
  });
  if (pending) return { id: pending.id, duplicate: true };
  const row = await db.unlockRequest.create({
    data: {
      organisationId: a.organisationId,
      classId: a.classId,
      subjectId: a.subjectId,
      date: a.date,
      reason: a.reason,
      requesterId: a.requesterId,
      createdAt: a.now,
    },
    select: { id: true },
  });
  return { id: row.id, duplicate: false };
}

export type Decision = { approve: boolean; note: string | null };

/** Decides a pending request; null when it is not pending (already decided or not found). */
export async function decideUnlockRequest(a: {
  organisationId: number;
  deciderId: number;
  requestId: number;
  decision: Decision;
  now: Date;
}): Promise<{ openUntil: Date | null } | null> {
  return db.$transaction(async (tx) => {
    const openUntil = a.decision.approve ? unlockEnd(a.now) : null;
    const updated = await tx.unlockRequest.updateMany({
      where: { organisationId: a.organisationId, id: a.requestId, status: "PENDING" },
      data: {
        status: a.decision.approve ? "APPROVED" : "REJECTED",
        deciderId: a.deciderId,
        decidedAt: a.now,
        decisionNote: a.decision.note,
        openUntil,
      },
    });
    if (updated.count !== 1) return null;
    await auditChange(
      tx,
      { organisationId: a.organisationId, userId: a.deciderId },
      a.decision.approve ? "journal.unlock.approve" : "journal.unlock.reject",
      ["UnlockRequest", a.requestId],
      { openUntil: openUntil?.toISOString() ?? null, note: a.decision.note },
    );
    return { openUntil };
  });
}

/**
 * ADMIN opens class × subject × dates for 12 hours with a reason (JRN-6, REC-1: the only way back
 * into a closed period): an approved request of its own, written with its audit entry.
 */
export async function openDates(a: {
  organisationId: number;
  adminId: number;
  classId: number;
  subjectId: number;
  from: Date;
  to: Date;
  reason: string;
  now: Date;
}): Promise<{ id: number; openUntil: Date }> {
  return db.$transaction(async (tx) => {
    const openUntil = unlockEnd(a.now);
    const row = await tx.unlockRequest.create({
      data: {
        organisationId: a.organisationId,
        classId: a.classId,
        subjectId: a.subjectId,
        date: a.from,
        dateTo: a.to.getTime() === a.from.getTime() ? null : a.to,
        reason: a.reason,
        status: "APPROVED",
        requesterId: a.adminId,
        deciderId: a.adminId,
        decidedAt: a.now,
        openUntil,
        createdAt: a.now,
      },
      select: { id: true },
    });
    await auditChange(
      tx,
      { organisationId: a.organisationId, userId: a.adminId },
      "journal.unlock.open",
      ["UnlockRequest", row.id],
      {
        classId: a.classId,
        subjectId: a.subjectId,
        from: isoDate(a.from),
        to: isoDate(a.to),
        reason: a.reason,
        openUntil: openUntil.toISOString(),
      },
    );
    return { id: row.id, openUntil };
  });
}
