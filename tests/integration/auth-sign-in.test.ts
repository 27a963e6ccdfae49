// Signing in against PostgreSQL: sessions, lockouts, per-address limits, revocation
// (AUTH-1, AUTH-4, AUTH-5, ACL-6). Time is passed in explicitly, so no test sleeps.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptSignIn, type SignInInput } from "@/lib/auth/sign-in";
import { loadSessionUser } from "@/lib/auth/data";
import { endSession, setOwnPassword, unlockUser } from "@/lib/auth/mutations";
import { hashPassword } from "@/lib/auth/password";
import { ADDRESS_LOCK_POLICY, LOGIN_LOCK_POLICY } from "@/lib/auth/rules";
import { verifyAuditChain } from "@/lib/audit/data";

const PASSWORD = "Верный-пароль-1";
const MINUTE = 60_000;
let orgId: number;
let otherOrgId: number;
let hash: string;
let seq = 0;

beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
  const region = await db.region.create({ data: { name: "Самарская область" } });
  const municipality = await db.municipality.create({ data: { regionId: region.id, name: "г.о. Самара" } });
  const mkOrg = (name: string) =>
    db.organisation.create({
      data: { regionId: region.id, municipalityId: municipality.id, kind: "SCHOOL", name, shortName: name },
    });
  orgId = (await mkOrg("Школа № 1")).id;
  otherOrgId = (await mkOrg("Школа № 2")).id;
});

/** A fresh user with the known password; each test gets its own login. */
async function makeUser(opts: { isActive?: boolean; organisationId?: number } = {}) {
  seq += 1;
  const organisationId = opts.organisationId ?? orgId;
  const user = await db.user.create({
    data: {
      organisationId,
      login: `ivanov${seq}`,
      passwordHash: hash,
      mustChangePassword: false,
      lastName: "Иванов",
      firstName: "Пётр",
      middleName: "Сергеевич",
      isActive: opts.isActive ?? true,
    },
  });
  await db.userRole.create({ data: { organisationId, userId: user.id, role: "TEACHER" } });
  return user;
}

function attempt(login: string, password: string, extra: Partial<SignInInput> = {}): SignInInput {
  return { organisationId: orgId, login, password, ip: "10.0.0.1", userAgent: "vitest", ...extra };
}

describe("sign-in (AUTH-1)", () => {
  it("opens a server-side session for the right organisation, login and password (AUTH-1)", async () => {
    const user = await makeUser();
    const now = new Date();
    const outcome = await attemptSignIn(attempt(user.login, PASSWORD), now);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const session = await db.userSession.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: orgId, id: outcome.sessionId } },
    });
    expect(session.userId).toBe(user.id);
    expect(session.ip).toBe("10.0.0.1");
    expect(session.userAgent).toBe("vitest");
    expect(session.expiresAt.getTime() - now.getTime()).toBe(8 * 3600_000);

    const current = await loadSessionUser(
      { organisationId: orgId, userId: user.id, sessionId: outcome.sessionId },
      now,
    );
    expect(current).toMatchObject({
      id: user.id,
      login: user.login,
      fullName: "Иванов Пётр Сергеевич",
      shortName: "Иванов П. С.",
      roles: ["TEACHER"],
      orgKind: "SCHOOL",
      timeZone: "Europe/Samara",
      sessionId: outcome.sessionId,
    });
    const stored = await db.user.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: orgId, id: user.id } },
    });
    expect(stored.lastSignInAt?.getTime()).toBe(now.getTime());
  });

  it("counts one sign-in visit per day and audits every sign-in (AUTH-5)", async () => {
    const user = await makeUser();
    await attemptSignIn(attempt(user.login, PASSWORD));
    await attemptSignIn(attempt(user.login, PASSWORD));
    const visits = await db.visit.findMany({ where: { organisationId: orgId, userId: user.id, area: "signin" } });
    expect(visits).toHaveLength(1);
    expect(visits[0].count).toBe(2);
    const audit = await db.auditEvent.count({
      where: { organisationId: orgId, userId: user.id, action: "auth.signin" },
    });
    expect(audit).toBe(2);
  });

  it("refuses a wrong password with the generic message, counts it and logs the login but not the password (AUTH-4, AUTH-5)", async () => {
    const user = await makeUser();
    const outcome = await attemptSignIn(attempt(user.login, "неверный-пароль"));
    expect(outcome).toEqual({ ok: false, reason: "invalid" });
    const stored = await db.user.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: orgId, id: user.id } },
    });
    expect(stored.failedSignIns).toBe(1);
    const failed = await db.auditEvent.findMany({
      where: { organisationId: orgId, userId: user.id, action: "auth.failed" },
    });
    expect(failed).toHaveLength(1);
    expect(failed[0].details).toEqual({ login: user.login, reason: "bad_password" });
    expect(JSON.stringify(failed[0], (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      "неверный-пароль",
    );
  });

  it("refuses a login of another organisation (AUTH-1)", async () => {
    const user = await makeUser({ organisationId: otherOrgId });
    expect(await attemptSignIn(attempt(user.login, PASSWORD))).toEqual({ ok: false, reason: "invalid" });
    expect((await attemptSignIn(attempt(user.login, PASSWORD, { organisationId: otherOrgId }))).ok).toBe(true);
  });

  it("refuses a disabled account even with the correct password", async () => {
    const user = await makeUser({ isActive: false });
    expect(await attemptSignIn(attempt(user.login, PASSWORD))).toEqual({ ok: false, reason: "disabled" });
    expect(await db.userSession.count({ where: { organisationId: orgId, userId: user.id } })).toBe(0);
  });
});

