// REG-3: writing imported external results — the valid rows of one file in one transaction; a
// student's earlier result of the same exam, subject and year is replaced by the new one.
import { db } from "@/lib/db";
import type { ResultRowData } from "./rules";

export async function importResults(
  organisationId: number,
  yearId: number,
  userId: number,
  rows: readonly ResultRowData[],
): Promise<number> {
  await db.$transaction(
    rows.map((r) =>
      db.externalResult.upsert({
        where: {
          organisationId_yearId_exam_subjectId_studentId: {
            organisationId,
            yearId,
            exam: r.exam,
            subjectId: r.subjectId,
            studentId: r.studentId,
          },
        },
        create: { organisationId, yearId, importedById: userId, ...r },
        update: { ...r, importedById: userId, importedAt: new Date() },
      }),
    ),
  );
  return rows.length;
}
