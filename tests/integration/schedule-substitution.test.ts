// SCH-2/SCH-3 on the demo school: timetable conflicts are refused with a message naming the
// clash; a substitute may fill exactly the substituted lesson's journal (the access gate
// admits `Lesson.substituteId`), not the class's next lesson; a change reaches the board.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authorize } from "@/lib/access/authorize";
import { regenerateLessons } from "@/lib/schedule/lessons/mutations";
import { createSubstitution, createTimetableChange } from "@/lib/schedule/changes/mutations";
import { saveTimetableEntry } from "@/lib/schedule/timetable/mutations";
import { teacherLessonsOn } from "@/lib/schedule/data";
import { seedDemo } from "../../prisma/seed/index";
import { lastAudit } from "../support/audit";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const NEXT_MONDAY = new Date("2026-11-30T00:00:00Z");
let orgId = 0;
let schedulerId = 0;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  orgId = (await db.organisation.findFirstOrThrow({ where: { kind: "SCHOOL" } })).id;
  schedulerId = (await db.user.findFirstOrThrow({ where: { organisationId: orgId, login: "dispatcher" } })).id;
  await regenerateLessons(orgId, schedulerId, {
    from: NEXT_MONDAY,
    to: new Date("2026-12-06T00:00:00Z"),
    classIds: null,
  });
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
});

/** The scheduler puts `substituteId` on one lesson of next Monday in place of its teacher (SCH-3). */
const substitute = (lesson: { id: number; teacherId: number }, substituteId: number) =>
  createSubstitution(
    orgId,
    schedulerId,
    {
      originalId: lesson.teacherId,
      substituteId,
      lessonId: lesson.id,
      classId: null,
      subjectId: null,
      dateFrom: NEXT_MONDAY,
      dateTo: NEXT_MONDAY,
      note: "",
    },
    false,
  );

const name = (u: { lastName: string; firstName: string; middleName: string | null }) =>
  `${u.lastName} ${u.firstName[0]}. ${u.middleName![0]}.`;

describe("timetable conflicts (SCH-2)", () => {
  it("refuses a teacher in two classes at once, naming the teacher and both classes", async () => {
    const busy = await db.timetableEntry.findFirstOrThrow({
      where: { organisationId: orgId, weekday: 1, bellNumber: 2, subgroupId: null },
      include: { class: true, teacher: true },
    });
    const other = await db.classGroup.findFirstOrThrow({
      where: { organisationId: orgId, id: { not: busy.classId }, grade: { gte: 5 } },
    });
    await db.teacherLoad.create({
      data: {
        organisationId: orgId,
        yearId: other.yearId,
        teacherId: busy.teacherId,
        classId: other.id,
        subjectId: busy.subjectId,
        hoursPerWeek: 1,
      },
    });
    const result = await saveTimetableEntry(
      orgId,
      schedulerId,
      {
        entryId: null,
        classId: other.id,
        weekday: 1,
        bellNumber: 2,
        subjectId: busy.subjectId,
        teacherId: busy.teacherId,
        roomId: null,
        subgroupId: null,
        hours: 1,
        validFrom: new Date("2026-12-01T00:00:00Z"),
        validTo: new Date("2027-05-31T00:00:00Z"),
      },
      false,
    );
    expect(result.ok).toBe(false);
    const message = result.ok ? "" : result.messages[0];
    expect(message).toBe(
      `Учитель ${name(busy.teacher)} в это время ведёт урок в ${busy.class.name} (понедельник, 2-й урок) и не может вести урок в ${other.name}`,
    );
    // The class also has a lesson in that slot already.
    expect(
      result.ok ? [] : result.messages.some((m) => m.startsWith(`У ${other.name} в это время уже есть урок`)),
    ).toBe(true);
  });

  it("refuses a teacher without load for the class and subject", async () => {
    const entry = await db.timetableEntry.findFirstOrThrow({
      where: { organisationId: orgId, subgroupId: null },
      include: { class: true },
    });
    const stranger = await db.user.findFirstOrThrow({
      where: {
        organisationId: orgId,
        roles: { some: { role: "TEACHER" } },
        loads: { none: { classId: entry.classId, subjectId: entry.subjectId } },
      },
    });
    const result = await saveTimetableEntry(
      orgId,
      schedulerId,
      {
        entryId: entry.id,
        classId: entry.classId,
        weekday: entry.weekday,
        bellNumber: entry.bellNumber,
        subjectId: entry.subjectId,
        teacherId: stranger.id,
        roomId: null,
        subgroupId: null,
        hours: 1,
        validFrom: entry.validFrom,
        validTo: entry.validTo,
      },
      false,
    );
    expect(result.ok ? [] : result.messages).toContainEqual(
      expect.stringContaining(`У учителя ${name(stranger)} нет нагрузки`),
    );
  });
});

