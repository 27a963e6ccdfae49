// Pure hash-chain computation of the audit log (AUTH-5).
import { describe, expect, it } from "vitest";
import {
  auditHash,
  canonicalJson,
  checkChain,
  toAuditJson,
  type AuditChainRow,
  type AuditFields,
} from "@/lib/audit/rules";

const fields = (i: number): AuditFields => ({
  organisationId: 1,
  at: new Date(Date.UTC(2026, 9, 5, 6, 0, i)),
  userId: 10,
  action: "mark.set",
  entity: "Mark",
  entityId: String(i),
  details: { value: i, note: "ок" },
  ip: "10.0.0.1",
});

function chain(n: number): AuditChainRow[] {
  const rows: AuditChainRow[] = [];
  let prev: string | null = null;
  for (let i = 0; i < n; i++) {
    const f = fields(i);
    const hash = auditHash(prev, f);
    rows.push({ ...f, id: BigInt(i + 1), prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe("canonical JSON", () => {
  it("sorts object keys at every depth, so jsonb's reordering does not change the hash", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}',
    );
  });
  it("normalises values to what jsonb stores", () => {
    expect(toAuditJson({ a: undefined, b: new Date("2026-01-01T00:00:00Z"), c: Number.NaN })).toEqual({
      b: "2026-01-01T00:00:00.000Z",
      c: null,
    });
    expect(toAuditJson(undefined)).toBeNull();
  });
});

describe("hash chain (AUTH-5)", () => {
  it("depends on the previous hash and on every field", () => {
    const base = auditHash(null, fields(1));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash("x", fields(1))).not.toBe(base);
    expect(auditHash(null, { ...fields(1), ip: "10.0.0.2" })).not.toBe(base);
    expect(auditHash(null, { ...fields(1), details: { note: "ок", value: 1 } })).toBe(base);
  });

  it("verifies an intact chain and carries the last hash across batches", () => {
    const rows = chain(6);
    expect(checkChain(rows, null)).toEqual({ brokenId: null, lastHash: rows[5].hash });
    const first = checkChain(rows.slice(0, 3), null);
    expect(checkChain(rows.slice(3), first.lastHash).brokenId).toBeNull();
  });

  it("reports the edited row", () => {
    const rows = chain(5);
    rows[2] = { ...rows[2], details: { value: 5, note: "ок" } };
    expect(checkChain(rows, null).brokenId).toBe(3n);
  });

  it("reports the row after a deleted one", () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(checkChain(rows, null).brokenId).toBe(3n);
  });

  it("reports a row whose hash was recomputed but whose successor still points at the old hash", () => {
    const rows = chain(4);
    const forged = { ...rows[1], action: "mark.delete" };
    rows[1] = { ...forged, hash: auditHash(forged.prevHash, forged) };
    expect(checkChain(rows, null).brokenId).toBe(3n);
  });
});
