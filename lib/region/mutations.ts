// REG-2: the background worker's writes of the stored daily fill counts (lib/region/fill-store.ts).
import { db } from "@/lib/db";
import { FILL_DAYS_TO_STORE, fillDaysDelete, fillDaysInsert } from "./data";

/**
 * Stores one organisation's fill days at `now`, up to `last` (fill-store.ts lastClosedDay): the closed days not stored yet or touched since the
 * last store are (re)computed and replaced, and the watermark moves to the organisation's latest
 * journal change, in one transaction. Returns the days stored (YYYY-MM-DD).
 */
export async function storeFillDays(o: { organisationId: number }, last: Date, now: Date): Promise<string[]> {
  const { organisationId } = o;
  const store = await db.fillStore.findUnique({ where: { organisationId } });
  // Read before the days: a change after this id is «touched» for the report and the next run.
  const top = await db.journalChange.aggregate({ where: { organisationId }, _max: { id: true } });
  const changeId = top._max.id ?? BigInt(0);
  const days = (
    await FILL_DAYS_TO_STORE.run(db, organisationId, last, store?.storedAt ?? null, store?.changeId ?? BigInt(0))
  ).map((r) => r.day);
  await db.$transaction(async (tx) => {
    if (days.length > 0) {
      await tx.$executeRaw(fillDaysDelete(organisationId, days));
      await tx.$executeRaw(fillDaysInsert(organisationId, days, now));
    }
    await tx.fillStore.upsert({
      where: { organisationId },
      create: { organisationId, changeId, throughDate: last, storedAt: now },
      update: { changeId, throughDate: last, storedAt: now },
    });
  });
  return days;
}
