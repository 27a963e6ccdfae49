// «Сообщить родителям» (DUT-5) after the gate admitted risk.notify on the class: every chosen
// student must be in the class, within the user's risk.notify scope and at risk now (recomputed
// here, never taken from the form), with at least one parent who has a login — otherwise nothing
// is sent. Then each family gets its own message through lib/messages (which also pushes it to the
// parents' devices), and a RiskNotice records it per student with the reasons.
import { authorize, type Actor } from "@/lib/access/authorize";
import { classRoll } from "@/lib/absences/data";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { sendMessage, type Scheduler } from "@/lib/messages/mail/commands";
import { todayIn } from "@/lib/org/time";
import { createRiskNotice, parentUserIds, riskAbsencePercent, riskSubjects, studentRisk } from "./data";
import { fillRiskTemplate } from "./rules";
import type { RiskNotify } from "./schema";

export async function notifyRisk(
  actor: Actor & { timeZone: string },
  input: RiskNotify,
  now: Date,
  schedule?: Scheduler,
): Promise<ActionResult<{ sent: number }>> {
  const { organisationId } = actor;
  const onClass = await authorize(actor, "risk.notify", { kind: "class", classId: input.classId });
  if (!onClass.allowed) return fail("FORBIDDEN");
  const today = todayIn(actor.timeZone, now);
  const [roll, subjects, percent] = await Promise.all([
    classRoll(organisationId, input.classId, today),
    riskSubjects(organisationId, actor.id, onClass.scopes, input.classId),
    riskAbsencePercent(organisationId),
  ]);
  const names = new Map(roll.map((s) => [s.id, s.name]));
  const plan: { studentId: number; name: string; reasons: string[]; parents: number[] }[] = [];
  for (const studentId of new Set(input.studentIds)) {
    const name = names.get(studentId);
    if (!name) return fail("FORBIDDEN");
    if (!(await authorize(actor, "risk.notify", { kind: "student", studentId })).allowed) return fail("FORBIDDEN");
    const risk = await studentRisk(organisationId, studentId, subjects, percent, today);
    if (risk.reasons.length === 0) return fail("INVALID_INPUT", `${name}: сейчас не в группе риска`);
    const parents = await parentUserIds(organisationId, studentId);
    if (parents.length === 0)
      return fail("INVALID_INPUT", `${name}: у родителей нет учётной записи — сообщите по телефону`);
    plan.push({ studentId, name, reasons: risk.reasons, parents });
  }
  for (const p of plan) {
    const sent = await sendMessage(
      actor,
      {
        personIds: p.parents,
        roles: [],
        classIds: [],
        subject: `Успеваемость: ${p.name}`,
        body: fillRiskTemplate(input.text, p.name, p.reasons),
        replyToId: null,
      },
      [],
      { now, schedule },
    );
    if (!sent.ok) return sent;
    await createRiskNotice({
      organisationId,
      studentId: p.studentId,
      senderId: actor.id,
      messageId: sent.data.messageId,
      reasons: p.reasons.join("; "),
      sentAt: now,
    });
  }
  return ok({ sent: plan.length });
}
