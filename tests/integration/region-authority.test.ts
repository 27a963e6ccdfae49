// REG-1: education-authority accounts against PostgreSQL — sign-in choosing the territory, the
// same lockout and password policy as organisation users (one code path: lib/auth/sign-in.ts
// signInWith, lib/auth/actions.ts changePasswordAction), the authority session, the territory's
// organisations (counts only) and REGIONAL_ADMIN's logins scoped to its own region.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as territoryReportRoute } from "@/app/api/region/report/route";
import { db } from "@/lib/db";
import { attemptAuthoritySignIn, type AuthoritySignInInput } from "@/lib/auth/sign-in";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { LOGIN_LOCK_POLICY } from "@/lib/auth/rules";
import { WEAK_PASSWORD_MESSAGES } from "@/lib/auth/password-policy";
import { changePasswordAction } from "@/lib/auth/actions";
import { loadAuthoritySession, territoryOrganisations } from "@/lib/auth/authority/data";
import {
  issueAuthorityLoginAction,
  resetAuthorityPasswordAction,
  setAuthorityActiveAction,
} from "@/lib/region/users/actions";
import type { AuthorityRole } from "@/lib/auth/authority/rules";
import { changedTables, dbDigest } from "../support/db-digest";
import { signInAs, signInAsAuthority, signOut } from "../support/session-harness";
import { xlsxText } from "../support/xlsx";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const PASSWORD = "Верный-пароль-1";
const MINUTE = 60_000;
let hash: string;
let region: number;
let otherRegion: number;
let muniA: number;
let muniB: number;
let otherMuni: number;
let seq = 0;
let schoolB1: number;

beforeAll(async () => {
  hash = await hashPassword(PASSWORD);
  region = (await db.region.create({ data: { name: "Регион REG-1" } })).id;
  otherRegion = (await db.region.create({ data: { name: "Соседний регион" } })).id;
  muniA = (await db.municipality.create({ data: { regionId: region, name: "Округ А" } })).id;
  muniB = (await db.municipality.create({ data: { regionId: region, name: "Округ Б" } })).id;
  otherMuni = (await db.municipality.create({ data: { regionId: otherRegion, name: "Чужой округ" } })).id;
  const org = (name: string, regionId: number, municipalityId: number) =>
    db.organisation.create({ data: { regionId, municipalityId, kind: "SCHOOL", name, shortName: name } });
  await org("Школа А-1", region, muniA);
  await org("Школа А-2", region, muniA);
  schoolB1 = (await org("Школа Б-1", region, muniB)).id;
  await org("Чужая школа", otherRegion, otherMuni);
});

async function account(role: AuthorityRole, place: { regionId: number; municipalityId: number | null }, extra = {}) {
  seq += 1;
  return db.authorityUser.create({
    data: {
      login: `auth${seq}`,
      role,
      ...place,
      passwordHash: hash,
      mustChangePassword: false,
      lastName: "Титова",
      firstName: "Марина",
      middleName: "Юрьевна",
      ...extra,
    },
  });
}

const attempt = (
  login: string,
  password: string,
  territory: AuthoritySignInInput["territory"],
  ip = "10.1.0.1",
): AuthoritySignInInput => ({ login, password, territory, ip, userAgent: "vitest" });

describe("sign-in choosing the territory (REG-1, AUTH-1)", () => {
  it("a municipal specialist signs in by its municipality, not by the region or another municipality", async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", { regionId: region, municipalityId: muniA });
    const ok = await attemptAuthoritySignIn(attempt(spec.login, PASSWORD, { kind: "municipality", id: muniA }));
    expect(ok).toMatchObject({ ok: true, authorityUserId: spec.id });
    for (const territory of [
      { kind: "region", id: region },
      { kind: "municipality", id: muniB },
      { kind: "municipality", id: otherMuni },
      { kind: "municipality", id: 999_999 },
    ] as const) {
      expect(await attemptAuthoritySignIn(attempt(spec.login, PASSWORD, territory))).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    // The session carries the authority actor with its territory.
    if (!ok.ok) throw new Error("unreachable");
    const session = await loadAuthoritySession({ authorityUserId: spec.id, sessionId: ok.sessionId }, new Date());
    expect(session).toMatchObject({
      id: spec.id,
      role: "MUNICIPAL_SPECIALIST",
      territory: { kind: "municipality", regionId: region, municipalityId: muniA },
      territoryName: "Округ А (Регион REG-1)",
    });
    expect(await db.authorityEvent.count({ where: { subjectId: spec.id, action: "auth.signin" } })).toBe(1);
  });

  it("a regional account signs in by the region; a blocked one is refused with the right password", async () => {
    const head = await account("REGIONAL_HEAD", { regionId: region, municipalityId: null });
    expect((await attemptAuthoritySignIn(attempt(head.login, PASSWORD, { kind: "region", id: region }))).ok).toBe(true);
    expect((await attemptAuthoritySignIn(attempt(head.login, PASSWORD, { kind: "region", id: otherRegion }))).ok).toBe(
      false,
    );
    await db.authorityUser.update({ where: { id: head.id }, data: { isActive: false } });
    expect(await attemptAuthoritySignIn(attempt(head.login, PASSWORD, { kind: "region", id: region }))).toEqual({
      ok: false,
      reason: "disabled",
    });
  });
});

