// Calls server actions, route handlers and page functions in-process "as" a signed-in user.
// The session cookie's decoding (lib/auth/session-cookie.ts: the request's cookie, decrypted) is
// replaced in the test file with `vi.mock("@/lib/auth/session-cookie", … sessionCookieMock())`;
// everything after it — the claims' check, the UserSession row, the user, roles, the access gate —
// is the real code against the real test database. (tests/unit/session-token.test.ts covers the
// decoding against tokens made by next-auth itself.)
// next/cache is replaced with no-ops (revalidatePath needs Next's request store), next/headers's
// cookies() with an empty jar.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

type Claims =
  | { userId: number; organisationId: number; sessionId: string }
  /** REG-1: an education-authority account's session. */
  | { authorityUserId: number; sessionId: string };
type Holder = typeof globalThis & { __harnessClaims?: Claims | null };
const holder = globalThis as Holder;

// forbidden() is enabled by experimental.authInterrupts in next.config.ts; the same switch here.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

/** Factory for `vi.mock("@/lib/auth/session-cookie", …)`: the cookie's claims are the harness's. */
export async function sessionCookieMock(): Promise<Record<string, unknown>> {
  const readSessionClaims = async () => holder.__harnessClaims ?? null;
  return { readSessionClaims };
}

/** Factory for `vi.mock("next/cache", …)`. */
export async function nextCacheMock(original: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const real = (await original()) as Record<string, unknown>;
  const noop = () => undefined;
  return { ...real, revalidatePath: noop, revalidateTag: noop, updateTag: noop, refresh: noop };
}

/**
 * Factory for `vi.mock("next/headers", …)`: pages that read a cookie (the journal's remembered
 * journal, DAY-3) get an empty jar, since Next's request store does not exist outside a request.
 */
export async function nextHeadersMock(original: () => Promise<unknown>): Promise<Record<string, unknown>> {
  const real = (await original()) as Record<string, unknown>;
  const jar = { get: () => undefined, getAll: () => [], has: () => false };
  return { ...real, cookies: async () => jar };
}

const sessions = new Map<string, string>();

/** Signs `userId` in: a real, unexpired UserSession row, reused per user. */
export async function signInAs(organisationId: number, userId: number): Promise<void> {
  const key = `${organisationId}:${userId}`;
  let sessionId = sessions.get(key);
  if (!sessionId) {
    sessionId = randomUUID();
    await db.userSession.create({
      data: { organisationId, id: sessionId, userId, expiresAt: new Date(Date.now() + 8 * 3_600_000) },
    });
    sessions.set(key, sessionId);
  }
  holder.__harnessClaims = { organisationId, userId, sessionId };
}

/** REG-1: signs an education-authority account in (a real AuthoritySession row, reused per account). */
export async function signInAsAuthority(authorityUserId: number): Promise<void> {
  const key = `authority:${authorityUserId}`;
  let sessionId = sessions.get(key);
  if (!sessionId) {
    sessionId = randomUUID();
    await db.authoritySession.create({
      data: { id: sessionId, authorityUserId, expiresAt: new Date(Date.now() + 8 * 3_600_000) },
    });
    sessions.set(key, sessionId);
  }
  holder.__harnessClaims = { authorityUserId, sessionId };
}

/** Claims pointing at an arbitrary session (expired, revoked, forged) for session tests. */
export function useClaims(claims: Claims | null): void {
  holder.__harnessClaims = claims;
}

export function signOut(): void {
  holder.__harnessClaims = null;
}

/** What a page function / action did when it threw one of Next's control-flow errors. */
export type Interrupt =
  { kind: "redirect"; to: string } | { kind: "forbidden" } | { kind: "notFound" } | { kind: "unauthorized" };

export function interruptOf(e: unknown): Interrupt | null {
  const digest = typeof e === "object" && e !== null && "digest" in e ? String((e as { digest: unknown }).digest) : "";
  if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", to: digest.split(";")[2] ?? "" };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return { kind: "forbidden" };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "notFound" };
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;401") return { kind: "unauthorized" };
  return null;
}

/** Runs `call` (an action, a route) in a session of the organisation's user. */
export async function signedInAs<T>(organisationId: number, userId: number, call: () => Promise<T>): Promise<T> {
  await signInAs(organisationId, userId);
  return call();
}

/** What rendering a page did: «render», `redirect:<to>`, the interrupt's kind, or the error's text. */
export async function renderOutcome(render: () => Promise<unknown>): Promise<string> {
  try {
    await render();
    return "render";
  } catch (e) {
    const i = interruptOf(e);
    return i?.kind === "redirect" ? `redirect:${i.to}` : (i?.kind ?? String(e));
  }
}
