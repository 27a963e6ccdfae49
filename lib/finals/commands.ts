// One final saved from the finals page (FIN-1…FIN-4): parse → authorise on the class × subject →
// check the period, the one lock decision (lib/journal/lock.ts: closed year, closed period, ADMIN's
// unlock — REC-1, REC-2, seed 002 §4.5.1), the student and who sets their final → parse the value on
// the scale → write with the loaded version. `now` is injectable so tests move the clock.
import type { Actor } from "@/lib/access/authorize";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { finalLabel } from "@/lib/journal/averages";
import { journalLockContext } from "@/lib/journal/data";
import { finalLock } from "@/lib/journal/lock";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { authorizeFinals } from "./access";
import { finalTarget, studentFormsInClass } from "./data";
import { writeFinal, type FinalState } from "./mutations";
import { DEPUTY_ONLY_MESSAGE, finalInputText, formIsPassFail, mayEditFinal, parseFinalInput } from "./rules";
import { saveFinalSchema } from "./schema";
import { enqueuePush } from "@/lib/push/mutations";
import { refuseOutOfScope, storedScopeCheck } from "@/lib/access/stored";
import { emitWebhookEvent } from "@/lib/webhooks/mutations";

export type SavedFinal = { state: FinalState | null; text: string; label: string };

export async function saveFinal(
  actor: Actor,
  raw: unknown,
  now: Date = serverNow(),
): Promise<ActionResult<SavedFinal>> {
  const parsed = saveFinalSchema.safeParse(raw);
  if (!parsed.success) return fail("INVALID_INPUT", parsed.error.issues[0]?.message ?? "Проверьте введённые данные");
  const input = parsed.data;
  const rights = await authorizeFinals(actor, input.classId, input.subjectId);
  if (!rights.editAll && !rights.editOwn) return fail("FORBIDDEN");
  const [target, lockContext] = await Promise.all([
    finalTarget(actor.organisationId, input.classId, input.subjectId),
    journalLockContext(actor.organisationId, input.classId, input.subjectId, now),
  ]);
  if (!target || !lockContext) return fail("NOT_FOUND");
  if (
    input.kind === "PERIOD" ? input.periodId === null || !target.periodIds.has(input.periodId) : input.periodId !== null
  ) {
    return fail("INVALID_INPUT", "Период не относится к этому классу");
  }
  const lock = finalLock(lockContext, input.periodId, { today: todayIn(lockContext.timeZone, now), now });
  if (!lock.open) return fail("LOCKED", lock.reason);
  const periodClosed = lockContext.closed.some((c) => c.periodId === input.periodId);
  const forms = await studentFormsInClass(actor.organisationId, input.studentId, input.classId);
  if (!forms) return fail("INVALID_INPUT", "Обучающийся не состоит в этом классе");
  if (!mayEditFinal(rights, forms)) return fail("FORBIDDEN", DEPUTY_ONLY_MESSAGE);
  const form =
    target.orgKind === "COLLEGE"
      ? ((input.periodId !== null ? target.formOf.get(input.periodId) : undefined) ?? target.subjectForm)
      : "NONE";
  const value = parseFinalInput(input.text, {
    minMark: target.minMark,
    maxMark: target.maxMark,
    passFail: target.passFail || formIsPassFail(form),
  });
  if (!value.ok) return fail("INVALID_INPUT", value.message, { text: [value.message] });
  const written = await refuseOutOfScope(() =>
    writeFinal({
      organisationId: actor.organisationId,
      userId: actor.id,
      studentId: input.studentId,
      classId: input.classId,
      subjectId: input.subjectId,
      kind: input.kind,
      periodId: input.periodId,
      form,
      next: value.value,
      version: input.version,
      periodClosed,
      now,
      inScope: storedScopeCheck(actor, ["finals.editAll", "finals.editOwn"]),
    }),
  );
  if ("code" in written) return written;
  const result = written;
  if (!result.ok && result.reason === "closed-meanwhile")
    return fail("LOCKED", "Период только что закрыт — обновите страницу");
  if (!result.ok) {
    const current = result.state ? finalLabel(result.state) : "нет отметки";
    return fail("CONFLICT", `Отметку уже изменили: сейчас «${current}». Обновите страницу`);
  }
  await emitWebhookEvent(
    actor.organisationId,
    "final.set",
    {
      studentId: input.studentId,
      classId: input.classId,
      subjectId: input.subjectId,
      periodId: input.periodId ?? null,
      kind: input.kind,
      final: result.state,
    },
    now,
  );
  // FIN-5: the family hears of it at once — a push job for the worker (lib/push/jobs.ts).
  if (result.state)
    await enqueuePush(actor.organisationId, actor.id, {
      event: "final",
      subjectId: input.subjectId,
      studentId: input.studentId,
      label: finalLabel(result.state),
    });
  return ok({ state: result.state, text: finalInputText(result.state), label: finalLabel(result.state) });
}
