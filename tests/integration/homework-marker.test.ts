// Homework markers (DUT-6) through the lesson panel's action against PostgreSQL: «не задано» on any
// lesson, «не предусмотрено» only in a school's first grade; refused beside homework text, cleared
// by homework given; kept in the history; the lock decision and the gate hold.
// The clock: NOW = 20.11.2026 12:00 in Samara (journal-fixture).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveHomeworkMarkerAction } from "@/lib/journal/lesson/actions";
import { writeHomework } from "@/lib/journal/lesson/mutations";
import { changedTables, dbDigest } from "../support/db-digest";
import { signInAs } from "../support/session-harness";
import { createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;

const form = (lessonId: number, marker: string) => {
  const fd = new FormData();
  fd.set("lessonId", String(lessonId));
  fd.set("marker", marker);
  return fd;
};

const markerOf = async (lessonId: number) =>
  (
    await db.lesson.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: lessonId } },
      select: { homeworkMarker: true },
    })
  ).homeworkMarker;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture({ students: 2 });
});

afterAll(() => {
  vi.useRealTimers();
});

describe("homework markers (DUT-6)", () => {
  it("«не задано» is saved with a history row; «не предусмотрено» is refused outside the first grade", async () => {
    await signInAs(f.organisationId, f.users.teacher);
    const lessonId = f.lesson("2026-11-18");
    const before = await dbDigest();
    const refused = await saveHomeworkMarkerAction(null, form(lessonId, "NOT_PROVIDED"));
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(refused.ok ? "" : refused.message).toMatch(/в первом классе/);
    expect(changedTables(before, await dbDigest())).toEqual([]);

    expect(await saveHomeworkMarkerAction(null, form(lessonId, "NOT_GIVEN"))).toMatchObject({
      ok: true,
      data: { message: "Домашнее задание: не задано" },
    });
    expect(await markerOf(lessonId)).toBe("NOT_GIVEN");
    const history = await db.journalChange.findMany({
      where: { organisationId: f.organisationId, lessonId, entity: "HOMEWORK" },
      select: { newValue: true, userId: true },
    });
    expect(history).toEqual([{ newValue: { marker: "NOT_GIVEN" }, userId: f.users.teacher }]);
  });

  it("«не предусмотрено» is accepted in the first grade", async () => {
    await signInAs(f.organisationId, f.users.teacher);
    expect(await saveHomeworkMarkerAction(null, form(f.firstLesson, "NOT_PROVIDED"))).toMatchObject({ ok: true });
    expect(await markerOf(f.firstLesson)).toBe("NOT_PROVIDED");
  });

  it("homework given clears the marker; a marker beside homework is refused", async () => {
    await signInAs(f.organisationId, f.users.teacher);
    const lessonId = f.lesson("2026-11-19");
    expect((await saveHomeworkMarkerAction(null, form(lessonId, "NOT_GIVEN"))).ok).toBe(true);
    const base = { organisationId: f.organisationId, userId: f.users.teacher, now: NOW, lessonId };
    expect(await writeHomework({ ...base, version: 0, text: "№ 5", dueDate: null, files: [], removeFileIds: [] })).toBe(
      "ok",
    );
    expect(await markerOf(lessonId)).toBeNull();
    const again = await saveHomeworkMarkerAction(null, form(lessonId, "NOT_GIVEN"));
    expect(again).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await markerOf(lessonId)).toBeNull();
  });

  it("obeys the lock decision and the gate, writing nothing", async () => {
    const before = await dbDigest();
    await signInAs(f.organisationId, f.users.teacher);
    // 09.11 is past the 7-day edit window on 20.11.
    const locked = await saveHomeworkMarkerAction(null, form(f.lesson("2026-11-09"), "NOT_GIVEN"));
    expect(locked.ok).toBe(false);
    await signInAs(f.organisationId, f.users.other);
    expect(await saveHomeworkMarkerAction(null, form(f.lesson("2026-11-17"), "NOT_GIVEN"))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });
});
