import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/org/time";
import { childrenOfUser, classesLedBy, placeOfStudentUser, studentHeader } from "./data";

export const loadMyChildren = cache((user: CurrentUser) =>
  childrenOfUser(user.organisationId, user.id, todayIn(user.timeZone)),
);

export const loadMyPlace = cache((user: CurrentUser) =>
  placeOfStudentUser(user.organisationId, user.id, todayIn(user.timeZone)),
);

export const loadMyClasses = cache((user: CurrentUser) => classesLedBy(user.organisationId, user.id));

/** Header of a student's diary; the page has already authorised the student target. */
export const loadStudentHeader = cache((user: CurrentUser, studentId: number) =>
  studentHeader(user.organisationId, studentId, todayIn(user.timeZone)),
);
