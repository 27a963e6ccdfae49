// Issuing logins and one-time passwords (AUTH-2, AUTH-3): a person without a login gets one;
// a person with a login gets a new one-time password (reset). Either way the user must change
// it at the next sign-in, other sessions end, and every issue is audited — all in one transaction.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import { baseLogin, uniqueLogin } from "../login-rules";
import type { PersonRef } from "./data";
import type { StaffInput } from "../schema";
import { fullName, NAME_FIELDS } from "@/lib/people/names";

export type Issued = { ref: PersonRef; fullName: string; login: string; userId: number; created: boolean };

// The interactive-transaction client exactly as db.$transaction passes it (comparing it with
// Prisma.TransactionClient exceeds the compiler's stack depth on this schema).
type Tx = Omit<typeof db, "$connect" | "$disconnect" | "$on" | "$use" | "$extends">;

async function cardOf(tx: Tx, organisationId: number, ref: PersonRef) {
  const where = { organisationId_id: { organisationId, id: ref.id } };
  const select = { id: true, ...NAME_FIELDS, userId: true } as const;
  if (ref.kind === "student") return tx.student.findUnique({ where, select });
  if (ref.kind === "parent") return tx.parent.findUnique({ where, select });
  return tx.staff.findUnique({ where, select });
}

async function takenLogins(tx: Tx, organisationId: number, base: string): Promise<Set<string>> {
  const rows = await tx.user.findMany({
    where: { organisationId, login: { startsWith: base } },
    select: { login: true },
  });
  return new Set(rows.map((r) => r.login));
}

type Named = { lastName: string; firstName: string; middleName: string | null };

/** A new login for a person (AUTH-2): unique in the organisation, its password to be changed at first sign-in. */
async function createLogin(
  tx: Tx,
  organisationId: number,
  person: Named,
  data: { passwordHash: string; email?: string | null; issuedById?: number; issuedAt?: Date },
): Promise<{ id: number; login: string }> {
  const base = baseLogin(person);
  const login = uniqueLogin(base, await takenLogins(tx, organisationId, base));
  const { lastName, firstName, middleName } = person;
  const user = await tx.user.create({
    data: { organisationId, login, mustChangePassword: true, lastName, firstName, middleName, ...data },
    select: { id: true },
  });
  return { id: user.id, login };
}

/**
 * `hashes[i]` is the argon2id hash of the one-time password for `people[i]` (hashed before the
 * transaction so it stays short). Returns null when any card is missing (nothing is written).
 */
export async function issueCredentials(
  organisationId: number,
  issuerId: number,
  people: readonly PersonRef[],
  hashes: readonly string[],
  now: Date,
  ip: string | null,
): Promise<Issued[] | null> {
  return db.$transaction(async (tx) => {
    const out: Issued[] = [];
    for (let i = 0; i < people.length; i++) {
      const ref = people[i];
      const card = await cardOf(tx, organisationId, ref);
      if (!card) return null;
      const name = fullName(card);
      let userId = card.userId;
      let created = false;
      if (userId === null) {
        const user = await createLogin(tx, organisationId, card, {
          passwordHash: hashes[i],
          issuedById: issuerId,
          issuedAt: now,
        });
        userId = user.id;
        created = true;
        if (ref.kind !== "staff")
          await tx.userRole.create({
            data: { organisationId, userId, role: ref.kind === "student" ? "STUDENT" : "PARENT" },
          });
        const where = { organisationId_id: { organisationId, id: ref.id } };
        if (ref.kind === "student") await tx.student.update({ where, data: { userId } });
        else if (ref.kind === "parent") await tx.parent.update({ where, data: { userId } });
        else await tx.staff.update({ where, data: { userId } });
      } else {
        await tx.user.update({
          where: { organisationId_id: { organisationId, id: userId } },
          data: {
            passwordHash: hashes[i],
            mustChangePassword: true,
            issuedById: issuerId,
            issuedAt: now,
            failedSignIns: 0,
            lockedUntil: null,
          },
        });
        await tx.userSession.updateMany({
          where: { organisationId, userId, revokedAt: null },
          data: { revokedAt: now },
        });
      }
      const user = await tx.user.findUniqueOrThrow({
        where: { organisationId_id: { organisationId, id: userId } },
        select: { login: true },
      });
      out.push({ ref, fullName: name, login: user.login, userId, created });
    }
    for (const item of out) {
      await auditChange(
        tx,
        { organisationId, userId: issuerId, ip },
        item.created ? "users.issued" : "users.password_reset",
        ["User", item.userId],
        { person: item.ref.kind, login: item.login },
      );
    }
    return out;
  });
}

/** A staff card with its login and role (AUTH-2: ADMIN issues staff logins); the password is issued separately. */
export async function createStaffWithLogin(
  organisationId: number,
  byUserId: number,
  input: StaffInput,
  unusableHash: string,
): Promise<{ staffId: number; userId: number; login: string }> {
  return db.$transaction(async (tx) => {
    const { id: userId, login } = await createLogin(tx, organisationId, input, {
      passwordHash: unusableHash,
      email: input.email,
    });
    await tx.userRole.create({ data: { organisationId, userId, role: input.role } });
    const staff = await tx.staff.create({
      data: {
        organisationId,
        userId,
        lastName: input.lastName,
        firstName: input.firstName,
        middleName: input.middleName,
        position: input.position,
        phone: input.phone,
        email: input.email,
      },
      select: { id: true },
    });
    await auditChange(tx, { organisationId, userId: byUserId }, "staff.created", ["Staff", staff.id], {
      login,
      role: input.role,
    });
    return { staffId: staff.id, userId, login };
  });
}

/**
 * «Удалить пользователя» (users.delete) closes the login instead of erasing it: the person's
 * cards, marks and the audit chain keep pointing at the user. Closing ends every session at
 * once (a session of an inactive user is no longer valid either); reopening lets the user sign
 * in again with the password they had. Returns false when there is no such user here.
 */
export async function setUserActive(
  organisationId: number,
  byUserId: number,
  userId: number,
  active: boolean,
  now: Date,
  ip: string | null,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { organisationId, id: userId }, data: { isActive: active } });
    if (updated.count === 0) return false;
    if (!active)
      await tx.userSession.updateMany({ where: { organisationId, userId, revokedAt: null }, data: { revokedAt: now } });
    await auditChange(
      tx,
      { organisationId, userId: byUserId, ip },
      active ? "users.reactivated" : "users.deactivated",
      ["User", userId],
    );
    return true;
  });
}
