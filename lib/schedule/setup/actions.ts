"use server";
// SCH-1: bell schedules (several per organisation, e.g. shifts) and rooms with capacity.
import { firstIssue, formInput } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { assignBellsForm, bellScheduleForm, roomForm } from "../schema";
import { assignBellSchedule, saveBellSchedule, saveRoom } from "./mutations";
import { parseBells } from "./rules";

/** Organisation-wide lists: a department-scoped scheduler may not change them. */
async function requireOrgWideEdit() {
  const access = await requireAccessForAction("schedule.edit");
  if (access.ok && !access.scopes.includes("all")) return fail("FORBIDDEN");
  return access;
}

export async function saveBellScheduleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = formInput(bellScheduleForm, form);
  if (!parsed.ok) return parsed;
  const bells = parseBells(parsed.data.bells);
  if (!bells.ok) return fail("INVALID_INPUT", bells.message, { bells: [bells.message] });
  const access = await requireOrgWideEdit();
  if (!access.ok) return access;
  await saveBellSchedule(access.user.organisationId, access.user.id, {
    name: parsed.data.name,
    isDefault: parsed.data.isDefault,
    bells: bells.bells,
  });
  revalidatePath("/schedule", "layout");
  return ok(undefined);
}

export async function assignBellScheduleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = assignBellsForm.safeParse(Object.fromEntries(form));
  if (!parsed.success) return fail("INVALID_INPUT", firstIssue(parsed.error));
  const access = await requireAccessForAction("schedule.edit", { kind: "class", classId: parsed.data.classId });
  if (!access.ok) return access;
  const done = await assignBellSchedule(
    access.user.organisationId,
    access.user.id,
    parsed.data.classId,
    parsed.data.scheduleId,
  );
  if (!done) return fail("NOT_FOUND");
  revalidatePath("/schedule", "layout");
  return ok(undefined);
}

export async function saveRoomAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = formInput(roomForm, form);
  if (!parsed.ok) return parsed;
  const access = await requireOrgWideEdit();
  if (!access.ok) return access;
  await saveRoom(access.user.organisationId, access.user.id, parsed.data);
  revalidatePath("/schedule", "layout");
  return ok(undefined);
}
