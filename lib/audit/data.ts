// Reads of the audit log. verifyAuditChain walks an organisation's chain in id order
// (in batches, so memory stays flat) and reports the first row that does not verify.
// Note: removing the newest rows cannot be detected from the chain alone.
import { db } from "@/lib/db";
import { checkChain, type AuditChainRow, type AuditFields, type AuditJson } from "./rules";
import { NAME_FIELDS } from "@/lib/people/names";

const BATCH = 1000;

type StoredAuditRow = Omit<AuditChainRow, "details"> & { details: unknown };

/** Id of the first row whose hash or link is wrong, or null when the whole chain verifies. */
export async function verifyAuditChain(organisationId: number): Promise<bigint | null> {
  let prevHash: string | null = null;
  let afterId: bigint | null = null;
  for (;;) {
    const rows: StoredAuditRow[] = await db.auditEvent.findMany({
      where: { organisationId, ...(afterId === null ? {} : { id: { gt: afterId } }) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        organisationId: true,
        at: true,
        userId: true,
        action: true,
        entity: true,
        entityId: true,
        details: true,
        ip: true,
        prevHash: true,
        hash: true,
      },
    });
    if (rows.length === 0) return null;
    const chainRows: AuditChainRow[] = rows.map((r) => ({ ...r, details: r.details as AuditJson | null }));
    const result = checkChain(chainRows, prevHash);
    if (result.brokenId !== null) return result.brokenId;
    prevHash = result.lastHash;
    afterId = rows[rows.length - 1].id;
    if (rows.length < BATCH) return null;
  }
}

/** An audit event as the log page shows it: its stored fields and its id. */
export type AuditEntry = Omit<AuditFields, "organisationId"> & { id: bigint };

/** The newest audit rows of an organisation, optionally of one action or user (for admin screens). */
export async function listAuditEvents(
  organisationId: number,
  filter: { action?: string; userId?: number; limit?: number } = {},
): Promise<AuditEntry[]> {
  const rows = await db.auditEvent.findMany({
    where: {
      organisationId,
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.userId !== undefined ? { userId: filter.userId } : {}),
    },
    orderBy: { id: "desc" },
    take: Math.min(Math.max(filter.limit ?? 100, 1), 1000),
    select: { id: true, at: true, userId: true, action: true, entity: true, entityId: true, details: true, ip: true },
  });
  return rows.map((r) => ({ ...r, details: r.details as AuditJson | null }));
}

/** «Фамилия И. О.» of the users named in audit rows. */
export async function auditUserNames(organisationId: number, userIds: number[]): Promise<Map<number, string>> {
  const users = await db.user.findMany({
    where: { organisationId, id: { in: [...new Set(userIds)] } },
    select: { id: true, login: true, ...NAME_FIELDS },
  });
  return new Map(
    users.map((u) => [
      u.id,
      `${u.lastName} ${u.firstName[0] ?? ""}.${u.middleName ? ` ${u.middleName[0]}.` : ""} (${u.login})`,
    ]),
  );
}
