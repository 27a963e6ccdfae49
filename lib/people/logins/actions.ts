"use server";
// Logins (AUTH-2…AUTH-4): staff cards with a login, lifting lockouts.
import { fieldErrorsOf, formRecord } from "@/lib/schema";
import { revalidatePath } from "next/cache";
import { requireAccessForAction } from "@/lib/access/guard";
import { generateOneTimePassword, hashPassword } from "@/lib/auth/password";
import { fail, ok, type ActionResult } from "@/lib/errors";
import { idSchema, staffSchema } from "../schema";
import { createStaffWithLogin } from "./mutations";
import { unlockFor } from "./issue";
import { setLoginActive } from "./deactivate";
import { requestAddress } from "@/lib/auth/request";

export async function createStaffAction(
  _prev: ActionResult<{ login: string }> | null,
  form: FormData,
): Promise<ActionResult<{ login: string }>> {
  const access = await requireAccessForAction("users.issueStaff");
  if (!access.ok) return access;
  const parsed = staffSchema.safeParse(formRecord(form));
  if (!parsed.success) return fail("INVALID_INPUT", undefined, fieldErrorsOf(parsed.error));
  // Nobody knows this password: the person signs in only after a slip is issued.
  const unusable = await hashPassword(generateOneTimePassword(32));
  const created = await createStaffWithLogin(access.user.organisationId, access.user.id, parsed.data, unusable);
  revalidatePath("/people/staff");
  return ok({ login: created.login });
}

export async function unlockUserAction(rawUserId: number, path: string): Promise<ActionResult> {
  const userId = idSchema.safeParse(rawUserId);
  if (!userId.success) return fail("NOT_FOUND");
  // Feature gate first (signed in, may issue something); the person is checked in unlockFor.
  const staff = await requireAccessForAction("users.issueStaff");
  const access = staff.ok ? staff : await requireAccessForAction("users.issueFamily");
  if (!access.ok) return access;
  const result = await unlockFor(access.user, userId.data);
  if (result.ok && path.startsWith("/people/")) revalidatePath(path);
  return result;
}

/** Closes (active = false) or reopens a login (users.delete, ADMIN). */
export async function setLoginActiveAction(rawUserId: number, active: boolean, path: string): Promise<ActionResult> {
  const userId = idSchema.safeParse(rawUserId);
  if (!userId.success || typeof active !== "boolean") return fail("NOT_FOUND");
  const access = await requireAccessForAction("users.delete");
  if (!access.ok) return access;
  const result = await setLoginActive(access.user, userId.data, active, await requestAddress());
  if (result.ok && path.startsWith("/people/")) revalidatePath(path);
  return result;
}
