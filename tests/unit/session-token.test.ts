// The session token read without getServerSession (issue 22 items 1 and 3, AUTH-1): tokens made by
// next-auth/jwt's own `encode` (what sign-in writes) decode to the same claims as next-auth's own
// `decode`, and every token next-auth refuses is refused — another secret, an altered byte, expired
// beyond the 15 s tolerance; a token of another algorithm is refused too. The cookie is joined from
// next-auth's own chunks. The key is derived once per secret.
import { createRequire } from "node:module";
import path from "node:path";
import { EncryptJWT } from "jose";
import { decode, encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  clearSessionTokenCache,
  decodeSessionToken,
  sessionTokenKept,
  sessionTokenKey,
  sessionTokenOf,
} from "@/lib/auth/session-token";

// Counts the decryptions lib/auth/session-token.ts asks jose for (next-auth's own decode is not counted).
const decryptions = vi.hoisted(() => ({ count: 0 }));
vi.mock("jose", async (original) => {
  const real = await original<typeof import("jose")>();
  return {
    ...real,
    jwtDecrypt: (...args: Parameters<typeof real.jwtDecrypt>) => {
      decryptions.count++;
      return real.jwtDecrypt(...args);
    },
  };
});

const SECRET = "unit-secret-not-for-production-0123456789";
const CLAIMS = { userId: 17, organisationId: 3, sessionId: "0b6a1c8e-5d7f-4a8e-9c2d-3e4f5a6b7c8d" };

/** What next-auth's decode says of a token: its claims or that it refuses it. */
async function nextAuthSays(token: string, secret = SECRET): Promise<unknown> {
  return decode({ token, secret }).catch(() => "refused");
}

async function weSay(token: string, secret = SECRET): Promise<unknown> {
  return decodeSessionToken(token, secret).catch(() => "refused");
}

describe("decodeSessionToken reads what next-auth writes, as next-auth reads it", () => {
  it("gives the claims of a token made by next-auth/jwt encode, the same as next-auth's decode", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET, maxAge: 8 * 3600 });
    const ours = await weSay(token);
    expect(ours).toMatchObject(CLAIMS);
    expect(ours).toEqual(await nextAuthSays(token));
  });

  it("refuses a token of another secret", async () => {
    const token = await encode({ token: CLAIMS, secret: "another-secret-0123456789", maxAge: 3600 });
    expect(await nextAuthSays(token)).toBe("refused");
    expect(await weSay(token)).toBe("refused");
  });

  it("refuses a token with one character changed anywhere", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET, maxAge: 3600 });
    const parts = token.split(".");
    for (const at of [0, 2, 3, 4]) {
      const part = parts[at];
      const flipped = (part[0] === "A" ? "B" : "A") + part.slice(1);
      const altered = parts.map((p, i) => (i === at ? flipped : p)).join(".");
      expect(await nextAuthSays(altered)).toBe("refused");
      expect(await weSay(altered)).toBe("refused");
    }
  });

  it("applies next-auth's expiry with its 15 s clock tolerance", async () => {
    // exp = now + maxAge: 60 s past is refused, 5 s past still within the tolerance.
    const expired = await encode({ token: CLAIMS, secret: SECRET, maxAge: -60 });
    expect(await nextAuthSays(expired)).toBe("refused");
    expect(await weSay(expired)).toBe("refused");
    const justExpired = await encode({ token: CLAIMS, secret: SECRET, maxAge: -5 });
    expect(await nextAuthSays(justExpired)).toMatchObject(CLAIMS);
    expect(await weSay(justExpired)).toMatchObject(CLAIMS);
  });

  it("refuses a token next-auth never issues: the same key, another content encryption", async () => {
    const other = await new EncryptJWT({ ...CLAIMS })
      .setProtectedHeader({ alg: "dir", enc: "A128CBC-HS256" })
      .setIssuedAt()
      .setExpirationTime("1h")
      .encrypt(sessionTokenKey(SECRET));
    expect(await weSay(other)).toBe("refused");
  });

  it("derives the key once per secret", () => {
    const key = sessionTokenKey(SECRET);
    expect(key).toHaveLength(32);
    expect(sessionTokenKey(SECRET)).toBe(key);
    expect(sessionTokenKey("another-secret-0123456789")).not.toEqual(key);
  });
});

