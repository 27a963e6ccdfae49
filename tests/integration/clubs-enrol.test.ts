// PRG-2 open enrolment by the family (the organisation's setting, off by default). A parent enrols
// their child (7А, Ученик000) in «Шахматы» (Tuesday 18:00) — the club then shows in the diary's week;
// «Хор» at the same time is refused naming «Шахматы», «Физкультура» at 7А's Tuesday lesson naming the
// lesson, a full «Танцы» (1 place) as full; another family's child is out of the parent's scope;
// leaving keeps the past attendance. With the setting off nothing is written.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  addClubMemberAction,
  enrolInClubAction,
  leaveClubAction,
  saveClubAction,
  saveClubSessionAction,
  saveClubSlotAction,
} from "@/lib/clubs/actions";
import { loadOpenClubs, loadStudentClubWeek } from "@/lib/clubs/loaders";
import { addBells, createJournalFixture, day, formData, NOW, type JournalFixture } from "./journal-fixture";
import { signedInAs, signInAs } from "../support/session-harness";
import { addParentLogin } from "../support/push-fixture";
import { dbDigest } from "../support/db-digest";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let parent = 0;
const ids: Record<string, number> = {};
const child = () => f.students[0]!;

const as = <T>(userId: number, call: () => Promise<T>) => signedInAs(f.organisationId, userId, call);

const enrol = (club: string, studentId = child()) =>
  as(parent, () => enrolInClubAction(null, formData({ clubId: ids[club]!, studentId })));

async function setOpen(on: boolean) {
  await db.organisationSettings.update({
    where: { organisationId: f.organisationId },
    data: { clubOpenEnrolment: on },
  });
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture();
  await addBells(f);
  const o = f.organisationId;
  // 7А's weekly algebra on Tuesdays, bell 6 (13:00–13:45).
  await db.timetableEntry.create({
    data: {
      organisationId: o,
      classId: f.classId,
      subjectId: f.subjectId,
      teacherId: f.users.teacher,
      weekday: 2,
      bellNumber: 6,
      validFrom: day("2026-09-01"),
      validTo: day("2027-05-31"),
    },
  });
  parent = await addParentLogin(o, child(), { login: "parent", lastName: "Родитель", firstName: "Анна" });
  await signInAs(o, f.users.deputy);
  for (const [name, leaderId, start, capacity] of [
    ["Шахматы", f.users.teacher, "18:00", ""],
    ["Хор", f.users.classTeacher, "18:00", ""],
    ["Физкультура", f.users.other, "13:00", ""],
    ["Танцы", f.users.other, "19:00", "1"],
  ] as const) {
    expect(await saveClubAction(null, formData({ name, leaderId, capacity }))).toMatchObject({ ok: true });
    ids[name] = (await db.club.findFirstOrThrow({ where: { organisationId: o, name } })).id;
    expect(
      await saveClubSlotAction(
        null,
        formData({ clubId: ids[name]!, weekday: 2, start, end: `${start.slice(0, 2)}:45` }),
      ),
    ).toMatchObject({ ok: true });
  }
  expect(await addClubMemberAction(null, formData({ clubId: ids["Танцы"]!, studentId: f.students[2]! }))).toMatchObject(
    { ok: true },
  );
}, 90_000);

afterAll(async () => {
  vi.useRealTimers();
  await db.$disconnect();
});

describe("open enrolment by the family (PRG-2)", () => {
  it("is off by default: the parent is refused with a clear message, nothing written", async () => {
    const before = await dbDigest();
    expect(await enrol("Шахматы")).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
      message: expect.stringContaining("выключена"),
    });
    expect(await dbDigest()).toEqual(before);
    expect((await loadOpenClubs(f.organisationId, child())).open).toBe(false);
  });

  it("on: the parent sees the clubs with leader, schedule and free places, enrols the child; the diary shows the club", async () => {
    await setOpen(true);
    const view = await loadOpenClubs(f.organisationId, child());
    expect(view.open).toBe(true);
    const dance = view.clubs.find((c) => c.name === "Танцы")!;
    expect(dance).toMatchObject({ capacity: 1, members: 1, enrolled: false, leaderName: expect.any(String) });
    expect(dance.slots).toEqual([{ weekday: 2, start: 19 * 60, end: 19 * 60 + 45, roomName: null }]);
    expect(await enrol("Шахматы")).toMatchObject({ ok: true });
    const week = ["2026-11-23", "2026-11-24", "2026-11-25"].map(day);
    expect((await loadStudentClubWeek(f.organisationId, child(), week)).map((e) => e.clubName)).toEqual(["Шахматы"]);
    expect((await loadOpenClubs(f.organisationId, child())).clubs.find((c) => c.name === "Шахматы")?.enrolled).toBe(
      true,
    );
  });

  it("refuses a clash with another club or the child's timetable naming it, a full club, and someone else's child", async () => {
    const before = await dbDigest();
    const choir = await enrol("Хор");
    expect(choir).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!choir.ok && choir.message).toContain("заняты в объединении «Шахматы» (вторник, 18:00–18:45)");
    const sport = await enrol("Физкультура");
    expect(!sport.ok && sport.message).toContain("У 7А в это время урок: Алгебра (вторник, 6-й урок)");
    expect(await enrol("Танцы")).toMatchObject({ ok: false, message: "Свободных мест в объединении нет" });
    expect(await enrol("Шахматы", f.students[1]!)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await dbDigest()).toEqual(before);
  });

  it("leaving keeps the past attendance", async () => {
    // The leader marks the child absent on Tuesday 17.11, then the family takes the child out.
    expect(
      await as(f.users.teacher, () =>
        saveClubSessionAction(
          null,
          formData({ clubId: ids["Шахматы"]!, date: "2026-11-17", topic: "Дебют", [`a:${child()}`]: "B" }),
        ),
      ),
    ).toMatchObject({ ok: true });
    expect(
      await as(parent, () => leaveClubAction(null, formData({ clubId: ids["Шахматы"]!, studentId: child() }))),
    ).toMatchObject({
      ok: true,
    });
    expect(await db.clubMember.count({ where: { organisationId: f.organisationId, studentId: child() } })).toBe(0);
    const kept = await db.clubAttendance.findMany({ where: { organisationId: f.organisationId, studentId: child() } });
    expect(kept.map((a) => a.code)).toEqual(["B"]);
    // Leaving a club the child is not in says so.
    expect(
      await as(parent, () => leaveClubAction(null, formData({ clubId: ids["Хор"]!, studentId: child() }))),
    ).toMatchObject({
      ok: false,
      message: "Ученик не состоит в объединении",
    });
  });
});
