// Writes of remarks (CTL-2): each change and its audit row commit together.
import { db } from "@/lib/db";
import type { StoredScopeCheck } from "@/lib/access/stored";
import { auditChange } from "@/lib/audit/mutations";
import type { RemarkStatusName } from "../rules";

export async function createRemark(
  organisationId: number,
  authorId: number,
  r: { teacherId: number; classId: number | null; subjectId: number | null; lessonId: number | null; text: string },
): Promise<number> {
  return db.$transaction(async (tx) => {
    const row = await tx.remark.create({ data: { organisationId, authorId, ...r }, select: { id: true } });
    await auditChange(tx, { organisationId, userId: authorId }, "remark.create", ["Remark", row.id], {
      teacherId: r.teacherId,
      classId: r.classId,
      subjectId: r.subjectId,
      lessonId: r.lessonId,
    });
    return row.id;
  });
}

/**
 * Moves a remark from `from` to `to`; the status in the where clause makes a concurrent move
 * fail instead of overwriting it. Returns false when the remark was changed meanwhile.
 */
export async function moveRemark(
  organisationId: number,
  userId: number,
  m: { id: number; from: RemarkStatusName; to: RemarkStatusName; note?: string; move: string },
  now: Date,
  inScope?: StoredScopeCheck,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // SEC-2: closing or reopening needs remarks.write on the remark's stored class (if it has one).
    if (inScope) {
      const stored = await tx.remark.findUnique({
        where: { organisationId_id: { organisationId, id: m.id } },
        select: { classId: true },
      });
      if (stored?.classId) await inScope(tx, { kind: "class", classId: stored.classId });
    }
    const data =
      m.to === "DONE"
        ? { status: m.to, doneAt: now, teacherNote: m.note || null }
        : m.to === "CLOSED"
          ? { status: m.to, closedAt: now }
          : { status: m.to, doneAt: null, closedAt: null };
    const { count } = await tx.remark.updateMany({ where: { organisationId, id: m.id, status: m.from }, data });
    if (count !== 1) return false;
    await auditChange(tx, { organisationId, userId }, `remark.${m.move}`, ["Remark", m.id], {
      from: m.from,
      to: m.to,
      ...(m.note ? { note: m.note } : {}),
    });
    return true;
  });
}
