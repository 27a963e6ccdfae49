// «Мероприятия» (SCH-1): the events around today and the classes the user may plan for.
import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { addDays, todayIn } from "@/lib/org/time";
import { eventsBetween, viewPickers } from "../view/data";

export const loadEventsPage = cache(
  async (user: CurrentUser, schoolWide: boolean, ownClasses: { id: number; name: string }[]) => {
    const today = todayIn(user.timeZone);
    const classes = schoolWide ? (await viewPickers(user.organisationId)).classes : ownClasses;
    const events = await eventsBetween(
      user.organisationId,
      addDays(today, -14),
      addDays(today, 90),
      schoolWide ? null : classes.map((c) => c.id),
    );
    return { today, classes, events };
  },
);
