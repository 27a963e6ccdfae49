// REG-2 / DUT-1: the stored daily fill counts. A lesson whose fill deadline has passed keeps its
// «filled by the deadline» answer, so once a day per organisation (after its deadline; DUT-1's
// duties on the background worker, runDailySteps; a DutyRun claim per organisation × last closed day) the
// worker stores per (day, class) the counts the territory report's fill kind sums (FillDay), for
// the days whose deadline has passed. The report sums the stored days and computes live the
// recent days, the days not stored yet and the days touched since (lib/region/data.ts
// TERRITORY_FILL), so stored + live equals the all-live build.
//
// A stored class-day is read only while `/control`'s store checks hold for it (lib/control/store/data.ts
// storeValidSql, one writing for both stores; issue 22, round 24): the deadline's minutes and zone and the
// class's «marks required» as stored, its held lessons as many as stored, none of its lessons written after
// the watermark's `storedAt` (a lesson added, cancelled, moved or deleted: Lesson.updatedAt and the count),
// no journal change after the watermark that may touch it (a mark, homework, attendance, topic, assignment
// of its lessons or one carried to it: every journal write leaves a JournalChange row on its lesson), its
// deadline passed at the report's clock, at most STORE_MAX_CHANGES changes after the watermark. Otherwise it
// is computed live — so the report equals the all-live build at every moment, worker run or not; the next run
// re-stores the changed class-days and moves the watermark (STORE_MARGIN_MS before its snapshot, in one
// REPEATABLE READ transaction: lib/control/store/mutations.ts storeClassDays). The mark save is unchanged: no
// write of these tables on the journal's or the schedule's path.
//
// The same step stores `/control`'s class-days (ControlDay, lib/control/store/data.ts, issue 22 item 7).
import { runDutySteps } from "@/lib/control/deadline/commands";
import { allDeadlines, dutyDone } from "@/lib/control/deadline/data";
import { markDutyDone } from "@/lib/control/deadline/mutations";
import { deadlineAt } from "@/lib/control/deadline/rules";
import { todayIn } from "@/lib/org/time";
import { storeControlDays } from "@/lib/control/store/mutations";
import { storeFillDays } from "./mutations";

export { storeFillDays };

export const FILL_DAYS_JOB = "fill-days";
export const CONTROL_DAYS_JOB = "control-days";

/** The last day whose deadline has passed at `now`: today once its deadline is past, else yesterday. */
export function lastClosedDay(now: Date, timeZone: string, minutes: number): Date {
  const today = todayIn(timeZone, now);
  return now >= deadlineAt(today, minutes, timeZone) ? today : new Date(today.getTime() - 86_400_000);
}

/**
 * Every organisation's stores once per closed day (one worker step; a no-op until the next deadline):
 * REG-2's FillDay and `/control`'s ControlDay (lib/control/store/data.ts, issue 22 item 7), each with its
 * own DutyRun claim (a build that knows only one of them claims only its own). Returns the FillDay days stored.
 */
export async function runFillStore(now: Date): Promise<number> {
  let stored = 0;
  for (const o of await allDeadlines()) {
    const last = lastClosedDay(now, o.timeZone, o.minutes);
    if (!(await dutyDone(o.organisationId, FILL_DAYS_JOB, last))) {
      stored += (await storeFillDays(o, last, now)).length;
      await markDutyDone(o.organisationId, FILL_DAYS_JOB, last, now);
    }
    if (!(await dutyDone(o.organisationId, CONTROL_DAYS_JOB, last))) {
      await storeControlDays(o, last, now);
      await markDutyDone(o.organisationId, CONTROL_DAYS_JOB, last, now);
    }
  }
  return stored;
}

/**
 * The worker's duty step as its starters hand it over (instrumentation.ts, prisma/tools/worker.ts):
 * DUT-1's duties, then the closed days' fill store.
 */
export async function runDailySteps(now: Date): Promise<{ duties: unknown; fillDays: number }> {
  const duties = await runDutySteps(now);
  const fillDays = await runFillStore(now);
  return { duties, fillDays };
}
