// REG-2 / DUT-1: the stored daily fill counts. A lesson whose fill deadline has passed keeps its
// «filled by the deadline» answer, so once a day per organisation (after its deadline; DUT-1's
// duties on the background worker, runDailySteps; a DutyRun claim per organisation × last closed day) the
// worker stores per (day, class) the counts the territory report's fill kind sums (FillDay), for
// the days whose deadline has passed. The report sums the stored days and computes live the
// recent days, the days not stored yet and the days touched since (lib/region/data.ts
// TERRITORY_FILL), so stored + live equals the all-live build.
//
// A later edit or deletion of an old lesson's journal (a mark, homework, attendance, topic,
// assignment: every journal write leaves a JournalChange row on its lesson) puts that day back to
// live at once — the report reads the changes after the organisation's watermark (FillStore.changeId)
// through JournalChange's primary key — and the next run re-stores the day and moves the watermark.
// A schedule edit of a past day (a lesson added, cancelled or moved: Lesson.updatedAt) is re-stored
// by the next run (the report counts the stored figures until then). The mark save is unchanged: no
// write of these tables on the journal's path.
//
// The same step stores `/control`'s class-days (ControlDay, lib/control/store/data.ts, issue 22 item 7),
// whose read checks also the schedule edits and deleted lessons, so it is exact before the next run too.
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
