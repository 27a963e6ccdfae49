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
// REG-1: an education-authority account signs in through the same steps (`signInWith` over an
// `AccountBook`): the territory takes the organisation's place, the account book is
// AuthorityUser instead of the organisation's users — one lockout, one policy, one order of checks.
import { DEFAULT_TIME_ZONE } from "@/lib/org/defaults";
import { hashPassword, verifyPassword } from "./password";
import { findOrganisation, findUserByLogin, readThrottle, type SignInUser } from "./data";
import { findAuthorityByLogin, findTerritory } from "@/lib/auth/authority/data";
import {
  recordAuthorityRefusal,
  registerAuthorityFailure,
  startAuthoritySession,
} from "@/lib/auth/authority/mutations";
import { territoryCovers } from "@/lib/auth/authority/rules";
import type { TerritoryRef } from "./schema";
import {
  pruneThrottle,
  recordRefusal,
  registerLoginFailure,
  registerThrottleFailure,
  registerUnknownLoginFailure,
  startSession,
  type FailureReason,
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

type Refused = Exclude<SignInOutcome, { ok: true }>;
type Lock = { lockedUntil: Date | null; lockedNow: boolean };
type Attempt = { login: string; ip: string; now: Date };

/** Where a login is looked up and what a failure or a success writes (organisation users, authority accounts). */
type AccountBook = {
  timeZone: string;
  find: (login: string) => Promise<SignInUser | null>;
  /** The throttle key under which a login missing from this book is counted. */
  unknownKey: (login: string) => string;
  registerFailure: (attempt: Attempt, userId: number, reason: FailureReason) => Promise<Lock>;
  registerUnknown: (attempt: Attempt, key: string) => Promise<Lock>;
  recordRefusal: (attempt: Attempt, userId: number | null, reason: FailureReason) => Promise<void>;
  startSession: (userId: number, attempt: Attempt & { userAgent: string | null; expiresAt: Date }) => Promise<string>;
};

let dummyHash: Promise<string> | undefined;

/** Burns the same argon2 time as a real check, for logins that do not exist. */
async function dummyVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  await verifyPassword(await dummyHash, password);
}

/** No such organisation / territory: counted against the address only. */
async function unknownPlace(ipKey: string, blockedUntil: Date | null, password: string, now: Date): Promise<Refused> {
  if (blockedUntil) return { ok: false, reason: "address_blocked", until: blockedUntil, timeZone: DEFAULT_TIME_ZONE };
  await dummyVerify(password);
  await registerThrottleFailure(ipKey, now);
  return { ok: false, reason: "invalid" };
}

/** Steps 3–6 over one account book. */
async function signInWith(
  book: AccountBook,
  input: Omit<SignInInput, "organisationId">,
  addressBlockedUntil: Date | null,
  now: Date,
): Promise<{ ok: true; userId: number; sessionId: string; expiresAt: Date } | Refused> {
  const { timeZone } = book;
  const ipKey = addressKey(input.ip);
  const attempt: Attempt = { login: input.login, ip: input.ip, now };
  const user = await book.find(input.login);

  if (addressBlockedUntil) {
    await book.recordRefusal(attempt, user?.id ?? null, "address_blocked");
    return { ok: false, reason: "address_blocked", until: addressBlockedUntil, timeZone };
  }

  if (!user) {
    const loginKey = book.unknownKey(input.login);
    const loginLockedUntil = activeLock((await readThrottle(loginKey))?.lockedUntil ?? null, now);
    if (loginLockedUntil) {
      await book.recordRefusal(attempt, null, "locked");
      await registerThrottleFailure(ipKey, now);
      return { ok: false, reason: "locked", until: loginLockedUntil, timeZone };
    }
    await dummyVerify(input.password);
    const counted = await book.registerUnknown(attempt, loginKey);
    await registerThrottleFailure(ipKey, now);
    // Unknown logins leave throttle rows behind; sweep old ones now and then.
    if (Math.random() < 0.02) await pruneThrottle(now);
    return counted.lockedNow && counted.lockedUntil
      ? { ok: false, reason: "locked", until: counted.lockedUntil, timeZone }
      : { ok: false, reason: "invalid" };
  }

  const userLockedUntil = activeLock(user.lockedUntil, now);
  if (userLockedUntil) {
    await book.recordRefusal(attempt, user.id, "locked");
    await registerThrottleFailure(ipKey, now);
    return { ok: false, reason: "locked", until: userLockedUntil, timeZone };
  }

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const counted = await book.registerFailure(attempt, user.id, "bad_password");
    await registerThrottleFailure(ipKey, now);
    return counted.lockedNow && counted.lockedUntil
      ? { ok: false, reason: "locked", until: counted.lockedUntil, timeZone }
      : { ok: false, reason: "invalid" };
  }

  if (!user.isActive) {
    await book.recordRefusal(attempt, user.id, "inactive");
    return { ok: false, reason: "disabled" };
  }

  const expiresAt = new Date(now.getTime() + sessionMaxAgeSeconds(process.env.SESSION_MAX_AGE_HOURS) * 1000);
  const sessionId = await book.startSession(user.id, { ...attempt, userAgent: input.userAgent, expiresAt });
  return { ok: true, userId: user.id, sessionId, expiresAt };
}

