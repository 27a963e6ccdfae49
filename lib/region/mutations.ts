// REG-2: the background worker's writes of the stored daily fill counts (lib/region/fill-store.ts).
import { storeClassDays } from "@/lib/control/store/mutations";
import { FILL_DAYS_TO_STORE, FILL_TABLES, fillDaysInsert } from "./data";

/**
 * Stores one organisation's fill days at `now`, up to `last` (fill-store.ts lastClosedDay), by `/control`'s
 * store transaction (lib/control/store/mutations.ts storeClassDays; issue 22, round 24): the class-days of
 * the window not stored yet or no longer valid (lib/control/store/data.ts storeValidSql) are recomputed and
 * replaced, the rows outside the window dropped, and the watermark — the journal change id and `storedAt`
 * STORE_MARGIN_MS before `now`, the deadline's minutes and zone — moved, in one REPEATABLE READ transaction.
 * Returns the days stored (YYYY-MM-DD).
 */
export async function storeFillDays(o: { organisationId: number }, last: Date, now: Date): Promise<string[]> {
  const { organisationId } = o;
  const todo = await storeClassDays(FILL_TABLES, FILL_DAYS_TO_STORE, organisationId, last, now, {
    insert: (tx, { from, inTodo }) => tx.$executeRaw(fillDaysInsert(organisationId, { from, last, inTodo }, now)),
    save: (tx, { changeId, throughDate, storedAt, minutes, timeZone }) => {
      const data = { changeId, throughDate, storedAt, minutes, timeZone };
      return tx.fillStore.upsert({ where: { organisationId }, create: { organisationId, ...data }, update: data });
    },
  });
  return [...new Set(todo.map((t) => t.date))].sort();
}
