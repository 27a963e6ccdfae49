// DAY-2: a teacher's home gives today's and the next lessons — on a day without lessons (a Saturday, a
// holiday) the next teaching day's, found by walking a teacher's Saturday (round 16: «Уроков нет» and
// nothing of Monday). The fixture's lessons run every weekday of November 2026.
import { beforeAll, describe, expect, it } from "vitest";
import { teacherLessonsOn, teacherNextLessons } from "@/lib/schedule/data";
import { createJournalFixture, day, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;

beforeAll(async () => {
  f = await createJournalFixture({ students: 1 });
});

describe("teacherNextLessons (DAY-2)", () => {
  it("on Saturday 21.11 the next lessons are Monday 23.11's, the same rows as that day's list", async () => {
    const next = await teacherNextLessons(f.organisationId, f.users.teacher, day("2026-11-21"));
    expect(next?.date).toEqual(day("2026-11-23"));
    expect(next!.lessons.length).toBeGreaterThan(0);
    expect(next!.lessons).toEqual(await teacherLessonsOn(f.organisationId, f.users.teacher, day("2026-11-23")));
  });

  it("from a weekday, the next weekday; nothing when no lesson is scheduled within the window", async () => {
    expect((await teacherNextLessons(f.organisationId, f.users.teacher, day("2026-11-19")))?.date).toEqual(
      day("2026-11-20"),
    );
    expect(await teacherNextLessons(f.organisationId, f.users.teacher, day("2026-11-30"))).toBeNull();
    expect(await teacherNextLessons(f.organisationId, f.users.other, day("2026-11-21"))).toBeNull();
  });
});
