// The daily duties' jobs (issue 17) on the report worker's loop: a job per organisation and
// calendar date in the organisation's own zone — the deadline's reminder an hour before it (DUT-1)
// and the absences of the day brought onto its lessons as the day comes (DUT-3, DUT-4). Both are
// idempotent across restarts and several worker processes (DutyRun rows; AbsenceLesson records).
import { applyAbsencesOfDay } from "@/lib/absences/commands";
import { activeAbsencesOn } from "@/lib/absences/data";
import { allDeadlines, dutyDone } from "@/lib/control/deadline/data";
import { markDutyDone } from "@/lib/control/deadline/mutations";
import { runDeadlineReminders, type ReminderRun } from "@/lib/control/deadline/reminder";
import { todayIn } from "@/lib/org/time";

export const ABSENCES_JOB = "absences-of-day";

/** Once a day per organisation: today's lessons of the absences covering today. */
export async function runDailyAbsences(now: Date): Promise<number> {
  let changed = 0;
  for (const o of await allDeadlines()) {
    const today = todayIn(o.timeZone, now);
    if (await dutyDone(o.organisationId, ABSENCES_JOB, today)) continue;
    const ids = (await activeAbsencesOn(o.organisationId, today)).map((a) => a.id);
    changed += await applyAbsencesOfDay(o.organisationId, ids, today, now);
    await markDutyDone(o.organisationId, ABSENCES_JOB, today, now);
  }
  return changed;
}

/** One step of the duties (the worker calls it about every half minute). */
export async function runDutySteps(now: Date): Promise<{ reminders: ReminderRun[]; absences: number }> {
  const reminders = await runDeadlineReminders(now);
  const absences = await runDailyAbsences(now);
  return { reminders, absences };
}
