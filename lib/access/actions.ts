"use server";
// «Права доступа»: ADMIN changes the role × permission defaults for the organisation (ACL-2).
import { revalidatePath } from "next/cache";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { requireAccessForAction } from "./guard";
import { parseMatrixForm } from "./schema";
import { saveMatrixOverrides } from "./mutations";

export async function saveMatrixAction(
  _prev: ActionResult<{ changed: number }> | null,
  form: FormData,
): Promise<ActionResult<{ changed: number }>> {
  const access = await requireAccessForAction("acl.edit");
  if (!access.ok) return access;
  const parsed = parseMatrixForm(form);
  if (!parsed.ok) return fail("INVALID_INPUT", parsed.message);
  const changed = await saveMatrixOverrides(access.user.organisationId, access.user.id, parsed.cells);
  revalidatePath("/admin/access");
  return ok({ changed });
}
