// Import of a class list (PPL-5, PPL-3, AUTH-5) against PostgreSQL through the real server action:
// «Проверить» writes nothing; «Импортировать» writes every valid row as a card with its admission
// in the movement book, and one audit row `people.imported` names the class, the order and the new
// students — no names or birth dates in it (NFR-5).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { importAction } from "@/lib/people/import/actions";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { auditCount, lastAudit } from "../support/audit";
import { changedTables, dbDigest } from "../support/db-digest";
import { signInAs } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: AccessFixture;

const CSV = [
  "Фамилия;Имя;Отчество;Дата рождения;Пол;Телефон;E-mail",
  "Импортова;Ольга;Игоревна;12.03.2015;Ж;;",
  "Списков;Павел;;01.02.2015;М;;",
].join("\n");

function importForm(intent: "preview" | "confirm") {
  const fd = new FormData();
  fd.set("classId", String(f.classA));
  fd.set("date", "2026-09-01");
  fd.set("orderNumber", "77-к");
  fd.set("orderDate", "2026-08-30");
  fd.set("intent", intent);
  fd.set("file", new File([CSV], "класс.csv", { type: "text/csv" }));
  return fd;
}

beforeAll(async () => {
  f = await createAccessFixture();
});

describe("import of a class list (PPL-5)", () => {
  it("previews without writing, then writes the cards and admissions with one audit row (AUTH-5)", async () => {
    await signInAs(f.organisationId, f.users.SECRETARY);
    const before = await dbDigest();
    const preview = await importAction(null, importForm("preview"));
    expect(preview).toMatchObject({ ok: true, data: { stage: "preview", preview: { valid: 2, invalid: 0 } } });
    expect(changedTables(before, await dbDigest())).toEqual([]);
    expect(await auditCount(f.organisationId, "people.imported")).toBe(0);

    const done = await importAction(null, importForm("confirm"));
    expect(done).toEqual({ ok: true, data: { stage: "done", count: 2 } });
    const students = await db.student.findMany({
      where: { organisationId: f.organisationId, lastName: { in: ["Импортова", "Списков"] } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    expect(students).toHaveLength(2);
    const ids = students.map((s) => s.id);
    const movements = await db.movement.findMany({
      where: { organisationId: f.organisationId, studentId: { in: ids } },
      select: { kind: true, orderNumber: true, toClassId: true, note: true },
    });
    expect(movements).toEqual([
      { kind: "ADMISSION", orderNumber: "77-к", toClassId: f.classA, note: "импорт списка" },
      { kind: "ADMISSION", orderNumber: "77-к", toClassId: f.classA, note: "импорт списка" },
    ]);

    const row = await lastAudit(f.organisationId, "people.imported");
    expect(row).toMatchObject({ userId: f.users.SECRETARY, entity: "ClassGroup", entityId: String(f.classA) });
    expect(row.details).toMatchObject({ count: 2, orderNumber: "77-к", studentIds: ids });
    expect(JSON.stringify(row.details)).not.toMatch(/Импортова|Списков|2015/);
  });
});
