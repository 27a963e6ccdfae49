// API-5: sign-in through an OpenID Connect provider (such as the regional Госуслуги/ЕСИА gateway),
// switched on by configuration alone:
//   OIDC_ISSUER         — the provider's issuer URL (its /.well-known/openid-configuration is read);
//   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET — this system's client registration;
//   OIDC_NAME           — the button's label (default «Госуслуги»);
//   OIDC_CLAIM          — the ID-token claim that names the person (default `sub`), matched to
//                         User.externalId (set by the administrator; no self-registration, AUTH-2).
// The code flow runs with PKCE, state and nonce; the ID token is verified by next-auth against
// the provider's keys. A matched, active user gets the same server-side UserSession as a password
// sign-in; an unknown or ambiguous subject is refused.
import type { OAuthConfig } from "next-auth/providers/oauth";
import { todayIn } from "@/lib/org/time";
import { findUsersByExternalId } from "./data";
import { startSession } from "./mutations";
import { sessionMaxAgeSeconds } from "./rules";
import { sessionClaimsSchema, type SessionClaims } from "./schema";
import { encodeRefusal } from "./sign-in-errors";

export type OidcConfig = { issuer: string; clientId: string; clientSecret: string; name: string; claim: string };

export function oidcConfig(env: Record<string, string | undefined> = process.env): OidcConfig | null {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer: issuer.replace(/\/$/, ""),
    clientId,
    clientSecret,
    name: env.OIDC_NAME || "Госуслуги",
    claim: env.OIDC_CLAIM || "sub",
  };
}

/** Opens a session for the one active user bound to `externalId`; null when none or several. */
export async function signInExternal(externalId: string, now: Date = new Date()): Promise<SessionClaims | null> {
  if (!externalId) return null;
  const users = await findUsersByExternalId(externalId);
  if (users.length !== 1) return null;
  const [user] = users;
  const expiresAt = new Date(now.getTime() + sessionMaxAgeSeconds(process.env.SESSION_MAX_AGE_HOURS) * 1000);
  const sessionId = await startSession({
    organisationId: user.organisationId,
    userId: user.id,
    ip: "oidc",
    userAgent: null,
    now,
    expiresAt,
    day: todayIn(user.timeZone, now),
  });
  return { userId: user.id, organisationId: user.organisationId, sessionId };
}

/** next-auth's signIn callback for this provider: a subject bound to no user goes back to the login page with «wrong login». */
export function oidcSignInAllowed(user: unknown): true | string {
  return sessionClaimsSchema.safeParse(user).success
    ? true
    : `/login?error=${encodeURIComponent(encodeRefusal({ code: "INVALID" }))}`;
}

export function oidcProvider(cfg: OidcConfig): OAuthConfig<Record<string, unknown>> {
  return {
    id: "oidc",
    name: cfg.name,
    type: "oauth",
    wellKnown: `${cfg.issuer}/.well-known/openid-configuration`,
    clientId: cfg.clientId,
    clientSecret: cfg.clientSecret,
    authorization: { params: { scope: "openid" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    async profile(profile) {
      const subject = profile[cfg.claim];
      const claims =
        typeof subject === "string" || typeof subject === "number" ? await signInExternal(String(subject)) : null;
      // Without claims the signIn callback (oidcSignInAllowed) sends the browser back to /login with the refusal.
      return claims ? { id: String(claims.userId), ...claims } : { id: "unknown" };
    },
  };
}
