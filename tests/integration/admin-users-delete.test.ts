// «Удалить пользователя» against PostgreSQL (users.delete, ADMIN only): the login is closed,
// not erased — sign-in refused, sessions ended, the person's card and records kept, audited.
// Any other role is refused and nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { loadSessionUser } from "@/lib/auth/data";
import { hashPassword } from "@/lib/auth/password";
import { setLoginActive } from "@/lib/people/logins/deactivate";
import { issueSlips } from "@/lib/people/logins/issue";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";

const PASSWORD = "Пароль-ученика-1";
let f: AccessFixture;

const actor = (column: keyof AccessFixture["users"]) => ({ organisationId: f.organisationId, id: f.users[column] });
const userOf = (id: number) =>
  db.user.findUniqueOrThrow({ where: { organisationId_id: { organisationId: f.organisationId, id } } });
const signIn = (login: string) =>
  attemptSignIn({ organisationId: f.organisationId, login, password: PASSWORD, ip: "10.0.0.9", userAgent: "vitest" });

beforeAll(async () => {
  f = await createAccessFixture();
  await db.user.update({
    where: { organisationId_id: { organisationId: f.organisationId, id: f.users.STUDENT } },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
});

describe("closing a login (users.delete)", () => {
  it("refuses every role but ADMIN (403) and changes nothing: the user still signs in, no audit row", async () => {
    const session = await signIn("student");
    if (!session.ok) throw new Error("sign-in failed");
    for (const c of ["DIRECTOR", "DEPUTY", "SECRETARY", "CLASS_TEACHER", "TEACHER", "HEAD_OF_DEPT", "MEDIC"] as const) {
      expect(await setLoginActive(actor(c), f.users.STUDENT, false, null), c).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    expect((await userOf(f.users.STUDENT)).isActive).toBe(true);
    expect(
      await loadSessionUser(
        { organisationId: f.organisationId, userId: f.users.STUDENT, sessionId: session.sessionId },
        new Date(),
      ),
    ).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { organisationId: f.organisationId, action: "users.deactivated" } }),
    ).toBe(0);
  });

  it("lets ADMIN close a login: sessions end, sign-in is refused, the card and the login stay, audited", async () => {
    const session = await signIn("student");
    if (!session.ok) throw new Error("sign-in failed");
    expect(await setLoginActive(actor("ADMIN"), f.users.STUDENT, false, "10.0.0.1")).toEqual({
      ok: true,
      data: undefined,
    });
    expect((await userOf(f.users.STUDENT)).isActive).toBe(false);
    expect(
      await loadSessionUser(
        { organisationId: f.organisationId, userId: f.users.STUDENT, sessionId: session.sessionId },
        new Date(),
      ),
    ).toBeNull();
    expect(
      await db.userSession.count({
        where: { organisationId: f.organisationId, userId: f.users.STUDENT, revokedAt: null },
      }),
    ).toBe(0);
    expect((await signIn("student")).ok).toBe(false);
    const card = await db.student.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.studentA } },
    });
    expect(card.userId).toBe(f.users.STUDENT);
    expect(await db.classMembership.count({ where: { organisationId: f.organisationId, studentId: f.studentA } })).toBe(
      1,
    );
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organisationId: f.organisationId, action: "users.deactivated" },
    });
    expect(audit).toMatchObject({ userId: f.users.ADMIN, entity: "User", entityId: String(f.users.STUDENT) });
  });

  it("issues no slip for a closed login, so a password reset cannot reopen it", async () => {
    const before = (await userOf(f.users.STUDENT)).passwordHash;
    const r = await issueSlips(actor("CLASS_TEACHER"), [{ kind: "student", id: f.studentA }], "http://x/login", null);
    expect(r).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: "Вход закрыт администратором: Свой Ученик. Памятка не выдана",
    });
    expect((await userOf(f.users.STUDENT)).passwordHash).toBe(before);
  });

  it("lets ADMIN reopen the login with the same password", async () => {
    expect((await setLoginActive(actor("ADMIN"), f.users.STUDENT, true, null)).ok).toBe(true);
    expect((await signIn("student")).ok).toBe(true);
    expect(
      await db.auditEvent.count({ where: { organisationId: f.organisationId, action: "users.reactivated" } }),
    ).toBe(1);
  });

  it("refuses closing one's own login and a user of another organisation", async () => {
    expect(await setLoginActive(actor("ADMIN"), f.users.ADMIN, false, null)).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: "Нельзя закрыть вход самому себе",
    });
    const stranger = await db.user.create({
      data: {
        organisationId: f.otherOrganisationId,
        login: "stranger",
        passwordHash: "-",
        lastName: "Чужой",
        firstName: "Пользователь",
      },
    });
    expect(await setLoginActive(actor("ADMIN"), stranger.id, false, null)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(
      (
        await db.user.findUniqueOrThrow({
          where: { organisationId_id: { organisationId: f.otherOrganisationId, id: stranger.id } },
        })
      ).isActive,
    ).toBe(true);
    expect((await userOf(f.users.ADMIN)).isActive).toBe(true);
  });
});
