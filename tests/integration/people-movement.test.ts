// The movement book against PostgreSQL (PPL-3): each movement and the derived ClassMembership
// rows change together; the class list on any date follows from them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordMovement } from "@/lib/people/movement/mutations";
import { classListOn } from "@/lib/people/lists/data";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { auditCount, lastAudit } from "../support/audit";

let f: AccessFixture;
let student: number;
const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const order = { orderNumber: "12-у", orderDate: d("2026-08-28"), note: null, educationForm: null };

beforeAll(async () => {
  f = await createAccessFixture();
  const s = await db.student.create({
    data: { organisationId: f.organisationId, lastName: "Новиков", firstName: "Иван", birthDate: d("2015-01-01") },
  });
  student = s.id;
});

const ids = async (classId: number, date: string) =>
  (await classListOn(f.organisationId, classId, d(date))).map((r) => r.studentId);

describe("movement book (PPL-3)", () => {
  it("admits a student: the class list contains them from the admission date", async () => {
    const out = await recordMovement(
      f.organisationId,
      f.users.SECRETARY,
      { ...order, studentId: student, kind: "ADMISSION", date: d("2026-09-01"), toClassId: f.classA },
      null,
    );
    expect(out.ok).toBe(true);
    // Audited (AUTH-5) on the movement: its kind, the student and the order.
    expect(await lastAudit(f.organisationId, "movement.recorded")).toMatchObject({
      userId: f.users.SECRETARY,
      entity: "Movement",
      entityId: String(out.ok && out.movementId),
      details: { kind: "ADMISSION", studentId: student, orderNumber: "12-у" },
    });
    expect(await ids(f.classA, "2026-08-31")).not.toContain(student);
    expect(await ids(f.classA, "2026-09-01")).toContain(student);
  });

  it("a mid-quarter transfer keeps the student in the old class before the date and in the new one from it", async () => {
    const out = await recordMovement(
      f.organisationId,
      f.users.SECRETARY,
      { ...order, studentId: student, kind: "TRANSFER", date: d("2026-11-16"), toClassId: f.classB },
      null,
    );
    expect(out.ok).toBe(true);
    expect(await ids(f.classA, "2026-11-15")).toContain(student);
    expect(await ids(f.classA, "2026-11-16")).not.toContain(student);
    expect(await ids(f.classB, "2026-11-15")).not.toContain(student);
    expect(await ids(f.classB, "2026-11-16")).toContain(student);
    const book = await db.movement.findMany({
      where: { organisationId: f.organisationId, studentId: student },
      orderBy: { id: "asc" },
    });
    expect(book.map((m) => m.kind)).toEqual(["ADMISSION", "TRANSFER"]);
    expect(book[1]).toMatchObject({ fromClassId: f.classA, toClassId: f.classB, orderNumber: "12-у" });
  });

  it("refuses a movement dated before the last one and writes nothing", async () => {
    const before = await db.movement.count({ where: { organisationId: f.organisationId } });
    const audited = await auditCount(f.organisationId, "movement.recorded");
    const out = await recordMovement(
      f.organisationId,
      f.users.SECRETARY,
      { ...order, studentId: student, kind: "EXPULSION", date: d("2026-10-01"), toClassId: null },
      null,
    );
    expect(out).toMatchObject({ ok: false, field: "date" });
    expect(await db.movement.count({ where: { organisationId: f.organisationId } })).toBe(before);
    expect(await auditCount(f.organisationId, "movement.recorded")).toBe(audited);
  });

  it("changes the form of education and expels, leaving history in place", async () => {
    expect(
      (
        await recordMovement(
          f.organisationId,
          f.users.SECRETARY,
          {
            ...order,
            studentId: student,
            kind: "FORM_CHANGE",
            date: d("2026-12-01"),
            toClassId: null,
            educationForm: "HOME",
          },
          null,
        )
      ).ok,
    ).toBe(true);
    const home = await classListOn(f.organisationId, f.classB, d("2026-12-01"));
    expect(home.find((r) => r.studentId === student)?.educationForm).toBe("HOME");
    expect(
      (
        await recordMovement(
          f.organisationId,
          f.users.SECRETARY,
          { ...order, studentId: student, kind: "EXPULSION", date: d("2027-01-10"), toClassId: null },
          null,
        )
      ).ok,
    ).toBe(true);
    expect(await ids(f.classB, "2027-01-10")).not.toContain(student);
    expect(await ids(f.classB, "2027-01-09")).toContain(student);
    expect(await ids(f.classA, "2026-10-01")).toContain(student);
  });

  it("refuses a transfer into a class of a closed year", async () => {
    const s = await db.student.create({
      data: { organisationId: f.organisationId, lastName: "Петров", firstName: "Пётр", birthDate: d("2015-01-01") },
    });
    const closed = await db.academicYear.create({
      data: {
        organisationId: f.organisationId,
        name: "2025/2026",
        startDate: d("2025-09-01"),
        endDate: d("2026-05-31"),
        status: "CLOSED",
      },
    });
    const old = await db.classGroup.create({
      data: { organisationId: f.organisationId, yearId: closed.id, name: "4А", grade: 4 },
    });
    const out = await recordMovement(
      f.organisationId,
      f.users.SECRETARY,
      { ...order, studentId: s.id, kind: "ADMISSION", date: d("2026-09-01"), toClassId: old.id },
      null,
    );
    expect(out).toMatchObject({ ok: false, field: "toClassId" });
  });
});
