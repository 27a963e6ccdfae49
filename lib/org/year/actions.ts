"use server";
// The year transition wizard (ORG-3, PPL-4): «Проверить» shows the plan and writes nothing;
// «Выполнить переход» recomputes the same plan and commits it in one transaction. ADMIN only.
// REC-2: a closed year is reopened for corrections with a reason (closing it again writes a new
// archive edition: lib/archive/actions.ts closeYearAgainAction).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { dateField, requiredText } from "@/lib/people/schema";
import { fieldErrorsOf, singleLine, idSchema } from "@/lib/schema";
import { serverNow } from "@/lib/org/clock";
import { commitTransition, reopenYear } from "./mutations";
import { planTransition, type TransitionPreview } from "./transition";
import type { ExceptionKind } from "./rules";

export type TransitionState = ActionResult<
  { stage: "preview"; preview: TransitionPreview } | { stage: "done"; nextName: string }
>;

const orderSchema = z.object({ orderNumber: requiredText("номер приказа", 40), orderDate: dateField("дата приказа") });
const idList = z.array(idSchema);

export async function yearTransitionAction(_prev: TransitionState | null, form: FormData): Promise<TransitionState> {
  const access = await requireAccessForAction("year.transition");
  if (!access.ok) return access;
  const order = orderSchema.safeParse({
    orderNumber: form.get("orderNumber") ?? "",
    orderDate: form.get("orderDate") ?? "",
  });
  if (!order.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(order.error));
  const graduating = idList.safeParse(form.getAll("graduate"));
  if (!graduating.success) return fail("INVALID_INPUT", "Неверный список выпускных классов");
  const exceptions = new Map<number, ExceptionKind>();
  const students = form.getAll("exStudent");
  const kinds = form.getAll("exKind");
  for (let i = 0; i < students.length; i++) {
    if (students[i] === "" || kinds[i] === "") continue;
    const id = idSchema.safeParse(students[i]);
    const kind = z.enum(["REPEAT", "CONDITIONAL"]).safeParse(kinds[i]);
    if (!id.success || !kind.success) return fail("INVALID_INPUT", "Неверная строка исключений");
    if (exceptions.has(id.data)) return fail("INVALID_INPUT", "Один ученик указан в исключениях дважды");
    exceptions.set(id.data, kind.data);
  }
  const plan = await planTransition(access.user.organisationId, {
    ...order.data,
    graduating: form.get("graduateShown") === "1" ? new Set(graduating.data) : null,
    exceptions,
  });
  if (!plan.ok) return fail("INVALID_INPUT", plan.message);
  if (form.get("intent") !== "commit") return ok({ stage: "preview", preview: plan.preview });
  const done = await commitTransition(access.user.organisationId, access.user.id, plan.commit, new Date());
  if (!done.ok) return fail("CONFLICT", done.message);
  revalidatePath("/", "layout");
  return ok({ stage: "done", nextName: plan.preview.nextName });
}

export type YearStepState = ActionResult<{ message: string }>;

const yearIdSchema = idSchema;
const reasonSchema = singleLine({ error: "Укажите причину" })
  .trim()
  .min(5, { error: "Укажите причину (не короче 5 символов)" })
  .max(500, { error: "Причина — не длиннее 500 символов" });

/** REC-2: «Открыть год для исправлений» — ADMIN (year.reopen) with a reason; audited. */
export async function reopenYearAction(_prev: YearStepState | null, form: FormData): Promise<YearStepState> {
  const yearId = yearIdSchema.safeParse(form.get("yearId"));
  const reason = reasonSchema.safeParse(form.get("reason") ?? "");
  if (!yearId.success) return fail("INVALID_INPUT", "Неверный учебный год");
  if (!reason.success) return fail("INVALID_INPUT", reason.error.issues[0]?.message);
  const access = await requireAccessForAction("year.reopen");
  if (!access.ok) return access;
  const r = await reopenYear(access.user.organisationId, access.user.id, yearId.data, reason.data, serverNow());
  if (!r.ok) return fail("CONFLICT", r.message);
  revalidatePath("/", "layout");
  return ok({ message: `Учебный год ${r.name} открыт для исправлений` });
}
