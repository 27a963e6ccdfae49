// Pure part of the plan gate (ACL-3): beyond the matrix's scope, with the «own» scope only a
// teacher edits only plans of their own (not a colleague's plan for the same class), and a
// parallel plan (no class to scope by) is open only to its teacher or to «all» scopes.
import type { Scope } from "@/lib/access/matrix";

export type PlanRef = { teacherId: number; classId: number | null; subjectId: number };
export type PlanOp = "view" | "edit" | "approve";

export function ownsEnough(op: PlanOp, scopes: readonly Scope[], plan: PlanRef, userId: number): boolean {
  if (scopes.includes("all")) return true;
  if (plan.classId === null) return plan.teacherId === userId;
  if (op === "edit") return plan.teacherId === userId;
  return true;
}
