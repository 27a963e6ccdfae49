// Organisation set-up against PostgreSQL (ORG-2…ORG-7): server validation, conflicts as Russian
// messages, and a closed year that stays read-only.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteEntity, saveEntity } from "@/lib/org/mutations";
import { assignmentTypeSchema, periodSchema, settingsSchema } from "@/lib/org/schema";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";

let f: AccessFixture;
let yearId: number;
const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

beforeAll(async () => {
  f = await createAccessFixture();
  yearId = (await db.academicYear.findFirstOrThrow({ where: { organisationId: f.organisationId, isCurrent: true } }))
    .id;
});

describe("organisation set-up (ORG-2…ORG-7)", () => {
  it("refuses settings whose minimum mark is not below the maximum, in Russian (ORG-2)", () => {
    const r = settingsSchema.safeParse({
      minMark: "5",
      maxMark: "5",
      averagingMethod: "WEIGHTED",
      roundingThreshold: "0,6",
      lockDays: "7",
      finalsWarningDays: "3",
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe("Минимальная отметка должна быть меньше максимальной");
    const raw = {
      minMark: "1",
      maxMark: "5",
      averagingMethod: "PLAIN",
      roundingThreshold: "0,6",
      lockDays: "7",
      finalsWarningDays: "3",
      homeworkForToday: "on",
    };
    const good = settingsSchema.parse(raw);
    expect(good).toMatchObject({
      minMark: 1,
      roundingThreshold: 0.6,
      homeworkForToday: true,
      homeworkForPast: false,
      studyDays: 5,
    });
    // DAY-4: the study week is 5 or 6 days, nothing else.
    expect(settingsSchema.parse({ ...raw, studyDays: "6" }).studyDays).toBe(6);
    const bad = settingsSchema.safeParse({ ...raw, studyDays: "7" });
    expect(bad.error?.issues[0].message).toBe("Учебная неделя: выберите из списка");
  });

  it("creates an assignment type with its weight and refuses a duplicate name (ORG-7)", async () => {
    const data = assignmentTypeSchema.parse({
      name: "Диктант",
      shortName: "Дикт",
      weight: "2",
      isActive: "on",
      sortOrder: "1",
    });
    expect((await saveEntity(f.organisationId, f.users.ADMIN, "assignmentType", null, data, null)).ok).toBe(true);
    expect(await saveEntity(f.organisationId, f.users.ADMIN, "assignmentType", null, data, null)).toEqual({
      ok: false,
      field: "_",
      message: "Такая запись уже есть",
    });
    expect(
      assignmentTypeSchema.safeParse({ name: "Тест", shortName: "Т", weight: "50", sortOrder: "1" }).error?.issues[0]
        .message,
    ).toBe("Вес: от 0.1 до 10");
  });

  it("keeps periods inside the academic year and refuses an end before the start (ORG-3)", async () => {
    expect(
      periodSchema.safeParse({
        kind: "QUARTER",
        number: "1",
        name: "1 четверть",
        startDate: "2026-11-01",
        endDate: "2026-09-01",
      }).error?.issues[0].message,
    ).toBe("Окончание раньше начала");
    const outside = periodSchema.parse({
      kind: "QUARTER",
      number: "1",
      name: "1 четверть",
      startDate: "2026-08-01",
      endDate: "2026-10-25",
    });
    expect(await saveEntity(f.organisationId, f.users.ADMIN, "period", null, outside, yearId)).toMatchObject({
      ok: false,
      field: "startDate",
    });
    const inside = periodSchema.parse({
      kind: "QUARTER",
      number: "1",
      name: "1 четверть",
      startDate: "01.09.2026",
      endDate: "25.10.2026",
    });
    expect((await saveEntity(f.organisationId, f.users.ADMIN, "period", null, inside, yearId)).ok).toBe(true);
  });

  it("leaves a closed year readable but refuses every change to it (ORG-3)", async () => {
    const closed = await db.academicYear.create({
      data: {
        organisationId: f.organisationId,
        name: "2024/2025",
        startDate: d("2024-09-01"),
        endDate: d("2025-05-31"),
        status: "CLOSED",
      },
    });
    const period = await db.period.create({
      data: {
        organisationId: f.organisationId,
        yearId: closed.id,
        kind: "QUARTER",
        number: 1,
        name: "1 четверть",
        startDate: d("2024-09-01"),
        endDate: d("2024-10-25"),
      },
    });
    const changed = {
      kind: "QUARTER",
      number: 1,
      name: "изменено",
      startDate: d("2024-09-02"),
      endDate: d("2024-10-25"),
    };
    expect(await saveEntity(f.organisationId, f.users.ADMIN, "period", period.id, changed, null)).toMatchObject({
      ok: false,
      message: "Учебный год закрыт: изменения невозможны",
    });
    expect(await deleteEntity(f.organisationId, f.users.ADMIN, "period", period.id)).toMatchObject({ ok: false });
    const cls = await db.classGroup.create({
      data: { organisationId: f.organisationId, yearId: closed.id, name: "4А", grade: 4 },
    });
    expect(
      await saveEntity(
        f.organisationId,
        f.users.ADMIN,
        "load",
        null,
        { teacherId: f.users.TEACHER, classId: cls.id, subjectId: f.subject, subgroupId: null, hoursPerWeek: 2 },
        null,
      ),
    ).toMatchObject({ ok: false });
    expect(
      (
        await db.period.findUniqueOrThrow({
          where: { organisationId_id: { organisationId: f.organisationId, id: period.id } },
        })
      ).name,
    ).toBe("1 четверть");
  });

  it("cannot reach another organisation's rows by id (ACL-5)", async () => {
    const room = await db.room.create({ data: { organisationId: f.otherOrganisationId, name: "101" } });
    expect(
      await saveEntity(
        f.organisationId,
        f.users.ADMIN,
        "room",
        room.id,
        { name: "взлом", capacity: null, building: null },
        null,
      ),
    ).toMatchObject({ ok: false, message: "Запись не найдена" });
    expect(
      (
        await db.room.findUniqueOrThrow({
          where: { organisationId_id: { organisationId: f.otherOrganisationId, id: room.id } },
        })
      ).name,
    ).toBe("101");
  });
});
