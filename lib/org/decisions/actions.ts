"use server";
// «Решения педсовета» (REC-4): parse → gate (decisions.edit on the class) → one transaction.
import { fieldErrorsOf, formRecord } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { requestAddress } from "@/lib/auth/request";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { saveDecisionBatch } from "./mutations";
import { batchSchema, parseRows } from "./schema";

export type DecisionsState = ActionResult<{ written: number }>;

export async function saveDecisionsAction(_prev: DecisionsState | null, form: FormData): Promise<DecisionsState> {
  const batch = batchSchema.safeParse(formRecord(form));
  if (!batch.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(batch.error));
  const rows = parseRows(form);
  if (!rows.ok) return fail("INVALID_INPUT", rows.message);
  const access = await requireAccessForAction("decisions.edit", { kind: "class", classId: batch.data.classId });
  if (!access.ok) return access;
  const out = await saveDecisionBatch(
    access.user.organisationId,
    access.user.id,
    { ...batch.data, rows: rows.rows },
    new Date(),
    await requestAddress(),
  );
  if (!out.ok) return fail(out.locked ? "LOCKED" : "INVALID_INPUT", out.message);
  revalidatePath("/org/decisions");
  return ok({ written: out.written });
}
