// Pure sign-in policy: lockout counting, address windows, client address, session lifetime,
// password rules, names and refusal codes (AUTH-1, AUTH-3, AUTH-4).
import { describe, expect, it } from "vitest";
import {
  ADDRESS_LOCK_POLICY,
  LOGIN_LOCK_POLICY,
  activeLock,
  afterAddressFailure,
  afterLoginFailure,
  clientAddress,
  newPasswordProblems,
  PASSWORD_MESSAGES,
  sessionMaxAgeSeconds,
} from "@/lib/auth/rules";
import { fullName, shortName } from "@/lib/people/names";
import { formatClock } from "@/lib/org/time";
import { decodeRefusal, encodeRefusal, refusalMessage } from "@/lib/auth/sign-in-errors";

const MINUTE = 60_000;
const now = new Date("2026-10-05T06:00:00Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);

describe("login lockout (AUTH-4)", () => {
  it("locks a login after 5 failed attempts for 15 minutes (AUTH-4)", () => {
    let state = { failures: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < 5; i++) {
      const next = afterLoginFailure(state, now);
      expect(next).toMatchObject({ failures: i, lockedUntil: null, lockedNow: false });
      state = next;
    }
    const locked = afterLoginFailure(state, now);
    expect(locked).toEqual({ failures: 0, lockedUntil: at(15), lockedNow: true });
    expect(LOGIN_LOCK_POLICY).toEqual({ maxFailures: 5, lockMinutes: 15 });
  });

  it("does not extend a lock that is in force, and counts afresh after it ends (AUTH-4)", () => {
    const locked = { failures: 0, lockedUntil: at(15) };
    expect(afterLoginFailure(locked, at(5))).toEqual({ ...locked, lockedNow: false });
    expect(afterLoginFailure(locked, at(16))).toEqual({ failures: 1, lockedUntil: null, lockedNow: false });
  });

  it("treats a lock as in force strictly before its end", () => {
    expect(activeLock(at(15), at(14))).toEqual(at(15));
    expect(activeLock(at(15), at(15))).toBeNull();
    expect(activeLock(null, now)).toBeNull();
  });
});

describe("address limit (AUTH-4)", () => {
  it(`blocks an address after ${ADDRESS_LOCK_POLICY.maxFailures} failures within ${ADDRESS_LOCK_POLICY.windowMinutes} minutes (AUTH-4)`, () => {
    let state = afterAddressFailure(null, now);
    expect(state).toMatchObject({ failures: 1, windowStart: now, lockedNow: false });
    for (let i = 2; i < ADDRESS_LOCK_POLICY.maxFailures; i++) state = afterAddressFailure(state, at(10));
    expect(state.failures).toBe(ADDRESS_LOCK_POLICY.maxFailures - 1);
    const blocked = afterAddressFailure(state, at(10));
    expect(blocked).toMatchObject({ lockedNow: true, lockedUntil: at(10 + ADDRESS_LOCK_POLICY.blockMinutes) });
  });

  it("starts a new window when the old one has passed (AUTH-4)", () => {
    const old = { failures: ADDRESS_LOCK_POLICY.maxFailures - 1, windowStart: now, lockedUntil: null };
    expect(afterAddressFailure(old, at(ADDRESS_LOCK_POLICY.windowMinutes))).toMatchObject({
      failures: 1,
      lockedNow: false,
    });
  });
});

describe("client address (SEC-1: the app server resolved it; the app reads the one address it left)", () => {
  it("reads the single X-Forwarded-For entry the app server set (IPv4-mapped shown as IPv4)", () => {
    expect(clientAddress({ "x-forwarded-for": "::ffff:192.0.2.5" })).toBe("192.0.2.5");
    expect(clientAddress({ "x-forwarded-for": "2001:db8::1" })).toBe("2001:db8::1");
  });

  it("never takes X-Real-IP, which the app server removes", () => {
    expect(clientAddress({ "x-real-ip": "198.51.100.1" })).toBe("unknown");
  });

  it("maps anything that is not an IP address to one shared bucket", () => {
    expect(clientAddress({ "x-forwarded-for": "<script>" })).toBe("unknown");
    expect(clientAddress({})).toBe("unknown");
  });
});

describe("session lifetime", () => {
  it("lasts 8 hours by default and follows SESSION_MAX_AGE_HOURS within bounds", () => {
    expect(sessionMaxAgeSeconds(undefined)).toBe(8 * 3600);
    expect(sessionMaxAgeSeconds("abc")).toBe(8 * 3600);
    expect(sessionMaxAgeSeconds("12")).toBe(12 * 3600);
    expect(sessionMaxAgeSeconds("0.01")).toBe(300);
    expect(sessionMaxAgeSeconds("1000")).toBe(7 * 24 * 3600);
  });

  it("shows the lock end as ЧЧ:ММ in the organisation's time zone", () => {
    expect(formatClock(new Date("2026-10-05T06:07:00Z"), "Europe/Samara")).toBe("10:07");
    expect(formatClock(new Date("2026-10-05T15:30:00Z"), "Asia/Vladivostok")).toBe("01:30");
  });
});

describe("new password (AUTH-3)", () => {
  const base = { login: "petrov", currentPassword: "Старый-пароль" };
  it("needs at least 8 characters", () => {
    expect(newPasswordProblems({ ...base, newPassword: "Ab3$xyz" })).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(newPasswordProblems({ ...base, newPassword: "пароль12" })).toEqual([]);
  });
  it("may not equal the login, in any letter case", () => {
    expect(newPasswordProblems({ login: "Petrov.Ivan", currentPassword: "x", newPassword: "petrov.ivan" })).toEqual([
      PASSWORD_MESSAGES.sameAsLogin,
    ]);
  });
  it("may not equal the old password", () => {
    expect(newPasswordProblems({ ...base, newPassword: "Старый-пароль" })).toEqual([PASSWORD_MESSAGES.sameAsOld]);
  });
});

describe("names", () => {
  it("formats «Фамилия Имя Отчество» and «Фамилия И. О.»", () => {
    const p = { lastName: "Иванова", firstName: "мария", middleName: "Петровна" };
    expect(fullName(p)).toBe("Иванова мария Петровна");
    expect(shortName(p)).toBe("Иванова М. П.");
    expect(shortName({ lastName: "Smith", firstName: "John", middleName: null })).toBe("Smith J.");
  });
});

describe("refusal codes (AUTH-1)", () => {
  it("never reveals whether a login exists", () => {
    expect(refusalMessage({ code: "INVALID" })).toBe("Неверный логин или пароль");
    expect(decodeRefusal("CredentialsSignin")).toEqual({ code: "INVALID" });
  });
  it("round-trips a lockout with its time and shows the lockout message", () => {
    const code = encodeRefusal({ code: "LOCKED", until: "10:07" });
    expect(decodeRefusal(code)).toEqual({ code: "LOCKED", until: "10:07" });
    expect(refusalMessage({ code: "LOCKED", until: "10:07" })).toBe(
      "Слишком много неудачных попыток. Вход заблокирован до 10:07",
    );
  });
  it("shows no text smuggled into ?error=", () => {
    expect(decodeRefusal("LOCKED:Позвоните по номеру")).toEqual({ code: "INVALID" });
    expect(decodeRefusal("Something else")).toEqual({ code: "UNAVAILABLE" });
    expect(decodeRefusal(null)).toBeNull();
  });
});
