// The daily duties' commands (issue 17) on the background worker's loop (lib/reports/jobs/worker.ts
// calls runDutySteps, handed to it by its starter: instrumentation.ts, prisma/tools/worker.ts) — a
// job per organisation and calendar date in the organisation's own zone, idempotent across restarts
// and several worker processes (DutyRun rows; AbsenceLesson records).
//
// The reminder an hour before the daily deadline (DUT-1). A job per organisation
// and calendar date: when the organisation's local time is inside the hour before its deadline, the
// teachers with unfilled lessons of the day are found and, in ONE transaction, the day is claimed
// (DutyRun: organisation × kind × date, inserted once — a second process or a restart finds the row
// and does nothing) and one FillReminder per teacher is written (the home page shows it). Push jobs are
// queued after the commit, only by the process whose claim won. Each organisation in its own zone.
import { applyAbsencesOfDay } from "@/lib/absences/commands";
import { activeAbsencesOn } from "@/lib/absences/data";
import { todayIn } from "@/lib/org/time";
import { enqueuePush } from "@/lib/push/mutations";
import { deadlinePayload } from "@/lib/push/rules";
import { allDeadlines, dutyDone, lessonFills } from "./data";
import { claimReminderDay, markDutyDone } from "./mutations";
import { deadlineText, reminderDue, reminderTargets } from "./rules";

export const REMINDER_JOB = "deadline-reminder";

export type ReminderRun = { organisationId: number; day: Date; teachers: Map<number, number> };

/** One organisation's reminder at `now`, if its hour has come and nobody sent it yet. */
export async function remindOrganisation(
  o: { organisationId: number; timeZone: string; minutes: number },
  now: Date,
): Promise<ReminderRun | null> {
  if (!reminderDue(now, o.timeZone, o.minutes)) return null;
  const day = todayIn(o.timeZone, now);
  if (await dutyDone(o.organisationId, REMINDER_JOB, day)) return null;
  const teachers = reminderTargets(await lessonFills(o.organisationId, { from: day, to: day, classIds: null }), now);
  if (!(await claimReminderDay(o.organisationId, REMINDER_JOB, day, teachers, now))) return null;
  const deadline = deadlineText(o.minutes);
  // API-4: a push job per teacher on the worker's queue (lib/push/jobs.ts), like every command's.
  for (const [teacherId, lessons] of teachers)
    await enqueuePush(o.organisationId, teacherId, {
      event: "users",
      kind: "deadline",
      userIds: [teacherId],
      payload: deadlinePayload(lessons, deadline),
    });
  return { organisationId: o.organisationId, day, teachers };
}

/** Every organisation whose reminder is due at `now` (one worker step). */
export async function runDeadlineReminders(now: Date): Promise<ReminderRun[]> {
  const out: ReminderRun[] = [];
  for (const o of await allDeadlines()) {
    const run = await remindOrganisation(o, now);
    if (run) out.push(run);
  }
  return out;
}

export const ABSENCES_JOB = "absences-of-day";

/** Once a day per organisation: today's lessons of the absences covering today (DUT-3, DUT-4). */
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
