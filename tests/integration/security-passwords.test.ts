// SEC-4 through the real action: the change-password form refuses weak passwords with Russian
// field messages and writes nothing; a passphrase is accepted; stored passwords are not re-checked
// (a user whose password is the demo «demo2026» still signs in with it).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { changePasswordAction } from "@/lib/auth/actions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { signInAs } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: AccessFixture;
let userId: number;

beforeAll(async () => {
  f = await createAccessFixture();
  userId = f.users.TEACHER;
  await db.user.update({
    where: { organisationId_id: { organisationId: f.organisationId, id: userId } },
    data: {
      passwordHash: await hashPassword("demo2026"),
      lastName: "Соколова",
      firstName: "Елена",
      middleName: "Викторовна",
    },
  });
});

function form(newPassword: string): FormData {
  const fd = new FormData();
  fd.set("currentPassword", "demo2026");
  fd.set("newPassword", newPassword);
  fd.set("confirmPassword", newPassword);
  return fd;
}

async function storedHash(): Promise<string> {
  const u = await db.user.findUniqueOrThrow({
    where: { organisationId_id: { organisationId: f.organisationId, id: userId } },
    select: { passwordHash: true },
  });
  return u.passwordHash;
}

describe("changing one's password (SEC-4, AUTH-3)", () => {
  it("the demo password stays valid: stored passwords are never re-validated", async () => {
    const out = await attemptSignIn({
      organisationId: f.organisationId,
      login: "teacher",
      password: "demo2026",
      ip: "127.0.0.1",
      userAgent: "vitest",
    });
    expect(out.ok).toBe(true);
  });

  it("refuses 12345678, qwerty123, eight spaces, aaaaaaaa, the login and a name; nothing is written", async () => {
    await signInAs(f.organisationId, userId);
    const before = await storedHash();
    for (const p of ["12345678", "qwerty123", "        ", "aaaaaaaa", "teacher1", "Соколова-2026"]) {
      const r = await changePasswordAction(null, form(p));
      expect(r.ok, p).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe("INVALID_INPUT");
        expect(r.fieldErrors?.newPassword?.length, p).toBeGreaterThan(0);
        expect(r.fieldErrors!.newPassword!.every((m) => /[а-яё]/i.test(m))).toBe(true);
      }
    }
    expect(await storedHash()).toBe(before);
  });

  it("accepts a passphrase", async () => {
    await signInAs(f.organisationId, userId);
    const r = await changePasswordAction(null, form("Зелёный чайник у окна"));
    expect(r).toEqual({ ok: true, data: null });
    expect(await verifyPassword(await storedHash(), "Зелёный чайник у окна")).toBe(true);
  });
});
