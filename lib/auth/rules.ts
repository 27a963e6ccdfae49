// Pure sign-in policy (AUTH-1, AUTH-3, AUTH-4): lockout numbers, throttle windows, session
// lifetime, client address, password rules and name formatting. No I/O, no Node-only
// imports: client components use the password constants.
import type { Role } from "@/lib/access/roles";
import { headerValue, normaliseAddress, type HeaderBag } from "@/lib/ops/forwarded";

// ───────────── lockout and rate limits (AUTH-4) ─────────────

/** Per login: after 5 failed attempts in a row the login is locked for 15 minutes. */
export const LOGIN_LOCK_POLICY = { maxFailures: 5, lockMinutes: 15 } as const;

/**
 * Per client address: 40 failures within 15 minutes block the address for 15 minutes.
 * Higher than the per-login limit on purpose: a whole school computer class signs in from one
 * NAT address, and children mistype; the per-login lock is what protects each account.
 */
export const ADDRESS_LOCK_POLICY = { maxFailures: 40, windowMinutes: 15, blockMinutes: 15 } as const;

export type LoginPolicy = { maxFailures: number; lockMinutes: number };
export type AddressPolicy = { maxFailures: number; windowMinutes: number; blockMinutes: number };

const MINUTE = 60_000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The end of a lock that is still in force, else null. */
export function activeLock(lockedUntil: Date | null, now: Date): Date | null {
  return isLocked(lockedUntil, now) ? lockedUntil : null;
}

export type LoginLockState = { failures: number; lockedUntil: Date | null };

/**
 * State after one more failed attempt on a login. Failures count in a row (a successful
 * sign-in resets them); reaching the limit locks the login and restarts the count.
 */
export function afterLoginFailure(
  state: LoginLockState,
  now: Date,
  policy: LoginPolicy = LOGIN_LOCK_POLICY,
): LoginLockState & { lockedNow: boolean } {
  if (isLocked(state.lockedUntil, now)) return { ...state, lockedNow: false };
  const failures = state.failures + 1;
  if (failures >= policy.maxFailures) {
    return { failures: 0, lockedUntil: new Date(now.getTime() + policy.lockMinutes * MINUTE), lockedNow: true };
  }
  return { failures, lockedUntil: null, lockedNow: false };
}

export type AddressState = { failures: number; windowStart: Date; lockedUntil: Date | null };

/** State of an address counter after one more failure (a fixed window that restarts when it has passed). */
export function afterAddressFailure(
  state: AddressState | null,
  now: Date,
  policy: AddressPolicy = ADDRESS_LOCK_POLICY,
): AddressState & { lockedNow: boolean } {
  if (state && isLocked(state.lockedUntil, now)) return { ...state, lockedNow: false };
  const windowOpen = state !== null && now.getTime() - state.windowStart.getTime() < policy.windowMinutes * MINUTE;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStart = windowOpen ? state.windowStart : now;
  if (failures >= policy.maxFailures) {
    return {
      failures: 0,
      windowStart: now,
      lockedUntil: new Date(now.getTime() + policy.blockMinutes * MINUTE),
      lockedNow: true,
    };
  }
  return { failures, windowStart, lockedUntil: null, lockedNow: false };
}

/** SignInThrottle keys: client addresses, and logins that do not exist (so they lock exactly like real ones). */
export function addressKey(address: string): string {
  return `ip:${address}`;
}

export function unknownLoginKey(organisationId: number, login: string): string {
  return `login:${organisationId}:${login}`;
}

// ───────────── client address ─────────────

/**
 * The client address used for the per-address limit, the audit log and the logs (SEC-1).
 *
 * App Router code never sees the socket. The app server (server/handler.ts) resolves every
 * request once — the socket address, or with TRUST_PROXY=N the address N hops up
 * X-Forwarded-For (lib/ops/forwarded.ts) — and replaces `x-forwarded-for` with that one address,
 * so here it is the only (right-most) entry. Anything that is not an IP address becomes
 * "unknown" (one shared bucket).
 */
export function clientAddress(headers: HeaderBag): string {
  const chain = (headerValue(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return normaliseAddress(chain[chain.length - 1]) ?? "unknown";
}

// ───────────── sessions ─────────────

export const DEFAULT_SESSION_HOURS = 8;

/** Session lifetime from SESSION_MAX_AGE_HOURS (default 8 h; clamped to 5 minutes … 7 days). */
export function sessionMaxAgeSeconds(hoursSetting: string | undefined): number {
  const hours = Number.parseFloat(hoursSetting ?? "");
  const valid = Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_SESSION_HOURS;
  return Math.round(Math.min(Math.max(valid * 3600, 300), 7 * 24 * 3600));
}

// ───────────── passwords (AUTH-3) ─────────────

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export const PASSWORD_MESSAGES = {
  tooShort: `Пароль должен содержать не менее ${PASSWORD_MIN_LENGTH} символов`,
  tooLong: `Пароль должен содержать не более ${PASSWORD_MAX_LENGTH} символов`,
  sameAsLogin: "Пароль не должен совпадать с логином",
  sameAsOld: "Новый пароль должен отличаться от текущего",
  mismatch: "Пароли не совпадают",
} as const;

/** What the form says about a new password (SEC-4; the checks are lib/auth/password-policy.ts). */
export const PASSWORD_RULES_HINT = `Не менее ${PASSWORD_MIN_LENGTH} символов; не из списка распространённых паролей, не один повторяющийся символ и не простая последовательность (12345678, qwertyui); без логина, фамилии и имени. Надёжно — фраза из нескольких слов`;

/** Problems with a new password, in Russian; empty when it is acceptable. */
export function newPasswordProblems(input: { newPassword: string; login: string; currentPassword: string }): string[] {
  const { newPassword, login, currentPassword } = input;
  const problems: string[] = [];
  const length = [...newPassword].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(PASSWORD_MESSAGES.tooShort);
  if (length > PASSWORD_MAX_LENGTH) problems.push(PASSWORD_MESSAGES.tooLong);
  if (newPassword.trim().toLowerCase() === login.trim().toLowerCase()) problems.push(PASSWORD_MESSAGES.sameAsLogin);
  if (newPassword === currentPassword) problems.push(PASSWORD_MESSAGES.sameAsOld);
  return problems;
}

// ───────────── the current user ─────────────

export type CurrentUser = {
  id: number;
  organisationId: number;
  login: string;
  fullName: string;
  shortName: string;
  roles: Role[];
  mustChangePassword: boolean;
  sessionId: string;
  orgKind: "SCHOOL" | "COLLEGE";
  orgName: string;
  timeZone: string;
};

// ───────────── transliteration (AUTH-2 logins, AUTH-3 password rules) ─────────────
// Latin spelling of a Russian word: issued logins are built from it (lib/people/login-rules.ts) and
// the password policy refuses a person's names typed that way (lib/auth/password-policy.ts).

const TRANSLIT: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "y",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  о: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

export function transliterate(text: string): string {
  return [...text.toLowerCase()].map((ch) => TRANSLIT[ch] ?? (/[a-z0-9]/.test(ch) ? ch : "")).join("");
}
