// The journal's use of the one access gate (ACL-1, ACL-3): a cell save is authorised on its
// lesson (so a substitute teacher may fill exactly that lesson, SCH-3), the grid page on its
// class × subject (× subgroup). Facts are loaded once and each permission decided on them, so a
// save asks the database the same few questions however many permissions are tried.
import { actorFacts, type Actor } from "@/lib/access/authorize";
import { loadTargetFacts, type TargetRef } from "@/lib/access/data";
import type { Permission } from "@/lib/access/matrix";
import { decide } from "@/lib/access/rules";

export const VIEW_PERMISSIONS: readonly Permission[] = [
  "journal.viewAll",
  "journal.viewOwn",
  "journal.editAll",
  "journal.editOwn",
];
export const EDIT_PERMISSIONS: readonly Permission[] = ["journal.editAll", "journal.editOwn"];

/** Which of the journal permissions the actor holds on a target: one facts load, one target load. */
export async function authorizeJournal(
  actor: Actor,
  target: TargetRef,
): Promise<{ view: boolean; edit: boolean; reason: boolean; unlock: boolean }> {
  const facts = await actorFacts(actor.organisationId, actor.id);
  const targetFacts = facts ? await loadTargetFacts(actor.organisationId, target, new Date()) : null;
  if (!facts || !targetFacts) return { view: false, edit: false, reason: false, unlock: false };
  const has = (p: Permission) => decide(facts, p, targetFacts).allowed;
  const edit = EDIT_PERMISSIONS.some(has);
  return {
    view: edit || VIEW_PERMISSIONS.some(has),
    edit,
    reason: has("attendance.reason"),
    unlock: has("journal.unlock"),
  };
}
