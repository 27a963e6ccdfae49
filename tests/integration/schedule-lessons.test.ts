// SCH-4: the journal's lessons come from the timetable, its changes and substitutions.
// Regeneration is idempotent on the demo (whose lessons were generated from its own
// timetable) and never deletes or moves a lesson that holds marks — it reports it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { regenerateLessons } from "@/lib/schedule/lessons/mutations";
import { HOLDS_NO_DATA } from "@/lib/schedule/lessons/data";
import { deleteTimetableEntry, saveTimetableEntry } from "@/lib/schedule/timetable/mutations";
import { seedDemo, DEMO_ORG_NAMES } from "../../prisma/seed/index";
import { auditCount, lastAudit } from "../support/audit";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const YEAR_START = new Date("2026-09-01T00:00:00Z");
const TODAY_DATE = new Date("2026-11-23T00:00:00Z");
let yearEnd = new Date(0);
let schoolId = 0;
let collegeId = 0;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const orgs = await db.organisation.findMany({ select: { id: true, name: true, kind: true } });
  schoolId = orgs.find((o) => o.kind === "SCHOOL")!.id;
  collegeId = orgs.find((o) => o.kind === "COLLEGE")!.id;
  expect(orgs.map((o) => o.name).sort()).toEqual(Object.values(DEMO_ORG_NAMES).sort());
  yearEnd = (await db.academicYear.findFirstOrThrow({ where: { organisationId: schoolId, isCurrent: true } })).endDate;
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("lesson generation (SCH-4)", () => {
  it("is idempotent on the demo: regenerating its whole year changes nothing (school and college; DAY-1)", async () => {
    for (const organisationId of [schoolId, collegeId]) {
      const year = await db.academicYear.findFirstOrThrow({ where: { organisationId, isCurrent: true } });
      // this year's lessons (the demo also holds the closed previous year of two classes)
      const thisYear = { organisationId, date: { gte: year.startDate } };
      const before = await db.lesson.count({ where: thisYear });
      const report = await regenerateLessons(organisationId, null, {
        from: year.startDate,
        to: year.endDate,
        classIds: null,
      });
      expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, kept: [] });
      expect(report.unchanged).toBe(before);
      expect(await db.lesson.count({ where: thisYear })).toBe(before);
    }
  }, 60_000);

  it("creates the next week's lessons once; a second run creates none", async () => {
    const period = { from: new Date("2026-11-24T00:00:00Z"), to: new Date("2026-11-29T00:00:00Z"), classIds: null };
    // The demo holds the whole year (DAY-1): remove the next week's empty lessons, as if never generated.
    const gone = await db.lesson.deleteMany({
      where: { organisationId: schoolId, date: { gte: period.from, lte: period.to }, ...HOLDS_NO_DATA },
    });
    expect(gone.count).toBeGreaterThan(100);
    const first = await regenerateLessons(schoolId, null, period);
    expect(first.created).toBe(gone.count);
    // A run that changes lessons is audited (AUTH-5) with its period and counts; one that changes nothing is not.
    expect(await lastAudit(schoolId, "lessons.generate")).toMatchObject({
      userId: null,
      entity: "Lesson",
      entityId: null,
      details: {
        from: "2026-11-24",
        to: "2026-11-29",
        classIds: null,
        created: gone.count,
        updated: 0,
        deleted: 0,
        kept: [],
      },
    });
    const audited = await auditCount(schoolId, "lessons.generate");
    const second = await regenerateLessons(schoolId, null, period);
    expect(second).toMatchObject({ created: 0, updated: 0, deleted: 0, kept: [] });
    expect(second.unchanged).toBe(first.created);
    expect(await auditCount(schoolId, "lessons.generate")).toBe(audited);
  }, 60_000);

  it("keeps every lesson that holds marks when the timetable changes, and reports them with class, subject and date", async () => {
    const cls = await db.classGroup.findFirstOrThrow({ where: { organisationId: schoolId, name: "7А" } });
    const entry = await db.timetableEntry.findFirstOrThrow({
      where: {
        organisationId: schoolId,
        classId: cls.id,
        subgroupId: null,
        lessons: { some: { marks: { some: {} } } },
      },
      include: { subject: true },
    });
    const marked = await db.lesson.findMany({
      where: { organisationId: schoolId, entryId: entry.id, marks: { some: {} } },
      select: { id: true },
    });
    const marksBefore = await db.mark.count({
      where: { organisationId: schoolId, lessonId: { in: marked.map((l) => l.id) } },
    });
    const empty = await db.lesson.count({ where: { organisationId: schoolId, entryId: entry.id, ...HOLDS_NO_DATA } });
    const emptyFuture = await db.lesson.count({
      where: { organisationId: schoolId, entryId: entry.id, date: { gt: TODAY_DATE }, ...HOLDS_NO_DATA },
    });
    expect(emptyFuture).toBeGreaterThan(0);

    // The scheduler drops this lesson from the template (as if it never was).
    await db.timetableEntry.update({
      where: { organisationId_id: { organisationId: schoolId, id: entry.id } },
      data: { validTo: new Date("2026-08-31T00:00:00Z") },
    });
    const report = await regenerateLessons(schoolId, null, {
      from: YEAR_START,
      to: yearEnd,
      classIds: [cls.id],
    });

    expect(report.deleted).toBe(empty); // the empty lessons go, those of the rest of the year included
    const keptIds = report.kept.map((k) => k.lessonId);
    for (const l of marked) expect(keptIds).toContain(l.id);
    expect(
      report.kept.every((k) => k.className === "7А" && k.subjectName === entry.subject.name && k.reason === "removed"),
    ).toBe(true);
    expect(report.kept[0].date.getTime()).toBeGreaterThanOrEqual(YEAR_START.getTime());
    expect((await lastAudit(schoolId, "lessons.generate")).details).toMatchObject({
      classIds: [cls.id],
      deleted: empty,
      kept: keptIds,
    });
    const still = await db.lesson.count({ where: { organisationId: schoolId, id: { in: marked.map((l) => l.id) } } });
    expect(still).toBe(marked.length);
    expect(
      await db.mark.count({ where: { organisationId: schoolId, lessonId: { in: marked.map((l) => l.id) } } }),
    ).toBe(marksBefore);
  }, 60_000);

  describe("a timetable change regenerates the class's lessons of the year (DAY-1)", () => {
    async function entryOf8A() {
      const cls = await db.classGroup.findFirstOrThrow({ where: { organisationId: schoolId, name: "8А" } });
      const entry = await db.timetableEntry.findFirstOrThrow({
        where: {
          organisationId: schoolId,
          classId: cls.id,
          subgroupId: null,
          roomId: { not: null },
          lessons: { some: { marks: { some: {} } } },
        },
        orderBy: { id: "asc" },
      });
      const actor = await db.user.findFirstOrThrow({ where: { organisationId: schoolId, login: "dispatcher" } });
      return { cls, entry, actorId: actor.id };
    }
    const snapshot = async (entryId: number) =>
      new Map(
        (
          await db.lesson.findMany({
            where: { organisationId: schoolId, entryId },
            select: { id: true, roomId: true, topic: true, date: true, _count: { select: { marks: true } } },
          })
        ).map((l) => [l.id, l]),
      );

    it("saving an entry moves its empty lessons of the whole year; lessons holding data stay and are reported", async () => {
      const { cls, entry, actorId } = await entryOf8A();
      const before = await snapshot(entry.id);
      const emptyIds = (
        await db.lesson.findMany({
          where: { organisationId: schoolId, entryId: entry.id, ...HOLDS_NO_DATA },
          select: { id: true },
        })
      ).map((l) => l.id);
      expect(emptyIds.some((id) => before.get(id)!.date.getTime() > TODAY_DATE.getTime())).toBe(true);

      const result = await saveTimetableEntry(
        schoolId,
        actorId,
        {
          entryId: entry.id,
          classId: cls.id,
          weekday: entry.weekday,
          bellNumber: entry.bellNumber,
          subjectId: entry.subjectId,
          teacherId: entry.teacherId,
          roomId: null,
          subgroupId: null,
          hours: Number(entry.hours),
          validFrom: entry.validFrom,
          validTo: entry.validTo,
        },
        false,
      );
      if (!result.ok) throw new Error(result.messages.join("; "));
      // Audited (AUTH-5) with the entry's new fields.
      expect(await lastAudit(schoolId, "timetable.update")).toMatchObject({
        userId: actorId,
        entity: "TimetableEntry",
        entityId: String(entry.id),
        details: { classId: cls.id, subjectId: entry.subjectId, roomId: null, weekday: entry.weekday },
      });
      const after = await snapshot(entry.id);
      // every empty lesson that sat in the entry's room now has none, to the year's end
      const moved = emptyIds.filter((id) => before.get(id)!.roomId === entry.roomId);
      expect(moved.length).toBeGreaterThan(0);
      for (const id of moved) expect(after.get(id)!.roomId).toBeNull();
      expect(result.lessons.updated).toBeGreaterThanOrEqual(moved.length);
      // a lesson holding data is never moved: same room, and reported as changed
      const withData = [...before.values()].filter((l) => !emptyIds.includes(l.id) && l.roomId === entry.roomId);
      expect(withData.length).toBeGreaterThan(0);
      for (const l of withData) expect(after.get(l.id)!.roomId).toBe(entry.roomId);
      const kept = new Set(result.lessons.kept.filter((k) => k.reason === "changed").map((k) => k.lessonId));
      for (const l of withData) expect(kept.has(l.id)).toBe(true);
      expect(after.size).toBe(before.size);
    }, 120_000);

    it("deleting an entry whose lessons hold data closes it yesterday: empty lessons from today go, the rest stay", async () => {
      const { cls, entry, actorId } = await entryOf8A();
      const before = await snapshot(entry.id);
      const emptyFromToday = await db.lesson.count({
        where: { organisationId: schoolId, entryId: entry.id, date: { gte: TODAY_DATE }, ...HOLDS_NO_DATA },
      });
      expect(emptyFromToday).toBeGreaterThan(0);

      const result = await deleteTimetableEntry(schoolId, actorId, entry.id, cls.id, TODAY_DATE);
      expect(result).toMatchObject({ ok: true, closed: true });
      if (!result.ok) return;
      expect(result.lessons.deleted).toBe(emptyFromToday);
      // Audited (AUTH-5) as a closing, with the lessons it removed and kept.
      expect(await lastAudit(schoolId, "timetable.close")).toMatchObject({
        userId: actorId,
        entity: "TimetableEntry",
        entityId: String(entry.id),
        details: { lessonsDeleted: emptyFromToday, lessonsKept: result.lessons.kept.map((k) => k.lessonId) },
      });
      const closed = await db.timetableEntry.findUniqueOrThrow({
        where: { organisationId_id: { organisationId: schoolId, id: entry.id } },
      });
      expect(closed.validTo.toISOString().slice(0, 10)).toBe("2026-11-22");
      const after = await snapshot(entry.id);
      expect(after.size).toBe(before.size - emptyFromToday);
      // past lessons keep their marks and topics; none is left empty from today on
      for (const l of before.values())
        if (l._count.marks > 0 || l.topic !== null) expect(after.get(l.id)?.topic).toBe(l.topic);
      expect(
        await db.lesson.count({
          where: { organisationId: schoolId, entryId: entry.id, date: { gte: TODAY_DATE }, ...HOLDS_NO_DATA },
        }),
      ).toBe(0);
    }, 120_000);
  });
});