describe("lockout (AUTH-4) for authority accounts", () => {
  it("locks after the policy's failures, refuses the right password while locked, opens after the lock", async () => {
    const spec = await account("REGIONAL_SPECIALIST", { regionId: region, municipalityId: null });
    const territory = { kind: "region", id: region } as const;
    const now = new Date("2026-12-01T09:00:00Z");
    for (let i = 0; i < LOGIN_LOCK_POLICY.maxFailures - 1; i++)
      expect(await attemptAuthoritySignIn(attempt(spec.login, `wrong-${i}`, territory, "10.1.0.2"), now)).toEqual({
        ok: false,
        reason: "invalid",
      });
    const last = await attemptAuthoritySignIn(attempt(spec.login, "wrong-last", territory, "10.1.0.2"), now);
    expect(last).toMatchObject({ ok: false, reason: "locked" });
    const during = await attemptAuthoritySignIn(
      attempt(spec.login, PASSWORD, territory, "10.1.0.2"),
      new Date(now.getTime() + 5 * MINUTE),
    );
    expect(during).toMatchObject({ ok: false, reason: "locked" });
    const after = await attemptAuthoritySignIn(
      attempt(spec.login, PASSWORD, territory, "10.1.0.2"),
      new Date(now.getTime() + (LOGIN_LOCK_POLICY.lockMinutes + 1) * MINUTE),
    );
    expect(after.ok).toBe(true);
    expect(await db.authorityEvent.count({ where: { subjectId: spec.id, action: "auth.locked" } })).toBe(1);
  });

  it("an unknown login locks exactly like a real one (the message never tells which)", async () => {
    const territory = { kind: "municipality", id: muniB } as const;
    const now = new Date("2026-12-01T10:00:00Z");
    const results = [];
    for (let i = 0; i < LOGIN_LOCK_POLICY.maxFailures; i++)
      results.push(await attemptAuthoritySignIn(attempt("nobody-here", "x", territory, "10.1.0.3"), now));
    expect(results.slice(0, -1).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("own password (AUTH-3, SEC-4) for authority accounts", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it("refuses a weak or name-bearing password, writes nothing; a passphrase ends the other sessions", async () => {
    const spec = await account(
      "MUNICIPAL_HEAD",
      { regionId: region, municipalityId: muniA },
      { mustChangePassword: true },
    );
    const other = await db.authoritySession.create({
      data: { authorityUserId: spec.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    await signInAsAuthority(spec.id);
    const before = await dbDigest();
    const weak = await changePasswordAction(
      null,
      form({ currentPassword: PASSWORD, newPassword: "Титова2026", confirmPassword: "Титова2026" }),
    );
    expect(weak).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(!weak.ok && weak.fieldErrors?.newPassword).toContain(WEAK_PASSWORD_MESSAGES.name);
    expect(changedTables(before, await dbDigest())).toEqual([]);

    const wrongCurrent = await changePasswordAction(
      null,
      form({
        currentPassword: "не тот",
        newPassword: "зелёный слон идёт домой",
        confirmPassword: "зелёный слон идёт домой",
      }),
    );
    expect(wrongCurrent).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["Неверный текущий пароль"] } });
    expect((await db.authorityUser.findUniqueOrThrow({ where: { id: spec.id } })).failedSignIns).toBe(1);

    const good = await changePasswordAction(
      null,
      form({
        currentPassword: PASSWORD,
        newPassword: "зелёный слон идёт домой",
        confirmPassword: "зелёный слон идёт домой",
      }),
    );
    expect(good).toEqual({ ok: true, data: null });
    const saved = await db.authorityUser.findUniqueOrThrow({ where: { id: spec.id } });
    expect(saved.mustChangePassword).toBe(false);
    expect(await verifyPassword(saved.passwordHash, "зелёный слон идёт домой")).toBe(true);
    expect((await db.authoritySession.findUniqueOrThrow({ where: { id: other.id } })).revokedAt).not.toBeNull();
  });
});

describe("the territory's organisations (REG-1): counts of its own territory only", () => {
  it("a municipality lists its organisations, the region its municipalities' — never another region's", async () => {
    const today = new Date("2026-12-01");
    const muni = await territoryOrganisations({ kind: "municipality", regionId: region, municipalityId: muniA }, today);
    expect(muni.map((o) => o.name).sort()).toEqual(["Школа А-1", "Школа А-2"]);
    const whole = await territoryOrganisations({ kind: "region", regionId: region }, today);
    expect(whole.map((o) => o.name).sort()).toEqual(["Школа А-1", "Школа А-2", "Школа Б-1"]);
    // Counts only: no field of a row names a person.
    expect(Object.keys(whole[0]).sort()).toEqual(
      ["activeLogins", "classes", "id", "kind", "municipality", "name", "staff", "students"].sort(),
    );
  });
});

describe("region.users (REG-1): REGIONAL_ADMIN manages the logins of its own region only", () => {
  const issueForm = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it("issues a municipal login with a one-time password that must be changed", async () => {
    const admin = await account("REGIONAL_ADMIN", { regionId: region, municipalityId: null });
    await signInAsAuthority(admin.id);
    const issued = await issueAuthorityLoginAction(
      null,
      issueForm({
        lastName: "Петрова",
        firstName: "Анна",
        middleName: "",
        role: "MUNICIPAL_SPECIALIST",
        municipalityId: String(muniB),
      }),
    );
    if (!issued.ok) throw new Error(issued.message);
    const row = await db.authorityUser.findUniqueOrThrow({ where: { login: issued.data.login } });
    expect(row).toMatchObject({
      role: "MUNICIPAL_SPECIALIST",
      regionId: region,
      municipalityId: muniB,
      mustChangePassword: true,
    });
    expect(await verifyPassword(row.passwordHash, issued.data.password)).toBe(true);
    expect(
      (await attemptAuthoritySignIn(attempt(row.login, issued.data.password, { kind: "municipality", id: muniB }))).ok,
    ).toBe(true);
  });

  it("refuses another region's municipality and a wrong binding, writing nothing", async () => {
    const admin = await account("REGIONAL_ADMIN", { regionId: region, municipalityId: null });
    await signInAsAuthority(admin.id);
    const before = await dbDigest();
    const foreign = await issueAuthorityLoginAction(
      null,
      issueForm({ lastName: "Петров", firstName: "Иван", role: "MUNICIPAL_HEAD", municipalityId: String(otherMuni) }),
    );
    expect(foreign).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { municipalityId: expect.any(Array) },
    });
    const unbound = await issueAuthorityLoginAction(
      null,
      issueForm({ lastName: "Петров", firstName: "Иван", role: "MUNICIPAL_HEAD" }),
    );
    expect(unbound).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const regionalWithMuni = await issueAuthorityLoginAction(
      null,
      issueForm({ lastName: "Петров", firstName: "Иван", role: "REGIONAL_ADMIN", municipalityId: String(muniA) }),
    );
    expect(regionalWithMuni).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("blocks and resets its region's logins; another region's account is NOT_FOUND and unchanged", async () => {
    const admin = await account("REGIONAL_ADMIN", { regionId: region, municipalityId: null });
    const own = await account("MUNICIPAL_SPECIALIST", { regionId: region, municipalityId: muniA });
    const foreign = await account("MUNICIPAL_SPECIALIST", { regionId: otherRegion, municipalityId: otherMuni });
    await signInAsAuthority(admin.id);
    const before = await dbDigest();
    expect(await setAuthorityActiveAction(foreign.id, false)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await resetAuthorityPasswordAction(foreign.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // Its own login: neither blocked nor reset here (the own password changes on «Сменить пароль»).
    expect(await setAuthorityActiveAction(admin.id, false)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await resetAuthorityPasswordAction(admin.id)).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(changedTables(before, await dbDigest())).toEqual([]);

    const session = await db.authoritySession.create({
      data: { authorityUserId: own.id, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    expect(await setAuthorityActiveAction(own.id, false)).toEqual({ ok: true, data: null });
    expect((await db.authorityUser.findUniqueOrThrow({ where: { id: own.id } })).isActive).toBe(false);
    expect((await db.authoritySession.findUniqueOrThrow({ where: { id: session.id } })).revokedAt).not.toBeNull();
    expect(await setAuthorityActiveAction(own.id, true)).toEqual({ ok: true, data: null });

    await db.authorityUser.update({ where: { id: own.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    const reset = await resetAuthorityPasswordAction(own.id);
    if (!reset.ok) throw new Error(reset.message);
    const after = await db.authorityUser.findUniqueOrThrow({ where: { id: own.id } });
    expect(after).toMatchObject({ mustChangePassword: true, lockedUntil: null, failedSignIns: 0 });
    expect(await verifyPassword(after.passwordHash, reset.data.password)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
  });

  it("a specialist or a head may not manage logins", async () => {
    for (const role of ["REGIONAL_SPECIALIST", "REGIONAL_HEAD", "MUNICIPAL_HEAD"] as const) {
      const actor = await account(role, { regionId: region, municipalityId: role === "MUNICIPAL_HEAD" ? muniA : null });
      await signInAsAuthority(actor.id);
      expect(await resetAuthorityPasswordAction(actor.id)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
  });
});

describe("the territory report download (REG-1 × REG-2)", () => {
  async function download(query: string): Promise<Response> {
    return territoryReportRoute(new Request(`http://localhost/api/region/report?${query}`));
  }

  it("a municipal specialist's file covers exactly its municipality's organisations, whatever the query names", async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", { regionId: region, municipalityId: muniA });
    await signInAsAuthority(spec.id);
    for (const kind of ["progress", "attendance", "fill", "contingent"]) {
      // Organisation ids in the query are not read: the list comes from the session's territory.
      const res = await download(
        `kind=${kind}&from=2026-09-01&to=2026-11-30&format=xlsx&organisationIds=${schoolB1}&organisationId=${schoolB1}`,
      );
      expect(res.status, kind).toBe(200);
      expect(res.headers.get("content-type")).toContain("spreadsheetml");
      const text = await xlsxText(res);
      expect(text).toContain("Школа А-1");
      expect(text).toContain("Школа А-2");
      expect(text).toContain("Итого по территории");
      expect(text).not.toContain("Школа Б-1");
      expect(text).not.toContain("Чужая школа");
    }
    const pdf = await download("kind=progress&from=2026-09-01&to=2026-11-30&format=pdf");
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("a regional specialist's file covers the region's municipalities, not another region", async () => {
    const spec = await account("REGIONAL_SPECIALIST", { regionId: region, municipalityId: null });
    await signInAsAuthority(spec.id);
    const text = await xlsxText(await download("kind=contingent&from=2026-09-01&to=2026-11-30&format=xlsx"));
    for (const name of ["Школа А-1", "Школа А-2", "Школа Б-1"]) expect(text).toContain(name);
    expect(text).not.toContain("Чужая школа");
  });

  it("bad input is a 400 with a Russian message; the regional admin, an organisation user and anonymous are refused", async () => {
    const spec = await account("MUNICIPAL_SPECIALIST", { regionId: region, municipalityId: muniA });
    await signInAsAuthority(spec.id);
    for (const query of [
      "kind=salary&from=2026-09-01&to=2026-11-30&format=pdf",
      "kind=progress&from=2026-11-30&to=2026-09-01&format=pdf",
      "kind=progress&from=2026-13-45&to=2026-11-30&format=pdf",
      "kind=progress&from=2026-09-01&to=2026-11-30&format=docx",
      "kind=progress&from=2020-09-01&to=2026-11-30&format=xlsx",
    ]) {
      const res = await download(query);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/[а-яё]/i);
    }
    const admin = await account("REGIONAL_ADMIN", { regionId: region, municipalityId: null });
    await signInAsAuthority(admin.id);
    expect((await download("kind=progress&from=2026-09-01&to=2026-11-30&format=pdf")).status).toBe(403);
    const organisation = await db.organisation.findFirstOrThrow({ where: { municipalityId: muniA } });
    const user = await db.user.create({
      data: {
        organisationId: organisation.id,
        login: "deputy-reg",
        passwordHash: "-",
        lastName: "Завуч",
        firstName: "Анна",
      },
    });
    await db.userRole.create({ data: { organisationId: organisation.id, userId: user.id, role: "DEPUTY" } });
    await signInAs(organisation.id, user.id);
    expect((await download("kind=progress&from=2026-09-01&to=2026-11-30&format=pdf")).status).toBe(403);
    signOut();
    expect((await download("kind=progress&from=2026-09-01&to=2026-11-30&format=pdf")).status).toBe(401);
  });
});
