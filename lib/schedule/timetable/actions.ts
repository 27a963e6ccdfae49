"use server";
// «Расписание»: the scheduler edits a class's weekly grid (SCH-2). Conflicts come back as
// Russian messages naming the clash; nothing is written then.
import { formInput } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { refuseOutOfScope, storedScopeCheck } from "@/lib/access/stored";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { todayIn } from "@/lib/org/time";
import { entryForm, idParam } from "../schema";
import { deleteTimetableEntry, saveTimetableEntry } from "./mutations";
import { writeSchedule } from "../write";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";

export async function saveEntryAction(
  _prev: ActionResult<{ id: number }> | null,
  form: FormData,
): Promise<ActionResult<{ id: number }>> {
  const parsed = formInput(entryForm, form);
  if (!parsed.ok) return parsed;
  const access = await requireAccessForAction("schedule.edit", { kind: "class", classId: parsed.data.classId });
  if (!access.ok) return access;
  const result = await writeSchedule(access.user, (w) =>
    saveTimetableEntry(w.organisationId, w.actorId, parsed.data, w.isCollege, w.scopeCheck),
  );
  return result.ok ? ok({ id: result.id }) : result;
}

export async function deleteEntryAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const entryId = idParam.safeParse(form.get("entryId"));
  const classId = idParam.safeParse(form.get("classId"));
  if (!entryId.success || !classId.success) return fail("INVALID_INPUT");
  const access = await requireAccessForAction("schedule.edit", { kind: "class", classId: classId.data });
  if (!access.ok) return access;
  const result = await refuseOutOfScope(() =>
    deleteTimetableEntry(
      access.user.organisationId,
      access.user.id,
      entryId.data,
      classId.data,
      todayIn(access.user.timeZone),
      storedScopeCheck(access.user, "schedule.edit"),
    ),
  );
  if ("code" in result) return result;
  if (!result.ok) {
    if (result.reason === "locked") return fail("LOCKED", YEAR_CLOSED_REASON);
    return result.reason === "not_found"
      ? fail("NOT_FOUND", "Урок расписания не найден")
      : fail(
          "INVALID_INPUT",
          "По этому уроку уже есть уроки журнала с сегодняшнего дня: удалите его позже или закройте дату окончания",
        );
  }
  revalidatePath("/schedule", "layout");
  return ok(undefined);
}
