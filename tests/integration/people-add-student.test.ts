// «Добавить ученика» (DAY-11, PPL-3, PPL-5) against PostgreSQL through the real server action: the
// secretary adds one student to a class with the admission order — a card, an admission in the
// movement book and the class membership, audited; bad input, a duplicate and a role without
// movement.edit are refused with Russian messages and write nothing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { addStudentAction } from "@/lib/people/import/actions";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { changedTables, dbDigest } from "../support/db-digest";
import { signInAs } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: AccessFixture;

const form = (fields: Record<string, string | number>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, String(v));
  return fd;
};

const good = () => ({
  classId: f.classA,
  date: "2026-09-01",
  orderNumber: "12-к",
  orderDate: "2026-08-30",
  lastName: "Новикова",
  firstName: "Анна",
  middleName: "Петровна",
  birthDate: "2015-03-12",
  sex: "FEMALE",
  phone: "+7 927 000-11-22",
  email: "",
});

beforeAll(async () => {
  f = await createAccessFixture();
});

describe("add one student by hand (DAY-11)", () => {
  it("writes the card, the admission and the membership in one go, audited", async () => {
    await signInAs(f.organisationId, f.users.SECRETARY);
    const result = await addStudentAction(null, form(good()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const student = await db.student.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: result.data.studentId } },
    });
    expect(student).toMatchObject({
      lastName: "Новикова",
      firstName: "Анна",
      middleName: "Петровна",
      sex: "FEMALE",
      birthDate: new Date("2015-03-12T00:00:00.000Z"),
    });
    const movement = await db.movement.findFirstOrThrow({
      where: { organisationId: f.organisationId, studentId: student.id },
    });
    expect(movement).toMatchObject({ kind: "ADMISSION", orderNumber: "12-к", toClassId: f.classA });
    expect(
      await db.auditEvent.count({
        where: { organisationId: f.organisationId, action: "people.student.created", entityId: String(f.classA) },
      }),
    ).toBe(1);
  });

  it("refuses the same person again and writes nothing", async () => {
    await signInAs(f.organisationId, f.users.SECRETARY);
    const before = await dbDigest();
    const again = await addStudentAction(null, form(good()));
    expect(again).toMatchObject({ ok: false, message: "Ученик с такими ФИО и датой рождения уже есть" });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("refuses bad input field by field (zod, then the import's row rules) and writes nothing", async () => {
    await signInAs(f.organisationId, f.users.SECRETARY);
    const before = await dbDigest();
    const empty = await addStudentAction(null, form({ ...good(), lastName: "", orderNumber: "" }));
    expect(empty.ok).toBe(false);
    if (empty.ok) return;
    expect(empty.fieldErrors?.lastName).toEqual(["Заполните поле «Фамилия»"]);
    expect(empty.fieldErrors?.orderNumber).toEqual(["Заполните поле «Номер приказа»"]);
    const future = await addStudentAction(null, form({ ...good(), firstName: "Ольга", birthDate: "2099-01-01" }));
    expect(future).toMatchObject({
      ok: false,
      fieldErrors: { birthDate: ["Дата рождения: вне допустимого диапазона"] },
    });
    const digits = await addStudentAction(null, form({ ...good(), firstName: "Ол1га" }));
    expect(digits).toMatchObject({ ok: false, fieldErrors: { firstName: ["Имя: недопустимые символы"] } });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("refuses a role without movement.edit", async () => {
    await signInAs(f.organisationId, f.users.TEACHER);
    const before = await dbDigest();
    const refused = await addStudentAction(null, form({ ...good(), firstName: "Вера" }));
    expect(refused).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });
});
