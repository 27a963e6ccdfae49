// The session cookie read without getServerSession (issue 22 items 1 and 3; AUTH-1, AUTH-5, ACL-6):
// the other integration files replace lib/auth/session-cookie.ts by the harness; this one runs it
// over real cookies made by next-auth/jwt's `encode` (what next-auth's sign-in writes).
// - Same claims as next-auth: for each cookie — none, an organisation user's, an authority's, of
//   another secret, expired, altered, split into chunks — the claims the session check receives are
//   those next-auth's own getServerSession gives for the same cookies.
// - The real decision behind a real cookie: a page opens; after sign-out, an expired or revoked
//   row, or a removed right, the same cookie opens nothing at the very next request.
import { encode } from "next-auth/jwt";
import { getServerSession } from "next-auth";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { tokenClaimsSchema } from "@/lib/auth/schema";
import { readSessionClaims } from "@/lib/auth/session-cookie";
import { changePasswordAction, signOutAction } from "@/lib/auth/actions";
import { hashPassword } from "@/lib/auth/password";
import { clearSessionTokenCache, sessionTokenKept } from "@/lib/auth/session-token";
import { saveMatrixAction } from "@/lib/access/actions";
import { clearProcessCaches } from "@/lib/auth/version";
import BoardPage from "@/app/(app)/board/page";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { renderOutcome } from "../support/session-harness";

// The secret the app is configured with (before lib/auth/options reads it).
const SECRET = vi.hoisted(() => (process.env.NEXTAUTH_SECRET = "session-cookie-test-secret-0123456789"));
// The request's cookies: next/headers reads them from here.
const jar = vi.hoisted(() => new Map<string, string>());

vi.mock("next/headers", async (orig) => {
  const real = (await orig()) as Record<string, unknown>;
  const all = () => [...jar].map(([name, value]) => ({ name, value }));
  const store = {
    getAll: all,
    get: (name: string) => all().find((c) => c.name === name),
    has: (name: string) => jar.has(name),
  };
  const headers = () => new Headers({ host: "localhost", "user-agent": "vitest" });
  return { ...real, cookies: async () => store, headers: async () => headers() };
});
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const COOKIE = "next-auth.session-token";
const HOUR = 3600;
let f: AccessFixture;

beforeAll(async () => {
  f = await createAccessFixture();
});
beforeEach(() => {
  clearProcessCaches();
  clearSessionTokenCache();
});
afterEach(() => {
  jar.clear();
  vi.useRealTimers();
});

const token = (claims: Record<string, unknown>, opts: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: opts.secret ?? SECRET, maxAge: opts.maxAge ?? HOUR });

function setCookie(value: string | null): void {
  jar.clear();
  if (value !== null) jar.set(COOKIE, value);
}

/** What the session check receives: the claims after next-auth's session callback's schema. */
function claimsOf(raw: unknown): unknown {
  const parsed = tokenClaimsSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** next-auth's own getServerSession over the same cookies (its request/response form). */
async function nextAuthClaims(): Promise<unknown> {
  const req = { headers: { host: "localhost" }, cookies: Object.fromEntries(jar) };
  const res = { getHeader: () => undefined, setHeader: () => undefined, setCookie: () => undefined };
  const session = await getServerSession(req as never, res as never, authOptions);
  return claimsOf(session);
}

async function newSession(userId: number, fields: { expiresAt?: Date } = {}) {
  const id = crypto.randomUUID();
  await db.userSession.create({
    data: {
      organisationId: f.organisationId,
      id,
      userId,
      expiresAt: fields.expiresAt ?? new Date(Date.now() + 3_600_000),
    },
  });
  return { userId, organisationId: f.organisationId, sessionId: id };
}

describe("the claims read from the cookie are next-auth's", () => {
  const user = { userId: 41, organisationId: 7, sessionId: "2f4c5e9a-1b3d-4c6e-8f0a-9b8c7d6e5f4a" };
  const cases: Array<[string, () => Promise<string | null>]> = [
    ["no cookie", async () => null],
    ["an organisation user's token", () => token(user)],
    ["an authority account's token (REG-1)", () => token({ authorityUserId: 5, sessionId: user.sessionId })],
    ["a token of another secret", () => token(user, { secret: "another-secret-0123456789" })],
    ["a token expired a minute ago", () => token(user, { maxAge: -60 })],
    ["a token with claims of neither kind", () => token({ name: "x", email: "y@z" })],
    [
      "an altered token",
      async () => {
        const t = await token(user);
        return t.slice(0, -3) + (t.endsWith("AAA") ? "BBB" : "AAA");
      },
    ],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      setCookie(await make());
      const ours = claimsOf(await readSessionClaims());
      expect(ours).toEqual(await nextAuthClaims());
      if (name === "an organisation user's token") expect(ours).toEqual(user);
    });
  }

  it("a token split into chunks (name.0, name.1, …)", async () => {
    const big = await token({ ...user, filler: "x".repeat(6000) });
    jar.clear();
    for (let i = 0, at = 0; at < big.length; i++, at += 3933) jar.set(`${COOKIE}.${i}`, big.slice(at, at + 3933));
    const ours = claimsOf(await readSessionClaims());
    expect(ours).toEqual(user);
    expect(ours).toEqual(await nextAuthClaims());
  });
});

