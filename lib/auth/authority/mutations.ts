// Writes of the education-authority accounts (REG-1): sign-in counters and sessions, own password,
// and the regional administrator's issue / block / reset. The lockout arithmetic is lib/auth's
// (`afterLoginFailure`), applied under a row lock as for organisation users; every change leaves
// an AuthorityEvent in the same transaction.
import { db } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { afterLoginFailure } from "@/lib/auth/rules";
import type { AuthorityRole } from "@/lib/auth/authority/rules";

type Tx = Prisma.TransactionClient;

export type AuthorityEventInput = {
  actorId: number | null;
  subjectId: number | null;
  action: string;
  details?: Prisma.InputJsonValue;
  ip?: string | null;
  at?: Date;
};

export async function recordAuthorityEvent(client: Tx | typeof db, e: AuthorityEventInput): Promise<void> {
  await client.authorityEvent.create({
    data: {
      actorId: e.actorId,
      subjectId: e.subjectId,
      action: e.action,
      details: e.details,
      ip: e.ip ?? null,
      ...(e.at ? { at: e.at } : {}),
    },
  });
}

type SignInContext = { login: string; ip: string; now: Date };

/** A sign-in event of the login's own account (auth.failed, auth.locked): the login, the address, the time. */
function recordSignInEvent(
  client: Tx | typeof db,
  ctx: SignInContext,
  id: number | null,
  action: string,
  details: Record<string, string>,
): Promise<void> {
  return recordAuthorityEvent(client, {
    actorId: id,
    subjectId: id,
    action,
    details: { login: ctx.login, ...details },
    ip: ctx.ip,
    at: ctx.now,
  });
}

/** A wrong password for an existing authority login: counted, locked at the limit (AUTH-4's rule). */
export async function registerAuthorityFailure(
  ctx: SignInContext,
  id: number,
  reason: string,
): Promise<{ lockedUntil: Date | null; lockedNow: boolean }> {
  return db.$transaction(async (tx) => {
    // A no-op UPDATE takes the row lock (as SELECT … FOR UPDATE would) and returns the counters:
    // concurrent failures are counted one after another, none slips past the limit.
    const current = await tx.authorityUser.update({
      where: { id },
      data: { failedSignIns: { increment: 0 } },
      select: { failedSignIns: true, lockedUntil: true },
    });
    const next = afterLoginFailure({ failures: current.failedSignIns, lockedUntil: current.lockedUntil }, ctx.now);
    await tx.authorityUser.update({
      where: { id },
      data: { failedSignIns: next.failures, lockedUntil: next.lockedUntil },
    });
    await recordSignInEvent(tx, ctx, id, "auth.failed", { reason });
    if (next.lockedNow && next.lockedUntil)
      await recordSignInEvent(tx, ctx, id, "auth.locked", { until: next.lockedUntil.toISOString() });
    return { lockedUntil: next.lockedUntil, lockedNow: next.lockedNow };
  });
}

/** A refused attempt that changes no counter (locked, disabled, wrong territory, unknown login). */
export async function recordAuthorityRefusal(ctx: SignInContext, id: number | null, reason: string): Promise<void> {
  await recordSignInEvent(db, ctx, id, "auth.failed", { reason });
}

/** A successful sign-in: counters reset, a server-side session opened, the event recorded. */
export async function startAuthoritySession(input: {
  id: number;
  ip: string;
  userAgent: string | null;
  now: Date;
  expiresAt: Date;
}): Promise<string> {
  return db.$transaction(async (tx) => {
    await tx.authorityUser.update({
      where: { id: input.id },
      data: { failedSignIns: 0, lockedUntil: null, lastSignInAt: input.now },
    });
    const session = await tx.authoritySession.create({
      data: {
        authorityUserId: input.id,
        createdAt: input.now,
        expiresAt: input.expiresAt,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
      },
      select: { id: true },
    });
    await recordAuthorityEvent(tx, {
      actorId: input.id,
      subjectId: input.id,
      action: "auth.signin",
      ip: input.ip,
      at: input.now,
    });
    return session.id;
  });
}

/** Sign-out: the session is revoked, a replayed cookie stops working. */
export async function endAuthoritySession(id: number, sessionId: string, ip: string | null): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.authoritySession.updateMany({
      where: { id: sessionId, authorityUserId: id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (updated.count === 0) return false;
    await recordAuthorityEvent(tx, { actorId: id, subjectId: id, action: "auth.signout", ip });
    return true;
  });
}

/** The account's own new password: must-change cleared, every other session ended (AUTH-3). */
export async function setAuthorityOwnPassword(input: {
  id: number;
  passwordHash: string;
  keepSessionId: string;
  ip: string | null;
  now: Date;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.authorityUser.update({
      where: { id: input.id },
      data: { passwordHash: input.passwordHash, mustChangePassword: false, failedSignIns: 0 },
    });
    const revoked = await tx.authoritySession.updateMany({
      where: { authorityUserId: input.id, revokedAt: null, id: { not: input.keepSessionId } },
      data: { revokedAt: input.now },
    });
    await recordAuthorityEvent(tx, {
      actorId: input.id,
      subjectId: input.id,
      action: "auth.password_changed",
      details: { otherSessionsEnded: revoked.count },
      ip: input.ip,
      at: input.now,
    });
  });
}

/** REGIONAL_ADMIN issues a login (one-time password, must change at first sign-in). */
export async function createAuthorityAccount(input: {
  byId: number;
  login: string;
  role: AuthorityRole;
  regionId: number;
  municipalityId: number | null;
  lastName: string;
  firstName: string;
  middleName: string | null;
  passwordHash: string;
  now: Date;
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const created = await tx.authorityUser.create({
      data: {
        login: input.login,
        role: input.role,
        regionId: input.regionId,
        municipalityId: input.municipalityId,
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName,
        passwordHash: input.passwordHash,
        mustChangePassword: true,
        issuedById: input.byId,
        issuedAt: input.now,
      },
      select: { id: true },
    });
    await recordAuthorityEvent(tx, {
      actorId: input.byId,
      subjectId: created.id,
      action: "authority.issued",
      details: { login: input.login, role: input.role },
      at: input.now,
    });
    return created.id;
  });
}

/** Blocks (ending its sessions) or unblocks an account. */
export async function setAuthorityActive(byId: number, id: number, active: boolean, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.authorityUser.update({ where: { id }, data: { isActive: active } });
    if (!active)
      await tx.authoritySession.updateMany({
        where: { authorityUserId: id, revokedAt: null },
        data: { revokedAt: now },
      });
    await recordAuthorityEvent(tx, {
      actorId: byId,
      subjectId: id,
      action: active ? "authority.unblocked" : "authority.blocked",
      at: now,
    });
  });
}

/** A new one-time password: must change at next sign-in, the lock lifted, every session ended. */
export async function resetAuthorityPassword(byId: number, id: number, passwordHash: string, now: Date): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.authorityUser.update({
      where: { id },
      data: {
        passwordHash,
        mustChangePassword: true,
        failedSignIns: 0,
        lockedUntil: null,
        issuedById: byId,
        issuedAt: now,
      },
    });
    await tx.authoritySession.updateMany({ where: { authorityUserId: id, revokedAt: null }, data: { revokedAt: now } });
    await recordAuthorityEvent(tx, { actorId: byId, subjectId: id, action: "authority.password_reset", at: now });
  });
}