describe("substitution (SCH-3)", () => {
  it("lets the substitute fill exactly the substituted lesson; the next lesson of the class is refused", async () => {
    const cls = await db.classGroup.findFirstOrThrow({ where: { organisationId: orgId, name: "7А" } });
    const lessons = await db.lesson.findMany({
      where: { organisationId: orgId, classId: cls.id, date: NEXT_MONDAY, subgroupId: null },
      orderBy: { bellNumber: "asc" },
    });
    expect(lessons.length).toBeGreaterThanOrEqual(2);
    const [first, next] = lessons;
    const free = await db.user.findFirstOrThrow({
      where: {
        organisationId: orgId,
        roles: { some: { role: "TEACHER" } },
        loads: { none: { classId: cls.id } },
        classTeacherOf: { none: {} },
        lessonsTaught: { none: { date: NEXT_MONDAY, bellNumber: first.bellNumber } },
      },
      orderBy: { id: "asc" },
    });
    const actor = { organisationId: orgId, id: free.id };
    expect((await authorize(actor, "journal.editOwn", { kind: "lesson", lessonId: first.id })).allowed).toBe(false);

    const result = await substitute(first, free.id);
    expect(result).toMatchObject({ ok: true, lessons: 1 });
    // Audited (AUTH-5): who, which substitution, both teachers and the lessons it took.
    expect(await lastAudit(orgId, "substitution.create")).toMatchObject({
      userId: schedulerId,
      entity: "Substitution",
      entityId: String(result.ok && result.id),
      details: { originalId: first.teacherId, substituteId: free.id, lessons: [first.id] },
    });
    const stored = await db.lesson.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: orgId, id: first.id } },
    });
    expect(stored.substituteId).toBe(free.id);
    expect(stored.teacherId).toBe(first.teacherId); // the journal shows who taught: teacher + substitute

    expect((await authorize(actor, "journal.editOwn", { kind: "lesson", lessonId: first.id })).allowed).toBe(true);
    expect((await authorize(actor, "journal.editOwn", { kind: "lesson", lessonId: next.id })).allowed).toBe(false);
    // Regeneration keeps the substitute on the lesson (idempotent).
    const again = await regenerateLessons(orgId, schedulerId, {
      from: NEXT_MONDAY,
      to: NEXT_MONDAY,
      classIds: [cls.id],
    });
    expect(again).toMatchObject({ created: 0, updated: 0, deleted: 0 });
  });

  it("names a college's substitution on the board in its words (DAY-6, issue 22 round 24)", async () => {
    const cls = await db.classGroup.findFirstOrThrow({ where: { organisationId: orgId, name: "7А" } });
    const lessons = await db.lesson.findMany({
      where: { organisationId: orgId, classId: cls.id, date: NEXT_MONDAY, subgroupId: null, substituteId: null },
      orderBy: { bellNumber: "desc" },
    });
    const last = lessons[0]!;
    const free = await db.user.findFirstOrThrow({
      where: {
        organisationId: orgId,
        roles: { some: { role: "TEACHER" } },
        id: { not: last.teacherId },
        lessonsTaught: { none: { date: NEXT_MONDAY, bellNumber: last.bellNumber } },
        lessonsSubstituted: { none: { date: NEXT_MONDAY, bellNumber: last.bellNumber } },
      },
      orderBy: { id: "desc" },
    });
    // The flag is what a college's request passes (the words only; the school's data stands in for a group).
    const result = await createSubstitution(
      orgId,
      schedulerId,
      {
        originalId: last.teacherId,
        substituteId: free.id,
        lessonId: last.id,
        classId: null,
        subjectId: null,
        dateFrom: NEXT_MONDAY,
        dateTo: NEXT_MONDAY,
        note: "",
      },
      true,
    );
    expect(result).toMatchObject({ ok: true });
    const board = await db.announcement.findFirstOrThrow({
      where: { organisationId: orgId, classId: cls.id, source: "schedule" },
      orderBy: { id: "desc" },
    });
    // Before: «Замена учителя в 7А», «Уроки ведёт …».
    expect(board.title).toBe("Замена преподавателя в 7А");
    expect(board.body).toMatch(/^Занятия ведёт /);
  });

  it("lists a substituted lesson as the substitute's day, not the absent teacher's (SCH-3)", async () => {
    const substituted = await db.lesson.findFirstOrThrow({
      where: { organisationId: orgId, date: NEXT_MONDAY, substituteId: { not: null } },
    });
    const substitutes = await teacherLessonsOn(orgId, substituted.substituteId!, NEXT_MONDAY);
    expect(substitutes.find((l) => l.id === substituted.id)).toMatchObject({ substituted: true });
    const absent = await teacherLessonsOn(orgId, substituted.teacherId, NEXT_MONDAY);
    expect(absent.map((l) => l.id)).not.toContain(substituted.id);
  });

  it("refuses a substitute who teaches elsewhere at that time, naming the class", async () => {
    const lesson = await db.lesson.findFirstOrThrow({
      where: { organisationId: orgId, date: NEXT_MONDAY, bellNumber: 3, substituteId: null },
    });
    const busy = await db.lesson.findFirstOrThrow({
      where: {
        organisationId: orgId,
        date: NEXT_MONDAY,
        bellNumber: 3,
        classId: { not: lesson.classId },
        teacherId: { not: lesson.teacherId },
        substituteId: null,
      },
      include: { class: true },
    });
    const result = await substitute(lesson, busy.teacherId);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(`ведёт урок в ${busy.class.name} (30.11.2026, 3-й урок)`);
  });
});

