// Writes of closing a period (REC-1): one PeriodClosure per class, all in one transaction with
// their audit entry. The period's row is locked FOR UPDATE and the finals are checked inside the
// transaction; a period final's save holds the same row FOR SHARE (lib/finals/mutations.ts), so a
// closing and a final never interleave. Nothing is written on a refusal.
import { db, rawStatement } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { missingFinals } from "./data";
import type { MissingFinal } from "./rules";
import { col } from "@/lib/sql";
import { YearStatus } from "@/prisma/generated/prisma/enums";
import { Prisma } from "@/prisma/generated/prisma/client";

export type CloseOutcome =
  | { ok: true; closed: number[]; already: number[] }
  | { ok: false; reason: "missing"; missing: MissingFinal[] }
  | { ok: false; reason: "year-closed" };

/** Locks the period's row; its year's status (REC-1: closing serialises with writing finals). */
export const PERIOD_YEAR_LOCK = rawStatement(
  { status: col.enum(YearStatus) },
  (organisationId: number, periodId: number) => Prisma.sql`
        SELECT y.status::text AS status
          FROM "Period" p JOIN "AcademicYear" y ON y."organisationId" = p."organisationId" AND y.id = p."yearId"
         WHERE p."organisationId" = ${organisationId} AND p.id = ${periodId}
           FOR UPDATE OF p`,
);

export async function closePeriod(a: {
  organisationId: number;
  userId: number;
  periodId: number;
  classIds: readonly number[];
  basis: string;
  target: string;
  now: Date;
  /** Closed before the period's last day, with the closer's confirmation (REC-1). */
  beforeEnd: boolean;
}): Promise<CloseOutcome> {
  return db.$transaction(
    async (tx) => {
      const [period] = await PERIOD_YEAR_LOCK.run(tx, a.organisationId, a.periodId);
      if (!period || period.status === "CLOSED") return { ok: false as const, reason: "year-closed" as const };
      const existing = await tx.periodClosure.findMany({
        where: { organisationId: a.organisationId, periodId: a.periodId, classId: { in: [...a.classIds] } },
        select: { classId: true },
      });
      const already = new Set(existing.map((e) => e.classId));
      const toClose = a.classIds.filter((id) => !already.has(id));
      const missing = await missingFinals(a.organisationId, a.periodId, toClose, tx);
      if (missing.length) return { ok: false as const, reason: "missing" as const, missing };
      if (toClose.length)
        await tx.periodClosure.createMany({
          data: toClose.map((classId) => ({
            organisationId: a.organisationId,
            classId,
            periodId: a.periodId,
            basis: a.basis,
            closedById: a.userId,
            closedAt: a.now,
          })),
        });
      await auditChange(
        tx,
        { organisationId: a.organisationId, userId: a.userId },
        "period.close",
        ["Period", a.periodId],
        { target: a.target, basis: a.basis, classIds: toClose, alreadyClosed: [...already], beforeEnd: a.beforeEnd },
      );
      return { ok: true as const, closed: toClose, already: [...already] };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
