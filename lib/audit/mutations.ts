// Appends rows to the hash-chained audit log (AUTH-5). Appends are serialised per
// organisation with a transaction-scoped advisory lock, so two concurrent writers can never
// read the same predecessor and fork the chain. Call recordAudit with the transaction that
// makes the audited change (the row then commits or rolls back with it), preferably as the
// last statement, because the lock is held until that transaction ends.
import type { Prisma, PrismaClient } from "@/prisma/generated/prisma/client";
import { AUDIT_LOCK_NAMESPACE, auditHash, toAuditJson, type AuditFields, type AuditJson } from "./rules";

export type AuditClient = PrismaClient | Prisma.TransactionClient;

export type AuditEventInput = {
  organisationId: number;
  userId?: number | null;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  details?: AuditJson | Record<string, unknown> | null;
  ip?: string | null;
};

export type RecordedAudit = { id: bigint; hash: string };

/** Who makes an audited change: the organisation, the acting user (null: the system), the request's address. */
export type AuditWho = { organisationId: number; userId: number | null; ip?: string | null };

/** The entity row a change touched: its model name and id (stored as text), or the model alone. */
export type AuditTarget = readonly [entity: string, id?: number | string | null];

/**
 * The usual audit row: `who` did `action` on `target`, with `details`. Call it with the change's
 * transaction, as its last statement (see above).
 */
export function auditChange(
  client: AuditClient,
  who: AuditWho,
  action: string,
  [entity, id]: AuditTarget,
  details?: AuditEventInput["details"],
): Promise<RecordedAudit> {
  return recordAudit(client, { ...who, action, entity, entityId: id == null ? null : String(id), details });
}

function isRootClient(client: AuditClient): client is PrismaClient {
  return "$transaction" in client;
}

/** Appends one audit row; opens its own transaction when given the root client. */
export async function recordAudit(client: AuditClient, event: AuditEventInput): Promise<RecordedAudit> {
  if (isRootClient(client)) return client.$transaction((tx) => append(tx, event));
  return append(client, event);
}

async function append(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<RecordedAudit> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_NAMESPACE}::int4, ${event.organisationId}::int4)`;
  const last = await tx.auditEvent.findFirst({
    where: { organisationId: event.organisationId },
    orderBy: { id: "desc" },
    select: { hash: true },
  });
  const prevHash = last?.hash ?? null;
  const fields: AuditFields = {
    organisationId: event.organisationId,
    // Millisecond precision, as the timestamp(3) column stores it.
    at: new Date(),
    userId: event.userId ?? null,
    action: event.action,
    entity: event.entity ?? null,
    entityId: event.entityId ?? null,
    details: toAuditJson(event.details),
    ip: event.ip ?? null,
  };
  const hash = auditHash(prevHash, fields);
  const row = await tx.auditEvent.create({
    data: {
      organisationId: fields.organisationId,
      at: fields.at,
      userId: fields.userId,
      action: fields.action,
      entity: fields.entity,
      entityId: fields.entityId,
      details: toPrismaJson(fields.details),
      ip: fields.ip,
      prevHash,
      hash,
    },
    select: { id: true },
  });
  return { id: row.id, hash };
}

function toPrismaJson(value: AuditJson | null): Prisma.InputJsonValue | undefined {
  // A missing or null `details` is stored as SQL NULL and read back as null.
  return value === null ? undefined : (value as Prisma.InputJsonValue);
}
