// The access decision as a pure function (ACL-1…ACL-3): the effective scopes of an actor for a
// permission, and whether a resolved target lies inside them. No I/O: `authorize.ts` loads the
// facts from the database and calls these.

import { MATRIX_COLUMNS, type MatrixColumn, type Role } from "./roles";
import { defaultScope, type Permission, type Scope } from "./matrix";

/** What the database says about the acting user (never what the client sent). */
export type ActorFacts = {
  userId: number;
  organisationId: number;
  roles: readonly Role[];
  /** Classes the user is class teacher / curator / master of. */
  classTeacherOf: readonly number[];
  /** Classes of the departments the user heads (HEAD_OF_DEPT). */
  departmentClassIds: readonly number[];
  /** Teacher load (тарификация) of the current year. */
  loads: readonly { classId: number; subjectId: number; subgroupId: number | null }[];
  /**
   * REC-3, ARC-2: the load and the class-teacher relations of CLOSED years. They admit the read
   * permissions of PAST_YEAR_READS only — a teacher opens their own classes of a closed year
   * read-only. Absent = none.
   */
  pastLoads?: readonly { classId: number; subjectId: number; subgroupId: number | null }[];
  pastClassTeacherOf?: readonly number[];
  /** The user's own student card, if the user is a student. */
  studentId: number | null;
  /** Children of the user's parent card, if the user is a parent. */
  childIds: readonly number[];
  /** Per-organisation overrides: column → permission → scope (null = denied). */
  overrides: ReadonlyMap<string, Scope | null>;
};

/** The target as loaded from the database, reduced to what scopes need. */
export type TargetFacts =
  | { kind: "none" }
  | { kind: "class"; classId: number; subjectId?: number; subgroupId?: number | null }
  | {
      kind: "lesson";
      lessonId: number;
      classId: number;
      subjectId: number;
      subgroupId: number | null;
      teacherId: number;
      substituteId: number | null;
    }
  | { kind: "student"; studentId: number; classIds: readonly number[] }
  | { kind: "user"; userId: number }
  /** PRG-2: a club (extracurricular group) and its leader. */
  | { kind: "club"; clubId: number; leaderId: number };

/** A lesson row as the gate decides on it: its class, subject, subgroup, teacher and substitute. */
export type LessonRow = Omit<Extract<TargetFacts, { kind: "lesson" }>, "kind" | "lessonId"> & { id: number };

export function lessonTarget(l: LessonRow): TargetFacts {
  return {
    kind: "lesson",
    lessonId: l.id,
    classId: l.classId,
    subjectId: l.subjectId,
    subgroupId: l.subgroupId,
    teacherId: l.teacherId,
    substituteId: l.substituteId,
  };
}

export function overrideKey(column: string, permission: string): string {
  return `${column}:${permission}`;
}

/** The matrix columns that apply to an actor: login roles plus CLASS_TEACHER by relation. */
export function actorColumns(actor: Pick<ActorFacts, "roles" | "classTeacherOf">): MatrixColumn[] {
  return MATRIX_COLUMNS.filter((column) =>
    column === "CLASS_TEACHER" ? actor.classTeacherOf.length > 0 : (actor.roles as readonly string[]).includes(column),
  );
}

/** Effective scopes for a permission: the organisation's override where one exists, else the default. */
export function effectiveScopes(actor: ActorFacts, permission: Permission): Scope[] {
  const scopes = new Set<Scope>();
  for (const column of actorColumns(actor)) {
    const key = overrideKey(column, permission);
    const scope = actor.overrides.has(key) ? actor.overrides.get(key)! : defaultScope(permission, column);
    if (scope) scopes.add(scope);
  }
  return [...scopes];
}

function loadCovers(
  load: ActorFacts["loads"][number],
  classId: number,
  subjectId: number | undefined,
  subgroupId: number | null | undefined,
): boolean {
  if (load.classId !== classId) return false;
  if (subjectId !== undefined && load.subjectId !== subjectId) return false;
  // A load for the whole class covers its subgroups; a subgroup load covers only that subgroup.
  if (subgroupId != null && load.subgroupId != null && load.subgroupId !== subgroupId) return false;
  return true;
}

/** Does one scope admit the target? */
export function scopeAdmits(scope: Scope, actor: ActorFacts, target: TargetFacts): boolean {
  if (scope === "all") return true;
  // «leader» admits only the clubs one leads (PRG-2) — and the feature itself (target none).
  if (scope === "leader") return target.kind === "none" || (target.kind === "club" && target.leaderId === actor.userId);
  switch (target.kind) {
    case "none":
      // The feature itself is open; data layers filter rows by the same scope.
      return true;
    case "class":
      if (scope === "dept") return actor.departmentClassIds.includes(target.classId);
      if (scope === "class") return actor.classTeacherOf.includes(target.classId);
      if (scope === "own")
        return actor.loads.some((l) => loadCovers(l, target.classId, target.subjectId, target.subgroupId));
      return false;
    case "lesson":
      if (scope === "dept") return actor.departmentClassIds.includes(target.classId);
      if (scope === "class") return actor.classTeacherOf.includes(target.classId);
      if (scope === "own")
        return (
          target.teacherId === actor.userId ||
          target.substituteId === actor.userId ||
          actor.loads.some((l) => loadCovers(l, target.classId, target.subjectId, target.subgroupId))
        );
      return false;
    case "student":
      if (scope === "self") return target.studentId === actor.studentId || actor.childIds.includes(target.studentId);
      if (scope === "dept") return target.classIds.some((c) => actor.departmentClassIds.includes(c));
      if (scope === "class") return target.classIds.some((c) => actor.classTeacherOf.includes(c));
      if (scope === "own") return target.classIds.some((c) => actor.loads.some((l) => l.classId === c));
      return false;
    case "user":
      return scope === "self" && target.userId === actor.userId;
    case "club":
      // A club is no class: only «all» and the leader's own scope (above) reach it.
      return false;
  }
}

export type Decision = { allowed: true; scopes: Scope[] } | { allowed: false };

/**
 * The permissions a closed year's load / class-teacher relation admits (REC-3): reading one's own
 * journals, finals and reports of that year. Nothing that writes.
 */
export const PAST_YEAR_READS: ReadonlySet<Permission> = new Set<Permission>([
  "journal.viewOwn",
  "finals.viewOwn",
  "reports.class",
]);

/** The facts a permission is decided on: for PAST_YEAR_READS the closed years' relations count too. */
export function factsFor(actor: ActorFacts, permission: Permission): ActorFacts {
  return PAST_YEAR_READS.has(permission) ? withPastYears(actor) : actor;
}

/** The facts with the closed years' load and class-teacher relations added (REC-3). */
export function withPastYears(actor: ActorFacts): ActorFacts {
  const pastLoads = actor.pastLoads ?? [];
  const pastClasses = actor.pastClassTeacherOf ?? [];
  if (pastLoads.length === 0 && pastClasses.length === 0) return actor;
  return {
    ...actor,
    loads: [...actor.loads, ...pastLoads],
    classTeacherOf: [...actor.classTeacherOf, ...pastClasses],
  };
}

export function decide(actor: ActorFacts, permission: Permission, target: TargetFacts): Decision {
  const facts = factsFor(actor, permission);
  const scopes = effectiveScopes(facts, permission);
  const admitted = scopes.filter((scope) => scopeAdmits(scope, facts, target));
  return admitted.length > 0 ? { allowed: true, scopes } : { allowed: false };
}
