// The reminder an hour before the daily deadline (DUT-1), run by the background worker that runs
// the report jobs (lib/reports/jobs/worker.ts → lib/reports/jobs/duties.ts). A job per organisation
// and calendar date: when the organisation's local time is inside the hour before its deadline, the
// teachers with unfilled lessons of the day are found and, in ONE transaction, the day is claimed
// (DutyRun: organisation × kind × date, inserted once — a second process or a restart finds the row
// and does nothing) and one FillReminder per teacher is written (the home page shows it). Pushes go
// after the commit, only from the process whose claim won. Each organisation in its own zone.
import { todayIn } from "@/lib/org/time";
import { notify } from "@/lib/push/send";
import { deadlinePayload } from "@/lib/push/rules";
import { allDeadlines, dutyDone, lessonFills } from "./data";
import { claimReminderDay } from "./mutations";
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
  for (const [teacherId, lessons] of teachers)
    void notify(o.organisationId, [teacherId], "deadline", deadlinePayload(lessons, deadline));
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
