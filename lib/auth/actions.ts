"use server";
// Server actions of the auth domain: own password change (AUTH-3), sign-out (AUTH-5) and the
// destination after a successful sign-in. Each returns an ActionResult, never a thrown message.
// Access: these act only on the signed-in user's own account and session (ACL-6), so instead of
// `authorize` with a matrix permission each requires the current session (`getCurrentUser`).
import { fail, ok, type ActionResult } from "@/lib/errors";
import { getCurrentUser } from "./session";
import { parseChangePassword } from "./schema";
import { findUserById } from "./data";
import { endSession, registerLoginFailure, setOwnPassword } from "./mutations";
import { hashPassword, verifyPassword } from "./password";
import { activeLock, formatClock } from "./rules";
import { requestAddress } from "./request";

export type ChangePasswordResult = ActionResult<null> | null;

/** The signed-in user changes their own password (the only account change a student may make). */
export async function changePasswordAction(_prev: ChangePasswordResult, form: FormData): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return fail("UNAUTHENTICATED");
  const parsed = parseChangePassword(form, { login: user.login, names: user.fullName.split(/\s+/) });
  if (!parsed.ok) return fail("INVALID_INPUT", undefined, parsed.fieldErrors);

  const now = new Date();
  const ip = await requestAddress();
  const account = await findUserById(user.organisationId, user.id);
  if (!account) return fail("UNAUTHENTICATED");
  const lockedUntil = activeLock(account.lockedUntil, now);
  if (lockedUntil) {
    return fail(
      "RATE_LIMITED",
      `Слишком много неудачных попыток. Повторите после ${formatClock(lockedUntil, user.timeZone)}`,
    );
  }

  // A wrong current password counts like a failed sign-in (AUTH-4): a stolen session must not
  // become a way to guess the password.
  if (!(await verifyPassword(account.passwordHash, parsed.data.currentPassword))) {
    const ctx = { organisationId: user.organisationId, login: user.login, ip: ip ?? "unknown", now };
    const counted = await registerLoginFailure(ctx, user.id, "bad_current_password");
    if (counted.lockedNow && counted.lockedUntil) {
      return fail(
        "RATE_LIMITED",
        `Слишком много неудачных попыток. Повторите после ${formatClock(counted.lockedUntil, user.timeZone)}`,
      );
    }
    return fail("INVALID_INPUT", undefined, { currentPassword: ["Неверный текущий пароль"] });
  }

  await setOwnPassword({
    organisationId: user.organisationId,
    userId: user.id,
    passwordHash: await hashPassword(parsed.data.newPassword),
    keepSessionId: user.sessionId,
    ip,
    now,
  });
  return ok(null);
}

/** Ends the current server-side session; the client then clears the cookie via next-auth signOut(). */
export async function signOutAction(): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (!user) return ok(null);
  await endSession(user.organisationId, user.sessionId, await requestAddress());
  return ok(null);
}

/** Where to go right after signing in: the password change when it is due, else the home router. */
export async function afterSignInAction(): Promise<ActionResult<{ href: string }>> {
  const user = await getCurrentUser();
  if (!user) return fail("UNAUTHENTICATED");
  return ok({ href: user.mustChangePassword ? "/change-password" : "/" });
}
