// SEC-2: an update or delete authorises the row as it is stored, not only the values submitted
// with it. The gate admits the submitted target first (guard.ts); the write then loads the stored
// row inside its own transaction and asks this check on the row's stored class / lesson / student:
// a head of department who submits their own class with another department's curriculum row id
// is refused here, and the transaction — nothing written yet or everything rolled back — ends.
// The one helper for every domain (org set-up, people, schedule, plans, journal, finals, messages).
import { fail } from "@/lib/errors";
import { actorFacts, type Actor } from "./authorize";
import { loadTargetFacts, type TargetClient, type TargetRef } from "./data";
import type { ActionDenied } from "./guard";
import type { Permission } from "./matrix";
import { decide } from "./rules";

export const OUT_OF_SCOPE_MESSAGE = "Нет доступа: запись относится к классу (группе) вне вашей области доступа";

/** Thrown inside a transaction by a StoredScopeCheck: the transaction rolls back. */
export class OutOfScope extends Error {
  constructor() {
    super(OUT_OF_SCOPE_MESSAGE);
    this.name = "OutOfScope";
  }
}

/** Asks the gate about a stored row read through `tx`; throws OutOfScope when the actor may not. */
export type StoredScopeCheck = (tx: TargetClient, stored: TargetRef) => Promise<void>;

/**
 * The stored-row check for an actor admitted through any of `permissions`: the same permissions,
 * decided on the stored row's own target (its class, lesson or student as the transaction sees it).
 */
export function storedScopeCheck(actor: Actor, permissions: Permission | readonly Permission[]): StoredScopeCheck {
  const list: readonly Permission[] = typeof permissions === "string" ? [permissions] : permissions;
  return async (tx, stored) => {
    const facts = await actorFacts(actor.organisationId, actor.id);
    const target = facts ? await loadTargetFacts(actor.organisationId, stored, new Date(), tx) : null;
    if (!facts || !target || !list.some((p) => decide(facts, p, target).allowed)) throw new OutOfScope();
  };
}

/** Runs a write whose stored-row check may refuse: OutOfScope becomes the action's FORBIDDEN answer. */
export async function refuseOutOfScope<T>(write: () => Promise<T>): Promise<T | ActionDenied> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof OutOfScope) return fail("FORBIDDEN", OUT_OF_SCOPE_MESSAGE);
    throw e;
  }
}
