// The scheduler's grid of one class (SCH-2): bells × weekdays with the entries valid on a date,
// and what the cell forms offer. The page authorises schedule.edit for the class first.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/org/time";
import { bellRowsOf, viewPickers } from "../view/data";
import { classFormOptions, entriesFor, yearOfClass } from "./data";
import { defaultValidFrom } from "./rules";
import { departmentClassIds } from "../lessons/data";

export const loadEditGrid = cache(async (user: CurrentUser, classId: number) => {
  const today = todayIn(user.timeZone);
  const year = await yearOfClass(user.organisationId, classId);
  if (!year) return null;
  const on =
    today.getTime() < year.startDate.getTime()
      ? year.startDate
      : today.getTime() > year.endDate.getTime()
        ? year.endDate
        : today;
  const [bells, entries, options] = await Promise.all([
    bellRowsOf(user.organisationId, classId),
    entriesFor(user.organisationId, { classId }, on, on),
    classFormOptions(user.organisationId, classId),
  ]);
  // DAY-11: a new entry starts at the current study period's start (its past lessons are generated too).
  const newFrom = defaultValidFrom(today, { from: year.startDate, to: year.endDate }, year.periods);
  return {
    className: year.className,
    on,
    newFrom,
    yearStart: year.startDate,
    yearEnd: year.endDate,
    bells,
    entries,
    options,
  };
});

export type EditGrid = NonNullable<Awaited<ReturnType<typeof loadEditGrid>>>;

/** Classes of the current year the scheduler may edit: all, or (department scope) their department's groups. */
export const loadClassPicker = cache(async (user: CurrentUser, scopes: readonly string[]) => {
  const classes = (await viewPickers(user.organisationId)).classes;
  if (scopes.includes("all")) return classes;
  const dept = new Set(await departmentClassIds(user.organisationId, user.id));
  return classes.filter((c) => dept.has(c.id));
});
