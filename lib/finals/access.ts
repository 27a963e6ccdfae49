// The finals' use of the one access gate (ACL-1, FIN-4): rights on a class × subject are decided
// once from the actor's facts — view (finals.viewAll / viewOwn, or any edit right), editAll
// (DEPUTY, ADMIN, HEAD_OF_DEPT in their scope) and editOwn (the subject teacher by TeacherLoad).
import { permissionsOn, type Actor } from "@/lib/access/authorize";
import type { Permission } from "@/lib/access/matrix";

export type FinalsRights = { view: boolean; editAll: boolean; editOwn: boolean };

export async function authorizeFinals(actor: Actor, classId: number, subjectId: number): Promise<FinalsRights> {
  const held = await permissionsOn(actor, ["finals.editAll", "finals.editOwn", "finals.viewAll", "finals.viewOwn"], {
    kind: "class",
    classId,
    subjectId,
  });
  const has = (p: Permission) => held.has(p);
  const editAll = has("finals.editAll");
  const editOwn = has("finals.editOwn");
  return { view: editAll || editOwn || has("finals.viewAll") || has("finals.viewOwn"), editAll, editOwn };
}
