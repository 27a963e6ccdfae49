// The sign-in decision (AUTH-1, AUTH-4, AUTH-5), independent of next-auth so it can be tested
// against the database directly. Order of checks:
//   1. a blocked client address is refused before any password is checked;
//   2. the organisation must exist (otherwise: wrong login or password);
//   3. a locked login is refused even with the correct password;
//   4. the password is verified (argon2id); a failure counts per login and per address;
//   5. a disabled account with the correct password is refused;
//   6. success opens a server-side UserSession.
// Unknown logins run a dummy verification (same timing) and lock like real ones, so neither
// the message nor the response time tells whether a login exists.
import { hashPassword, verifyPassword } from "./password";
import { findOrganisation, findUserByLogin, readThrottle } from "./data";
import {
  pruneThrottle,
  recordRefusal,
  registerLoginFailure,
  registerThrottleFailure,
  registerUnknownLoginFailure,
  startSession,
} from "./mutations";
import { todayIn } from "@/lib/org/time";
import { activeLock, addressKey, sessionMaxAgeSeconds, unknownLoginKey } from "./rules";

export type SignInInput = {
  organisationId: number;
  login: string;
  password: string;
  ip: string;
  userAgent: string | null;
};

export type SignInOutcome =
  | { ok: true; organisationId: number; userId: number; sessionId: string; expiresAt: Date }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "locked" | "address_blocked"; until: Date; timeZone: string };

const DEFAULT_TIME_ZONE = "Europe/Samara";

let dummyHash: Promise<string> | undefined;

/** Burns the same argon2 time as a real check, for logins that do not exist. */
async function dummyVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  await verifyPassword(await dummyHash, password);
}

export async function attemptSignIn(input: SignInInput, now: Date = new Date()): Promise<SignInOutcome> {
  const ipKey = addressKey(input.ip);
  const [organisation, address] = await Promise.all([findOrganisation(input.organisationId), readThrottle(ipKey)]);
  const timeZone = organisation?.timeZone || DEFAULT_TIME_ZONE;
  const addressBlockedUntil = activeLock(address?.lockedUntil ?? null, now);
  if (!organisation) {
    if (addressBlockedUntil) return { ok: false, reason: "address_blocked", until: addressBlockedUntil, timeZone };
    await dummyVerify(input.password);
    await registerThrottleFailure(ipKey, now);
    return { ok: false, reason: "invalid" };
  }
  const ctx = { organisationId: organisation.id, login: input.login, ip: input.ip, now };
  const user = await findUserByLogin(organisation.id, input.login);

  if (addressBlockedUntil) {
    await recordRefusal(ctx, user?.id ?? null, "address_blocked");
    return { ok: false, reason: "address_blocked", until: addressBlockedUntil, timeZone };
  }

  if (!user) {
    const loginKey = unknownLoginKey(organisation.id, input.login);
    const loginLockedUntil = activeLock((await readThrottle(loginKey))?.lockedUntil ?? null, now);
    if (loginLockedUntil) {
      await recordRefusal(ctx, null, "locked");
      await registerThrottleFailure(ipKey, now);
      return { ok: false, reason: "locked", until: loginLockedUntil, timeZone };
    }
    await dummyVerify(input.password);
    const counted = await registerUnknownLoginFailure(ctx, loginKey);
    await registerThrottleFailure(ipKey, now);
    // Unknown logins leave throttle rows behind; sweep old ones now and then.
    if (Math.random() < 0.02) await pruneThrottle(now);
    return counted.lockedNow && counted.lockedUntil
      ? { ok: false, reason: "locked", until: counted.lockedUntil, timeZone }
      : { ok: false, reason: "invalid" };
  }

  const userLockedUntil = activeLock(user.lockedUntil, now);
  if (userLockedUntil) {
    await recordRefusal(ctx, user.id, "locked");
    await registerThrottleFailure(ipKey, now);
    return { ok: false, reason: "locked", until: userLockedUntil, timeZone };
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const counted = await registerLoginFailure(ctx, user.id, "bad_password");
    await registerThrottleFailure(ipKey, now);
    return counted.lockedNow && counted.lockedUntil
      ? { ok: false, reason: "locked", until: counted.lockedUntil, timeZone }
      : { ok: false, reason: "invalid" };
  }

  if (!user.isActive) {
    await recordRefusal(ctx, user.id, "inactive");
    return { ok: false, reason: "disabled" };
  }

  const expiresAt = new Date(now.getTime() + sessionMaxAgeSeconds(process.env.SESSION_MAX_AGE_HOURS) * 1000);
  const sessionId = await startSession({
    organisationId: organisation.id,
    userId: user.id,
    ip: input.ip,
    userAgent: input.userAgent,
    now,
    expiresAt,
    day: todayIn(timeZone, now),
  });
  return { ok: true, organisationId: organisation.id, userId: user.id, sessionId, expiresAt };
}
