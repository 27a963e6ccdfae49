// «Изменения и замены» (SCH-2, SCH-3): what the forms offer for a class and the recent changes.
// The page authorises schedule.edit for the class first.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { addDays, todayIn } from "@/lib/org/time";
import { classFormOptions, entriesFor } from "../timetable/data";
import { changesBetween, substitutionsBetween, teachersOf } from "./data";

export const loadChangesPage = cache(async (user: CurrentUser, classId: number) => {
  const today = todayIn(user.timeZone);
  const [entries, options, teachers, changes, substitutions] = await Promise.all([
    entriesFor(user.organisationId, { classId }, today, addDays(today, 60)),
    classFormOptions(user.organisationId, classId),
    teachersOf(user.organisationId),
    changesBetween(user.organisationId, addDays(today, -14), addDays(today, 60), [classId]),
    substitutionsBetween(user.organisationId, addDays(today, -30), addDays(today, 90)),
  ]);
  return { today, entries, options, teachers, changes, substitutions };
});
