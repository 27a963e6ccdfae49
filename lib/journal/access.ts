// The journal's use of the one access gate (ACL-1, ACL-3): a cell save is authorised on its
// lesson (so a substitute teacher may fill exactly that lesson, SCH-3), the grid page on its
// class × subject (× subgroup). Facts are loaded once and each permission decided on them, so a
// save asks the database the same few questions however many permissions are tried.
import { permissionsOn, type Actor } from "@/lib/access/authorize";
import type { TargetRef } from "@/lib/access/data";
import type { Permission } from "@/lib/access/matrix";

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
  const held = await permissionsOn(actor, [...VIEW_PERMISSIONS, "attendance.reason", "journal.unlock"], target);
  const has = (p: Permission) => held.has(p);
  const edit = EDIT_PERMISSIONS.some(has);
  return {
    view: edit || VIEW_PERMISSIONS.some(has),
    edit,
    reason: has("attendance.reason"),
    unlock: has("journal.unlock"),
  };
}