describe("lockout (AUTH-4)", () => {
  it(`locks a login after ${LOGIN_LOCK_POLICY.maxFailures} failed attempts and audits the lock (AUTH-4)`, async () => {
    const user = await makeUser();
    const now = new Date();
    for (let i = 1; i < LOGIN_LOCK_POLICY.maxFailures; i++) {
      expect(await attemptSignIn(attempt(user.login, `wrong-${i}`), now)).toEqual({ ok: false, reason: "invalid" });
    }
    const last = await attemptSignIn(attempt(user.login, "wrong-last"), now);
    expect(last).toMatchObject({ ok: false, reason: "locked", timeZone: "Europe/Samara" });
    if (last.ok || last.reason !== "locked") return;
    expect(last.until.getTime()).toBe(now.getTime() + LOGIN_LOCK_POLICY.lockMinutes * MINUTE);
    expect(
      await db.auditEvent.count({ where: { organisationId: orgId, userId: user.id, action: "auth.locked" } }),
    ).toBe(1);
  });

  it("refuses the correct password during a lockout and accepts it after the lock ends (AUTH-4)", async () => {
    const user = await makeUser();
    const now = new Date();
    for (let i = 0; i < LOGIN_LOCK_POLICY.maxFailures; i++) await attemptSignIn(attempt(user.login, "wrong"), now);
    const during = await attemptSignIn(attempt(user.login, PASSWORD), new Date(now.getTime() + 5 * MINUTE));
    expect(during).toMatchObject({ ok: false, reason: "locked" });
    const after = await attemptSignIn(
      attempt(user.login, PASSWORD),
      new Date(now.getTime() + (LOGIN_LOCK_POLICY.lockMinutes + 1) * MINUTE),
    );
    expect(after.ok).toBe(true);
  });

  it("lifts a lockout with unlockUser and audits who did it (AUTH-4)", async () => {
    const admin = await makeUser();
    const user = await makeUser();
    for (let i = 0; i < LOGIN_LOCK_POLICY.maxFailures; i++) await attemptSignIn(attempt(user.login, "wrong"));
    expect(await attemptSignIn(attempt(user.login, PASSWORD))).toMatchObject({ reason: "locked" });
    expect(await unlockUser(orgId, user.id, admin.id)).toBe(true);
    expect((await attemptSignIn(attempt(user.login, PASSWORD))).ok).toBe(true);
    const unlocked = await db.auditEvent.findFirstOrThrow({
      where: { organisationId: orgId, action: "auth.unlocked", entityId: String(user.id) },
    });
    expect(unlocked.userId).toBe(admin.id);
    expect(await unlockUser(otherOrgId, user.id, admin.id)).toBe(false);
  });

  it("locks an unknown login exactly like an existing one, so the lockout does not reveal which logins exist (AUTH-4)", async () => {
    const now = new Date();
    const results = [];
    for (let i = 0; i < LOGIN_LOCK_POLICY.maxFailures + 1; i++)
      results.push(await attemptSignIn(attempt("nobody-here", "x"), now));
    expect(results.slice(0, LOGIN_LOCK_POLICY.maxFailures - 1).every((r) => !r.ok && r.reason === "invalid")).toBe(
      true,
    );
    expect(results[LOGIN_LOCK_POLICY.maxFailures - 1]).toMatchObject({ ok: false, reason: "locked" });
    expect(results[LOGIN_LOCK_POLICY.maxFailures]).toMatchObject({ ok: false, reason: "locked" });
    const failed = await db.auditEvent.count({ where: { organisationId: orgId, action: "auth.failed", userId: null } });
    expect(failed).toBeGreaterThanOrEqual(LOGIN_LOCK_POLICY.maxFailures + 1);
  });

  it(`blocks a client address after ${ADDRESS_LOCK_POLICY.maxFailures} failures within ${ADDRESS_LOCK_POLICY.windowMinutes} minutes (AUTH-4)`, async () => {
    const user = await makeUser();
    const ip = "203.0.113.7";
    const now = new Date();
    for (let i = 0; i < ADDRESS_LOCK_POLICY.maxFailures; i++) {
      // Different logins each time, so no single login reaches its own limit.
      await attemptSignIn(attempt(`spray-${i}`, "123456", { ip }), now);
    }
    const blocked = await attemptSignIn(attempt(user.login, PASSWORD, { ip }), new Date(now.getTime() + MINUTE));
    expect(blocked).toMatchObject({ ok: false, reason: "address_blocked" });
    // Another address is not affected; the blocked one is let in again after the block.
    expect((await attemptSignIn(attempt(user.login, PASSWORD, { ip: "203.0.113.8" }), now)).ok).toBe(true);
    const later = new Date(now.getTime() + (ADDRESS_LOCK_POLICY.blockMinutes + 1) * MINUTE);
    expect((await attemptSignIn(attempt(user.login, PASSWORD, { ip }), later)).ok).toBe(true);
  });
});

