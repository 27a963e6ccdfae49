"use server";
// SCH-5: the scheduler plans exams, credits and consultations per group.
import { formInput } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { examForm } from "../schema";
import { localInstant } from "../week";
import { createExamSlot } from "./mutations";

export async function createExamAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = formInput(examForm, form);
  if (!parsed.ok) return parsed;
  const { date, time, ...rest } = parsed.data;
  const access = await requireAccessForAction("schedule.edit", { kind: "class", classId: rest.classId });
  if (!access.ok) return access;
  const result = await createExamSlot(
    access.user.organisationId,
    access.user.id,
    rest,
    localInstant(date, time, access.user.timeZone),
  );
  if (!result.ok) return fail("INVALID_INPUT", result.message);
  revalidatePath("/schedule/exams");
  return ok(undefined);
}
