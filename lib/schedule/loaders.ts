import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/org/time";
import { serverNow } from "@/lib/org/clock";
import { teacherLessonsOn, teacherNextLessons, type DayLesson } from "./data";

/** The signed-in teacher's lessons today, including substitutions. */
export const loadMyLessonsToday = cache((user: CurrentUser): Promise<DayLesson[]> =>
  teacherLessonsOn(user.organisationId, user.id, todayIn(user.timeZone, serverNow())),
);

/** The signed-in teacher's next teaching day after today (DAY-2: on a day without lessons). */
export const loadMyNextLessons = cache((user: CurrentUser) =>
  teacherNextLessons(user.organisationId, user.id, todayIn(user.timeZone, serverNow())),
);
