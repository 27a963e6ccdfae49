// Writes for personal access tokens (API-2): create (only the hash is stored) and revoke.
// Both are audited; the token text itself never reaches the database or the log.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";
import type { TokenScope } from "./token";

export async function createApiToken(
  organisationId: number,
  userId: number,
  name: string,
  scope: TokenScope,
  tokenHash: string,
): Promise<number> {
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { organisationId, userId, name, scope, tokenHash },
      select: { id: true },
    });
    await auditChange(tx, { organisationId, userId }, "api.token.create", ["ApiToken"], { id: row.id, scope });
    return row.id;
  });
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(organisationId: number, userId: number, tokenId: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const r = await tx.apiToken.updateMany({
      where: { organisationId, userId, id: tokenId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (r.count) await auditChange(tx, { organisationId, userId }, "api.token.revoke", ["ApiToken"], { id: tokenId });
    return r.count > 0;
  });
}

/** Last use, at most once a minute per token (a cheap conditional update; never fails the request). */
export async function touchApiToken(organisationId: number, tokenId: number, now: Date): Promise<void> {
  await db.apiToken
    .updateMany({
      where: {
        organisationId,
        id: tokenId,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }],
      },
      data: { lastUsedAt: now },
    })
    .catch(() => undefined);
}
