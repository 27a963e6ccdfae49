// Sessions and sign-in gaps (issue 11, AUTH-4, ACL-6, NFR-5): an expired, revoked, forged or
// deactivated user's session opens nothing (page, action, route); the session cookie is httpOnly
// and SameSite; the security headers are configured for every path (the app server refuses
// cross-site writes: tests/unit/ops-handler.test.ts, e2e access.spec.ts); failures print and
// return no personal data; URLs carry ids, never names.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { saveMatrixAction } from "@/lib/access/actions";
import { saveStudentSectionAction } from "@/lib/people/actions";
import { GET as historyRoute } from "@/app/api/journal/history/route";
import BoardPage from "@/app/(app)/board/page";
import nextConfig from "@/next.config";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { renderOutcome, signInAs, signOut, useClaims } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const ROOT = path.resolve(__dirname, "../..");
let f: AccessFixture;

beforeAll(async () => {
  f = await createAccessFixture();
});

afterEach(() => {
  signOut();
  vi.restoreAllMocks();
});

const pageOutcome = () => renderOutcome(BoardPage);

async function everythingRefused(): Promise<void> {
  expect(await pageOutcome()).toBe("redirect:/login");
  expect(await saveMatrixAction(null, new FormData())).toMatchObject({
    ok: false,
    code: "UNAUTHENTICATED",
    message: "Войдите в систему",
  });
  const res = await historyRoute(new Request(`http://localhost/api/journal/history?lessonId=${f.lessonA}&kind=lesson`));
  expect(res.status).toBe(401);
}

async function session(userId: number, fields: { expiresAt: Date; revokedAt?: Date | null }) {
  const id = crypto.randomUUID();
  await db.userSession.create({ data: { organisationId: f.organisationId, id, userId, ...fields } });
  return { organisationId: f.organisationId, userId, sessionId: id };
}

describe("a session opens nothing once it is expired, revoked, forged or its user deactivated", () => {
  it("a live session of ADMIN opens the page (the control)", async () => {
    useClaims(await session(f.users.ADMIN, { expiresAt: new Date(Date.now() + 3_600_000) }));
    expect(await pageOutcome()).toBe("render");
  });

  it("expired (SESSION_MAX_AGE_HOURS passed)", async () => {
    useClaims(await session(f.users.ADMIN, { expiresAt: new Date(Date.now() - 1000) }));
    await everythingRefused();
  });

  it("revoked by signing out (the cookie replayed afterwards)", async () => {
    useClaims(await session(f.users.ADMIN, { expiresAt: new Date(Date.now() + 3_600_000), revokedAt: new Date() }));
    await everythingRefused();
  });

  it("forged: another user's session id, or a session id that does not exist", async () => {
    const real = await session(f.users.STUDENT, { expiresAt: new Date(Date.now() + 3_600_000) });
    useClaims({ ...real, userId: f.users.ADMIN });
    await everythingRefused();
    useClaims({
      organisationId: f.organisationId,
      userId: f.users.ADMIN,
      sessionId: "00000000-0000-0000-0000-000000000000",
    });
    await everythingRefused();
    useClaims({ ...real, organisationId: f.otherOrganisationId });
    await everythingRefused();
  });

  it("the user was deactivated after signing in", async () => {
    const user = await db.user.create({
      data: {
        organisationId: f.organisationId,
        login: "gone",
        passwordHash: "-",
        mustChangePassword: false,
        lastName: "Ушедший",
        firstName: "Админ",
      },
    });
    await db.userRole.create({ data: { organisationId: f.organisationId, userId: user.id, role: "ADMIN" } });
    useClaims(await session(user.id, { expiresAt: new Date(Date.now() + 3_600_000) }));
    expect(await pageOutcome()).toBe("render");
    await db.user.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: user.id } },
      data: { isActive: false },
    });
    await everythingRefused();
  });
});

describe("cookies, headers and cross-site writes", () => {
  it("the session cookie is httpOnly, SameSite=Lax, path /", () => {
    expect(authOptions.cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    expect(authOptions.session?.strategy).toBe("jwt");
  });

  it("every path gets CSP with frame-ancestors 'none', nosniff, same-origin referrer, DENY framing", async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((r) => r.source === "/:path*");
    const h = Object.fromEntries((all?.headers ?? []).map((x) => [x.key.toLowerCase(), x.value]));
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("object-src 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(nextConfig.poweredByHeader).toBe(false);
  });
});

describe("no personal data in error messages, logs or URLs", () => {
  it("refused and failed calls name nobody, in the answer or in the server log", async () => {
    const secretName = "Засекреченная";
    const st = await db.student.create({
      data: {
        organisationId: f.organisationId,
        lastName: secretName,
        firstName: "Ученица",
        birthDate: new Date("2014-04-04"),
      },
    });
    await db.classMembership.create({
      data: {
        organisationId: f.organisationId,
        studentId: st.id,
        classId: f.classB,
        startDate: new Date("2026-09-01"),
      },
    });
    const printed: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void printed.push(args.map(String).join(" ")),
      );
    }
    const answers: unknown[] = [];
    // A student, a parent and a teacher try the other class's pupil's medical section…
    for (const column of ["STUDENT", "PARENT", "TEACHER", "STAFF"] as const) {
      await signInAs(f.organisationId, f.users[column]);
      const form = new FormData();
      form.set("healthGroup", "<не число>");
      answers.push(await saveStudentSectionAction(st.id, "medical", null, form));
    }
    // …and ADMIN sends it garbage.
    await signInAs(f.organisationId, f.users.ADMIN);
    const bad = new FormData();
    bad.set("healthGroup", "x".repeat(10_000));
    answers.push(await saveStudentSectionAction(st.id, "medical", null, bad));
    answers.push(await saveStudentSectionAction(st.id, "nonsense" as never, null, bad));
    const text = JSON.stringify(answers) + printed.join("\n");
    expect(answers.every((a) => (a as { ok: boolean }).ok === false)).toBe(true);
    expect(text).not.toContain(secretName);
    expect(text).not.toContain("2014-04-04");
  });

  it("URLs carry ids and opaque tokens only: every dynamic segment of app/ is an id, a token or a report key", () => {
    const walk = (dir: string): string[] =>
      readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? [`${dir}/${e.name}`, ...walk(`${dir}/${e.name}`)] : [],
      );
    const segments = [
      ...new Set(
        walk("app")
          .map((d) => path.basename(d))
          .filter((s) => s.startsWith("[")),
      ),
    ];
    const bad = segments.filter((s) => !/^\[(\w*Id|id|token|report|\.\.\.nextauth)\]$/.test(s));
    expect(segments.length).toBeGreaterThan(3);
    expect(bad).toEqual([]);
  });
});
