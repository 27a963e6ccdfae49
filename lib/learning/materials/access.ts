// The materials' use of the one access gate (LRN-2, ACL-3): the library shows what the reader's
// scope of «materials.view» covers (all; a department's or a teacher's classes; a family's own
// classes and grades), and «materials.edit» places a material by its scope (rules.ts mayPlace).
import { authorize, type Actor } from "@/lib/access/authorize";
import type { Scope } from "@/lib/access/matrix";
import { actorRelations, classesToList, listScope } from "@/lib/access/scope";
import { todayIn } from "@/lib/org/time";
import { classesOfStudents, gradesOfClasses, type Visibility } from "./data";
import type { PlacerFacts } from "./rules";

/** What the library shows for the scopes of materials.view the reader holds. */
export async function visibilityFor(
  actor: Actor & { timeZone: string },
  scopes: readonly Scope[],
): Promise<Visibility> {
  if (scopes.includes("all")) return { kind: "all" };
  const staffScopes = scopes.filter((s) => s !== "self");
  if (staffScopes.length > 0) {
    const ids = classesToList(await listScope(actor, { scopes: staffScopes }));
    return ids === null ? { kind: "all" } : { kind: "dept", classIds: [...ids] };
  }
  const facts = await actorRelations(actor);
  const students = [...(facts?.studentId ? [facts.studentId] : []), ...(facts?.childIds ?? [])];
  const own = await classesOfStudents(actor.organisationId, students, todayIn(actor.timeZone));
  return { kind: "family", ...own };
}

/** The reader's visibility, or null when materials.view does not admit them at all. */
export async function readerVisibility(actor: Actor & { timeZone: string }): Promise<Visibility | null> {
  const decision = await authorize(actor, "materials.view");
  return decision.allowed ? visibilityFor(actor, decision.scopes) : null;
}

/** The facts mayPlace needs: the scopes of materials.edit, the load and the department's classes with grades. */
export async function placerFacts(actor: Actor, scopes: readonly Scope[]): Promise<PlacerFacts> {
  const [scope, relations] = await Promise.all([listScope(actor, { scopes }), actorRelations(actor)]);
  const loads = scope.taught;
  const dept = relations?.departmentClassIds ?? [];
  const grades = await gradesOfClasses(actor.organisationId, [...loads.map((l) => l.classId), ...dept]);
  return {
    userId: actor.id,
    scopes,
    loads: loads.map((l) => ({ classId: l.classId, subjectId: l.subjectId, grade: grades.get(l.classId) ?? 0 })),
    departmentClasses: dept.map((classId) => ({ classId, grade: grades.get(classId) ?? 0 })),
  };
}
