// Writes of signing in and out, lockouts and password changes (AUTH-3, AUTH-4, AUTH-5).
// Every change is audited in the same transaction; counters are updated under row locks
// so that concurrent attempts cannot slip past a limit.
import { db, rawStatement } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { auditChange } from "@/lib/audit/mutations";
import { afterAddressFailure, afterLoginFailure } from "./rules";
import { col } from "@/lib/sql";

type Tx = Prisma.TransactionClient;

export type FailureReason =
  "bad_password" | "unknown_login" | "locked" | "address_blocked" | "inactive" | "bad_current_password";

export type AttemptContext = { organisationId: number; login: string; ip: string; now: Date };

/** Locks a SignInThrottle row; its counters (AUTH-4). */
export const THROTTLE_LOCK = rawStatement(
  { failures: col.int, windowStart: col.date, lockedUntil: col.date.nullable() },
  (key: string) => Prisma.sql`
      SELECT "failures", "windowStart", "lockedUntil" FROM "SignInThrottle" WHERE "key" = ${key} FOR UPDATE`,
);

/**
 * Counts a failure under a SignInThrottle key: a client address (windowed limit) or an unknown
 * login (the per-login rule, `windowStart` then marks the last failure). Returns the lock end when locked now.
 */
export async function registerThrottleFailure(
  key: string,
  now: Date,
  kind: "address" | "login" = "address",
): Promise<{ lockedUntil: Date | null; lockedNow: boolean }> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "SignInThrottle" ("key", "failures", "windowStart") VALUES (${key}, 0, ${now}) ON CONFLICT ("key") DO NOTHING`;
    const rows = await THROTTLE_LOCK.run(tx, key);
    const current = rows[0] ?? null;
    const next =
      kind === "address"
        ? afterAddressFailure(current, now)
        : {
            ...afterLoginFailure({ failures: current?.failures ?? 0, lockedUntil: current?.lockedUntil ?? null }, now),
            windowStart: now,
          };
    await tx.signInThrottle.update({
      where: { key },
      data: { failures: next.failures, windowStart: next.windowStart, lockedUntil: next.lockedUntil },
    });
    return { lockedUntil: next.lockedUntil, lockedNow: next.lockedNow };
  });
}

/** Forgets throttle rows whose window and block have long passed (called now and then). */
export async function pruneThrottle(now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const result = await db.signInThrottle.deleteMany({
    where: { windowStart: { lt: dayAgo }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
  });
  return result.count;
}

/** Audits a refused attempt that changes no counter of the user (locked login, blocked address, disabled account). */
export async function recordRefusal(ctx: AttemptContext, userId: number | null, reason: FailureReason): Promise<void> {
  const who = { organisationId: ctx.organisationId, userId, ip: ctx.ip };
  await auditChange(db, who, "auth.failed", ["User", userId], { login: ctx.login, reason });
}

async function auditFailure(
  tx: Tx,
  ctx: AttemptContext,
  userId: number | null,
  reason: FailureReason,
  lockedUntil: Date | null,
) {
  const who = { organisationId: ctx.organisationId, userId, ip: ctx.ip };
  await auditChange(tx, who, "auth.failed", ["User", userId], { login: ctx.login, reason });
  if (lockedUntil) {
    await auditChange(tx, who, "auth.locked", ["User", userId], { login: ctx.login, until: lockedUntil.toISOString() });
  }
}

/** Locks the user's row; the failed sign-ins and the lock's end (AUTH-4). */
export const USER_FAILURES_LOCK = rawStatement(
  { failedSignIns: col.int, lockedUntil: col.date.nullable() },
  (organisationId: number, userId: number) => Prisma.sql`
      SELECT "failedSignIns", "lockedUntil" FROM "User"
      WHERE "organisationId" = ${organisationId} AND "id" = ${userId} FOR UPDATE`,
);

/** A wrong password for an existing login: counts it, locks the login at the limit (AUTH-4). */
export async function registerLoginFailure(
  ctx: AttemptContext,
  userId: number,
  reason: FailureReason = "bad_password",
): Promise<{ lockedUntil: Date | null; lockedNow: boolean }> {
  return db.$transaction(async (tx) => {
    const rows = await USER_FAILURES_LOCK.run(tx, ctx.organisationId, userId);
    const current = rows[0] ?? { failedSignIns: 0, lockedUntil: null };
    const next = afterLoginFailure({ failures: current.failedSignIns, lockedUntil: current.lockedUntil }, ctx.now);
    await tx.user.update({
      where: { organisationId_id: { organisationId: ctx.organisationId, id: userId } },
      data: { failedSignIns: next.failures, lockedUntil: next.lockedUntil },
    });
    await auditFailure(tx, ctx, userId, reason, next.lockedNow ? next.lockedUntil : null);
    return { lockedUntil: next.lockedUntil, lockedNow: next.lockedNow };
  });
}

/**
 * A login that does not exist is counted under a throttle key and locks exactly like a real
 * one, so the lockout message never tells whether a login exists.
 */
export async function registerUnknownLoginFailure(
  ctx: AttemptContext,
  key: string,
): Promise<{ lockedUntil: Date | null; lockedNow: boolean }> {
  const result = await registerThrottleFailure(key, ctx.now, "login");
  await db.$transaction((tx) =>
    auditFailure(tx, ctx, null, "unknown_login", result.lockedNow ? result.lockedUntil : null),
  );
  return result;
}

export type NewSession = {
  organisationId: number;
  userId: number;
  ip: string;
  userAgent: string | null;
  now: Date;
  expiresAt: Date;
  /** The calendar day in the organisation's time zone (UTC midnight), for the visit statistics. */
  day: Date;
};

/** A successful sign-in: resets the counters, opens a server-side session, counts the visit, audits. */
export async function startSession(input: NewSession): Promise<string> {
  const { organisationId, userId, now } = input;
  return db.$transaction(async (tx) => {
    await tx.user.update({
      where: { organisationId_id: { organisationId, id: userId } },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: now },
    });
    const session = await tx.userSession.create({
      data: {
        organisationId,
        userId,
        createdAt: now,
        expiresAt: input.expiresAt,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
      },
      select: { id: true },
    });
    await tx.visit.upsert({
      where: { organisationId_userId_day_area: { organisationId, userId, day: input.day, area: "signin" } },
      create: { organisationId, userId, day: input.day, area: "signin", count: 1, lastAt: now },
      update: { count: { increment: 1 }, lastAt: now },
    });
    await auditChange(tx, { organisationId, userId, ip: input.ip }, "auth.signin", ["UserSession", session.id]);
    return session.id;
  });
}

/** Revokes a session (sign-out); true when it was open. A replayed cookie then stops working. */
export async function endSession(
  organisationId: number,
  sessionId: string,
  ip: string | null,
  now = new Date(),
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const session = await tx.userSession.findFirst({
      where: { organisationId, id: sessionId, revokedAt: null },
      select: { userId: true },
    });
    if (!session) return false;
    await tx.userSession.update({
      where: { organisationId_id: { organisationId, id: sessionId } },
      data: { revokedAt: now },
    });
    await auditChange(tx, { organisationId, userId: session.userId, ip }, "auth.signout", ["UserSession", sessionId]);
    return true;
  });
}

/** Lifts a lockout (AUTH-4: «the issuer can lift»); the caller has authorised `byUserId`. False when no such user. */
export async function unlockUser(organisationId: number, userId: number, byUserId: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { organisationId, id: userId },
      data: { failedSignIns: 0, lockedUntil: null },
    });
    if (updated.count === 0) return false;
    await auditChange(tx, { organisationId, userId: byUserId }, "auth.unlocked", ["User", userId]);
    return true;
  });
}

/**
 * Sets a user's own new password (AUTH-3): clears the must-change flag and ends every other
 * session of the user, keeping the one that made the change.
 */
export async function setOwnPassword(input: {
  organisationId: number;
  userId: number;
  passwordHash: string;
  keepSessionId: string;
  ip: string | null;
  now: Date;
}): Promise<void> {
  const { organisationId, userId, now } = input;
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { organisationId_id: { organisationId, id: userId } },
      data: { passwordHash: input.passwordHash, mustChangePassword: false, failedSignIns: 0 },
    });
    const revoked = await tx.userSession.updateMany({
      where: { organisationId, userId, revokedAt: null, id: { not: input.keepSessionId } },
      data: { revokedAt: now },
    });
    await auditChange(tx, { organisationId, userId, ip: input.ip }, "auth.password_changed", ["User", userId], {
      otherSessionsEnded: revoked.count,
    });
  });
}
