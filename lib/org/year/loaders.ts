import type { CurrentUser } from "@/lib/auth/session";
import { transitionClasses, transitionStudentOptions } from "./transition";

export async function loadTransitionForm(user: CurrentUser) {
  const [classes, students] = await Promise.all([
    transitionClasses(user.organisationId),
    transitionStudentOptions(user.organisationId),
  ]);
  return classes ? { yearName: classes.yearName, classes: classes.classes, students } : null;
}
