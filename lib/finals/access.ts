// The finals' use of the one access gate (ACL-1, FIN-4): rights on a class × subject are decided
// once from the actor's facts — view (finals.viewAll / viewOwn, or any edit right), editAll
// (DEPUTY, ADMIN, HEAD_OF_DEPT in their scope) and editOwn (the subject teacher by TeacherLoad).
import { actorFacts, type Actor } from "@/lib/access/authorize";
import { loadTargetFacts } from "@/lib/access/data";
import type { Permission } from "@/lib/access/matrix";
import { decide } from "@/lib/access/rules";

export type FinalsRights = { view: boolean; editAll: boolean; editOwn: boolean };

export async function authorizeFinals(actor: Actor, classId: number, subjectId: number): Promise<FinalsRights> {
  const facts = await actorFacts(actor.organisationId, actor.id);
  const target = facts
    ? await loadTargetFacts(actor.organisationId, { kind: "class", classId, subjectId }, new Date())
    : null;
  if (!facts || !target) return { view: false, editAll: false, editOwn: false };
  const has = (p: Permission) => decide(facts, p, target).allowed;
  const editAll = has("finals.editAll");
  const editOwn = has("finals.editOwn");
  return { view: editAll || editOwn || has("finals.viewAll") || has("finals.viewOwn"), editAll, editOwn };
}
