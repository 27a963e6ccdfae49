// The hash-chained audit log against PostgreSQL (AUTH-5): appends chain per organisation,
// concurrent appends never fork, and any edit by SQL is found by verifyAuditChain.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { auditChange, recordAudit } from "@/lib/audit/mutations";
import { listAuditEvents, verifyAuditChain } from "@/lib/audit/data";

let orgA: number;
let orgB: number;

beforeAll(async () => {
  const region = await db.region.create({ data: { name: "Регион аудита" } });
  const municipality = await db.municipality.create({ data: { regionId: region.id, name: "Округ аудита" } });
  const mk = (name: string) =>
    db.organisation.create({
      data: { regionId: region.id, municipalityId: municipality.id, kind: "COLLEGE", name, shortName: name },
    });
  orgA = (await mk("Техникум А")).id;
  orgB = (await mk("Техникум Б")).id;
});

async function freshOrg(name: string): Promise<number> {
  const any = await db.organisation.findFirstOrThrow({ where: { id: orgA } });
  const org = await db.organisation.create({
    data: { regionId: any.regionId, municipalityId: any.municipalityId, kind: "SCHOOL", name, shortName: name },
  });
  return org.id;
}

describe("audit chain (AUTH-5)", () => {
  it("links each row to the previous row of the same organisation and verifies (AUTH-5)", async () => {
    const first = await recordAudit(db, {
      organisationId: orgA,
      action: "test.one",
      details: { b: 2, a: [1, "x", null], nested: { z: true, y: 1.5 } },
    });
    await recordAudit(db, { organisationId: orgB, action: "test.other-org" });
    const second = await recordAudit(db, {
      organisationId: orgA,
      userId: 7,
      action: "test.two",
      entity: "Mark",
      entityId: "42",
      ip: "10.1.1.1",
    });
    const rows = await db.auditEvent.findMany({ where: { organisationId: orgA }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(rows[0].prevHash).toBeNull();
    expect(rows[1].prevHash).toBe(first.hash);
    expect(await verifyAuditChain(orgA)).toBeNull();
    expect(await verifyAuditChain(orgB)).toBeNull();
    const listed = await listAuditEvents(orgA, { action: "test.two" });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ userId: 7, entity: "Mark", entityId: "42", ip: "10.1.1.1" });
  });

  it("records a change's row by who, action, target and details, the id as text (AUTH-5)", async () => {
    const org = await freshOrg("Школа изменений");
    await auditChange(db, { organisationId: org, userId: 5, ip: "10.2.2.2" }, "test.change", ["Mark", 42], { n: 1 });
    await auditChange(db, { organisationId: org, userId: null }, "test.model", ["ApiToken"]);
    const rows = await db.auditEvent.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.userId, r.action, r.entity, r.entityId, r.details, r.ip])).toEqual([
      [5, "test.change", "Mark", "42", { n: 1 }, "10.2.2.2"],
      [null, "test.model", "ApiToken", null, null, null],
    ]);
    expect(await verifyAuditChain(org)).toBeNull();
  });

  it("never forks the chain under concurrent appends (AUTH-5)", async () => {
    const org = await freshOrg("Школа параллельная");
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        recordAudit(db, { organisationId: org, action: "test.parallel", details: { i } }),
      ),
    );
    const rows = await db.auditEvent.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(16);
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(16);
    expect(await verifyAuditChain(org)).toBeNull();
  });

  it("writes the row with the transaction it belongs to and leaves nothing when it rolls back", async () => {
    const org = await freshOrg("Школа откатная");
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, { organisationId: org, action: "test.rolled-back" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    await db.$transaction(async (tx) => {
      await recordAudit(tx, { organisationId: org, action: "test.a" });
      await recordAudit(tx, { organisationId: org, action: "test.b" });
    });
    const rows = await db.auditEvent.findMany({ where: { organisationId: org }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["test.a", "test.b"]);
    expect(await verifyAuditChain(org)).toBeNull();
  });

  it("returns the id of a row edited by SQL (AUTH-5)", async () => {
    const org = await freshOrg("Школа правленая");
    const ids = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (await recordAudit(db, { organisationId: org, action: "mark.set", details: { value: 3 + (i % 3) } })).id,
      );
    expect(await verifyAuditChain(org)).toBeNull();
    await db.$executeRaw`UPDATE "AuditEvent" SET "details" = '{"value": 2}'::jsonb WHERE "organisationId" = ${org} AND "id" = ${ids[2]}`;
    expect(await verifyAuditChain(org)).toBe(ids[2]);
  });

  it("returns the id of the row that follows a deleted one (AUTH-5)", async () => {
    const org = await freshOrg("Школа удалённая");
    const ids = [];
    for (let i = 0; i < 4; i++)
      ids.push((await recordAudit(db, { organisationId: org, action: "test.row", details: { i } })).id);
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "organisationId" = ${org} AND "id" = ${ids[1]}`;
    expect(await verifyAuditChain(org)).toBe(ids[2]);
  });
});
