// The access gate for one plan (ACL-1, ACL-3), on top of lib/access: a plan is reached through
// «…All» or «…Own» permissions of the matrix, with its class (and subject) as the target. Beyond
// the matrix's scope: with the «own» scope only, a teacher edits only plans of their own (not a
// colleague's plan for the same class), and a parallel plan (no class) is open to its teacher only.
import { authorize } from "@/lib/access/authorize";
import type { TargetRef } from "@/lib/access/data";
import type { Permission, Scope } from "@/lib/access/matrix";
import type { AccessCheck } from "@/lib/access/guard";
import type { CurrentUser } from "@/lib/auth/session";
import { ownsEnough, type PlanOp, type PlanRef } from "./access-rules";

export type { PlanOp, PlanRef } from "./access-rules";

const PERMISSIONS: Record<PlanOp, Permission[]> = {
  view: ["plans.viewAll", "plans.viewOwn"],
  edit: ["plans.editAll", "plans.editOwn"],
  approve: ["plans.approve"],
};

export function planTarget(plan: Pick<PlanRef, "classId" | "subjectId">): TargetRef {
  return plan.classId !== null ? { kind: "class", classId: plan.classId, subjectId: plan.subjectId } : { kind: "none" };
}

/** The one decision for a plan: allowed with which permission's scopes, or not. */
export async function decidePlan(
  user: CurrentUser,
  op: PlanOp,
  plan: PlanRef,
): Promise<{ allowed: boolean; scopes: Scope[] }> {
  for (const permission of PERMISSIONS[op]) {
    const d = await authorize(user, permission, planTarget(plan));
    if (d.allowed && ownsEnough(op, d.scopes, plan, user.id)) return { allowed: true, scopes: d.scopes };
  }
  return { allowed: false, scopes: [] };
}

/**
 * The plan decision as the gate's module check: pages, actions and routes pass it to the one
 * adapter of lib/access/guard.ts (`requireAccess`, `requireAccessForAction`, `requireAccessForRoute`).
 */
export function planAccess(op: PlanOp, plan: PlanRef): AccessCheck<true> {
  return async (user) => (await decidePlan(user, op, plan)).allowed;
}
