// Writes of the diary: the last-seen moment of a user for a student's diary (DRY-7).
import { db } from "@/lib/db";
import type { Seen } from "./rules";

export async function saveDiarySeen(
  organisationId: number,
  userId: number,
  studentId: number,
  seen: Seen,
): Promise<void> {
  await db.diarySeen.upsert({
    where: { organisationId_userId_studentId: { organisationId, userId, studentId } },
    create: { organisationId, userId, studentId, ...seen },
    update: seen,
  });
}
