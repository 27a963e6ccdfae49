// The gate's one answer to «which rows may this user list» (ACL-3): the scopes the matrix grants
// for one or more permissions, turned into classes and a teacher with one written meaning each —
//   all   → every class of the organisation (`all`);
//   dept  → the classes of the departments one heads, every subject (`classIds`);
//   class → the classes one leads as class teacher / curator, every subject (`classIds`);
//   own   → one's own teaching: the rows of `teacherId` (lessons, plans, loads) and, for class
//           pickers, the classes of one's load with its subjects (`taught`);
//   self  → not a list of classes (a family's own children: `actorRelations`);
//   leader → the clubs one leads (PRG-2): `clubLeaderFilter`.
// For PAST_YEAR_READS the closed years' load and class-teacher relations count too (REC-3), as in
// the decision itself. Pages, loaders and routes never read the actor's facts or scopes themselves.
import { actorFacts, type Actor } from "./authorize";
import type { Permission, Scope } from "./matrix";
import { effectiveScopes, factsFor, withPastYears, type ActorFacts } from "./rules";

export type ListScope = {
  all: boolean;
  /** Classes admitted whole (dept, class). */
  classIds: number[];
  /** «own»: the acting teacher, whose own lessons / plans / loads are listed; null without «own». */
  teacherId: number | null;
  /** «own»: the class × subject (× subgroup) pairs one teaches by load; empty without «own». */
  taught: { classId: number; subjectId: number; subgroupId: number | null }[];
};

const NOTHING: ListScope = { all: false, classIds: [], teacherId: null, taught: [] };

/**
 * Scopes already granted by the gate for the page / action / route (`requireAccess…().scopes`);
 * `pastYears` counts the closed years' relations as PAST_YEAR_READS do (lists of such a year).
 */
export type GrantedScopes = { scopes: readonly Scope[]; pastYears?: boolean };

/** The list scope of one or more permissions (their scopes united), or of scopes the gate granted. */
export async function listScope(
  actor: Actor,
  grant: Permission | readonly Permission[] | GrantedScopes,
): Promise<ListScope> {
  const facts = await actorFacts(actor.organisationId, actor.id);
  if (!facts) return NOTHING;
  if (typeof grant === "string") return listScopeOf(facts, [grant]);
  if ("scopes" in grant) return scopeOf(grant.pastYears ? withPastYears(facts) : facts, grant.scopes);
  return listScopeOf(facts, grant);
}

/** Pure half of listScope over permissions (unit-tested). */
export function listScopeOf(actor: ActorFacts, permissions: readonly Permission[]): ListScope {
  const parts = permissions.map((p) => scopeOf(factsFor(actor, p), effectiveScopes(factsFor(actor, p), p)));
  const taught = new Map(parts.flatMap((s) => s.taught).map((t) => [`${t.classId}:${t.subjectId}:${t.subgroupId}`, t]));
  return {
    all: parts.some((s) => s.all),
    classIds: [...new Set(parts.flatMap((s) => s.classIds))],
    teacherId: parts.find((s) => s.teacherId !== null)?.teacherId ?? null,
    taught: [...taught.values()],
  };
}

/** The one written meaning of each scope. */
function scopeOf(facts: ActorFacts, scopes: readonly Scope[]): ListScope {
  const own = scopes.includes("own");
  return {
    all: scopes.includes("all"),
    classIds: [
      ...new Set([
        ...(scopes.includes("dept") ? facts.departmentClassIds : []),
        ...(scopes.includes("class") ? facts.classTeacherOf : []),
      ]),
    ],
    teacherId: own ? facts.userId : null,
    taught: own
      ? facts.loads.map((l) => ({ classId: l.classId, subjectId: l.subjectId, subgroupId: l.subgroupId }))
      : [],
  };
}

/** PRG-2: the clubs a list shows — null = every club («all»), else the leader whose own clubs are listed. */
export function clubLeaderFilter(actor: Actor, grant: GrantedScopes): number | null {
  return grant.scopes.includes("all") ? null : actor.id;
}

/** The classes a list shows (class pickers, class-level reports): null = every class. */
export function classesToList(scope: ListScope): Set<number> | null {
  return scope.all ? null : new Set([...scope.classIds, ...scope.taught.map((t) => t.classId)]);
}

export type ActorRelations = Pick<
  ActorFacts,
  "roles" | "classTeacherOf" | "departmentClassIds" | "studentId" | "childIds"
>;

/**
 * Who the actor is in the organisation, from the database (roles, classes led, departments'
 * classes, own student card, children) — for module rules that depend on the relation itself
 * (documents by role, a family's own children, the level of a journal check). Null = no such user.
 */
export async function actorRelations(actor: Actor): Promise<ActorRelations | null> {
  const facts = await actorFacts(actor.organisationId, actor.id);
  if (!facts) return null;
  const { roles, classTeacherOf, departmentClassIds, studentId, childIds } = facts;
  return { roles, classTeacherOf, departmentClassIds, studentId, childIds };
}
