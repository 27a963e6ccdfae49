// College departments against PostgreSQL (ORG-4, ACL-3): ADMIN creates, renames and deletes
// them and places groups in them; a head of department's «dept» scope follows; nobody else
// (not even the head himself) may change them.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorize } from "@/lib/access/authorize";
import { ENTITY } from "@/lib/org/directory";
import { deleteEntity, saveEntity } from "@/lib/org/mutations";
import { classDepartmentSchema, classSchema, departmentSchema } from "@/lib/org/schema";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { lastAudit } from "../support/audit";

let f: AccessFixture;
const actor = (column: keyof AccessFixture["users"]) => ({ organisationId: f.organisationId, id: f.users[column] });
const dept = (id: number) =>
  db.department.findUnique({ where: { organisationId_id: { organisationId: f.organisationId, id } } });

beforeAll(async () => {
  f = await createAccessFixture();
});

describe("departments (ORG-4)", () => {
  it("are changed through org.edit, which only ADMIN holds — not classes.edit of a secretary, a scheduler or the head", async () => {
    expect(ENTITY.department.permission).toBe("org.edit");
    expect(ENTITY.classDepartment.permission).toBe("org.edit");
    expect((await authorize(actor("ADMIN"), "org.edit")).allowed).toBe(true);
    for (const c of ["HEAD_OF_DEPT", "SECRETARY", "SCHEDULER", "DEPUTY", "DIRECTOR", "TEACHER"] as const) {
      expect((await authorize(actor(c), "org.edit")).allowed, c).toBe(false);
    }
  });

  it("refuses an empty name in Russian and a head without the HEAD_OF_DEPT role, writing nothing", async () => {
    expect(departmentSchema.safeParse({ name: " ", headId: "" }).error?.issues[0].message).toBe(
      "Заполните поле «Название отделения»",
    );
    const before = await db.department.count({ where: { organisationId: f.organisationId } });
    const r = await saveEntity(
      f.organisationId,
      f.users.ADMIN,
      "department",
      null,
      departmentSchema.parse({ name: "Экономика", headId: String(f.users.TEACHER) }),
      null,
    );
    expect(r).toEqual({
      ok: false,
      field: "headId",
      message: "Заведующим можно назначить только сотрудника с ролью «Зав. отделением»",
    });
    expect(await db.department.count({ where: { organisationId: f.organisationId } })).toBe(before);
  });

  it("creates and renames a department, refuses a duplicate name, and audits the change", async () => {
    const created = await saveEntity(
      f.organisationId,
      f.users.ADMIN,
      "department",
      null,
      departmentSchema.parse({ name: "Механика", headId: "" }),
      null,
    );
    if (!created.ok) throw new Error(created.message);
    const renamed = await saveEntity(
      f.organisationId,
      f.users.ADMIN,
      "department",
      created.id,
      departmentSchema.parse({ name: "Механическое отделение", headId: String(f.users.HEAD_OF_DEPT) }),
      null,
    );
    expect(renamed.ok).toBe(true);
    expect(await dept(created.id)).toMatchObject({ name: "Механическое отделение", headId: f.users.HEAD_OF_DEPT });
    expect(
      await saveEntity(
        f.organisationId,
        f.users.ADMIN,
        "department",
        null,
        { name: "Механическое отделение", headId: null },
        null,
      ),
    ).toMatchObject({ ok: false, message: "Такая запись уже есть" });
    const audit = await db.auditEvent.findMany({
      where: { organisationId: f.organisationId, entity: "department", entityId: String(created.id) },
      orderBy: { id: "asc" },
    });
    // Two rows (AUTH-5): the creation and the renaming, by ADMIN, each naming the fields written.
    expect(audit).toHaveLength(2);
    expect(audit.map((a) => [a.action, a.userId])).toEqual([
      ["org.created", f.users.ADMIN],
      ["org.updated", f.users.ADMIN],
    ]);
    for (const a of audit) expect(a.details).toEqual({ fields: expect.arrayContaining(["name", "headId"]) });
  });

  it("moves a group into a department, which widens its head's «dept» scope (ACL-3)", async () => {
    const before = await authorize(actor("HEAD_OF_DEPT"), "people.brief", { kind: "class", classId: f.classB });
    expect(before.allowed).toBe(false);
    const own = await db.classGroup.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.classA } },
      select: { departmentId: true },
    });
    const r = await saveEntity(
      f.organisationId,
      f.users.ADMIN,
      "classDepartment",
      f.classB,
      classDepartmentSchema.parse({ departmentId: String(own.departmentId) }),
      null,
    );
    expect(r.ok).toBe(true);
    expect((await authorize(actor("HEAD_OF_DEPT"), "people.brief", { kind: "class", classId: f.classB })).allowed).toBe(
      true,
    );
  });

  it("refuses to delete a department that still has groups; deletes it once they are moved out", async () => {
    const { departmentId } = await db.classGroup.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.classA } },
      select: { departmentId: true },
    });
    const refused = await deleteEntity(f.organisationId, f.users.ADMIN, "department", departmentId!);
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("В отделении есть группы") });
    expect(await dept(departmentId!)).not.toBeNull();
    for (const classId of [f.classA, f.classB]) {
      expect(
        (
          await saveEntity(
            f.organisationId,
            f.users.ADMIN,
            "classDepartment",
            classId,
            classDepartmentSchema.parse({ departmentId: "" }),
            null,
          )
        ).ok,
      ).toBe(true);
    }
    expect((await deleteEntity(f.organisationId, f.users.ADMIN, "department", departmentId!)).ok).toBe(true);
    expect(await dept(departmentId!)).toBeNull();
    expect(await lastAudit(f.organisationId, "org.deleted")).toMatchObject({
      userId: f.users.ADMIN,
      entity: "department",
      entityId: String(departmentId),
    });
  });

  it("cannot reach another organisation's department by id (ACL-5)", async () => {
    const other = await db.department.create({ data: { organisationId: f.otherOrganisationId, name: "Чужое" } });
    expect(
      await saveEntity(f.organisationId, f.users.ADMIN, "department", other.id, { name: "взлом", headId: null }, null),
    ).toMatchObject({ ok: false, message: "Запись не найдена" });
    expect(await deleteEntity(f.organisationId, f.users.ADMIN, "department", other.id)).toMatchObject({ ok: false });
    expect(
      (
        await db.department.findUniqueOrThrow({
          where: { organisationId_id: { organisationId: f.otherOrganisationId, id: other.id } },
        })
      ).name,
    ).toBe("Чужое");
  });
});

describe("a new class (DAY-11)", () => {
  it("rings by the organisation's default bell schedule, not by none", async () => {
    const organisationId = f.organisationId;
    const { yearId } = await db.classGroup.findUniqueOrThrow({
      where: { organisationId_id: { organisationId, id: f.classA } },
      select: { yearId: true },
    });
    await db.bellSchedule.create({ data: { organisationId, name: "Вторая смена" } });
    const main = await db.bellSchedule.create({ data: { organisationId, name: "Основное", isDefault: true } });
    const r = await saveEntity(
      organisationId,
      f.users.ADMIN,
      "class",
      null,
      classSchema.parse({ name: "9В", grade: "9", letter: "В", shift: "1", periodKind: "QUARTER" }),
      yearId,
    );
    if (!r.ok) throw new Error(r.message);
    const created = await db.classGroup.findUniqueOrThrow({
      where: { organisationId_id: { organisationId, id: r.id } },
      select: { bellScheduleId: true },
    });
    expect(created.bellScheduleId).toBe(main.id);
  });
});