export async function attemptSignIn(input: SignInInput, now: Date = new Date()): Promise<SignInOutcome> {
  const ipKey = addressKey(input.ip);
  const [organisation, address] = await Promise.all([findOrganisation(input.organisationId), readThrottle(ipKey)]);
  const addressBlockedUntil = activeLock(address?.lockedUntil ?? null, now);
  if (!organisation) return unknownPlace(ipKey, addressBlockedUntil, input.password, now);
  const organisationId = organisation.id;
  const timeZone = organisation.timeZone || DEFAULT_TIME_ZONE;
  const ctx = (a: Attempt) => ({ organisationId, ...a });
  const outcome = await signInWith(
    {
      timeZone,
      find: (login) => findUserByLogin(organisationId, login),
      unknownKey: (login) => unknownLoginKey(organisationId, login),
      registerFailure: (a, userId, reason) => registerLoginFailure(ctx(a), userId, reason),
      registerUnknown: (a, key) => registerUnknownLoginFailure(ctx(a), key),
      recordRefusal: (a, userId, reason) => recordRefusal(ctx(a), userId, reason),
      startSession: (userId, a) =>
        startSession({
          organisationId,
          userId,
          ip: a.ip,
          userAgent: a.userAgent,
          now: a.now,
          expiresAt: a.expiresAt,
          day: todayIn(timeZone, a.now),
        }),
    },
    input,
    addressBlockedUntil,
    now,
  );
  return outcome.ok ? { ...outcome, organisationId } : outcome;
}

export type AuthoritySignInInput = Omit<SignInInput, "organisationId"> & { territory: TerritoryRef };

export type AuthoritySignInOutcome =
  { ok: true; authorityUserId: number; sessionId: string; expiresAt: Date } | Refused;

/**
 * REG-1: an education-authority account signs in choosing its territory. An account of another
 * territory is, for this one, a login that does not exist (same message, same counting).
 */
export async function attemptAuthoritySignIn(
  input: AuthoritySignInInput,
  now: Date = new Date(),
): Promise<AuthoritySignInOutcome> {
  const ipKey = addressKey(input.ip);
  const [place, address] = await Promise.all([findTerritory(input.territory), readThrottle(ipKey)]);
  const addressBlockedUntil = activeLock(address?.lockedUntil ?? null, now);
  if (!place) return unknownPlace(ipKey, addressBlockedUntil, input.password, now);
  const { territory } = place;
  const territoryKey = `${territory.kind}:${territory.kind === "region" ? territory.regionId : territory.municipalityId}`;
  const outcome = await signInWith(
    {
      timeZone: place.timeZone,
      find: async (login) => {
        const account = await findAuthorityByLogin(login);
        // The account's own territory must be the one chosen (a municipal account signs in by its municipality).
        const own =
          account &&
          (territory.kind === "region"
            ? account.municipalityId === null && account.regionId === territory.regionId
            : territoryCovers(territory, account) && account.municipalityId !== null);
        return own ? account : null;
      },
      unknownKey: (login) => `login:authority:${territoryKey}:${login}`,
      registerFailure: (a, id, reason) => registerAuthorityFailure(a, id, reason),
      registerUnknown: async (a, key) => {
        const result = await registerThrottleFailure(key, a.now, "login");
        await recordAuthorityRefusal(a, null, "unknown_login");
        return result;
      },
      recordRefusal: (a, id, reason) => recordAuthorityRefusal(a, id, reason),
      startSession: (id, a) =>
        startAuthoritySession({ id, ip: a.ip, userAgent: a.userAgent, now: a.now, expiresAt: a.expiresAt }),
    },
    input,
    addressBlockedUntil,
    now,
  );
  return outcome.ok
    ? { ok: true, authorityUserId: outcome.userId, sessionId: outcome.sessionId, expiresAt: outcome.expiresAt }
    : outcome;
}
