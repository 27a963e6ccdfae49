// Writing an import (PPL-5): every valid row becomes a student card and an admission in the
// movement book (PPL-3) with its class membership — all rows in one transaction, or none.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { applyMovement, MovementRefused } from "../movement/mutations";
import type { ImportStudent } from "./rules";

export type ImportOrder = { classId: number; date: Date; orderNumber: string; orderDate: Date };

export async function importStudents(
  organisationId: number,
  byUserId: number,
  order: ImportOrder,
  rows: readonly ImportStudent[],
  ip: string | null,
  /** DAY-11: a single student added by hand is audited under its own action. */
  auditAction = "people.imported",
): Promise<{ ok: true; count: number; ids: number[] } | { ok: false; message: string }> {
  try {
    return await db.$transaction(
      async (tx) => {
        const ids: number[] = [];
        for (const r of rows) {
          const s = await tx.student.create({ data: { organisationId, ...r }, select: { id: true } });
          ids.push(s.id);
          const out = await applyMovement(tx, organisationId, byUserId, {
            studentId: s.id,
            kind: "ADMISSION",
            date: order.date,
            orderNumber: order.orderNumber,
            orderDate: order.orderDate,
            toClassId: order.classId,
            educationForm: "FULL_TIME",
            note: auditAction === "people.imported" ? "импорт списка" : null,
          });
          if (!out.ok) throw new MovementRefused(out);
        }
        await auditChange(tx, { organisationId, userId: byUserId, ip }, auditAction, ["ClassGroup", order.classId], {
          count: rows.length,
          orderNumber: order.orderNumber,
          studentIds: ids,
        });
        return { ok: true as const, count: rows.length, ids };
      },
      { timeout: 60_000 },
    );
  } catch (e) {
    if (e instanceof MovementRefused) return { ok: false, message: e.outcome.message };
    throw e;
  }
}
