// Recording a journal check (DUT-2) after the gate admitted control.check: the class, subject and
// period must exist, the class must be in the actor's scope, the level is one the actor holds for
// that class (from the database, never the form alone), a remark needs remarks.write on the class
// (CTL-2); then one transaction writes the check, the remark and the audit rows.
import { authorize } from "@/lib/access/authorize";
import { actorRelations } from "@/lib/access/scope";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { todayIn } from "@/lib/org/time";
import { enqueuePush } from "@/lib/push/mutations";
import { remarkPayload } from "@/lib/push/rules";
import { checkTargetProblem } from "./data";
import { vocabulary } from "@/lib/org/vocabulary";
import type { WordedActor } from "../remarks/commands";
import { createCheck } from "./mutations";
import { levelsFor } from "./rules";
import type { CheckCreate } from "./schema";

export async function recordCheck(
  actor: WordedActor & { timeZone: string },
  input: CheckCreate,
  now: Date,
): Promise<ActionResult<{ id: number; remarkId: number | null }>> {
  // DAY-6 (issue 22 round 24): the messages in the organisation's words.
  const v = vocabulary(actor.orgKind ?? "SCHOOL");
  const problem = await checkTargetProblem(
    actor.organisationId,
    { classId: input.classId, subjectId: input.subjectId, periodId: input.periodId, teacherId: input.remarkTeacherId },
    v,
  );
  if (problem) return fail("INVALID_INPUT", problem.message, { [problem.field]: [problem.message] });
  if (!(await authorize(actor, "control.check", { kind: "class", classId: input.classId })).allowed)
    return fail("FORBIDDEN");
  const facts = await actorRelations(actor);
  const levels = facts ? levelsFor(facts, input.classId) : [];
  if (levels.length === 0)
    return fail(
      "FORBIDDEN",
      `Проверку журнала ${v.class.gen} записывают ${v.classIts} ${v.classTeacher.nom}, заведующий отделением и администрация`,
    );
  const level = input.level ?? levels[0];
  if (!levels.includes(level)) {
    const message = `Вы не проверяете журнал ${v.thisClass.gen} на этом уровне`;
    return fail("FORBIDDEN", message, { level: [message] });
  }
  if (
    input.remarkText &&
    !(await authorize(actor, "remarks.write", { kind: "class", classId: input.classId })).allowed
  ) {
    const message = `Замечания ${v.teacher.datPl} пишет администрация (права «Формировать замечания»)`;
    return fail("FORBIDDEN", message, { remarkText: [message] });
  }
  const created = await createCheck({
    organisationId: actor.organisationId,
    checkerId: actor.id,
    classId: input.classId,
    subjectId: input.subjectId ?? null,
    periodId: input.periodId ?? null,
    level,
    checkedOn: todayIn(actor.timeZone, now),
    result: input.result,
    findings: input.findings ?? null,
    remark:
      input.remarkText && input.remarkTeacherId ? { teacherId: input.remarkTeacherId, text: input.remarkText } : null,
    now,
  });
  if (created.remarkId !== null && input.remarkTeacherId)
    await enqueuePush(actor.organisationId, actor.id, {
      event: "users",
      kind: "remark",
      userIds: [input.remarkTeacherId],
      payload: remarkPayload(),
    });
  return ok(created);
}
