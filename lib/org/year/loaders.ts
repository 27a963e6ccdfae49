import { cache } from "react";
import type { CurrentUser } from "@/lib/auth/session";
import { listYears } from "./data";
import { transitionClasses, transitionStudentOptions } from "./transition";

/** The organisation's years for the year selectors (REC-3); no personal data, any signed-in page may show them. */
export const loadYears = cache((user: CurrentUser) => listYears(user.organisationId));

export async function loadTransitionForm(user: CurrentUser) {
  const [classes, students] = await Promise.all([
    transitionClasses(user.organisationId),
    transitionStudentOptions(user.organisationId),
  ]);
  return classes ? { yearName: classes.yearName, classes: classes.classes, students } : null;
}
