// Issuing logins against PostgreSQL (AUTH-2…AUTH-5): who may issue for whom, one-time
// passwords that must be changed, resets that end sessions, lifting lockouts, visit statistics.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { issueSlips, mayIssueFor, unlockFor } from "@/lib/people/logins/issue";
import { visitStats } from "@/lib/people/logins/data";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { lastAudit } from "../support/audit";

let f: AccessFixture;
let parentB: number;
let staffId: number;

beforeAll(async () => {
  f = await createAccessFixture();
  const p = await db.parent.create({
    data: { organisationId: f.organisationId, lastName: "Чужая", firstName: "Мама" },
  });
  await db.parentLink.create({ data: { organisationId: f.organisationId, parentId: p.id, studentId: f.studentB } });
  parentB = p.id;
  staffId = (
    await db.staff.create({
      data: { organisationId: f.organisationId, lastName: "Новикова", firstName: "Анна", middleName: "Петровна" },
    })
  ).id;
});

const actor = (column: keyof AccessFixture["users"]) => ({ organisationId: f.organisationId, id: f.users[column] });

describe("who issues credentials (AUTH-2)", () => {
  it("lets ADMIN issue staff logins and nobody else", async () => {
    expect(await mayIssueFor(actor("ADMIN"), { kind: "staff", id: staffId })).toBe(true);
    for (const c of ["CLASS_TEACHER", "SECRETARY", "DIRECTOR", "DEPUTY"] as const)
      expect(await mayIssueFor(actor(c), { kind: "staff", id: staffId })).toBe(false);
  });

  it("lets a class teacher issue for students and parents of own class only", async () => {
    expect(await mayIssueFor(actor("CLASS_TEACHER"), { kind: "student", id: f.studentA })).toBe(true);
    expect(await mayIssueFor(actor("CLASS_TEACHER"), { kind: "student", id: f.studentB })).toBe(false);
    expect(await mayIssueFor(actor("CLASS_TEACHER"), { kind: "parent", id: parentB })).toBe(false);
    expect(await mayIssueFor(actor("TEACHER"), { kind: "student", id: f.studentA })).toBe(false);
  });

  it("refuses the whole batch when one person is outside the issuer's scope, writing nothing", async () => {
    const before = await db.user.count({ where: { organisationId: f.organisationId } });
    const r = await issueSlips(
      actor("CLASS_TEACHER"),
      [
        { kind: "student", id: f.studentA },
        { kind: "parent", id: parentB },
      ],
      "http://x/login",
      null,
    );
    expect(r).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.user.count({ where: { organisationId: f.organisationId } })).toBe(before);
  });
});

describe("one-time passwords and slips (AUTH-2, AUTH-3)", () => {
  it("creates a login with a one-time password the user must change, records the issuer, and prints a PDF", async () => {
    const r = await issueSlips(
      actor("ADMIN"),
      [
        { kind: "staff", id: staffId },
        { kind: "parent", id: parentB },
      ],
      "http://x/login",
      null,
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.data.count).toBe(2);
    expect(r.data.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const staff = await db.staff.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: staffId } },
      select: { user: true },
    });
    expect(staff.user).toMatchObject({ login: "novikova.ap", mustChangePassword: true, issuedById: f.users.ADMIN });
    const parent = await db.parent.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: parentB } },
      select: { user: { select: { login: true, roles: true } } },
    });
    expect(parent.user?.roles.map((x) => x.role)).toEqual(["PARENT"]);
    expect(await db.auditEvent.count({ where: { organisationId: f.organisationId, action: "users.issued" } })).toBe(2);
  });

  it("resets a password: a new one-time password, the old one stops working, sessions end", async () => {
    const staff = await db.staff.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: staffId } },
      select: { userId: true },
    });
    const userId = staff.userId!;
    const oldHash = (
      await db.user.findUniqueOrThrow({
        where: { organisationId_id: { organisationId: f.organisationId, id: userId } },
      })
    ).passwordHash;
    await db.user.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: userId } },
      data: { mustChangePassword: false },
    });
    await db.userSession.create({
      data: { organisationId: f.organisationId, userId, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const r = await issueSlips(actor("ADMIN"), [{ kind: "staff", id: staffId }], "http://x/login", null);
    expect(r.ok).toBe(true);
    const u = await db.user.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: userId } },
    });
    expect(u.passwordHash).not.toBe(oldHash);
    expect(u.mustChangePassword).toBe(true);
    expect(u.login).toBe("novikova.ap");
    expect(await verifyPassword(u.passwordHash, "demo2026")).toBe(false);
    expect(await db.userSession.count({ where: { organisationId: f.organisationId, userId, revokedAt: null } })).toBe(
      0,
    );
    expect(
      await db.auditEvent.count({ where: { organisationId: f.organisationId, action: "users.password_reset" } }),
    ).toBe(1);
  });
});

