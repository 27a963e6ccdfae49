// Student cards against PostgreSQL: the field set follows the reader's permissions (ACL-4),
// medical and psychological writes need their own permission, full views are audited (152-ФЗ).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorize } from "@/lib/access/authorize";
import { studentCardAccess } from "@/lib/people/card/access";
import { studentCard } from "@/lib/people/card/data";
import { loadStudentCard } from "@/lib/people/card/loaders";
import { saveCardSection } from "@/lib/people/card/sections";
import { visibleFields } from "@/lib/people/card-rules";
import { createAccessFixture, fixtureUser, type AccessFixture } from "../support/access-fixture";
import { lastAudit } from "../support/audit";

let f: AccessFixture;
const today = new Date(new Date().toISOString().slice(0, 10));

beforeAll(async () => {
  f = await createAccessFixture();
  await db.student.update({
    where: { organisationId_id: { organisationId: f.organisationId, id: f.studentA } },
    data: { snils: "123-456-789 01", healthGroup: "II", psychNotes: "наблюдение", phone: "+7 900 000-00-00" },
  });
});

const actor = (column: keyof AccessFixture["users"]) => ({ organisationId: f.organisationId, id: f.users[column] });

const asUser = (column: keyof AccessFixture["users"]) => fixtureUser(f, column);

