// Subgroup membership (ORG-4): only students of the class join, the set is replaced atomically,
// and the matrix's subgroups.all / subgroups.own decide who may change it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorize } from "@/lib/access/authorize";
import { setSubgroupMembers } from "@/lib/org/subgroups/mutations";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { auditCount, lastAudit } from "../support/audit";

let f: AccessFixture;
let sgA: number;
const today = new Date(new Date().toISOString().slice(0, 10));

beforeAll(async () => {
  f = await createAccessFixture();
  sgA = (
    await db.subgroup.create({
      data: { organisationId: f.organisationId, classId: f.classA, subjectId: f.subject, name: "1 группа" },
    })
  ).id;
});

const actor = (column: keyof AccessFixture["users"]) => ({ organisationId: f.organisationId, id: f.users[column] });

describe("subgroup membership (ORG-4)", () => {
  it("puts students of the class into the subgroup and refuses a student of another class, writing nothing", async () => {
    expect(await setSubgroupMembers(f.organisationId, f.users.ADMIN, sgA, [f.studentA], today)).toEqual({
      ok: true,
      count: 1,
    });
    // Audited (AUTH-5) by the subgroup and the number of members; a refusal writes no row.
    expect(await lastAudit(f.organisationId, "org.subgroup_members")).toMatchObject({
      userId: f.users.ADMIN,
      entity: "Subgroup",
      entityId: String(sgA),
      details: { count: 1 },
    });
    const refused = await setSubgroupMembers(f.organisationId, f.users.ADMIN, sgA, [f.studentB], today);
    expect(refused).toEqual({ ok: false, message: "В подгруппу можно включить только учеников этого класса" });
    expect(await auditCount(f.organisationId, "org.subgroup_members")).toBe(1);
    const members = await db.subgroupMember.findMany({ where: { organisationId: f.organisationId, subgroupId: sgA } });
    expect(members.map((m) => m.studentId)).toEqual([f.studentA]);
  });

  it("lets the class teacher and the class's subject teacher change own subgroups, not another class's", async () => {
    const own = { kind: "class", classId: f.classA, subjectId: f.subject } as const;
    const other = { kind: "class", classId: f.classB, subjectId: f.subject } as const;
    expect((await authorize(actor("CLASS_TEACHER"), "subgroups.own", own)).allowed).toBe(true);
    expect((await authorize(actor("TEACHER"), "subgroups.own", own)).allowed).toBe(true);
    expect((await authorize(actor("TEACHER"), "subgroups.own", other)).allowed).toBe(false);
    expect((await authorize(actor("SECRETARY"), "subgroups.all", own)).allowed).toBe(false);
    expect((await authorize(actor("SCHEDULER"), "subgroups.all", other)).allowed).toBe(true);
  });
});
