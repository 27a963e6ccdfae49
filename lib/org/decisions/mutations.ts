// Writes of «Решения педсовета» (REC-4): one batch under one protocol in one transaction — the
// year row is locked so closing the year cannot interleave (a closed year refuses, REC-2), the roll
// is read again, «выбыл» is recorded in the movement book once (applyMovement), the decisions are
// upserted and the batch is audited.
import { isoDate } from "@/lib/org/time";
import { db, rawStatement } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { applyMovement, MovementRefused } from "@/lib/people/movement/mutations";
import { councilRoll } from "./data";
import { decisionLastDay, planBatch, protocolText, type Recorded, type SubmittedRow } from "./rules";
import { col } from "@/lib/sql";
import { YearStatus } from "@/prisma/generated/prisma/enums";
import { Prisma } from "@/prisma/generated/prisma/client";

export type DecisionBatch = {
  yearId: number;
  classId: number;
  protocolNumber: string;
  protocolDate: Date;
  orderNumber: string | null;
  orderDate: Date | null;
  rows: SubmittedRow[];
};

export type BatchOutcome = { ok: true; written: number } | { ok: false; message: string; locked?: true };

/** Rolls the transaction back with a user-facing reason. */
class BatchRefused extends Error {}

/** Locks the year's row (FOR SHARE); its status and dates. */
export const YEAR_SHARE = rawStatement(
  { status: col.enum(YearStatus), startDate: col.date, endDate: col.date },
  (organisationId: number, yearId: number) => Prisma.sql`
          SELECT status::text AS status, "startDate", "endDate" FROM "AcademicYear"
           WHERE "organisationId" = ${organisationId} AND id = ${yearId} FOR SHARE`,
);

export async function saveDecisionBatch(
  organisationId: number,
  userId: number,
  batch: DecisionBatch,
  now: Date,
  ip: string | null = null,
): Promise<BatchOutcome> {
  try {
    return await db.$transaction(
      async (tx) => {
        const years = await YEAR_SHARE.run(tx, organisationId, batch.yearId);
        const year = years[0];
        if (!year) return { ok: false as const, message: "Учебный год не найден" };
        if (year.status === "CLOSED")
          return {
            ok: false as const,
            message: "Учебный год закрыт: решения педсовета не изменяются",
            locked: true as const,
          };
        const cls = await tx.classGroup.findUnique({
          where: { organisationId_id: { organisationId, id: batch.classId } },
          select: { grade: true, yearId: true, organisation: { select: { kind: true } } },
        });
        if (!cls || cls.yearId !== batch.yearId) return { ok: false as const, message: "Класс не найден в этом году" };
        if (batch.protocolDate.getTime() < year.startDate.getTime())
          return { ok: false as const, message: "Дата протокола раньше начала учебного года" };
        const { names, expulsions } = await councilRoll(tx, organisationId, batch.classId, year);
        const stored = await tx.yearDecision.findMany({
          where: { organisationId, yearId: batch.yearId, studentId: { in: [...names.keys()] } },
          select: { studentId: true, decision: true, protocolNumber: true, protocolDate: true, date: true },
        });
        const plan = planBatch(batch.rows, {
          orgKind: cls.organisation.kind,
          grade: cls.grade,
          yearStart: year.startDate,
          lastDay: decisionLastDay(year.startDate),
          roll: new Set(names.keys()),
          recorded: new Map(stored.map((r) => [r.studentId, r as Recorded])),
          expulsions,
          names,
          hasOrder: batch.orderNumber !== null && batch.orderDate !== null,
        });
        if (!plan.ok) return plan;
        const note = `Решение педсовета, ${protocolText(batch.protocolNumber, batch.protocolDate)}`;
        for (const row of plan.rows) {
          let expulsion = row.expulsion;
          if (row.recordExpulsion) {
            const out = await applyMovement(tx, organisationId, userId, {
              studentId: row.studentId,
              kind: "EXPULSION",
              date: row.date!,
              orderNumber: batch.orderNumber!,
              orderDate: batch.orderDate!,
              toClassId: null,
              educationForm: null,
              note,
            });
            if (!out.ok) throw new BatchRefused(`${names.get(row.studentId)}: ${out.message}`);
            expulsion = {
              movementId: out.movementId,
              date: row.date!,
              orderNumber: batch.orderNumber!,
              orderDate: batch.orderDate!,
            };
          }
          const data = {
            decision: row.decision,
            toGrade: row.toGrade,
            protocolNumber: batch.protocolNumber,
            protocolDate: batch.protocolDate,
            date: row.date,
            orderNumber: expulsion?.orderNumber ?? batch.orderNumber,
            orderDate: expulsion?.orderDate ?? batch.orderDate,
            movementId: expulsion?.movementId ?? null,
            recordedById: userId,
            recordedAt: now,
          };
          await tx.yearDecision.upsert({
            where: {
              organisationId_yearId_studentId: { organisationId, yearId: batch.yearId, studentId: row.studentId },
            },
            create: { organisationId, yearId: batch.yearId, studentId: row.studentId, ...data },
            update: data,
          });
        }
        if (plan.rows.length > 0)
          await auditChange(tx, { organisationId, userId, ip }, "decisions.saved", ["ClassGroup", batch.classId], {
            yearId: batch.yearId,
            protocolNumber: batch.protocolNumber,
            protocolDate: isoDate(batch.protocolDate),
            decisions: plan.rows.map((r) => ({ studentId: r.studentId, decision: r.decision })),
          });
        return { ok: true as const, written: plan.rows.length };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
  } catch (e) {
    if (e instanceof BatchRefused) return { ok: false, message: e.message };
    if (e instanceof MovementRefused) return { ok: false, message: e.message };
    throw e;
  }
}
