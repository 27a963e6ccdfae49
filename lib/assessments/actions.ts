"use server";
// PRG-4: DEPUTY publishes a class's assessment schedule for a period (assessments.publish on the
// class): a new version holding the items as the approved КТП give them now. Publishing again
// records the changes since the last version; families see current dates either way (rules.ts).
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { YEAR_CLOSED_REASON } from "@/lib/journal/lock";
import { serverNow } from "@/lib/org/clock";
import { todayIn } from "@/lib/org/time";
import { formInput } from "@/lib/schema";
import { classSchedule } from "./loaders";
import { publishSchedule } from "./mutations";
import { publishedItems } from "./rules";
import { publishForm } from "./schema";

export async function publishAssessmentsAction(
  _prev: ActionResult<{ message: string }> | null,
  form: FormData,
): Promise<ActionResult<{ message: string }>> {
  const parsed = formInput(publishForm, form);
  if (!parsed.ok) return parsed;
  const { classId, periodId } = parsed.data;
  const access = await requireAccessForAction("assessments.publish", { kind: "class", classId });
  if (!access.ok) return access;
  const org = access.user.organisationId;
  const s = await classSchedule(org, classId, periodId, todayIn(access.user.timeZone, serverNow()));
  if (!s || s.period.id !== periodId) return fail("NOT_FOUND", "Класс или период не найден");
  if (!s.schedule.items.length) return fail("INVALID_INPUT", "В графике нет оценочных процедур — публиковать нечего");
  const version = await publishSchedule(org, access.user.id, classId, periodId, publishedItems(s.schedule.items));
  if (version === null) return fail("LOCKED", YEAR_CLOSED_REASON);
  revalidatePath("/plans/assessments");
  return ok({
    message: `График опубликован (версия ${version})${s.schedule.warnings.length ? `, предупреждений: ${s.schedule.warnings.length}` : ""}`,
  });
}
