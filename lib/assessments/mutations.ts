// PRG-4 writes: publishing a version of a class's assessment schedule for a period (the items as
// built now from the approved КТП). Versions count up per class and period; audited.
import type { Prisma } from "@/prisma/generated/prisma/client";
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { yearClosedOf } from "@/lib/schedule/timetable/mutations";
import type { PublishedItem } from "./rules";

/**
 * Publishes the next version; concurrent publications of one class are serialised on its row.
 * Null when the class's year is closed (REC-2: a closed year is frozen, nothing is published).
 */
export async function publishSchedule(
  organisationId: number,
  userId: number,
  classId: number,
  periodId: number,
  items: readonly PublishedItem[],
): Promise<number | null> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ClassGroup" WHERE "organisationId" = ${organisationId} AND id = ${classId} FOR UPDATE`;
    if (await yearClosedOf(tx, organisationId, classId)) return null;
    const last = await tx.assessmentPublication.findFirst({
      where: { organisationId, classId, periodId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const version = (last?.version ?? 0) + 1;
    const created = await tx.assessmentPublication.create({
      data: {
        organisationId,
        classId,
        periodId,
        version,
        items: items as unknown as Prisma.InputJsonValue,
        publishedById: userId,
      },
      select: { id: true },
    });
    await auditChange(tx, { organisationId, userId }, "assessments.publish", ["AssessmentPublication", created.id], {
      classId,
      periodId,
      version,
      count: items.length,
    });
    return version;
  });
}
