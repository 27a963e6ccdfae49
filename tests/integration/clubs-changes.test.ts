// PRG-2 + SCH-2: one-off timetable changes and club slots see each other. «Шахматы» (leader: the
// other teacher) meets on Tuesdays 13:00–13:45 (bell 6) with Ученик000 of 7А: a change that adds a
// 7А lesson at Tuesday 24.11 bell 6, or moves 7А's Monday lesson there, is refused naming the club
// and writes nothing; a change to another bell passes. The other way round: after a one-off lesson
// of 7А on Thursday 26.11 bell 6, a club slot of 7А's students at that time — or a 7А student
// joining a club that meets then — is refused naming the lesson and its date.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { addClubMemberAction, saveClubAction, saveClubSlotAction } from "@/lib/clubs/actions";
import { createChangeAction } from "@/lib/schedule/changes/actions";
import { addBells, createJournalFixture, day, formData, NOW, type JournalFixture } from "./journal-fixture";
import { signInAs } from "../support/session-harness";
import { dbDigest } from "../support/db-digest";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let chess = 0;
let mondayEntry = 0;

async function clubNamed(name: string): Promise<number> {
  return (await db.club.findFirstOrThrow({ where: { organisationId: f.organisationId, name } })).id;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture();
  await addBells(f);
  // 7А's weekly algebra on Mondays, bell 2.
  mondayEntry = (
    await db.timetableEntry.create({
      data: {
        organisationId: f.organisationId,
        classId: f.classId,
        subjectId: f.subjectId,
        teacherId: f.users.teacher,
        weekday: 1,
        bellNumber: 2,
        validFrom: day("2026-09-01"),
        validTo: day("2027-05-31"),
      },
    })
  ).id;
  await signInAs(f.organisationId, f.users.deputy);
  expect(await saveClubAction(null, formData({ name: "Шахматы", leaderId: f.users.other }))).toMatchObject({
    ok: true,
  });
  chess = await clubNamed("Шахматы");
  expect(await addClubMemberAction(null, formData({ clubId: chess, studentId: f.students[0]! }))).toMatchObject({
    ok: true,
  });
  expect(
    await saveClubSlotAction(null, formData({ clubId: chess, weekday: 2, start: "13:00", end: "13:45" })),
  ).toMatchObject({ ok: true });
}, 90_000);

afterAll(async () => {
  vi.useRealTimers();
  await db.$disconnect();
});

const change = (fields: Record<string, string | number>) =>
  createChangeAction(null, formData({ classId: f.classId, ...fields }));

describe("a one-off change into a club's time is refused naming the club (PRG-2, SCH-2)", () => {
  it("an added lesson at Tuesday bell 6 and a lesson moved there: refused, nothing written", async () => {
    const before = await dbDigest();
    const added = await change({
      kind: "ADD",
      date: "2026-11-24",
      bellNumber: 6,
      subjectId: f.subjectId,
      teacherId: f.users.teacher,
    });
    expect(added).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(!added.ok && added.message).toBe(
      "Ученики 7А в это время заняты в объединении «Шахматы» (вторник, 13:00–13:45): Ученик000 И.",
    );
    const moved = await change({
      kind: "MOVE",
      date: "2026-11-23",
      entryId: mondayEntry,
      toDate: "2026-11-24",
      bellNumber: 6,
    });
    expect(!moved.ok && moved.message).toContain("заняты в объединении «Шахматы» (вторник, 13:00–13:45)");
    // The club's leader cannot be put in as the teacher of a lesson then either.
    const led = await change({
      kind: "ADD",
      date: "2026-11-24",
      bellNumber: 6,
      subjectId: f.subjectId,
      teacherId: f.users.other,
    });
    expect(!led.ok && led.message).toContain("ведёт объединение «Шахматы»");
    expect(await dbDigest()).toEqual(before);
  });

  it("the same move to bell 5 (before the club) passes", async () => {
    expect(
      await change({ kind: "MOVE", date: "2026-11-23", entryId: mondayEntry, toDate: "2026-11-24", bellNumber: 5 }),
    ).toMatchObject({ ok: true });
  });
});

describe("a club slot or member meeting a one-off lesson is refused naming it (PRG-2, SCH-2)", () => {
  it("after an added 7А lesson on Thursday 26.11 bell 6, the choir's Thursday slot with a 7А member is refused", async () => {
    expect(
      await change({
        kind: "ADD",
        date: "2026-11-26",
        bellNumber: 6,
        subjectId: f.subjectId,
        teacherId: f.users.teacher,
      }),
    ).toMatchObject({ ok: true });
    expect(await saveClubAction(null, formData({ name: "Хор", leaderId: f.users.classTeacher }))).toMatchObject({
      ok: true,
    });
    const choir = await clubNamed("Хор");
    expect(await addClubMemberAction(null, formData({ clubId: choir, studentId: f.students[1]! }))).toMatchObject({
      ok: true,
    });
    const before = await dbDigest();
    const slot = await saveClubSlotAction(null, formData({ clubId: choir, weekday: 4, start: "13:00", end: "13:45" }));
    expect(slot).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!slot.ok && slot.message).toBe(
      "У 7А в это время урок: Алгебра (26.11.2026, 6-й урок) — в объединении ученики этого класса: Ученик001 И.",
    );
    expect(await dbDigest()).toEqual(before);
    // A slot of the choir without a 7А member at that time is fine — then a 7А student cannot join it.
    await db.clubMember.deleteMany({ where: { organisationId: f.organisationId, clubId: choir } });
    expect(
      await saveClubSlotAction(null, formData({ clubId: choir, weekday: 4, start: "13:00", end: "13:45" })),
    ).toMatchObject({ ok: true });
    const joined = await addClubMemberAction(null, formData({ clubId: choir, studentId: f.students[1]! }));
    expect(joined).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!joined.ok && joined.message).toContain("У 7А в это время урок: Алгебра (26.11.2026, 6-й урок)");
  });
});
