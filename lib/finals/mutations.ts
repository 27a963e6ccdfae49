// Writes of the final marks (FIN-1…FIN-4, JRN-7). One short transaction per cell: an advisory lock on
// the cell's key serialises saves (a year final has periodId null, which a unique index does not
// guard), the version the client loaded is compared with the stored one, the final is written or
// removed, and the change is appended to JournalChange (entity FINAL) and to the audit log.
import { type ControlKindName, type FinalSpecialName } from "@/lib/journal/marks";
import { db, rawStatement } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { auditChange } from "@/lib/audit/mutations";
import { json } from "@/lib/journal/mutations";
import type { StoredScopeCheck } from "@/lib/access/stored";
import { finalKey, type FinalKindName, type FinalValue } from "./rules";
import { col } from "@/lib/sql";

export type FinalWrite = {
  organisationId: number;
  userId: number;
  studentId: number;
  classId: number;
  subjectId: number;
  kind: FinalKindName;
  periodId: number | null;
  form: ControlKindName;
  next: FinalValue | null;
  /** The version the client loaded (0 = no final then). */
  version: number;
  /** Whether the period was closed when the lock let this save through (REC-1): re-checked under the period's row lock. */
  periodClosed: boolean;
  now: Date;
  /** SEC-2: the stored final's class × subject, authorised inside the write (the save passes it). */
  inScope?: StoredScopeCheck;
};

export type FinalState = { value: number | null; special: FinalSpecialName | null; version: number };
export type FinalWriteResult =
  | { ok: true; state: FinalState | null }
  | { ok: false; reason: "conflict"; state: FinalState | null }
  | { ok: false; reason: "closed-meanwhile" };

/** Locks the period's row (FOR SHARE); whether the class's period is closed (REC-1). */
export const PERIOD_CLOSED_SHARE = rawStatement(
  { closed: col.bool },
  (organisationId: number, periodId: number, classId: number) => Prisma.sql`
        SELECT EXISTS (SELECT 1 FROM "PeriodClosure" c
                        WHERE c."organisationId" = p."organisationId" AND c."classId" = ${classId} AND c."periodId" = p.id) AS closed
          FROM "Period" p WHERE p."organisationId" = ${organisationId} AND p.id = ${periodId} FOR SHARE`,
);

export async function writeFinal(w: FinalWrite): Promise<FinalWriteResult> {
  const key = finalKey(w);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${w.organisationId}::int, hashtext(${key}))`;
    if (w.periodId !== null) {
      // REC-1: serialised with closing the period (FOR UPDATE there); a closing committed since the lock decided refuses.
      const [p] = await PERIOD_CLOSED_SHARE.run(tx, w.organisationId, w.periodId, w.classId);
      if (p && p.closed !== w.periodClosed) return { ok: false, reason: "closed-meanwhile" } as const;
    }
    const where = {
      organisationId: w.organisationId,
      studentId: w.studentId,
      classId: w.classId,
      subjectId: w.subjectId,
      kind: w.kind,
      periodId: w.periodId,
    };
    const row = await tx.finalMark.findFirst({
      where,
      select: { id: true, value: true, special: true, version: true, classId: true, subjectId: true },
    });
    if (row) await w.inScope?.(tx, { kind: "class", classId: row.classId, subjectId: row.subjectId });
    const current: FinalState | null = row ? { value: row.value, special: row.special, version: row.version } : null;
    if ((current?.version ?? 0) !== w.version) return { ok: false, reason: "conflict", state: current } as const;
    const same = current && w.next && current.value === w.next.value && current.special === w.next.special;
    if (same || (!current && !w.next)) return { ok: true, state: current } as const;
    // A re-created final gets a version above every earlier one (no ABA on a stale client).
    const changes = await tx.journalChange.count({
      where: { organisationId: w.organisationId, entity: "FINAL", entityKey: key },
    });
    let next: FinalState | null = null;
    if (!w.next) {
      await tx.finalMark.delete({ where: { organisationId_id: { organisationId: w.organisationId, id: row!.id } } });
    } else if (row) {
      const version = row.version + 1;
      await tx.finalMark.update({
        where: { organisationId_id: { organisationId: w.organisationId, id: row.id } },
        data: { value: w.next.value, special: w.next.special, form: w.form, version, setById: w.userId, setAt: w.now },
      });
      next = { ...w.next, version };
    } else {
      const version = changes + 1;
      await tx.finalMark.create({
        data: {
          ...where,
          form: w.form,
          value: w.next.value,
          special: w.next.special,
          version,
          setById: w.userId,
          setAt: w.now,
        },
      });
      next = { ...w.next, version };
    }
    const oldValue = current ? { value: current.value, special: current.special } : null;
    const newValue = next ? { value: next.value, special: next.special } : null;
    await tx.journalChange.create({
      data: {
        organisationId: w.organisationId,
        entity: "FINAL",
        studentId: w.studentId,
        entityKey: key,
        oldValue: json(oldValue),
        newValue: json(newValue),
        userId: w.userId,
        at: w.now,
      },
    });
    await auditChange(tx, { organisationId: w.organisationId, userId: w.userId }, "final.set", ["FinalMark", key], {
      old: oldValue,
      new: newValue,
    });
    return { ok: true, state: next } as const;
  });
}
