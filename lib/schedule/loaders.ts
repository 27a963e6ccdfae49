import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/org/time";
import { classLessonsOn, teacherLessonsOn, type DayLesson } from "./data";
import { eventsBetween } from "./view/data";

/** The signed-in teacher's lessons today, including substitutions. */
export const loadMyLessonsToday = cache(
  (user: CurrentUser): Promise<DayLesson[]> => teacherLessonsOn(user.organisationId, user.id, todayIn(user.timeZone)),
);

/** Today's lessons of a class the caller already proved access to. */
export const loadClassLessonsToday = cache(
  (user: CurrentUser, classId: number, subgroupIds: number[]): Promise<DayLesson[]> =>
    classLessonsOn(user.organisationId, classId, todayIn(user.timeZone), subgroupIds),
);

/** Events of a class's week (school-wide and the class's own) for the diary (SCH-1, DRY-4); the caller proved access to the class. */
export const loadClassWeekEvents = cache((user: CurrentUser, classId: number, monday: Date) =>
  eventsBetween(user.organisationId, monday, new Date(monday.getTime() + 7 * 86_400_000), [classId]),
);
