// Pure hash-chain logic of the audit log (AUTH-5, ARCHITECTURE "History is kept").
// Each AuditEvent row stores prevHash (the previous row's hash in the same organisation)
// and hash = sha256(prevHash + canonical JSON of the row's own fields). Changing, inserting
// or deleting a row in the middle breaks the chain at that row or the one after it.
// The row id is not hashed: the chain order is the id order and prevHash pins it.
import { createHash } from "node:crypto";

export type AuditJson = string | number | boolean | null | AuditJson[] | { [key: string]: AuditJson };

/** The hashed fields of an AuditEvent row, as stored. */
export type AuditFields = {
  organisationId: number;
  at: Date;
  userId: number | null;
  action: string;
  entity: string | null;
  entityId: string | null;
  details: AuditJson | null;
  ip: string | null;
};

export type AuditChainRow = AuditFields & { id: bigint; prevHash: string | null; hash: string | null };

/**
 * Normalises a value to plain JSON the way PostgreSQL jsonb will return it: undefined object
 * members are dropped, non-finite numbers become null, Dates become ISO strings.
 */
export function toAuditJson(value: unknown): AuditJson | null {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as AuditJson | null;
}

/** JSON with object keys sorted recursively and no whitespace — stable across jsonb round trips. */
export function canonicalJson(value: AuditJson | null): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(",")}}`;
}

export function auditHash(prevHash: string | null, fields: AuditFields): string {
  const payload = canonicalJson({
    organisationId: fields.organisationId,
    at: fields.at.toISOString(),
    userId: fields.userId,
    action: fields.action,
    entity: fields.entity,
    entityId: fields.entityId,
    details: fields.details,
    ip: fields.ip,
  });
  return createHash("sha256")
    .update(prevHash ?? "")
    .update(payload)
    .digest("hex");
}

export type ChainCheck = { brokenId: bigint | null; lastHash: string | null };

/**
 * Walks rows in id order starting after `prevHash` (null for the first row of the
 * organisation) and returns the id of the first row whose link or hash does not match.
 * Feed consecutive batches by passing the previous batch's `lastHash`.
 */
export function checkChain(rows: readonly AuditChainRow[], prevHash: string | null): ChainCheck {
  let expectedPrev = prevHash;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev || row.hash !== auditHash(row.prevHash, row)) {
      return { brokenId: row.id, lastHash: expectedPrev };
    }
    expectedPrev = row.hash;
  }
  return { brokenId: null, lastHash: expectedPrev };
}

/** Two 32-bit keys for pg_advisory_xact_lock: a namespace for the audit log and the organisation. */
export const AUDIT_LOCK_NAMESPACE = 0x41554454; // "AUDT"