describe("lockouts and visits (AUTH-4, AUTH-5)", () => {
  it("lets the class teacher lift the lockout of an own student, not of another class's parent", async () => {
    const until = new Date(Date.now() + 3_600_000);
    await db.user.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.users.STUDENT } },
      data: { failedSignIns: 5, lockedUntil: until },
    });
    expect((await unlockFor(actor("CLASS_TEACHER"), f.users.STUDENT)).ok).toBe(true);
    expect(
      (
        await db.user.findUniqueOrThrow({
          where: { organisationId_id: { organisationId: f.organisationId, id: f.users.STUDENT } },
        })
      ).lockedUntil,
    ).toBeNull();
    const parentUser = (
      await db.parent.findUniqueOrThrow({
        where: { organisationId_id: { organisationId: f.organisationId, id: parentB } },
      })
    ).userId!;
    await db.user.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: parentUser } },
      data: { lockedUntil: until },
    });
    expect(await unlockFor(actor("CLASS_TEACHER"), parentUser)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(
      (
        await db.user.findUniqueOrThrow({
          where: { organisationId_id: { organisationId: f.organisationId, id: parentUser } },
        })
      ).lockedUntil,
    ).toEqual(until);
  });

  it("counts sign-ins per week, newest week first", async () => {
    const today = new Date("2026-11-23T00:00:00.000Z");
    const day = (n: number) => new Date(today.getTime() - n * 86_400_000);
    await db.visit.createMany({
      data: [
        { organisationId: f.organisationId, userId: f.users.PARENT, day: day(0), area: "signin", count: 2 },
        { organisationId: f.organisationId, userId: f.users.PARENT, day: day(6), area: "signin", count: 1 },
        { organisationId: f.organisationId, userId: f.users.PARENT, day: day(7), area: "signin", count: 4 },
        { organisationId: f.organisationId, userId: f.users.PARENT, day: day(40), area: "signin", count: 9 },
      ],
    });
    const [row] = await visitStats(f.organisationId, [f.users.PARENT], today);
    expect(row.weeks).toEqual([3, 4, 0, 0]);
  });
});

describe("a staff card with its login (AUTH-2)", () => {
  it("gives two namesakes two logins, each with the role, the forced change and the card linked", async () => {
    const { createStaffWithLogin } = await import("@/lib/people/logins/mutations");
    const input = {
      lastName: "Жуков",
      firstName: "Илья",
      middleName: null,
      position: "учитель",
      phone: null,
      email: "zhukov@example.ru",
      role: "TEACHER" as const,
    };
    const a = await createStaffWithLogin(f.organisationId, f.users.ADMIN, input, "unusable");
    const b = await createStaffWithLogin(f.organisationId, f.users.ADMIN, input, "unusable");
    expect(a.login).not.toBe(b.login);
    // Audited (AUTH-5) on the staff card with the login and role, not the person's contacts.
    const audit = await lastAudit(f.organisationId, "staff.created");
    expect(audit).toMatchObject({
      userId: f.users.ADMIN,
      entity: "Staff",
      entityId: String(b.staffId),
      details: { login: b.login, role: "TEACHER" },
    });
    expect(JSON.stringify(audit.details)).not.toContain("zhukov@");
    // A later edit of the card is audited by field names only (PPL-1, NFR-5).
    const { updateStaff } = await import("@/lib/people/staff/mutations");
    expect(await updateStaff(f.organisationId, f.users.ADMIN, a.staffId, { phone: "+7 927 000-00-00" })).toBe(true);
    const edited = await lastAudit(f.organisationId, "staff.updated");
    expect(edited).toMatchObject({
      userId: f.users.ADMIN,
      entity: "Staff",
      entityId: String(a.staffId),
      details: { fields: ["phone"] },
    });
    expect(JSON.stringify(edited.details)).not.toContain("927");
    for (const made of [a, b]) {
      const user = await db.user.findFirstOrThrow({
        where: { organisationId: f.organisationId, id: made.userId },
        select: {
          login: true,
          mustChangePassword: true,
          email: true,
          lastName: true,
          roles: { select: { role: true } },
        },
      });
      expect(user).toEqual({
        login: made.login,
        mustChangePassword: true,
        email: "zhukov@example.ru",
        lastName: "Жуков",
        roles: [{ role: "TEACHER" }],
      });
      const staff = await db.staff.findFirstOrThrow({ where: { organisationId: f.organisationId, id: made.staffId } });
      expect(staff.userId).toBe(made.userId);
    }
  });
});