describe("student card field access (ACL-4)", () => {
  it("loads only «краткие сведения» for a teacher of the class: no documents, medical or psychological fields", async () => {
    const access = await studentCardAccess(actor("TEACHER"), f.studentA);
    expect(access).toEqual({ full: false, medicalGroups: false, medicalEdit: false, psych: false });
    const card = await studentCard(f.organisationId, f.studentA, visibleFields(access!), today);
    expect(card?.phone).toBe("+7 900 000-00-00");
    expect(card).not.toHaveProperty("snils");
    expect(card).not.toHaveProperty("healthGroup");
    expect(card).not.toHaveProperty("psychNotes");
  });

  it("gives the class teacher the full card with health groups but without psychological notes", async () => {
    const access = await studentCardAccess(actor("CLASS_TEACHER"), f.studentA);
    const card = await studentCard(f.organisationId, f.studentA, visibleFields(access!), today);
    expect(card?.snils).toBe("123-456-789 01");
    expect(card?.healthGroup).toBe("II");
    expect(card).not.toHaveProperty("psychNotes");
  });

  it("refuses the card to a class teacher of another class, to a parent (who uses the diary) and to technical staff", async () => {
    expect(await studentCardAccess(actor("CLASS_TEACHER"), f.studentB)).toBeNull();
    expect(await studentCardAccess(actor("PARENT"), f.studentA)).toBeNull();
    expect(await studentCardAccess(actor("STAFF"), f.studentA)).toBeNull();
  });

  it("lets only ADMIN and MEDIC change medical fields, only ADMIN and PSYCHOLOGIST psychological ones", async () => {
    for (const column of ["ADMIN", "MEDIC"] as const)
      expect(
        (await authorize(actor(column), "people.medical", { kind: "student", studentId: f.studentA })).allowed,
      ).toBe(true);
    for (const column of ["TEACHER", "CLASS_TEACHER", "DIRECTOR", "PSYCHOLOGIST", "SECRETARY"] as const)
      expect(
        (await authorize(actor(column), "people.medical", { kind: "student", studentId: f.studentA })).allowed,
      ).toBe(false);
    for (const column of ["ADMIN", "PSYCHOLOGIST"] as const)
      expect((await authorize(actor(column), "people.psych", { kind: "student", studentId: f.studentA })).allowed).toBe(
        true,
      );
    for (const column of ["MEDIC", "CLASS_TEACHER", "DEPUTY"] as const)
      expect((await authorize(actor(column), "people.psych", { kind: "student", studentId: f.studentA })).allowed).toBe(
        false,
      );
  });

  it("writes only the medical group of fields and audits it without the values", async () => {
    const who = { organisationId: f.organisationId, userId: f.users.MEDIC };
    const result = await saveCardSection(who, "medical", f.studentA, {
      healthGroup: "III",
      physicalGroup: "подготовительная",
      snils: "999-999-999 99",
    });
    expect(result.ok).toBe(true);
    const s = await db.student.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.studentA } },
    });
    expect(s.healthGroup).toBe("III");
    expect(s.snils).toBe("123-456-789 01");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organisationId: f.organisationId, action: "people.student.medical_updated" },
      orderBy: { id: "desc" },
    });
    expect(JSON.stringify(audit.details)).not.toContain("III");
    expect(audit).toMatchObject({ userId: f.users.MEDIC, entity: "Student", entityId: String(f.studentA) });
    expect(audit.details).toEqual({ fields: expect.arrayContaining(["healthGroup", "physicalGroup"]) });
    expect(JSON.stringify(audit.details)).not.toContain("snils");
  });

  it("writes the psycho-pedagogical group and audits its field names only (ACL-4, NFR-5)", async () => {
    const who = { organisationId: f.organisationId, userId: f.users.PSYCHOLOGIST };
    const result = await saveCardSection(who, "psych", f.studentA, { socialStatus: "многодетная семья" });
    expect(result.ok).toBe(true);
    const audit = await lastAudit(f.organisationId, "people.student.psych_updated");
    expect(audit).toMatchObject({ userId: f.users.PSYCHOLOGIST, entity: "Student", entityId: String(f.studentA) });
    expect(audit.details).toEqual({ fields: expect.arrayContaining(["socialStatus"]) });
    expect(JSON.stringify(audit.details)).not.toContain("многодетная");
  });

  it("writes the main group of fields and audits their names only (PPL-1, NFR-5)", async () => {
    const who = { organisationId: f.organisationId, userId: f.users.ADMIN };
    const s = await db.student.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.studentB } },
    });
    const [y, m, d] = s.birthDate.toISOString().slice(0, 10).split("-");
    const main = {
      lastName: s.lastName,
      firstName: s.firstName,
      birthDate: `${d}.${m}.${y}`,
      educationForm: "FULL_TIME",
    };
    const result = await saveCardSection(who, "main", f.studentB, { ...main, actualAddress: "ул. Садовая, 5" });
    expect(result.ok).toBe(true);
    const audit = await lastAudit(f.organisationId, "people.student.updated");
    expect(audit).toMatchObject({ userId: f.users.ADMIN, entity: "Student", entityId: String(f.studentB) });
    expect(audit.details).toEqual({ fields: expect.arrayContaining(["lastName", "actualAddress", "educationForm"]) });
    expect(JSON.stringify(audit.details)).not.toContain("Садовая");
  });

  it("refuses a bad health group with a Russian field message and writes nothing (NFR-4)", async () => {
    const who = { organisationId: f.organisationId, userId: f.users.MEDIC };
    const result = await saveCardSection(who, "medical", f.studentA, { healthGroup: "VII" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors?.healthGroup?.[0]).toMatch(/Группа здоровья/);
    const s = await db.student.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.studentA } },
    });
    expect(s.healthGroup).toBe("III");
  });

  it("records a full-card view in the audit log, and not a brief one (152-ФЗ)", async () => {
    const before = await db.auditEvent.count({
      where: { organisationId: f.organisationId, action: "people.card.viewed" },
    });
    expect((await loadStudentCard(asUser("TEACHER"), f.studentA))?.access.full).toBe(false);
    expect(
      await db.auditEvent.count({ where: { organisationId: f.organisationId, action: "people.card.viewed" } }),
    ).toBe(before);
    expect((await loadStudentCard(asUser("SECRETARY"), f.studentA))?.access.full).toBe(true);
    const viewed = await db.auditEvent.findFirstOrThrow({
      where: { organisationId: f.organisationId, action: "people.card.viewed" },
      orderBy: { id: "desc" },
    });
    expect(viewed.userId).toBe(f.users.SECRETARY);
    expect(viewed.entityId).toBe(String(f.studentA));
  });
});
