// The one access gate (ACL-1): `authorize(user, permission, target)` decides on the server from
// the database — the actor's roles, relations and the organisation's overrides — never from
// ids or roles the client sent. Pages, server actions and route handlers call it through
// `guard.ts`.
import { cache } from "react";
import type { Permission } from "./matrix";
import { decide, type ActorFacts, type Decision } from "./rules";
import { loadActorFacts, loadTargetFacts, type TargetRef } from "./data";

export type Actor = { id: number; organisationId: number };

/** Actor facts once per request (React cache); callers never pass roles in. */
export const actorFacts = cache(async (organisationId: number, userId: number): Promise<ActorFacts | null> =>
  loadActorFacts(organisationId, userId, new Date()),
);

export async function authorize(actor: Actor, permission: Permission, target: TargetRef = { kind: "none" }): Promise<Decision> {
  const facts = await actorFacts(actor.organisationId, actor.id);
  if (!facts) return { allowed: false };
  const targetFacts = await loadTargetFacts(actor.organisationId, target, new Date());
  // A target outside the actor's organisation does not exist for them (ACL-5).
  if (!targetFacts) return { allowed: false };
  return decide(facts, permission, targetFacts);
}
