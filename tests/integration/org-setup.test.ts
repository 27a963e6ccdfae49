// Organisation set-up against PostgreSQL (ORG-2…ORG-7): server validation, conflicts as Russian
// messages, and a closed year that stays read-only.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteEntity, saveEntity, saveOrgCard, saveSettings } from "@/lib/org/mutations";
import { assignmentTypeSchema, orgCardSchema, periodSchema, settingsSchema, subjectSchema } from "@/lib/org/schema";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { lastAudit } from "../support/audit";

let f: AccessFixture;
let yearId: number;
const d = (s: string) => new Date(`${s}T00:00:00.000Z`);

beforeAll(async () => {
  f = await createAccessFixture();
  yearId = (await db.academicYear.findFirstOrThrow({ where: { organisationId: f.organisationId, isCurrent: true } }))
    .id;
});

/** A valid settings form (ORG-2), as the page posts it. */
const SETTINGS_FORM = {
  minMark: "1",
  maxMark: "5",
  averagingMethod: "PLAIN",
  roundingThreshold: "0,6",
  lockDays: "7",
  finalsWarningDays: "3",
  homeworkForToday: "on",
};

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
    const raw = SETTINGS_FORM;
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

  it("saves the settings and audits the values written (ORG-2, AUTH-5)", async () => {
    const data = settingsSchema.parse({ ...SETTINGS_FORM, averagingMethod: "WEIGHTED", lockDays: "10" });
    await saveSettings(f.organisationId, f.users.ADMIN, data);
    const stored = await db.organisationSettings.findUniqueOrThrow({ where: { organisationId: f.organisationId } });
    expect(stored).toMatchObject({ lockDays: 10, averagingMethod: "WEIGHTED" });
    expect(await lastAudit(f.organisationId, "org.settings_updated")).toMatchObject({
      userId: f.users.ADMIN,
      entity: "OrganisationSettings",
      entityId: String(f.organisationId),
      details: { minMark: 1, maxMark: 5, averagingMethod: "WEIGHTED", roundingThreshold: 0.6, lockDays: 10 },
    });
  });

  it("keeps the organisation card: names, address, director, contacts, codes, time zone (ORG-1)", async () => {
    const raw = {
      name: "Муниципальное бюджетное общеобразовательное учреждение «Школа № 7»",
      shortName: "МБОУ «Школа № 7»",
      address: "г. Самара, ул. Садовая, 1",
      director: "Иванова Мария Петровна",
      phone: "+7 846 000-00-00",
      email: "school7@example.ru",
      website: "",
      inn: "6312345678",
      kpp: "631201001",
      okpo: "12345678",
      ogrn: "1026300000000",
      timeZone: "Europe/Samara",
    };
    // Bad codes, a bad e-mail and an unknown zone are refused field by field, in Russian.
    const bad = orgCardSchema.safeParse({
      ...raw,
      inn: "123",
      okpo: "12a45678",
      email: "школа@",
      timeZone: "Mars/Base",
    });
    expect(bad.success).toBe(false);
    const byField = Object.fromEntries(bad.error!.issues.map((i) => [String(i.path[0]), i.message]));
    expect(byField).toMatchObject({
      inn: "ИНН: 10 или 12 цифр",
      okpo: "ОКПО: 8 или 10 цифр",
      email: "Неверный адрес e-mail",
    });
    expect(byField.timeZone).toBeTruthy();

    const card = orgCardSchema.parse(raw);
    expect(card.website).toBeNull();
    await saveOrgCard(f.organisationId, f.users.ADMIN, card);
    const stored = await db.organisation.findUniqueOrThrow({ where: { id: f.organisationId } });
    expect(stored).toMatchObject({
      name: raw.name,
      shortName: raw.shortName,
      address: raw.address,
      director: raw.director,
      inn: raw.inn,
      kpp: raw.kpp,
      okpo: raw.okpo,
      ogrn: raw.ogrn,
      timeZone: "Europe/Samara",
    });
    // The change is audited (NFR-5) with the fields it touched.
    const audit = await db.auditEvent.findFirst({
      where: { organisationId: f.organisationId, action: "org.card_updated" },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ userId: f.users.ADMIN, entity: "Organisation", entityId: String(f.organisationId) });
    expect(audit?.details).toEqual({ fields: expect.arrayContaining(["name", "inn", "timeZone"]) });
  });

  it("keeps subjects, professional modules with their МДК and practices, each with its final control (ORG-5)", async () => {
    const save = async (raw: Record<string, string>) => {
      const r = await saveEntity(f.organisationId, f.users.ADMIN, "subject", null, subjectSchema.parse(raw), null);
      if (!r.ok) throw new Error(r.message);
      return r.id;
    };
    const pm = await save({ name: "Разработка модулей ПО", shortName: "ПМ.01", kind: "MODULE", controlKind: "EXAM" });
    const mdk = await save({
      name: "Технология разработки ПО",
      shortName: "МДК.01.01",
      kind: "MDK",
      parentId: String(pm),
      controlKind: "DIFF_CREDIT",
    });
    const practice = await save({
      name: "Производственная практика",
      shortName: "ПП.01",
      kind: "PRACTICE",
      parentId: String(pm),
      controlKind: "DIFF_CREDIT",
      practiceKind: "INDUSTRIAL",
    });
    const rows = await db.subject.findMany({
      where: { organisationId: f.organisationId, id: { in: [pm, mdk, practice] } },
      select: { id: true, kind: true, parentId: true, controlKind: true, practiceKind: true },
      orderBy: { id: "asc" },
    });
    expect(rows).toEqual([
      { id: pm, kind: "MODULE", parentId: null, controlKind: "EXAM", practiceKind: null },
      { id: mdk, kind: "MDK", parentId: pm, controlKind: "DIFF_CREDIT", practiceKind: null },
      { id: practice, kind: "PRACTICE", parentId: pm, controlKind: "DIFF_CREDIT", practiceKind: "INDUSTRIAL" },
    ]);
    // An unknown form of control or kind is refused in Russian; a module cannot contain itself.
    expect(
      subjectSchema.safeParse({ name: "Х", shortName: "Х", kind: "SUBJECT", controlKind: "ORAL" }).error?.issues[0]
        .message,
    ).toBe("Форма контроля: выберите из списка");
    expect(await saveEntity(f.organisationId, f.users.ADMIN, "subject", pm, { parentId: pm }, null)).toMatchObject({
      ok: false,
      field: "parentId",
      message: "Предмет не может входить сам в себя",
    });
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
    ).toBe("Вес: от 0,1 до 10");
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

describe("set-up pickers (ORG-4, ORG-6)", () => {
  it("offer the active users of one role by name: teachers for loads, heads of department for departments", async () => {
    const { teachers, headsOfDept } = await import("@/lib/org/setup/data");
    const ids = async (rows: Promise<{ id: number; name: string }[]>) => (await rows).map((r) => r.id);
    const names = async (rows: Promise<{ id: number; name: string }[]>) => (await rows).map((r) => r.name);
    expect(await ids(headsOfDept(f.organisationId))).toContain(f.users.HEAD_OF_DEPT);
    expect(await ids(headsOfDept(f.organisationId))).not.toContain(f.users.TEACHER);
    expect(await ids(teachers(f.organisationId))).toContain(f.users.TEACHER);
    expect(await ids(teachers(f.organisationId))).not.toContain(f.users.HEAD_OF_DEPT);
    const listed = await names(teachers(f.organisationId));
    expect(listed).toEqual([...listed].sort((a, b) => a.localeCompare(b, "ru")));
    await db.user.updateMany({ where: { id: f.users.TEACHER }, data: { isActive: false } });
    expect(await ids(teachers(f.organisationId))).not.toContain(f.users.TEACHER);
    await db.user.updateMany({ where: { id: f.users.TEACHER }, data: { isActive: true } });
  });
});
