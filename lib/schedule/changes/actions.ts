"use server";
// Date-specific changes (SCH-2) and substitutions (SCH-3) by the scheduler.
import { formInput } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { changeForm, substitutionForm } from "../schema";
import { createSubstitution, createTimetableChange } from "./mutations";
import { scheduleRefusal, writeSchedule } from "../write";

export type ChangeActionData = { id: number; kept: number };

export async function createChangeAction(
  _prev: ActionResult<ChangeActionData> | null,
  form: FormData,
): Promise<ActionResult<ChangeActionData>> {
  const parsed = formInput(changeForm, form);
  if (!parsed.ok) return parsed;
  const access = await requireAccessForAction("schedule.edit", { kind: "class", classId: parsed.data.classId });
  if (!access.ok) return access;
  const result = await writeSchedule(access.user, (w) =>
    createTimetableChange(w.organisationId, w.actorId, parsed.data, w.isCollege, w.scopeCheck),
  );
  return result.ok ? ok({ id: result.id, kept: result.report.kept.length }) : result;
}

export async function createSubstitutionAction(
  _prev: ActionResult<{ lessons: number }> | null,
  form: FormData,
): Promise<ActionResult<{ lessons: number }>> {
  const parsed = formInput(substitutionForm, form);
  if (!parsed.ok) return parsed;
  const input = parsed.data;
  // A department head may substitute only within their groups: a class (or the lesson) is then required.
  const access = input.lessonId
    ? await requireAccessForAction("schedule.edit", { kind: "lesson", lessonId: input.lessonId })
    : input.classId
      ? await requireAccessForAction("schedule.edit", { kind: "class", classId: input.classId })
      : await requireAccessForAction("schedule.edit");
  if (!access.ok) return access;
  if (!input.lessonId && !input.classId && !access.scopes.includes("all"))
    return fail("FORBIDDEN", "Выберите класс или группу своего отделения");
  const result = await createSubstitution(
    access.user.organisationId,
    access.user.id,
    input,
    access.user.orgKind === "COLLEGE",
  );
  if (!result.ok) return scheduleRefusal(result);
  revalidatePath("/schedule", "layout");
  return ok({ lessons: result.lessons });
}
