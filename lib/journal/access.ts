// The journal's use of the one access gate (ACL-1, ACL-3): a cell save is authorised on its
// lesson (so a substitute teacher may fill exactly that lesson, SCH-3), the grid page on its
// class × subject (× subgroup). Facts are loaded once and each permission decided on them, so a
// save asks the database the same few questions however many permissions are tried.
import { actorFacts, type Actor } from "@/lib/access/authorize";
import { loadTargetFacts, type TargetRef } from "@/lib/access/data";
import type { Permission } from "@/lib/access/matrix";
import { decide, type TargetFacts } from "@/lib/access/rules";

export const VIEW_PERMISSIONS: readonly Permission[] = ["journal.viewAll", "journal.viewOwn", "journal.editAll", "journal.editOwn"];
export const EDIT_PERMISSIONS: readonly Permission[] = ["journal.editAll", "journal.editOwn"];

/** The first of `permissions` the actor holds for the target, or null. */
export async function grantedOn(actor: Actor, permissions: readonly Permission[], target: TargetRef): Promise<Permission | null> {
  const facts = await actorFacts(actor.organisationId, actor.id);
  if (!facts) return null;
  const targetFacts: TargetFacts | null = await loadTargetFacts(actor.organisationId, target, new Date());
  if (!targetFacts) return null;
  return permissions.find((p) => decide(facts, p, targetFacts).allowed) ?? null;
}

/** Decides on a lesson the caller has already loaded (the save's hot path: no second lesson read). */
export async function grantedOnLesson(
  actor: Actor,
  permissions: readonly Permission[],
  lesson: { id: number; classId: number; subjectId: number; subgroupId: number | null; teacherId: number; substituteId: number | null },
): Promise<Permission | null> {
  const facts = await actorFacts(actor.organisationId, actor.id);
  if (!facts) return null;
  const target: TargetFacts = {
    kind: "lesson", lessonId: lesson.id, classId: lesson.classId, subjectId: lesson.subjectId, subgroupId: lesson.subgroupId,
    teacherId: lesson.teacherId, substituteId: lesson.substituteId,
  };
  return permissions.find((p) => decide(facts, p, target).allowed) ?? null;
}

/** Which of the journal permissions the actor holds on a target: one facts load, one target load. */
export async function journalRights(actor: Actor, target: TargetRef): Promise<{ view: boolean; edit: boolean; reason: boolean; unlock: boolean }> {
  const facts = await actorFacts(actor.organisationId, actor.id);
  const targetFacts = facts ? await loadTargetFacts(actor.organisationId, target, new Date()) : null;
  if (!facts || !targetFacts) return { view: false, edit: false, reason: false, unlock: false };
  const has = (p: Permission) => decide(facts, p, targetFacts).allowed;
  const edit = EDIT_PERMISSIONS.some(has);
  return { view: edit || VIEW_PERMISSIONS.some(has), edit, reason: has("attendance.reason"), unlock: has("journal.unlock") };
}
