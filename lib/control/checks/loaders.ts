// Session-bound reads of the checks page (DUT-2): the checks due and overdue the user sees (their
// own level and the levels below), the checks made in the chosen days, the form's choices. The
// class scope comes from the granted scopes and the database facts, never from the URL.
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/access/matrix";
import { actorRelations, classesToList, listScope } from "@/lib/access/scope";
import { todayIn } from "@/lib/org/time";
import { checkClasses, checkFormChoices, checkFrequencies, checksBetween, lastChecks, type CheckClass } from "./data";
import { checkDue, levelsFor, sortDue, visibleDue, type CheckDue, type CheckLevelName } from "./rules";
import type { ChecksParams } from "./schema";

export type DueRow = CheckDue & { className: string; responsible: string };

/** Who answers for a level's check of a class (the list's «Ответственный»). */
function responsible(level: CheckLevelName, c: CheckClass): string {
  if (level === "CLASS_TEACHER") return c.classTeachers.join(", ") || "—";
  if (level === "HEAD_OF_DEPT") return c.head ?? "—";
  return "администрация";
}

/** The due and overdue checks the user sees, with the classes they may record a check for. */
export async function loadDueChecks(user: CurrentUser, scopes: readonly Scope[], now: Date) {
  const today = todayIn(user.timeZone, now);
  const facts = await actorRelations(user);
  // Superiors see the levels below across their scope; the class scope of control.view / control.check.
  const ids = classesToList(await listScope(user, { scopes }));
  const classes = await checkClasses(user.organisationId, ids);
  if (!facts)
    return { today, due: [] as DueRow[], recordable: [] as { id: number; name: string; levels: CheckLevelName[] }[] };
  const [last, every] = await Promise.all([
    lastChecks(
      user.organisationId,
      classes.map((c) => c.id),
    ),
    checkFrequencies(user.organisationId),
  ]);
  const byId = new Map(classes.map((c) => [c.id, c]));
  const pairs = visibleDue(
    facts,
    classes.map((c) => ({
      id: c.id,
      departmentId: c.departmentId,
      hasClassTeacher: c.classTeachers.length > 0,
      hasHead: c.head !== null,
    })),
  );
  const due = sortDue(
    pairs.map(({ level, classId }) => {
      const c = byId.get(classId)!;
      return {
        ...checkDue(level, classId, last.get(`${level}:${classId}`) ?? null, c.yearStart, every[level], today),
        className: c.name,
        responsible: responsible(level, c),
      };
    }),
  );
  const recordable = classes
    .map((c) => ({ id: c.id, name: c.name, levels: levelsFor(facts, c.id) }))
    .filter((c) => c.levels.length > 0);
  return { today, due, recordable, every };
}

/** The checks made in the chosen days, in scope. */
export async function loadChecksMade(user: CurrentUser, scopes: readonly Scope[], q: ChecksParams) {
  const ids = classesToList(await listScope(user, { scopes }));
  return checksBetween(user.organisationId, {
    from: q.from,
    to: q.to,
    classIds: ids,
    level: q.level,
    classId: q.classId,
  });
}

export async function loadCheckChoices(user: CurrentUser, classIds: readonly number[]) {
  return checkFormChoices(user.organisationId, classIds);
}
