// REG-2 / DUT-1: the territory report's stored daily fill counts (lib/region/fill-store.ts). The
// rule: stored + live = the all-live build — right after a store, after a later journal edit of an
// old lesson (the touched day is computed live at once, re-stored by the next run), and after a
// schedule edit of a past day at once too (issue 22, round 24; every change and check:
// region-fill-exact.test.ts); only days whose deadline has passed are stored; the worker stores once
// per organisation and closed day.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { STORE_MARGIN_MS } from "@/lib/control/store/data";
import { writeAssignment } from "@/lib/journal/lesson/mutations";
import { writeMark } from "@/lib/journal/mutations";
import { TERRITORY_FILL } from "@/lib/region/data";
import { lastClosedDay, runFillStore, storeFillDays } from "@/lib/region/fill-store";
import { createJournalFixture, day, fillLesson, NOW, type JournalFixture } from "./journal-fixture";

const FROM = day("2026-11-01");
const TO = day("2026-11-20");
const ZONE = "Europe/Samara";
const MINUTES = 16 * 60;
const NEXT_DAY = new Date("2026-11-21T13:00:00.000Z"); // 17:00 Samara: 21.11's deadline has passed

let f: JournalFixture;
let org: { organisationId: number; timeZone: string; minutes: number };
let openAssignment: number;
let carriedAssignment: number;

/** The worker's store of the organisation at `now` (up to its last closed day). */
const store = (now: Date) => storeFillDays(org, lastClosedDay(now, ZONE, MINUTES), now);

const fill = async (useStored: boolean, now = NOW) => {
  const rows = await TERRITORY_FILL.run(db, [f.organisationId], FROM, TO, now, useStored);
  expect(rows).toHaveLength(1);
  return rows[0];
};

beforeAll(async () => {
  f = await createJournalFixture({ students: 4 });
  const organisationId = f.organisationId;
  await db.organisation.update({ where: { id: organisationId }, data: { timeZone: ZONE } });
  org = { organisationId, timeZone: ZONE, minutes: MINUTES };
  // Three lessons filled (two on time, 10.11 after its deadline), 09.11 waits for a test due on it.
  for (const [iso, hour] of [
    ["2026-11-05", "09"],
    ["2026-11-06", "10"],
    ["2026-11-09", "09"],
    ["2026-11-10", "15"],
  ] as const) {
    const lessonId = f.lesson(iso);
    const at = new Date(`${iso}T${hour}:00:00Z`);
    await fillLesson(f, lessonId, at, f.students.slice(0, 2));
    await db.attendance.create({
      data: {
        organisationId,
        lessonId,
        studentId: f.students[3],
        code: "UP",
        updatedById: f.users.teacher,
        updatedAt: at,
      },
    });
  }
  openAssignment = (
    await db.assignment.create({
      data: { organisationId, lessonId: f.lesson("2026-11-06"), typeId: f.types.test, dueDate: day("2026-11-09") },
    })
  ).id;
  // A test set on 05.11, due on 06.11, without marks: 06.11 is not filled until it is deleted.
  carriedAssignment = (
    await db.assignment.create({
      data: { organisationId, lessonId: f.lesson("2026-11-05"), typeId: f.types.test, dueDate: day("2026-11-06") },
    })
  ).id;
  // The fixture's rows were written by the machine's clock, not the tests' (NOW): put the lessons'
  // last update before NOW, as in production a store's instant follows every earlier write.
  await db.$executeRaw`UPDATE "Lesson" SET "updatedAt" = '2026-11-01' WHERE "organisationId" = ${organisationId}`;
});