describe("sessions (AUTH-5, ACL-6)", () => {
  it("resolves no user for a revoked session, so a replayed cookie stops working (AUTH-5)", async () => {
    const user = await makeUser();
    const outcome = await attemptSignIn(attempt(user.login, PASSWORD));
    if (!outcome.ok) throw new Error("sign-in failed");
    const ref = { organisationId: orgId, userId: user.id, sessionId: outcome.sessionId };
    expect(await loadSessionUser(ref, new Date())).not.toBeNull();
    expect(await endSession(orgId, outcome.sessionId, "10.0.0.1")).toBe(true);
    expect(await endSession(orgId, outcome.sessionId, "10.0.0.1")).toBe(false);
    expect(await loadSessionUser(ref, new Date())).toBeNull();
    expect(
      await db.auditEvent.count({
        where: { organisationId: orgId, action: "auth.signout", entityId: outcome.sessionId },
      }),
    ).toBe(1);
  });

  it("resolves no user for an expired session, a deactivated user or a session of someone else", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const outcome = await attemptSignIn(attempt(user.login, PASSWORD));
    if (!outcome.ok) throw new Error("sign-in failed");
    const ref = { organisationId: orgId, userId: user.id, sessionId: outcome.sessionId };
    expect(await loadSessionUser(ref, new Date(outcome.expiresAt.getTime() + 1))).toBeNull();
    expect(await loadSessionUser({ ...ref, userId: other.id }, new Date())).toBeNull();
    expect(await loadSessionUser({ ...ref, organisationId: otherOrgId }, new Date())).toBeNull();
    await db.user.update({
      where: { organisationId_id: { organisationId: orgId, id: user.id } },
      data: { isActive: false },
    });
    expect(await loadSessionUser(ref, new Date())).toBeNull();
  });

  it("a password change clears the must-change flag and ends the user's other sessions (AUTH-2, AUTH-3)", async () => {
    const user = await makeUser();
    await db.user.update({
      where: { organisationId_id: { organisationId: orgId, id: user.id } },
      data: { mustChangePassword: true },
    });
    const first = await attemptSignIn(attempt(user.login, PASSWORD));
    const second = await attemptSignIn(attempt(user.login, PASSWORD));
    if (!first.ok || !second.ok) throw new Error("sign-in failed");
    expect(
      (await loadSessionUser({ organisationId: orgId, userId: user.id, sessionId: second.sessionId }, new Date()))
        ?.mustChangePassword,
    ).toBe(true);
    await setOwnPassword({
      organisationId: orgId,
      userId: user.id,
      passwordHash: await hashPassword("Новый-пароль-2"),
      keepSessionId: second.sessionId,
      ip: null,
      now: new Date(),
    });
    expect(
      await loadSessionUser({ organisationId: orgId, userId: user.id, sessionId: first.sessionId }, new Date()),
    ).toBeNull();
    const kept = await loadSessionUser(
      { organisationId: orgId, userId: user.id, sessionId: second.sessionId },
      new Date(),
    );
    expect(kept?.mustChangePassword).toBe(false);
    expect(await attemptSignIn(attempt(user.login, PASSWORD))).toMatchObject({ ok: false, reason: "invalid" });
    expect((await attemptSignIn(attempt(user.login, "Новый-пароль-2"))).ok).toBe(true);
    expect(
      await db.auditEvent.count({ where: { organisationId: orgId, userId: user.id, action: "auth.password_changed" } }),
    ).toBe(1);
  });
});

describe("audit of sign-ins (AUTH-5)", () => {
  it("keeps every auth event of the organisation in one intact hash chain (AUTH-5)", async () => {
    const actions = await db.auditEvent.groupBy({ by: ["action"], where: { organisationId: orgId }, _count: true });
    expect(actions.map((a) => a.action).sort()).toEqual(
      ["auth.failed", "auth.locked", "auth.password_changed", "auth.signin", "auth.signout", "auth.unlocked"].sort(),
    );
    expect(await verifyAuditChain(orgId)).toBeNull();
  });
});
