"use server";
// Recording a movement (PPL-3): parse → gate on the student (and the target class) → one transaction.
import { fieldErrorsOf, formRecord } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { authorize } from "@/lib/access/authorize";
import { requireAccessForAction } from "@/lib/access/guard";
import { requestAddress } from "@/lib/auth/request";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { movementSchema } from "./schema";
import { recordMovement } from "./mutations";

export async function recordMovementAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = movementSchema.safeParse(formRecord(form));
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  const m = parsed.data;
  const access = await requireAccessForAction("movement.edit", { kind: "student", studentId: m.studentId });
  if (!access.ok) return access;
  if (
    m.toClassId !== null &&
    !(await authorize(access.user, "movement.edit", { kind: "class", classId: m.toClassId })).allowed
  )
    return fail("FORBIDDEN");
  const out = await recordMovement(access.user.organisationId, access.user.id, m, await requestAddress());
  if (!out.ok) return fail(out.locked ? "LOCKED" : "INVALID_INPUT", out.message, { [out.field]: [out.message] });
  revalidatePath(`/people/students/${m.studentId}`);
  revalidatePath("/people/movement");
  return ok(undefined);
}
