// The portfolio's use of the one access gate (LRN-5): portfolio.view / .edit / .confirm on the
// student (scopes all, dept, own, class, self as the matrix says); a teacher's portfolio is their
// own (portfolio.edit) and read by the administration (portfolio.view with «all» or «dept»).
import { authorize, type Actor } from "@/lib/access/authorize";
import { actorRelations } from "@/lib/access/scope";

export type StudentPortfolioRights = { view: boolean; add: boolean; confirm: boolean; family: boolean };

export async function studentPortfolioRights(actor: Actor, studentId: number): Promise<StudentPortfolioRights> {
  const target = { kind: "student" as const, studentId };
  const [view, add, confirm, facts] = await Promise.all([
    authorize(actor, "portfolio.view", target),
    authorize(actor, "portfolio.edit", target),
    authorize(actor, "portfolio.confirm", target),
    actorRelations(actor),
  ]);
  const family = !!facts && (facts.studentId === studentId || facts.childIds.includes(studentId));
  return { view: view.allowed, add: add.allowed, confirm: confirm.allowed, family };
}

export type StaffPortfolioRights = { view: boolean; edit: boolean };

export async function staffPortfolioRights(actor: Actor, userId: number): Promise<StaffPortfolioRights> {
  const [view, edit] = await Promise.all([authorize(actor, "portfolio.view"), authorize(actor, "portfolio.edit")]);
  const self = actor.id === userId;
  const wide = (d: typeof view) => d.allowed && (d.scopes.includes("all") || d.scopes.includes("dept"));
  return {
    view: (self && edit.allowed) || wide(view) || (edit.allowed && edit.scopes.includes("all")),
    edit: (self && edit.allowed) || (edit.allowed && edit.scopes.includes("all")),
  };
}