describe("behind a real cookie the session check decides at the next request", () => {
  it("a live session opens the page; after sign-out the same cookie opens nothing (AUTH-5)", async () => {
    setCookie(await token(await newSession(f.users.ADMIN)));
    expect(await renderOutcome(BoardPage)).toBe("render");
    expect(await signOutAction()).toMatchObject({ ok: true });
    expect(await renderOutcome(BoardPage)).toBe("redirect:/login");
  });

  it("a session whose row expired or was revoked opens nothing, its cookie still valid (ACL-6)", async () => {
    const expired = await newSession(f.users.ADMIN, { expiresAt: new Date(Date.now() - 1000) });
    setCookie(await token(expired));
    expect(await renderOutcome(BoardPage)).toBe("redirect:/login");

    const live = await newSession(f.users.ADMIN);
    setCookie(await token(live));
    expect(await renderOutcome(BoardPage)).toBe("render");
    await db.userSession.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: live.sessionId } },
      data: { revokedAt: new Date() },
    });
    expect(await renderOutcome(BoardPage)).toBe("redirect:/login");
  });

  it("a right removed on «Права доступа» is refused at the role's next request (ACL-2)", async () => {
    const staff = await token(await newSession(f.users.STAFF));
    setCookie(staff);
    expect(await renderOutcome(BoardPage)).toBe("render");
    setCookie(await token(await newSession(f.users.ADMIN)));
    const form = new FormData();
    form.set("c:STAFF:board.view", "none");
    expect(await saveMatrixAction(null, form)).toEqual({ ok: true, data: { changed: 1 } });
    setCookie(staff);
    try {
      expect(await renderOutcome(BoardPage)).toBe("forbidden");
    } finally {
      await db.rolePermission.deleteMany({ where: { organisationId: f.organisationId, column: "STAFF" } });
    }
    expect(await renderOutcome(BoardPage)).toBe("render");
  });

  // Issue 22, round 12: a token's claims are kept per process after its first decryption. What the
  // cookie may open is still decided at each request — from the session row, the AccessVersion and
  // the token's own expiry checked again at each use.
  it("with the token's claims kept: after sign-out its next request is refused (AUTH-5)", async () => {
    const cookie = await token(await newSession(f.users.ADMIN));
    setCookie(cookie);
    expect(await renderOutcome(BoardPage)).toBe("render");
    expect(sessionTokenKept(cookie)).toBe(true);
    expect(await renderOutcome(BoardPage)).toBe("render");
    expect(await signOutAction()).toMatchObject({ ok: true });
    expect(sessionTokenKept(cookie)).toBe(true);
    expect(await renderOutcome(BoardPage)).toBe("redirect:/login");
  });

  it("with the token's claims kept: a password change refuses the user's other sessions at their next request", async () => {
    await db.user.updateMany({
      where: { organisationId: f.organisationId, id: f.users.SECRETARY },
      data: { passwordHash: await hashPassword("Старый-пароль-1") },
    });
    const phone = await token(await newSession(f.users.SECRETARY));
    const laptop = await token(await newSession(f.users.SECRETARY));
    for (const cookie of [phone, laptop]) {
      setCookie(cookie);
      expect(await renderOutcome(BoardPage)).toBe("render");
      expect(sessionTokenKept(cookie)).toBe(true);
    }
    const form = new FormData();
    form.set("currentPassword", "Старый-пароль-1");
    form.set("newPassword", "Новый-Пароль-2026");
    form.set("confirmPassword", "Новый-Пароль-2026");
    expect(await changePasswordAction(null, form)).toEqual({ ok: true, data: null });
    expect(await renderOutcome(BoardPage)).toBe("render");
    setCookie(phone);
    expect(sessionTokenKept(phone)).toBe(true);
    expect(await renderOutcome(BoardPage)).toBe("redirect:/login");
  });

  it("with the token's claims kept: the token refused once its exp is 15 s past, though its session row is live", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const cookie = await token(await newSession(f.users.ADMIN), { maxAge: 60 });
    setCookie(cookie);
    expect(await renderOutcome(BoardPage)).toBe("render");
    expect(sessionTokenKept(cookie)).toBe(true);
    vi.setSystemTime(Date.now() + 74_000);
    expect(await renderOutcome(BoardPage)).toBe("render");
    vi.setSystemTime(Date.now() + 2_000);
    expect(claimsOf(await readSessionClaims())).toBeNull();
    expect(await renderOutcome(BoardPage)).toBe("redirect:/login");
    expect(await nextAuthClaims()).toBeNull();
  });

  it("a cookie of another secret opens nothing though its session row is live", async () => {
    setCookie(await token(await newSession(f.users.ADMIN), { secret: "another-secret-0123456789" }));
    expect(await renderOutcome(BoardPage)).toBe("redirect:/login");
  });
});
