// The steps of a remark after the gate admitted the permission (CTL-2): what the scope allows,
// the status move, the write with audit. Shared by the server actions and the tests.
import { authorize, type Actor } from "@/lib/access/authorize";
import { refuseOutOfScope, storedScopeCheck } from "@/lib/access/stored";
import type { Scope } from "@/lib/access/matrix";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { remarkStatusLabel, remarkTransition, type RemarkStatusName } from "../rules";
import type { RemarkCreate, RemarkMoveInput } from "../schema";
import { checkRemarkTarget, findRemark } from "./data";
import { createRemark, moveRemark } from "./mutations";
import { enqueuePush } from "@/lib/push/mutations";
import { vocabulary, type OrgKindName } from "@/lib/org/vocabulary";
import { remarkPayload } from "@/lib/push/rules";

/**
 * Who acts, with the organisation's kind for the messages' words (DAY-6, issue 22 round 24: a college reads
 * «преподаватель», «группа», «занятие»); the session's user carries it, a test's bare actor reads the school's.
 */
export type WordedActor = Actor & { orgKind?: OrgKindName };

/** Files a remark; `scopes` are those the gate granted for remarks.write. */
export async function fileRemark(
  actor: WordedActor,
  scopes: readonly Scope[],
  r: RemarkCreate,
): Promise<ActionResult<{ id: number }>> {
  // A department head writes only about the classes of their department: the class is required.
  if (!scopes.includes("all") && !r.classId && !r.lessonId) {
    return fail("INVALID_INPUT", "Укажите класс (группу) вашего отделения", { classId: ["Укажите класс (группу)"] });
  }
  const target = await checkRemarkTarget(actor.organisationId, r, vocabulary(actor.orgKind ?? "SCHOOL"));
  if (!target.ok) return fail("INVALID_INPUT", target.message, { [target.field]: [target.message] });
  if (target.classId) {
    const decision = await authorize(actor, "remarks.write", { kind: "class", classId: target.classId });
    if (!decision.allowed) return fail("FORBIDDEN");
  }
  const id = await createRemark(actor.organisationId, actor.id, {
    teacherId: r.teacherId,
    classId: target.classId,
    subjectId: target.subjectId,
    lessonId: target.lessonId,
    text: r.text,
  });
  await enqueuePush(actor.organisationId, actor.id, {
    event: "users",
    kind: "remark",
    userIds: [r.teacherId],
    payload: remarkPayload(),
  });
  return ok({ id });
}

/**
 * Moves a remark: «done» only by the teacher it is addressed to; «close» / «reopen» by its writer
 * or a writer over the whole organisation (e.g. the director). `scopes` are those of the
 * permission the gate checked (remarks.resolve for «done», remarks.write otherwise).
 */
export async function applyRemarkMove(
  actor: WordedActor,
  scopes: readonly Scope[],
  m: RemarkMoveInput,
  now: Date,
): Promise<ActionResult<{ status: RemarkStatusName }>> {
  const remark = await findRemark(actor.organisationId, m.remarkId);
  const kind = actor.orgKind ?? "SCHOOL";
  if (!remark) return fail("NOT_FOUND", "Замечание не найдено");
  if (m.move === "done" && remark.teacherId !== actor.id)
    return fail("FORBIDDEN", `Это замечание адресовано другому ${vocabulary(kind).teacher.dat}`);
  if (m.move !== "done" && remark.authorId !== actor.id && !scopes.includes("all"))
    return fail("FORBIDDEN", "Закрыть замечание может тот, кто его написал");
  const from = remark.status as RemarkStatusName;
  const to = remarkTransition(from, m.move);
  if (!to) return fail("CONFLICT", `Замечание уже в состоянии «${remarkStatusLabel(from, kind)}»`);
  // «done» is the addressee's own remark; «close»/«reopen» also need the stored class in scope (SEC-2).
  const moved = await refuseOutOfScope(() =>
    moveRemark(
      actor.organisationId,
      actor.id,
      { id: m.remarkId, from, to, note: m.note, move: m.move },
      now,
      m.move === "done" ? undefined : storedScopeCheck(actor, "remarks.write"),
    ),
  );
  if (moved !== true) return moved === false ? fail("CONFLICT", "Замечание уже изменено, обновите страницу") : moved;
  return ok({ status: to });
}
