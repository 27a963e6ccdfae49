// SCH-4: the journal's lessons come from the timetable, its changes and substitutions.
// Regeneration is idempotent on the demo (whose lessons were generated from its own
// timetable) and never deletes or moves a lesson that holds marks — it reports it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { regenerateLessons } from "@/lib/schedule/lessons/mutations";
import { seedDemo, DEMO_ORG_NAMES } from "../../prisma/seed/index";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const YEAR_START = new Date("2026-09-01T00:00:00Z");
const TODAY_DATE = new Date("2026-11-23T00:00:00Z");
let schoolId = 0;
let collegeId = 0;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const orgs = await db.organisation.findMany({ select: { id: true, name: true, kind: true } });
  schoolId = orgs.find((o) => o.kind === "SCHOOL")!.id;
  collegeId = orgs.find((o) => o.kind === "COLLEGE")!.id;
  expect(orgs.map((o) => o.name).sort()).toEqual(Object.values(DEMO_ORG_NAMES).sort());
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("lesson generation (SCH-4)", () => {
  it("is idempotent on the demo: regenerating its year up to today changes nothing (school and college)", async () => {
    for (const organisationId of [schoolId, collegeId]) {
      // this year's lessons (the demo also holds the closed previous year of two classes)
      const thisYear = { organisationId, date: { gte: YEAR_START } };
      const before = await db.lesson.count({ where: thisYear });
      const report = await regenerateLessons(organisationId, null, {
        from: YEAR_START,
        to: TODAY_DATE,
        classIds: null,
      });
      expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0, kept: [] });
      expect(report.unchanged).toBe(before);
      expect(await db.lesson.count({ where: thisYear })).toBe(before);
    }
  }, 60_000);

  it("creates the next week's lessons once; a second run creates none", async () => {
    const period = { from: new Date("2026-11-24T00:00:00Z"), to: new Date("2026-11-29T00:00:00Z"), classIds: null };
    const first = await regenerateLessons(schoolId, null, period);
    expect(first.created).toBeGreaterThan(100);
    const second = await regenerateLessons(schoolId, null, period);
    expect(second).toMatchObject({ created: 0, updated: 0, deleted: 0, kept: [] });
    expect(second.unchanged).toBe(first.created);
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
    const emptyFuture = await db.lesson.count({
      where: { organisationId: schoolId, entryId: entry.id, date: { gt: TODAY_DATE } },
    });
    expect(emptyFuture).toBeGreaterThan(0);

    // The scheduler drops this lesson from the template (as if it never was).
    await db.timetableEntry.update({
      where: { organisationId_id: { organisationId: schoolId, id: entry.id } },
      data: { validTo: new Date("2026-08-31T00:00:00Z") },
    });
    const report = await regenerateLessons(schoolId, null, {
      from: YEAR_START,
      to: new Date("2026-11-29T00:00:00Z"),
      classIds: [cls.id],
    });

    expect(report.deleted).toBe(emptyFuture); // the next week's empty lessons go
    const keptIds = report.kept.map((k) => k.lessonId);
    for (const l of marked) expect(keptIds).toContain(l.id);
    expect(
      report.kept.every((k) => k.className === "7А" && k.subjectName === entry.subject.name && k.reason === "removed"),
    ).toBe(true);
    expect(report.kept[0].date.getTime()).toBeGreaterThanOrEqual(YEAR_START.getTime());
    const still = await db.lesson.count({ where: { organisationId: schoolId, id: { in: marked.map((l) => l.id) } } });
    expect(still).toBe(marked.length);
    expect(
      await db.mark.count({ where: { organisationId: schoolId, lessonId: { in: marked.map((l) => l.id) } } }),
    ).toBe(marksBefore);
  }, 60_000);
});