describe("sessionTokenOf joins the cookie as next-auth's SessionStore does", () => {
  const NAME = "next-auth.session-token";
  // next-auth's own chunking (not exported: loaded by its file path).
  const nextAuthRoot = path.dirname(createRequire(import.meta.url).resolve("next-auth"));
  const { SessionStore } = createRequire(import.meta.url)(path.join(nextAuthRoot, "core/lib/cookie.js")) as {
    SessionStore: new (
      option: { name: string; options: object },
      req: { cookies: Record<string, string> },
      logger: { debug: () => void },
    ) => { chunk: (value: string, options: object) => Array<{ name: string; value: string }> };
  };

  it("one cookie: its value; no cookie: null; other cookies ignored", () => {
    expect(sessionTokenOf([{ name: NAME, value: "abc" }], NAME)).toBe("abc");
    expect(sessionTokenOf([{ name: "next-auth.csrf-token", value: "x" }], NAME)).toBeNull();
    expect(sessionTokenOf([{ name: NAME, value: "" }], NAME)).toBeNull();
  });

  it("a token over 4 KB split by next-auth into chunks comes back whole, in any cookie order", async () => {
    const big = await encode({ token: { ...CLAIMS, filler: "x".repeat(6000) }, secret: SECRET, maxAge: 3600 });
    const store = new SessionStore({ name: NAME, options: {} }, { cookies: {} }, { debug: () => undefined });
    const chunks = store.chunk(big, {});
    expect(chunks.length).toBeGreaterThan(1);
    const joined = sessionTokenOf([...chunks].reverse(), NAME);
    expect(joined).toBe(big);
    expect(await weSay(joined!)).toMatchObject(CLAIMS);
  });
});

// Issue 22, round 12: a token that decrypted is kept per process under its exact string; its
// `exp` / `nbf` are checked again at each use with jose's rule and next-auth's 15 s tolerance.
describe("decodeSessionToken keeps a decrypted token's claims", () => {
  beforeEach(() => {
    clearSessionTokenCache();
    decryptions.count = 0;
  });
  afterEach(() => vi.useRealTimers());

  it("decrypts a token once: the next reads give the same claims, each a fresh object", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET, maxAge: 3600 });
    const first = await weSay(token);
    const second = await weSay(token);
    expect(decryptions.count).toBe(1);
    expect(sessionTokenKept(token)).toBe(true);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    (second as Record<string, unknown>).userId = 1;
    expect(await weSay(token)).toEqual(first);
  });

  it("refuses a kept token once its exp is more than 15 s past — when next-auth refuses it — and forgets it", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const token = await encode({ token: CLAIMS, secret: SECRET, maxAge: 60 });
    expect(await weSay(token)).toMatchObject(CLAIMS);
    vi.setSystemTime(Date.now() + 74_000);
    expect(await nextAuthSays(token)).toMatchObject(CLAIMS);
    expect(await weSay(token)).toMatchObject(CLAIMS);
    vi.setSystemTime(Date.now() + 2_000);
    expect(await nextAuthSays(token)).toBe("refused");
    expect(await weSay(token)).toBe("refused");
    expect(sessionTokenKept(token)).toBe(false);
    expect(decryptions.count).toBe(1);
  });

  it("refuses a kept token whose nbf is more than 15 s ahead (the clock set back), as jose does", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const now = Math.floor(Date.now() / 1000);
    const token = await new EncryptJWT({ ...CLAIMS })
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .setNotBefore(now + 10)
      .setExpirationTime(now + 3600)
      .encrypt(sessionTokenKey(SECRET));
    expect(await weSay(token)).toMatchObject(CLAIMS);
    vi.setSystemTime(Date.now() - 10_000);
    expect(await nextAuthSays(token)).toBe("refused");
    expect(await weSay(token)).toBe("refused");
  });

  it("keeps only what decrypted, under the exact token: an altered or foreign token is decrypted and refused", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET, maxAge: 3600 });
    await weSay(token);
    const altered = token.slice(0, -3) + (token.endsWith("AAA") ? "BBB" : "AAA");
    expect(await weSay(altered)).toBe("refused");
    expect(await weSay(altered)).toBe("refused");
    expect(sessionTokenKept(altered)).toBe(false);
    expect(await weSay(token, "another-secret-0123456789")).toBe("refused");
    expect(decryptions.count).toBe(4);
  });
});
