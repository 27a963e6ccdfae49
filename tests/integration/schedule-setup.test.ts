// SCH-1 / SCH-5 writes on a small organisation: bell schedules (several, for shifts), rooms,
// events, and exam slots that refuse an examiner, a room or a group taken at the same time.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveBellSchedule, saveRoom, assignBellSchedule } from "@/lib/schedule/setup/mutations";
import { createEvent } from "@/lib/schedule/events/mutations";
import { createExamSlot } from "@/lib/schedule/exams/mutations";
import { eventsBetween } from "@/lib/schedule/view/data";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { lastAudit } from "../support/audit";

let f: AccessFixture;

beforeAll(async () => {
  f = await createAccessFixture();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("bells and rooms (SCH-1)", () => {
  it("keeps several bell schedules, one default, and replaces a schedule's bells by name", async () => {
    const org = f.organisationId;
    const first = await saveBellSchedule(org, f.users.SCHEDULER, {
      name: "Первая смена",
      isDefault: true,
      bells: [{ number: 1, startTime: "08:00", endTime: "08:45" }],
    });
    const second = await saveBellSchedule(org, f.users.SCHEDULER, {
      name: "Вторая смена",
      isDefault: true,
      bells: [{ number: 1, startTime: "13:30", endTime: "14:15" }],
    });
    await saveBellSchedule(org, f.users.SCHEDULER, {
      name: "Вторая смена",
      isDefault: true,
      bells: [
        { number: 1, startTime: "13:40", endTime: "14:25" },
        { number: 2, startTime: "14:35", endTime: "15:20" },
      ],
    });
    // Each write is audited (AUTH-5): who, which schedule, its name and how many bells.
    expect(await lastAudit(org, "bells.save")).toMatchObject({
      userId: f.users.SCHEDULER,
      entity: "BellSchedule",
      entityId: String(second),
      details: { name: "Вторая смена", bells: 2 },
    });
    const schedules = await db.bellSchedule.findMany({
      where: { organisationId: org },
      include: { bells: { orderBy: { number: "asc" } } },
      orderBy: { id: "asc" },
    });
    expect(schedules.map((s) => [s.id, s.isDefault])).toEqual([
      [first, false],
      [second, true],
    ]);
    expect(schedules[1].bells.map((b) => b.startTime)).toEqual(["13:40", "14:35"]);
    expect(await assignBellSchedule(org, f.users.SCHEDULER, f.classA, first)).toBe(true);
    expect(await lastAudit(org, "bells.assign")).toMatchObject({
      userId: f.users.SCHEDULER,
      entity: "ClassGroup",
      entityId: String(f.classA),
      details: { scheduleId: first },
    });
    expect(await assignBellSchedule(f.otherOrganisationId, f.users.SCHEDULER, f.classA, first)).toBe(false);
  });

  it("saves a room with capacity and updates it by name", async () => {
    await saveRoom(f.organisationId, f.users.SCHEDULER, { name: "12", capacity: 25, building: null });
    const id = await saveRoom(f.organisationId, f.users.SCHEDULER, { name: "12", capacity: 30, building: "Корпус 2" });
    const rooms = await db.room.findMany({ where: { organisationId: f.organisationId, name: "12" } });
    expect(rooms).toHaveLength(1);
    expect(rooms[0]).toMatchObject({ id, capacity: 30, building: "Корпус 2" });
    // Audited (AUTH-5) with the fields saved.
    expect(await lastAudit(f.organisationId, "rooms.save")).toMatchObject({
      userId: f.users.SCHEDULER,
      entity: "Room",
      entityId: String(id),
      details: { name: "12", capacity: 30, building: "Корпус 2" },
    });
  });
});

describe("events (SCH-1)", () => {
  it("shows a class event to that class only, and a school-wide event to everyone", async () => {
    const at = new Date("2026-12-01T11:00:00Z");
    await createEvent(f.organisationId, f.users.ADMIN, {
      title: "Линейка",
      description: null,
      place: null,
      classId: null,
      startsAt: at,
      endsAt: null,
    });
    const classEvent = await createEvent(f.organisationId, f.users.CLASS_TEACHER, {
      title: "Классный час",
      description: null,
      place: "12",
      classId: f.classA,
      startsAt: at,
      endsAt: null,
    });
    // Audited (AUTH-5): who, which event, its title and class.
    expect(await lastAudit(f.organisationId, "event.create")).toMatchObject({
      userId: f.users.CLASS_TEACHER,
      entity: "SchoolEvent",
      entityId: String(classEvent),
      details: { title: "Классный час", classId: f.classA },
    });
    expect(
      await createEvent(f.organisationId, f.users.ADMIN, {
        title: "Чужой",
        description: null,
        place: null,
        classId: 2_000_000_000,
        startsAt: at,
        endsAt: null,
      }),
    ).toBeNull();
    const from = new Date("2026-11-30T00:00:00Z");
    const to = new Date("2026-12-07T00:00:00Z");
    expect((await eventsBetween(f.organisationId, from, to, [f.classA])).map((e) => e.title).sort()).toEqual([
      "Классный час",
      "Линейка",
    ]);
    expect((await eventsBetween(f.organisationId, from, to, [f.classB])).map((e) => e.title)).toEqual(["Линейка"]);
  });
});

describe("session schedule (SCH-5)", () => {
  it("refuses a group, an examiner or a room taken at the same time", async () => {
    const startsAt = new Date("2027-01-15T05:00:00Z");
    const room = await db.room.create({ data: { organisationId: f.organisationId, name: "Ауд. 5" } });
    const base = {
      subjectId: f.subject,
      kind: "EXAM" as const,
      roomId: room.id,
      examinerId: f.users.TEACHER,
      isConsultation: false,
    };
    const first = await createExamSlot(f.organisationId, f.users.SCHEDULER, { ...base, classId: f.classA }, startsAt);
    expect(first).toMatchObject({ ok: true });
    // Audited (AUTH-5): who, which slot, its class, subject and kind.
    expect(await lastAudit(f.organisationId, "exam.create")).toMatchObject({
      userId: f.users.SCHEDULER,
      entity: "ExamSlot",
      entityId: String(first.ok && first.id),
      details: { classId: f.classA, subjectId: f.subject, kind: "EXAM" },
    });
    const clash = await createExamSlot(f.organisationId, f.users.SCHEDULER, { ...base, classId: f.classB }, startsAt);
    expect(clash).toEqual({ ok: false, message: "У экзаменатора в это время уже назначена аттестация (5А)" });
    const otherTime = await createExamSlot(
      f.organisationId,
      f.users.SCHEDULER,
      { ...base, classId: f.classB },
      new Date("2027-01-16T05:00:00Z"),
    );
    expect(otherTime.ok).toBe(true);
  });
});