describe("changes (SCH-2)", () => {
  it("cancels a lesson for a date: the lesson is cancelled and the class's board gets a «schedule» announcement", async () => {
    const lesson = await db.lesson.findFirstOrThrow({
      where: {
        organisationId: orgId,
        date: new Date("2026-12-01T00:00:00Z"),
        entryId: { not: null },
        status: "SCHEDULED",
      },
    });
    const result = await createTimetableChange(
      orgId,
      schedulerId,
      {
        kind: "CANCEL",
        classId: lesson.classId,
        date: lesson.date,
        entryId: lesson.entryId,
        subjectId: null,
        teacherId: null,
        roomId: null,
        bellNumber: null,
        toDate: null,
        note: "Экскурсия",
      },
      false,
    );
    expect(result.ok).toBe(true);
    // Audited (AUTH-5): who, which change, its kind, class and date.
    expect(await lastAudit(orgId, "timetable.change")).toMatchObject({
      userId: schedulerId,
      entity: "TimetableChange",
      entityId: String(result.ok && result.id),
      details: { kind: "CANCEL", classId: lesson.classId, date: "2026-12-01" },
    });
    const after = await db.lesson.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: orgId, id: lesson.id } },
    });
    expect(after.status).toBe("CANCELLED");
    const board = await db.announcement.findFirstOrThrow({
      where: { organisationId: orgId, source: "schedule", classId: lesson.classId },
      orderBy: { id: "desc" },
    });
    expect(board.audience).toBe("CLASS");
    expect(board.body).toContain("Отмена урока");
  });
});