describe("stored daily fill counts (REG-2, DUT-1)", () => {
  it("stores only the days whose deadline has passed; stored + live equals the all-live build", async () => {
    expect(lastClosedDay(NOW, ZONE, MINUTES)).toEqual(day("2026-11-19")); // 12:00 Samara: 20.11 still open
    const live = await fill(false);
    expect(live.lessons).toBeGreaterThan(5);
    expect(live.onTime).toBe(1); // 05.11; 06.11 and 09.11 wait for a test due on them, 10.11 was late
    const days = await store(NOW);
    expect(days[0]).toBe("2026-11-05");
    expect(days.at(-1)).toBe("2026-11-19");
    const stored = await db.fillDay.findMany({ where: { organisationId: f.organisationId } });
    expect(stored.length).toBeGreaterThan(5);
    expect(stored.every((r) => r.date <= day("2026-11-19"))).toBe(true);
    expect(await fill(true)).toEqual(live);
    // Nothing changed since: a second store finds no day to store.
    expect(await store(new Date(NOW.getTime() + 60_000))).toEqual([]);
  });

  it("the report reads the stored days (not a live build under another name)", async () => {
    const live = await fill(false);
    const key = { organisationId: f.organisationId, date: day("2026-11-05"), classId: f.classId };
    await db.fillDay.update({ where: { organisationId_date_classId: key }, data: { onTime: { increment: 100 } } });
    try {
      expect((await fill(true)).onTime).toBe(live.onTime + 100);
    } finally {
      await db.fillDay.update({ where: { organisationId_date_classId: key }, data: { onTime: { decrement: 100 } } });
    }
  });

  it("a later journal edit of an old lesson: its day is live at once, re-stored by the next run", async () => {
    const before = await fill(false);
    // The test due on 09.11 gets its first mark now (after the deadline): 09.11 is filled, but late.
    const saved = await writeMark({
      organisationId: f.organisationId,
      userId: f.users.teacher,
      lessonId: f.lesson("2026-11-06"),
      studentId: f.students[0],
      assignmentId: openAssignment,
      typeId: null,
      mark: { kind: "GRADE", value: 5, isHospital: false },
      comment: undefined,
      expectedVersion: 0,
      reason: null,
      now: NOW,
    });
    expect(saved.ok).toBe(true);
    const after = await fill(false);
    expect(after.marks).toBe(before.marks + 1);
    expect(await fill(true)).toEqual(after);
    const days = await store(NEXT_DAY);
    expect(days).toContain("2026-11-06");
    expect(days).toContain("2026-11-20"); // its deadline has passed by now
    expect(await fill(true, NEXT_DAY)).toEqual(await fill(false, NEXT_DAY));
    const watermark = await db.fillStore.findUniqueOrThrow({ where: { organisationId: f.organisationId } });
    const top = await db.journalChange.aggregate({ where: { organisationId: f.organisationId }, _max: { id: true } });
    expect(watermark.changeId).toBe(top._max.id);
  });

  it("deleting an old assignment due on a later lesson puts that later day back to live", async () => {
    const now = new Date(NEXT_DAY.getTime() + 30_000);
    const before = await fill(false, now);
    const done = await writeAssignment({
      organisationId: f.organisationId,
      userId: f.users.teacher,
      now,
      lessonId: f.lesson("2026-11-05"),
      assignmentId: carriedAssignment,
      fields: null,
    });
    expect(done).toBe("ok");
    const after = await fill(false, now);
    expect(after.onTime).toBe(before.onTime + 1); // 06.11 was filled at 10:00 UTC, before its deadline
    expect(await fill(true, now)).toEqual(after);
  });

  it("a schedule edit of a past day counts at once (round 24: it waited for the next run before)", async () => {
    await store(new Date(NEXT_DAY.getTime() + 45_000)); // the deletion above re-stored
    const now = new Date(NEXT_DAY.getTime() + 60_000);
    await db.lesson.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.lesson("2026-11-12") } },
      data: { status: "CANCELLED", updatedAt: now },
    });
    const live = await fill(false, now);
    expect(await fill(true, now)).toEqual(live); // round 23: the stored 12.11 (lessons + 1) until the next run
    const later = new Date(now.getTime() + 86_400_000);
    expect(await store(later)).toContain("2026-11-12");
    expect(await fill(true, later)).toEqual(await fill(false, later));
  });

  it("the worker's step stores each organisation once per closed day", async () => {
    const at = new Date("2026-11-24T13:00:00.000Z");
    await runFillStore(at);
    const stored = await db.fillStore.findUniqueOrThrow({ where: { organisationId: f.organisationId } });
    const mark = new Date(at.getTime() - STORE_MARGIN_MS); // the watermark stands the margin before the run
    expect(stored.storedAt).toEqual(mark);
    await runFillStore(new Date(at.getTime() + 60_000));
    const again = await db.fillStore.findUniqueOrThrow({ where: { organisationId: f.organisationId } });
    expect(again.storedAt).toEqual(mark);
    const run = await db.dutyRun.findMany({ where: { organisationId: f.organisationId, kind: "fill-days" } });
    expect(run.map((r) => r.day)).toEqual([day("2026-11-24")]);
  });
});
