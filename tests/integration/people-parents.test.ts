// Editing a parent card after creation against PostgreSQL (PPL-1, ACL-3): fields with Russian
// messages, links to children added and removed — only by whoever manages the children.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addChildLink, removeChildLink, saveParentCard } from "@/lib/people/card/parent";
import { createParentForStudent } from "@/lib/people/card/mutations";
import { parentSchema } from "@/lib/people/schema";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { lastAudit } from "../support/audit";

let f: AccessFixture;
let parentA: number;
let parentB: number;

const actor = (column: keyof AccessFixture["users"]) => ({ organisationId: f.organisationId, id: f.users[column] });
const parent = (id: number) =>
  db.parent.findUniqueOrThrow({ where: { organisationId_id: { organisationId: f.organisationId, id } } });
const links = (parentId: number) =>
  db.parentLink.findMany({
    where: { organisationId: f.organisationId, parentId },
    select: { studentId: true, kinship: true },
    orderBy: { studentId: "asc" },
  });
const card = {
  lastName: "Родитель",
  firstName: "Тест",
  middleName: "Ивановна",
  birthDate: "12.04.1985",
  sex: "FEMALE",
  phone: "+7 927 111-22-33",
  email: "mama@example.ru",
  workplace: "ООО «Ромашка»",
  position: "бухгалтер",
};

beforeAll(async () => {
  f = await createAccessFixture();
  parentA = (
    await db.parentLink.findFirstOrThrow({ where: { organisationId: f.organisationId, studentId: f.studentA } })
  ).parentId;
  parentB = (
    await db.parent.create({ data: { organisationId: f.organisationId, lastName: "Чужая", firstName: "Мама" } })
  ).id;
  await db.parentLink.create({ data: { organisationId: f.organisationId, parentId: parentB, studentId: f.studentB } });
});

describe("parent card fields (PPL-1)", () => {
  it("lets the class teacher of a child edit the parent's card, audited", async () => {
    expect(await saveParentCard(actor("CLASS_TEACHER"), parentA, card)).toEqual({ ok: true, data: undefined });
    expect(await parent(parentA)).toMatchObject({
      middleName: "Ивановна",
      sex: "FEMALE",
      phone: "+7 927 111-22-33",
      workplace: "ООО «Ромашка»",
      birthDate: new Date("1985-04-12T00:00:00.000Z"),
    });
    expect(
      await db.auditEvent.count({
        where: { organisationId: f.organisationId, action: "people.parent.updated", entityId: String(parentA) },
      }),
    ).toBe(1);
    // Field names only, no values (NFR-5).
    const audit = await lastAudit(f.organisationId, "people.parent.updated");
    expect(audit).toMatchObject({ userId: f.users.CLASS_TEACHER, entity: "Parent" });
    expect(audit.details).toEqual({ fields: expect.arrayContaining(["lastName", "phone", "workplace"]) });
    expect(JSON.stringify(audit.details)).not.toContain("Ромашка");
  });

  it("answers bad input with Russian field messages and writes nothing", async () => {
    const r = await saveParentCard(actor("ADMIN"), parentA, {
      ...card,
      lastName: " ",
      email: "не-почта",
      birthDate: "31.02.1985",
    });
    expect(r).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { lastName: ["Заполните поле «Фамилия»"], email: ["Неверный адрес e-mail"] },
    });
    expect(r.ok === false && r.fieldErrors?.birthDate?.length).toBe(1);
    expect((await parent(parentA)).lastName).toBe("Родитель");
  });

  it("refuses a teacher with «краткие сведения» and a class teacher of another class, changing nothing", async () => {
    expect(await saveParentCard(actor("TEACHER"), parentA, { ...card, lastName: "Взлом" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await saveParentCard(actor("CLASS_TEACHER"), parentB, { ...card, lastName: "Взлом" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await parent(parentA)).lastName).toBe("Родитель");
    expect((await parent(parentB)).lastName).toBe("Чужая");
  });
});

describe("parent–child links from the parent's card (PPL-1)", () => {
  it("adds a second child with its kinship (several children per parent) when the editor manages both", async () => {
    expect(await addChildLink(actor("ADMIN"), parentA, { studentId: String(f.studentB), kinship: "мать" })).toEqual({
      ok: true,
      data: undefined,
    });
    expect(await lastAudit(f.organisationId, "people.parent.linked")).toMatchObject({
      userId: f.users.ADMIN,
      entity: "Parent",
      entityId: String(parentA),
      details: { studentId: f.studentB },
    });
    expect(await links(parentA)).toEqual(
      [
        { studentId: f.studentA, kinship: null },
        { studentId: f.studentB, kinship: "мать" },
      ].sort((a, b) => a.studentId - b.studentId),
    );
  });

  it("refuses a class teacher linking a pupil of another class, and an empty choice in Russian", async () => {
    expect(await addChildLink(actor("CLASS_TEACHER"), parentA, { studentId: String(f.studentB) })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await addChildLink(actor("ADMIN"), parentB, { studentId: "" })).toMatchObject({
      ok: false,
      fieldErrors: { studentId: ["Выберите ученика"] },
    });
    expect(await links(parentB)).toEqual([{ studentId: f.studentB, kinship: null }]);
  });

  it("refuses a class teacher linking to own pupil a parent known only by card number (whose full card they could not open)", async () => {
    expect(await addChildLink(actor("CLASS_TEACHER"), parentB, { studentId: String(f.studentA) })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await links(parentB)).toEqual([{ studentId: f.studentB, kinship: null }]);
  });

  it("removes a link only for whoever manages that child; the parent card stays", async () => {
    expect(await removeChildLink(actor("CLASS_TEACHER"), parentA, f.studentB)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await links(parentA)).length).toBe(2);
    expect((await removeChildLink(actor("ADMIN"), parentA, f.studentB)).ok).toBe(true);
    expect(await lastAudit(f.organisationId, "people.parent.unlinked")).toMatchObject({
      userId: f.users.ADMIN,
      entity: "Parent",
      entityId: String(parentA),
      details: { studentId: f.studentB },
    });
    expect(await links(parentA)).toEqual([{ studentId: f.studentA, kinship: null }]);
    expect(await parent(parentA)).toMatchObject({ lastName: "Родитель" });
  });

  it("a new parent card for a child is linked to it and audited by its id and the child's (AUTH-5)", async () => {
    const who = { organisationId: f.organisationId, userId: f.users.ADMIN };
    const input = parentSchema.parse({ lastName: "Новая", firstName: "Мама", kinship: "мать" });
    const id = await createParentForStudent(who, f.studentB, input);
    expect(id).not.toBeNull();
    expect(await links(id!)).toEqual([{ studentId: f.studentB, kinship: "мать" }]);
    expect(await lastAudit(f.organisationId, "people.parent.created")).toMatchObject({
      userId: f.users.ADMIN,
      entity: "Parent",
      entityId: String(id),
      details: { studentId: f.studentB },
    });
  });
});
