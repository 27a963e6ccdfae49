// Reads for the open API (API-2): the live token behind a bearer credential with its user,
// and the profile's token list. Bound to the organisation the token names (ACL-5).
import { db } from "@/lib/db";
import { isRole } from "@/lib/access/roles";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import type { CurrentUser } from "@/lib/auth/rules";
import type { TokenScope } from "./token";

export type TokenUser = { user: CurrentUser; tokenId: number; scope: TokenScope };

/**
 * The user of a live (not revoked) token, read from the database on every request: revoking a
 * token or deactivating its user takes effect at once (nothing is cached).
 */
export async function userOfToken(organisationId: number, tokenHash: string): Promise<TokenUser | null> {
  const token = await db.apiToken.findUnique({
    where: { organisationId_tokenHash: { organisationId, tokenHash } },
    select: {
      id: true,
      scope: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          organisationId: true,
          login: true,
          ...NAME_FIELDS,
          isActive: true,
          mustChangePassword: true,
          roles: { select: { role: true } },
          organisation: { select: { kind: true, name: true, shortName: true, timeZone: true } },
        },
      },
    },
  });
  if (!token || token.revokedAt || !token.user.isActive) return null;
  const u = token.user;
  return {
    tokenId: token.id,
    scope: token.scope === "write" ? "write" : "read",
    user: {
      id: u.id,
      organisationId: u.organisationId,
      login: u.login,
      fullName: fullName(u),
      shortName: shortName(u),
      roles: u.roles.map((r) => r.role).filter(isRole),
      mustChangePassword: u.mustChangePassword,
      sessionId: `api-token:${token.id}`,
      orgKind: u.organisation.kind,
      orgName: u.organisation.shortName || u.organisation.name,
      timeZone: u.organisation.timeZone,
    },
  };
}

export type TokenListItem = {
  id: number;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function tokensOf(organisationId: number, userId: number): Promise<TokenListItem[]> {
  const rows = await db.apiToken.findMany({
    where: { organisationId, userId },
    orderBy: { id: "desc" },
    select: { id: true, name: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((r) => ({ ...r, scope: r.scope === "write" ? "write" : "read" }));
}
