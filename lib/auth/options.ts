// next-auth configuration (AUTH-1, AUTH-4, ACL-6): one credentials provider (organisation +
// login + password), JWT sessions whose token carries only userId, organisationId and the id of
// a server-side UserSession row. Every request re-checks that row (lib/auth/session.ts), so a
// revoked or expired session stops working even if its cookie is replayed.
//
// Environment:
//   NEXTAUTH_SECRET        — key of the encrypted session cookie (required in production);
//   NEXTAUTH_URL           — public URL; https:// turns on `secure` cookies;
//   SESSION_MAX_AGE_HOURS  — session lifetime in hours (default 8);
//   TRUST_PROXY            — trusted reverse proxies in front (applied by server/handler.ts, SEC-1);
//   OIDC_*                 — an optional OpenID Connect provider (lib/auth/oidc.ts).
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { encodeRefusal, type SignInRefusal } from "./sign-in-errors";
import {
  authorityClaimsSchema,
  authorityCredentialsSchema,
  credentialsSchema,
  sessionClaimsSchema,
  tokenClaimsSchema,
  type AuthorityClaims,
  type SessionClaims,
} from "./schema";
import { clientAddress, sessionMaxAgeSeconds } from "./rules";
import { formatClock } from "@/lib/org/time";
import { attemptAuthoritySignIn, attemptSignIn, type AuthoritySignInOutcome, type SignInOutcome } from "./sign-in";
import { endSession } from "./mutations";
import { endAuthoritySession } from "@/lib/auth/authority/mutations";
import { requestAddress, userAgentOf } from "./request";
import { oidcConfig, oidcProvider, oidcSignInAllowed } from "./oidc";
import { servedOverHttps } from "./transport";

// API-5: an OpenID Connect provider joins the credentials one when OIDC_* is configured (lib/auth/oidc.ts).
const oidc = oidcConfig();

// SEC-7: every cookie (session, CSRF, callback, OIDC state/PKCE) is Secure over HTTPS.
const secureCookies = servedOverHttps();
const maxAge = sessionMaxAgeSeconds(process.env.SESSION_MAX_AGE_HOURS);

type SignedInUser = User & (SessionClaims | AuthorityClaims);

function refusalOf(outcome: Exclude<SignInOutcome | AuthoritySignInOutcome, { ok: true }>): SignInRefusal {
  switch (outcome.reason) {
    case "invalid":
      return { code: "INVALID" };
    case "disabled":
      return { code: "DISABLED" };
    case "locked":
      return { code: "LOCKED", until: formatClock(outcome.until, outcome.timeZone) };
    case "address_blocked":
      return { code: "ADDRESS_BLOCKED", until: formatClock(outcome.until, outcome.timeZone) };
  }
}

export const authOptions: AuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge },
  jwt: { maxAge },
  pages: { signIn: "/login", error: "/login" },
  useSecureCookies: secureCookies,
  cookies: {
    sessionToken: {
      name: `${secureCookies ? "__Secure-" : ""}next-auth.session-token`,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
    },
  },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Логин и пароль",
      credentials: {
        organisationId: { label: "Организация", type: "text" },
        login: { label: "Логин", type: "text" },
        password: { label: "Пароль", type: "password" },
      },
      // Thrown messages become next-auth's `error`; they are short codes, never text or internals.
      async authorize(credentials, req) {
        // REG-1: the select's value is an organisation id, or `region:<id>` / `municipality:<id>`.
        const authority = authorityCredentialsSchema.safeParse(credentials);
        const parsed = authority.success ? null : credentialsSchema.safeParse(credentials);
        if (!authority.success && !parsed?.success) throw new Error(encodeRefusal({ code: "INVALID" }));
        const headers = req.headers ?? {};
        const client = { ip: clientAddress(headers), userAgent: userAgentOf(headers) };
        let outcome: SignInOutcome | AuthoritySignInOutcome;
        try {
          outcome = authority.success
            ? await attemptAuthoritySignIn({ ...authority.data, territory: authority.data.organisationId, ...client })
            : await attemptSignIn({ ...parsed!.data!, ...client });
        } catch (error) {
          console.error("[auth] sign-in failed", error);
          throw new Error(encodeRefusal({ code: "UNAVAILABLE" }), { cause: error });
        }
        if (!outcome.ok) throw new Error(encodeRefusal(refusalOf(outcome)));
        const user: SignedInUser =
          "authorityUserId" in outcome
            ? {
                id: `authority:${outcome.authorityUserId}`,
                authorityUserId: outcome.authorityUserId,
                sessionId: outcome.sessionId,
              }
            : {
                id: String(outcome.userId),
                userId: outcome.userId,
                organisationId: outcome.organisationId,
                sessionId: outcome.sessionId,
              };
        return user;
      },
    }),
    ...(oidc ? [oidcProvider(oidc)] : []),
  ],
  callbacks: {
    // API-5: an OpenID Connect subject must be bound to one active user (lib/auth/oidc.ts).
    async signIn({ user, account }) {
      return account?.provider === "oidc" ? oidcSignInAllowed(user) : true;
    },
    // The token holds nothing but the three claims (no name, e-mail or roles) — or, for an
    // authority account (REG-1), its id and session.
    async jwt({ token, user, trigger }) {
      if (trigger === "signIn") {
        const claims = tokenClaimsSchema.safeParse(user);
        if (!claims.success) throw new Error(encodeRefusal({ code: "UNAVAILABLE" }));
        return { ...claims.data };
      }
      return token;
    },
    // getServerSession returns this object; the client sees the same ids (no secrets among them).
    async session({ session, token }) {
      const claims = tokenClaimsSchema.safeParse(token);
      const result = { expires: session.expires, ...(claims.success ? claims.data : {}) };
      return result;
    },
    // Only same-site destinations after sign-in/out.
    async redirect({ url, baseUrl }) {
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      try {
        return new URL(url).origin === baseUrl ? url : baseUrl;
      } catch {
        return baseUrl;
      }
    },
  },
  events: {
    // next-auth's own sign-out also revokes the server-side session (idempotent with signOutAction).
    async signOut({ token }) {
      const authority = authorityClaimsSchema.safeParse(token);
      const claims = sessionClaimsSchema.safeParse(token);
      try {
        if (authority.success)
          await endAuthoritySession(authority.data.authorityUserId, authority.data.sessionId, await requestAddress());
        if (!claims.success) return;
        await endSession(claims.data.organisationId, claims.data.sessionId, await requestAddress());
      } catch (error) {
        console.error("[auth] sign-out revoke failed", error);
      }
    },
  },
};
