// API-5: sign-in through an OpenID Connect provider configured by environment only. A real
// provider (oidc-provider) runs on a local port; next-auth's own handler (the code behind
// /api/auth/*) goes through discovery, the authorization-code flow with PKCE, state and nonce,
// and the callback; the subject maps to User.externalId and opens a server-side session.
import { createRequire } from "node:module";
import path from "node:path";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Provider from "oidc-provider";
import { decode } from "next-auth/jwt";
import type { AuthOptions } from "next-auth";
import { db } from "@/lib/db";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";

// next-auth's framework-neutral handler (behind its Next.js route handler) is not in its exports map.
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve("node_modules/next-auth/core/index.js"),
) as typeof import("../../node_modules/next-auth/core/index");

const APP = "http://localhost:3000";
const SECRET = "oidc-test-secret";
let server: Server;
let issuer = "";
let options: AuthOptions;
let f: AccessFixture;

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

function keep(jar: Jar, cookies: { name: string; value: string }[] | undefined) {
  for (const c of cookies ?? []) jar.set(c.name, c.value);
}

function keepFetched(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
  }
}

/** Follows the provider's redirects and answers its login (and, if asked, consent) forms, until it sends the browser back to us. */
async function throughProvider(start: string, login: string): Promise<URL> {
  const jar: Jar = new Map();
  let url = start;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(APP)) return new URL(url);
    const page = await fetch(url, { redirect: "manual", headers: { cookie: cookieHeader(jar) } });
    keepFetched(jar, page);
    if (page.status >= 300 && page.status < 400) {
      url = new URL(page.headers.get("location")!, url).toString();
      continue;
    }
    const html = await page.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`unexpected provider page (${page.status})`);
    const form = new URLSearchParams(prompt === "login" ? { prompt, login, password: "any" } : { prompt });
    const posted = await fetch(new URL(action, url), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: cookieHeader(jar), "content-type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    keepFetched(jar, posted);
    url = new URL(posted.headers.get("location")!, url).toString();
  }
  throw new Error("too many provider steps");
}

/** One whole sign-in as a browser would run it; returns next-auth's final redirect and cookies. */
async function signInThroughProvider(subject: string) {
  const jar: Jar = new Map();
  const base = { origin: APP, headers: { host: "localhost:3000" } };
  const csrf = await AuthHandler({
    req: { ...base, action: "csrf", method: "GET", cookies: Object.fromEntries(jar) },
    options,
  });
  keep(jar, csrf.cookies);
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const start = await AuthHandler({
    req: {
      ...base,
      action: "signin",
      providerId: "oidc",
      method: "POST",
      body: { csrfToken, callbackUrl: "/" },
      cookies: Object.fromEntries(jar),
    },
    options,
  });
  keep(jar, start.cookies);
  expect(start.redirect).toMatch(new RegExp(`^${issuer}/auth\\?`));
  const authorize = new URL(start.redirect!);
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorize.searchParams.get("state")).toBeTruthy();
  expect(authorize.searchParams.get("nonce")).toBeTruthy();
  const back = await throughProvider(start.redirect!, subject);
  expect(back.pathname).toBe("/api/auth/callback/oidc");
  const done = await AuthHandler({
    req: {
      ...base,
      action: "callback",
      providerId: "oidc",
      method: "GET",
      query: Object.fromEntries(back.searchParams),
      cookies: Object.fromEntries(jar),
    },
    options,
  });
  keep(jar, done.cookies);
  return { redirect: done.redirect ?? "", session: jar.get("next-auth.session-token") };
}

beforeAll(async () => {
  f = await createAccessFixture();
  await db.user.update({
    where: { organisationId_id: { organisationId: f.organisationId, id: f.users.PARENT } },
    data: { externalId: "esia-1001" },
  });
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  issuer = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: "ejournal",
        client_secret: "client-secret",
        redirect_uris: [`${APP}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
    // The test's provider grants the openid scope without a consent screen.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid");
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  server.on("request", (req: IncomingMessage, res: ServerResponse) => void handle(req, res));
  Object.assign(process.env, {
    OIDC_ISSUER: issuer,
    OIDC_CLIENT_ID: "ejournal",
    OIDC_CLIENT_SECRET: "client-secret",
    OIDC_NAME: "Госуслуги",
    NEXTAUTH_URL: APP,
    NEXTAUTH_SECRET: SECRET,
  });
  ({ authOptions: options } = await import("@/lib/auth/options"));
});

afterAll(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
});

describe("sign-in through an OpenID Connect provider (API-5)", () => {
  it("is offered only when configured", async () => {
    const { oidcConfig } = await import("@/lib/auth/oidc");
    expect(oidcConfig({})).toBeNull();
    expect(oidcConfig(process.env)?.name).toBe("Госуслуги");
    expect(options.providers.map((p) => p.id)).toEqual(["credentials", "oidc"]);
  });

  it("signs the person bound to the subject in with a server-side session", async () => {
    const before = await db.userSession.count({ where: { organisationId: f.organisationId, userId: f.users.PARENT } });
    const { redirect, session } = await signInThroughProvider("esia-1001");
    expect(redirect).toBe(`${APP}/`);
    expect(session).toBeTruthy();
    const claims = await decode({ token: session!, secret: SECRET });
    expect(claims).toMatchObject({ userId: f.users.PARENT, organisationId: f.organisationId });
    const row = await db.userSession.findFirstOrThrow({
      where: { organisationId: f.organisationId, id: String(claims!.sessionId) },
    });
    expect(row.userId).toBe(f.users.PARENT);
    expect(row.revokedAt).toBeNull();
    expect(await db.userSession.count({ where: { organisationId: f.organisationId, userId: f.users.PARENT } })).toBe(
      before + 1,
    );
  });

  it("refuses a subject bound to no user, opening no session", async () => {
    const before = await db.userSession.count({ where: { organisationId: f.organisationId } });
    const { redirect, session } = await signInThroughProvider("esia-unknown");
    expect(redirect).toMatch(/\/login\?error=/);
    expect(session).toBeUndefined();
    expect(await db.userSession.count({ where: { organisationId: f.organisationId } })).toBe(before);
  });
});
