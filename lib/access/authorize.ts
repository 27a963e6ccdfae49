// The one access gate (ACL-1): `authorize(user, permission, target)` decides on the server from
// the database — the actor's roles, relations and the organisation's overrides — never from
// ids or roles the client sent. Pages, server actions and route handlers call it through
// `guard.ts`.
import { cache } from "react";
import type { Permission } from "./matrix";
import { decide, lessonTarget, type ActorFacts, type Decision, type LessonRow, type TargetFacts } from "./rules";
import { loadActorFacts, loadTargetFacts, type TargetRef } from "./data";
import { processCache, requestAccessVersion, versionTag } from "@/lib/auth/version";

export type Actor = { id: number; organisationId: number };

/**
 * The actor's facts from the in-process cache while the organisation's AccessVersion is the one
 * they were loaded under (lib/auth/version.ts), else from the database. `version` is the one the
 * request's user was resolved under, when known (saves the second read in route handlers).
 */
async function cachedActorFacts(organisationId: number, userId: number, version?: bigint): Promise<ActorFacts | null> {
  const facts = processCache<ActorFacts>("actor-facts");
  if (!facts) return loadActorFacts(organisationId, userId);
  const current = version ?? (await requestAccessVersion(organisationId));
  const key = `${organisationId}:${userId}`;
  const hit = facts.get(key, current);
  if (hit) return hit;
  const loaded = await loadActorFacts(organisationId, userId);
  if (loaded) facts.set(key, current, loaded);
  else facts.delete(key);
  return loaded;
}

/**
 * The key of a target whose facts may be kept in the process under the organisation's AccessVersion,
 * or null for one read every time. A class's facts are its existence (ClassGroup's rows raise the
 * version); a student's are their classes on `today` (Student's and ClassMembership's rows raise it,
 * the day is in the key). A lesson's teacher, subgroup or substitute and a club's leader change
 * without raising it: those are read on every request.
 */
function cachedTargetKey(organisationId: number, target: TargetRef, today: Date): string | null {
  if (target.kind === "class") return `${organisationId}:${JSON.stringify(target)}`;
  if (target.kind === "student")
    return `${organisationId}:student:${target.studentId}:${today.toISOString().slice(0, 10)}`;
  return null;
}

/** A target's facts: from the process cache under the request's AccessVersion where cachedTargetKey allows. */
async function targetFactsOf(actor: Actor, target: TargetRef): Promise<TargetFacts | null> {
  const today = new Date();
  const key = cachedTargetKey(actor.organisationId, target, today);
  const targets = key ? processCache<TargetFacts>("target-facts") : null;
  if (!key || !targets) return loadTargetFacts(actor.organisationId, target, today);
  // The version first, then the data it tags (lib/auth/version.ts).
  const current = versionTag(actor) ?? (await requestAccessVersion(actor.organisationId));
  const hit = targets.get(key, current);
  if (hit) return hit;
  const loaded = await loadTargetFacts(actor.organisationId, target, today);
  // Only what exists is kept: a target created after a miss is seen at once.
  if (loaded) targets.set(key, current, loaded);
  return loaded;
}

/** Actor facts once per request (React cache), cached between requests; callers never pass roles in. */
export const actorFacts = cache(
  async (organisationId: number, userId: number, version?: bigint): Promise<ActorFacts | null> =>
    cachedActorFacts(organisationId, userId, version),
);

/** The facts of an actor object: with the version its request was resolved under (CurrentUser). */
const factsOf = (actor: Actor) => actorFacts(actor.organisationId, actor.id, versionTag(actor));

export async function authorize(
  actor: Actor,
  permission: Permission,
  target: TargetRef = { kind: "none" },
): Promise<Decision> {
  const facts = await factsOf(actor);
  if (!facts) return { allowed: false };
  const targetFacts = await targetFactsOf(actor, target);
  // A target outside the actor's organisation does not exist for them (ACL-5).
  if (!targetFacts) return { allowed: false };
  return decide(facts, permission, targetFacts);
}

/** The first of `permissions` the actor holds for the target, or null. */
export async function authorizeAny(
  actor: Actor,
  permissions: readonly Permission[],
  target: TargetRef,
): Promise<Permission | null> {
  const facts = await factsOf(actor);
  if (!facts) return null;
  const targetFacts: TargetFacts | null = await targetFactsOf(actor, target);
  if (!targetFacts) return null;
  return permissions.find((p) => decide(facts, p, targetFacts).allowed) ?? null;
}

/** Which of `permissions` the actor holds on one target: one facts read, one target read. */
export async function permissionsOn(
  actor: Actor,
  permissions: readonly Permission[],
  target: TargetRef,
): Promise<Set<Permission>> {
  const facts = await factsOf(actor);
  if (!facts) return new Set();
  const targetFacts = await targetFactsOf(actor, target);
  if (!targetFacts) return new Set();
  return new Set(permissions.filter((p) => decide(facts, p, targetFacts).allowed));
}

/** Decides on a lesson the caller has already loaded (the save's hot path: no second lesson read). */
export async function authorizeAnyOnLesson(
  actor: Actor,
  permissions: readonly Permission[],
  lesson: LessonRow,
): Promise<Permission | null> {
  const facts = await factsOf(actor);
  if (!facts) return null;
  const target = lessonTarget(lesson);
  return permissions.find((p) => decide(facts, p, target).allowed) ?? null;
}
