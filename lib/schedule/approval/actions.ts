"use server";
// PRG-3: the scheduler submits the year's timetable; the director approves it (the classes it
// brings under approval get their lessons) or returns it with a comment.
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { serverNow } from "@/lib/org/clock";
import { formInput } from "@/lib/schema";
import { decideTimetableVersion, submitTimetableVersion } from "./mutations";
import { approveVersionForm, returnVersionForm, submitVersionForm } from "./schema";

export async function submitTimetableAction(
  _prev: ActionResult<{ number: number; message: string }> | null,
  form: FormData,
): Promise<ActionResult<{ number: number; message: string }>> {
  const parsed = formInput(submitVersionForm, form);
  if (!parsed.ok) return parsed;
  const access = await requireAccessForAction("schedule.edit");
  if (!access.ok) return access;
  // The whole school's timetable: a department head (scope «dept») edits groups, not the version.
  if (!access.scopes.includes("all")) return fail("FORBIDDEN", "Отправить расписание на утверждение может диспетчер");
  const result = await submitTimetableVersion(access.user.organisationId, access.user.id, parsed.data.note);
  if (!result.ok) return fail("INVALID_INPUT", result.message);
  revalidatePath("/schedule", "layout");
  revalidatePath("/");
  return ok({ number: result.number, message: `Версия ${result.number} отправлена на утверждение` });
}

type Decided = { number: number; created: number; message: string };

async function decide(
  versionId: number,
  decision: { approve: true } | { approve: false; comment: string },
): Promise<ActionResult<Decided>> {
  const access = await requireAccessForAction("timetable.approve");
  if (!access.ok) return access;
  const result = await decideTimetableVersion(
    access.user.organisationId,
    access.user.id,
    versionId,
    decision,
    serverNow(),
  );
  if (!result.ok) return fail(result.reason === "not_found" ? "NOT_FOUND" : "CONFLICT", result.message);
  revalidatePath("/schedule", "layout");
  revalidatePath("/journal", "layout");
  revalidatePath("/");
  const created = result.lessons?.created ?? 0;
  return ok({
    number: result.number,
    created,
    message: decision.approve
      ? `Версия ${result.number} утверждена${created ? `, создано уроков журнала: ${created}` : ""}`
      : `Версия ${result.number} возвращена диспетчеру`,
  });
}

export async function approveTimetableAction(
  _prev: ActionResult<Decided> | null,
  form: FormData,
): Promise<ActionResult<Decided>> {
  const parsed = formInput(approveVersionForm, form);
  if (!parsed.ok) return parsed;
  return decide(parsed.data.versionId, { approve: true });
}

export async function returnTimetableAction(
  _prev: ActionResult<Decided> | null,
  form: FormData,
): Promise<ActionResult<Decided>> {
  const parsed = formInput(returnVersionForm, form);
  if (!parsed.ok) return parsed;
  return decide(parsed.data.versionId, { approve: false, comment: parsed.data.comment });
}
