"use server";
// Server actions of the auth domain: own password change (AUTH-3), sign-out (AUTH-5) and the
// destination after a successful sign-in. Each returns an ActionResult, never a thrown message.
// Access: these act only on the signed-in user's own account and session (ACL-6), so instead of
// `authorize` with a matrix permission each requires the current session (`getCurrentUser`, or
// for an education-authority account `getCurrentAuthority` — REG-1: the same steps over its own rows).
import { fail, ok, type ActionResult } from "@/lib/errors";
import { getCurrentAuthority, getCurrentUser } from "./session";
import { parseChangePassword } from "./schema";
import { findUserById } from "./data";
import { endSession, registerLoginFailure, setOwnPassword } from "./mutations";
import { findAuthorityById } from "@/lib/auth/authority/data";
import { endAuthoritySession, registerAuthorityFailure, setAuthorityOwnPassword } from "@/lib/auth/authority/mutations";
import { hashPassword, verifyPassword } from "./password";
import { activeLock } from "./rules";
import { formatClock } from "@/lib/org/time";
import { requestAddress } from "./request";

export type ChangePasswordResult = ActionResult<null> | null;

type Lock = { lockedUntil: Date | null; lockedNow: boolean };

/** The signed-in account whose own password changes: an organisation user or an authority account (REG-1). */
type OwnAccount = {
  login: string;
  fullName: string;
  timeZone: string;
  read: () => Promise<{ passwordHash: string; lockedUntil: Date | null } | null>;
  registerFailure: (ctx: { login: string; ip: string; now: Date }) => Promise<Lock>;
  save: (passwordHash: string, ip: string | null, now: Date) => Promise<void>;
};

async function ownAccount(): Promise<OwnAccount | null> {
  const user = await getCurrentUser();
  if (user)
    return {
      login: user.login,
      fullName: user.fullName,
      timeZone: user.timeZone,
      read: () => findUserById(user.organisationId, user.id),
      registerFailure: (ctx) =>
        registerLoginFailure({ ...ctx, organisationId: user.organisationId }, user.id, "bad_current_password"),
      save: (passwordHash, ip, now) =>
        setOwnPassword({
          organisationId: user.organisationId,
          userId: user.id,
          passwordHash,
          keepSessionId: user.sessionId,
          ip,
          now,
        }),
    };
  const authority = await getCurrentAuthority();
  if (authority)
    return {
      login: authority.login,
      fullName: authority.fullName,
      timeZone: authority.timeZone,
      read: () => findAuthorityById(authority.id),
      registerFailure: (ctx) => registerAuthorityFailure(ctx, authority.id, "bad_current_password"),
      save: (passwordHash, ip, now) =>
        setAuthorityOwnPassword({ id: authority.id, passwordHash, keepSessionId: authority.sessionId, ip, now }),
    };
  return null;
}

/** The signed-in user changes their own password (the only account change a student may make). */
export async function changePasswordAction(_prev: ChangePasswordResult, form: FormData): Promise<ActionResult<null>> {
  const user = await ownAccount();
  if (!user) return fail("UNAUTHENTICATED");
  const parsed = parseChangePassword(form, { login: user.login, names: user.fullName.split(/\s+/) });
  if (!parsed.ok) return fail("INVALID_INPUT", undefined, parsed.fieldErrors);

  const now = new Date();
  const ip = await requestAddress();
  const account = await user.read();
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
    const counted = await user.registerFailure({ login: user.login, ip: ip ?? "unknown", now });
    if (counted.lockedNow && counted.lockedUntil) {
      return fail(
        "RATE_LIMITED",
        `Слишком много неудачных попыток. Повторите после ${formatClock(counted.lockedUntil, user.timeZone)}`,
      );
    }
    return fail("INVALID_INPUT", undefined, { currentPassword: ["Неверный текущий пароль"] });
  }

  await user.save(await hashPassword(parsed.data.newPassword), ip, now);
  return ok(null);
}

/** Ends the current server-side session; the client then clears the cookie via next-auth signOut(). */
export async function signOutAction(): Promise<ActionResult<null>> {
  const user = await getCurrentUser();
  if (user) {
    await endSession(user.organisationId, user.sessionId, await requestAddress());
    return ok(null);
  }
  const authority = await getCurrentAuthority();
  if (authority) await endAuthoritySession(authority.id, authority.sessionId, await requestAddress());
  return ok(null);
}

/** Where to go right after signing in: the password change when it is due, else the home router (an authority: /region). */
export async function afterSignInAction(): Promise<ActionResult<{ href: string }>> {
  const user = await getCurrentUser();
  if (user) return ok({ href: user.mustChangePassword ? "/change-password" : "/" });
  const authority = await getCurrentAuthority();
  if (authority) return ok({ href: authority.mustChangePassword ? "/change-password" : "/region" });
  return fail("UNAUTHENTICATED");
}
