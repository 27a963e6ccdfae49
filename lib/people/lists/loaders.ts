// Which classes a reader's scope covers (ACL-3), for the class pickers of the people pages.
import { classesToList, listScope } from "@/lib/access/scope";
import type { Scope } from "@/lib/access/matrix";
import type { CurrentUser } from "@/lib/auth/session";
import { todayIn } from "@/lib/org/time";
import {
  classListOn,
  classRef,
  classSummaries,
  classesOfCurrentYear,
  findStudentsOn,
  studentOptionsOn,
  type ClassRef,
} from "./data";

export async function classesInScope(user: CurrentUser, scopes: readonly Scope[]): Promise<ClassRef[]> {
  const ids = classesToList(await listScope(user, { scopes }));
  return classesOfCurrentYear(user.organisationId, ids ? [...ids] : "all");
}

/** The class list on a date; the page has authorised the class. */
export function loadClassList(user: CurrentUser, classId: number, date: Date) {
  return classListOn(user.organisationId, classId, date);
}

export function loadClass(user: CurrentUser, classId: number) {
  return classRef(user.organisationId, classId);
}

/** Students the reader may manage (people.manage scopes), for the «add a child» picker. */
export async function loadManagedStudentOptions(user: CurrentUser, scopes: readonly Scope[]) {
  const classes = await classesInScope(user, scopes);
  return studentOptionsOn(
    user.organisationId,
    classes.map((c) => c.id),
    todayIn(user.timeZone),
  );
}

/** The classes of the reader's scope with their figures today, and a surname search among their pupils. */
export async function loadPeopleOverview(user: CurrentUser, scopes: readonly Scope[], query: string | null) {
  const classes = await classesInScope(user, scopes);
  const ids = classes.map((c) => c.id);
  const today = todayIn(user.timeZone);
  const [summaries, found] = await Promise.all([
    classSummaries(user.organisationId, ids, today),
    query ? findStudentsOn(user.organisationId, ids, today, query) : Promise.resolve(null),
  ]);
  return { classes: classes.map((c) => ({ ...c, ...summaries.get(c.id)! })), found };
}
