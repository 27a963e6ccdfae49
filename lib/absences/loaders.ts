// Session-bound reads of the absence pages (DUT-3, DUT-4). The pages have passed the gate; the
// classes listed come from the granted scope, a class or child from the URL is authorised again.
import { authorize } from "@/lib/access/authorize";
import type { Scope } from "@/lib/access/matrix";
import { classesToList, listScope } from "@/lib/access/scope";
import type { CurrentUser } from "@/lib/auth/session";
import { classesForReasons } from "@/lib/journal/reasons/data";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { absencesOfClass, classRoll, noticesOfClasses, noticesOfStudent } from "./data";

const DAY = 86_400_000;
const isoDay = (v: unknown): Date | null =>
  typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))
    ? new Date(`${v}T00:00:00.000Z`)
    : null;

/**
 * The classes a page lists for the user's granted scope and the one chosen by `?class=` (the first
 * listed without one). The caller authorises the chosen class again before reading it.
 */
export async function classChoice(
  user: CurrentUser,
  scopes: readonly Scope[],
  search: Record<string, string | string[] | undefined>,
) {
  const ids = classesToList(await listScope(user, { scopes }));
  const classes = await classesForReasons(user.organisationId, { all: ids === null, classIds: ids ? [...ids] : [] });
  const wanted = Number(typeof search.class === "string" ? search.class : NaN);
  const classId: number | undefined = Number.isInteger(wanted) && wanted > 0 ? wanted : classes[0]?.id;
  return { classes, classId };
}

/** The class teacher's page: classes in scope, the chosen class's roll, absences and parents' notices. */
export async function loadAbsencePage(
  user: CurrentUser,
  scopes: readonly Scope[],
  search: Record<string, string | string[] | undefined>,
) {
  const today = todayIn(user.timeZone, serverNow());
  const { classes, classId } = await classChoice(user, scopes, search);
  const from = isoDay(search.from) ?? new Date(today.getTime() - 30 * DAY);
  const to = isoDay(search.to) ?? new Date(today.getTime() + 60 * DAY);
  if (classId === undefined)
    return { today, classes, classId: null, from, to, roll: [], absences: [], notices: [], allowed: true };
  const allowed = (await authorize(user, "absence.record", { kind: "class", classId })).allowed;
  if (!allowed) return { today, classes, classId, from, to, roll: [], absences: [], notices: [], allowed };
  const range = from <= to && to.getTime() - from.getTime() <= 400 * DAY;
  const [roll, absences, notices] = await Promise.all([
    classRoll(user.organisationId, classId, today),
    range ? absencesOfClass(user.organisationId, classId, from, to) : [],
    noticesOfClasses(user.organisationId, [classId], today, new Date(today.getTime() - 14 * DAY)),
  ]);
  return { today, classes, classId, from, to, roll, absences, notices, allowed };
}

/** The parents' notices waiting for the user as class teacher (home page): their classes only. */
export async function loadPendingNotices(user: CurrentUser, classIds: readonly number[]) {
  if (classIds.length === 0) return [];
  const today = todayIn(user.timeZone, serverNow());
  const rows = await noticesOfClasses(user.organisationId, classIds, today, today);
  return rows.filter((n) => n.status === "PENDING");
}

/** A family's notices about a child (the caller authorised absence.notify on the child). */
export function loadChildNotices(user: CurrentUser, studentId: number) {
  return noticesOfStudent(user.organisationId, studentId);
}
