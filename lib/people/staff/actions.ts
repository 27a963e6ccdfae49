"use server";
// Staff cards (PPL-1): staff.manage edits the full card.
import { fieldErrorsOf, formRecord } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { idSchema, staffCardSchema } from "../schema";
import { updateStaff } from "./mutations";

export async function saveStaffAction(
  rawStaffId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const staffId = idSchema.safeParse(rawStaffId);
  if (!staffId.success) return fail("NOT_FOUND");
  const access = await requireAccessForAction("staff.manage");
  if (!access.ok) return access;
  if (!access.scopes.includes("all")) return fail("FORBIDDEN");
  const parsed = staffCardSchema.safeParse(formRecord(form));
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  const saved = await updateStaff(access.user.organisationId, access.user.id, staffId.data, parsed.data);
  if (!saved) return fail("NOT_FOUND");
  revalidatePath(`/people/staff/${staffId.data}`);
  return ok(undefined);
}
