// Writes of the daily duties' jobs (DUT-1): a job per organisation × kind × date is claimed by
// inserting its DutyRun row — once, whatever the number of worker processes or restarts.
import { db, rawStatement, utcSql } from "@/lib/db";
import { col } from "@/lib/sql";
import { Prisma } from "@/prisma/generated/prisma/client";

/** Claims a job of the day by inserting its DutyRun row; one row when claimed now, none when it was had already (DUT-1). */
export const DUTY_CLAIM = rawStatement(
  { kind: col.text },
  (organisationId: number, kind: string, day: Date, now: Date) => Prisma.sql`
      INSERT INTO "DutyRun" ("organisationId", kind, day, "ranAt")
      VALUES (${organisationId}, ${kind}, ${day}::date, ${utcSql(now)})
      ON CONFLICT ("organisationId", kind, day) DO NOTHING
      RETURNING kind`,
);

/**
 * Claims the day's reminder and records one FillReminder per teacher in ONE transaction; false when
 * another run had the day already (then nothing is written).
 */
export async function claimReminderDay(
  organisationId: number,
  kind: string,
  day: Date,
  teachers: ReadonlyMap<number, number>,
  now: Date,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed = await DUTY_CLAIM.run(tx, organisationId, kind, day, now);
    if (claimed.length === 0) return false;
    if (teachers.size > 0)
      await tx.fillReminder.createMany({
        data: [...teachers].map(([teacherId, lessons]) => ({ organisationId, day, teacherId, lessons, sentAt: now })),
        skipDuplicates: true,
      });
    return true;
  });
}

/** Records a job of the day as done (the daily absences); false when it was recorded already. */
export async function markDutyDone(organisationId: number, kind: string, day: Date, now: Date): Promise<boolean> {
  const rows = await DUTY_CLAIM.run(db, organisationId, kind, day, now);
  return rows.length > 0;
}
