// SCH-6: issue and revoke the personal calendar feed. One live feed per user: a new link
// revokes the old one. Only the SHA-256 of the secret is stored.
import { db } from "@/lib/db";
import { auditChange } from "@/lib/audit/mutations";

export async function issueFeed(organisationId: number, userId: number, tokenHash: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.updateMany({
      where: { organisationId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await tx.calendarFeed.create({ data: { organisationId, userId, tokenHash } });
    await auditChange(tx, { organisationId, userId }, "calendar.issue", ["CalendarFeed"]);
  });
}

export async function revokeFeeds(organisationId: number, userId: number): Promise<number> {
  return db.$transaction(async (tx) => {
    const r = await tx.calendarFeed.updateMany({
      where: { organisationId, userId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await auditChange(tx, { organisationId, userId }, "calendar.revoke", ["CalendarFeed"], { revoked: r.count });
    return r.count;
  });
}
