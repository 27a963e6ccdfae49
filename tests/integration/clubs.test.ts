// PRG-2: clubs (объединения внеурочной деятельности). A club of students from 7А and 7Б scheduled
// at a time when 7Б has a lesson is refused naming the clash (and nothing is written); a clash with
// a member's other club, a lesson placed at a club's time and a member joining a club that meets
// during their class's lesson are refused too. The leader's journal saves topics and attendance;
// marks are refused while the organisation disallows them, saved once it allows them. The
// «leader» scope: another teacher cannot keep the club's journal.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  addClubMemberAction,
  deleteClubSlotAction,
  saveClubAction,
  saveClubPlanAction,
  saveClubSessionAction,
  saveClubSlotAction,
} from "@/lib/clubs/actions";
import { loadStudentClubWeek } from "@/lib/clubs/loaders";
import { diaryWeek } from "@/lib/diary/data";
import { MARKS_DISALLOWED } from "@/lib/clubs/rules";
import { saveTimetableEntry } from "@/lib/schedule/timetable/mutations";
import { addBells, createJournalFixture, day, formData, NOW, type JournalFixture } from "./journal-fixture";
import { signedInAs } from "../support/session-harness";
import { dbDigest } from "../support/db-digest";
import { lastAudit } from "../support/audit";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let classB = 0;
const studentsB: number[] = [];
let clubId = 0;
let choirId = 0;
const TUESDAY = 2;
const THURSDAY = 4;

const as = <T>(userId: number, call: () => Promise<T>) => signedInAs(f.organisationId, userId, call);

async function clubNamed(name: string): Promise<number> {
  return (await db.club.findFirstOrThrow({ where: { organisationId: f.organisationId, name } })).id;
}

beforeAll(async () => {
  f = await createJournalFixture();
  await addBells(f); // bell n: (7+n):00–(7+n):45; bell 4 = 11:00–11:45
  const organisationId = f.organisationId;
  const cls = await db.classGroup.create({ data: { organisationId, yearId: f.yearId, name: "7Б", grade: 7 } });
  classB = cls.id;
  const physics = await db.subject.create({ data: { organisationId, name: "Физика", shortName: "Физ" } });
  await db.teacherLoad.create({
    data: {
      organisationId,
      yearId: f.yearId,
      teacherId: f.users.other,
      classId: classB,
      subjectId: physics.id,
      hoursPerWeek: 2,
    },
  });
  for (const lastName of ["Бобров", "Белова"]) {
    const s = await db.student.create({
      data: { organisationId, lastName, firstName: "Анна", birthDate: day("2013-02-02") },
    });
    await db.classMembership.create({
      data: { organisationId, studentId: s.id, classId: classB, startDate: day("2026-09-01") },
    });
    studentsB.push(s.id);
  }
  // 7Б has physics on Tuesdays, bell 4 (11:00–11:45).
  await db.timetableEntry.create({
    data: {
      organisationId,
      classId: classB,
      subjectId: physics.id,
      teacherId: f.users.other,
      weekday: TUESDAY,
      bellNumber: 4,
      validFrom: day("2026-09-01"),
      validTo: day("2027-05-31"),
    },
  });
}, 60_000);

afterEach(() => {
  vi.useRealTimers();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("a club of 7А and 7Б in the timetable (PRG-2)", () => {
  it("the deputy creates a club led by a teacher with members from 7А and 7Б", async () => {
    const created = await as(f.users.deputy, () =>
      saveClubAction(null, formData({ name: "Робототехника", leaderId: f.users.teacher, description: "" })),
    );
    expect(created).toMatchObject({ ok: true });
    clubId = await clubNamed("Робототехника");
    // Every club write is audited (AUTH-5) with what it changed: the new club with its fields.
    expect(await lastAudit(f.organisationId, "club.create")).toMatchObject({
      userId: f.users.deputy,
      entity: "Club",
      entityId: String(clubId),
      details: { name: "Робототехника", leaderId: f.users.teacher, description: null, capacity: null },
    });
    // A leader must be a teacher of the organisation.
    expect(await saveClubAction(null, formData({ name: "Шахматы", leaderId: f.users.admin }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    for (const studentId of [f.students[0]!, f.students[1]!, studentsB[0]!]) {
      expect(await addClubMemberAction(null, formData({ clubId, studentId }))).toMatchObject({ ok: true });
    }
    expect(await lastAudit(f.organisationId, "club.member_add")).toMatchObject({
      userId: f.users.deputy,
      entity: "Club",
      entityId: String(clubId),
      details: { studentId: studentsB[0] },
    });
    // A teacher without clubs.manage cannot enrol anyone.
    expect(
      await as(f.users.teacher, () => addClubMemberAction(null, formData({ clubId, studentId: studentsB[1]! }))),
    ).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("refuses a slot when 7Б has a lesson then, naming the clash, and writes nothing", async () => {
    const before = await dbDigest();
    const r = await as(f.users.deputy, () =>
      saveClubSlotAction(null, formData({ clubId, weekday: TUESDAY, start: "11:15", end: "12:00" })),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("CONFLICT");
    expect(r.message).toContain("У 7Б в это время урок: Физика (вторник, 4-й урок)");
    expect(r.message).toContain("Бобров А.");
    expect(r.message).not.toContain("7А");
    expect(await dbDigest()).toEqual(before);
  });

  it("places the club after the lessons; a lesson then placed at the club's time is refused naming the club", async () => {
    for (const [weekday, start, end] of [
      [TUESDAY, "14:00", "14:45"],
      [THURSDAY, "13:00", "13:45"],
    ] as const) {
      expect(await saveClubSlotAction(null, formData({ clubId, weekday, start, end }))).toMatchObject({ ok: true });
    }
    expect(await lastAudit(f.organisationId, "club.slot_create")).toMatchObject({
      userId: f.users.deputy,
      entity: "Club",
      entityId: String(clubId),
      details: {
        weekday: THURSDAY,
        startMinute: 13 * 60,
        endMinute: 13 * 60 + 45,
        roomId: null,
        validFrom: "2026-09-01",
        validTo: "2027-05-31",
      },
    });
    const r = await saveTimetableEntry(
      f.organisationId,
      f.users.deputy,
      {
        entryId: null,
        classId: f.classId,
        weekday: THURSDAY,
        bellNumber: 6, // 13:00–13:45
        subjectId: f.subjectId,
        teacherId: f.users.teacher,
        roomId: null,
        subgroupId: null,
        hours: 1,
        validFrom: day("2026-09-01"),
        validTo: day("2027-05-31"),
      } as never,
      false,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.messages).toContain(
      "Учитель Соколова Т. в это время ведёт объединение «Робототехника» (четверг, 13:00–13:45)",
    );
    expect(r.messages.join("\n")).toContain(
      "Ученики 7А в это время заняты в объединении «Робототехника» (четверг, 13:00–13:45)",
    );
  });

  it("refuses a member's other club at the same time, and a member whose class has a lesson at the club's time", async () => {
    expect(await saveClubAction(null, formData({ name: "Хор", leaderId: f.users.classTeacher }))).toMatchObject({
      ok: true,
    });
    choirId = await clubNamed("Хор");
    expect(await addClubMemberAction(null, formData({ clubId: choirId, studentId: studentsB[0]! }))).toMatchObject({
      ok: true,
    });
    const r = await saveClubSlotAction(
      null,
      formData({ clubId: choirId, weekday: TUESDAY, start: "14:30", end: "15:15" }),
    );
    expect(r).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!r.ok && r.message).toContain(
      "Ученики в это время заняты в объединении «Робототехника» (вторник, 14:00–14:45): Бобров А.",
    );
    // The choir meets on Tuesdays at 11:00 (no 7Б member yet) — then 7Б's Белова cannot join it.
    await db.clubMember.deleteMany({ where: { organisationId: f.organisationId, clubId: choirId } });
    expect(
      await saveClubSlotAction(null, formData({ clubId: choirId, weekday: TUESDAY, start: "11:00", end: "11:45" })),
    ).toMatchObject({ ok: true });
    const before = await dbDigest();
    const joined = await addClubMemberAction(null, formData({ clubId: choirId, studentId: studentsB[1]! }));
    expect(joined).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(!joined.ok && joined.message).toContain("У 7Б в это время урок: Физика (вторник, 4-й урок)");
    expect(await dbDigest()).toEqual(before);
  });

  it("edits the club, replaces its КТП and removes a slot, each audited with what it changed (AUTH-5)", async () => {
    const club = { userId: f.users.deputy, entity: "Club", entityId: String(clubId) };
    const edited = { clubId, name: "Робототехника", leaderId: f.users.teacher, description: "Конструкторы" };
    expect(await as(f.users.deputy, () => saveClubAction(null, formData(edited)))).toMatchObject({ ok: true });
    expect(await lastAudit(f.organisationId, "club.update")).toMatchObject({
      ...club,
      details: { name: "Робототехника", leaderId: f.users.teacher, description: "Конструкторы", capacity: null },
    });
    const plan = { clubId, plan: "Знакомство с набором\nПервая модель; 2" };
    expect(await saveClubPlanAction(null, formData(plan))).toMatchObject({ ok: true });
    expect(await lastAudit(f.organisationId, "club.plan_save")).toMatchObject({ ...club, details: { topics: 2 } });
    const friday = { clubId, weekday: 5, start: "16:00", end: "16:45" };
    expect(await saveClubSlotAction(null, formData(friday))).toMatchObject({ ok: true });
    const slot = await db.clubSlot.findFirstOrThrow({
      where: { organisationId: f.organisationId, clubId, weekday: 5 },
    });
    expect(await deleteClubSlotAction(null, formData({ clubId, slotId: slot.id }))).toMatchObject({ ok: true });
    expect(await lastAudit(f.organisationId, "club.slot_delete")).toMatchObject({
      ...club,
      details: { slotId: slot.id },
    });
  });
});

describe("the club's journal (PRG-2)", () => {
  const tuesday = "2026-11-17"; // before NOW (Friday 2026-11-20)

  it("the leader saves a session's topic and attendance", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const r = await as(f.users.teacher, () =>
      saveClubSessionAction(
        null,
        formData({
          clubId,
          date: tuesday,
          topic: "Сборка первой модели",
          [`a:${studentsB[0]}`]: "N",
          [`a:${f.students[0]}`]: "",
        }),
      ),
    );
    expect(r).toMatchObject({ ok: true });
    const session = await db.clubSession.findFirstOrThrow({
      where: { organisationId: f.organisationId, clubId },
      include: { attendance: true },
    });
    expect(session.topic).toBe("Сборка первой модели");
    expect(session.date).toEqual(day(tuesday));
    expect(session.attendance.map((a) => [a.studentId, a.code, a.mark])).toEqual([[studentsB[0], "N", null]]);
    expect(await lastAudit(f.organisationId, "club.session_save")).toMatchObject({
      userId: f.users.teacher,
      entity: "ClubSession",
      entityId: String(session.id),
      details: {
        clubId,
        date: tuesday,
        topic: "Сборка первой модели",
        cells: [{ studentId: studentsB[0], code: "N", mark: null }],
      },
    });
  });

  it("refuses a day without a session, a future day and a student who is not a member", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const before = await dbDigest();
    const wednesday = await saveClubSessionAction(null, formData({ clubId, date: "2026-11-18", topic: "Тема" }));
    expect(wednesday).toMatchObject({ ok: false, message: "В этот день у объединения нет занятия по расписанию" });
    const future = await saveClubSessionAction(null, formData({ clubId, date: "2026-11-24", topic: "Тема" }));
    expect(future).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const stranger = await saveClubSessionAction(
      null,
      formData({ clubId, date: tuesday, topic: "Тема", [`a:${f.students[3]}`]: "N" }),
    );
    expect(stranger).toMatchObject({ ok: false, message: "Ученик не состоит в объединении" });
    expect(await dbDigest()).toEqual(before);
  });

  it("refuses marks while the organisation disallows them, with a clear message; saves them once allowed", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const before = await dbDigest();
    // The journal's form posts the whole session: Бобров's absence stays.
    const marked = {
      clubId,
      date: tuesday,
      topic: "Сборка первой модели",
      [`a:${studentsB[0]}`]: "N",
      [`m:${f.students[0]}`]: "5",
    };
    const refused = await as(f.users.teacher, () => saveClubSessionAction(null, formData(marked)));
    expect(refused).toEqual(expect.objectContaining({ ok: false, code: "INVALID_INPUT", message: MARKS_DISALLOWED }));
    expect(await dbDigest()).toEqual(before);
    await db.organisationSettings.update({
      where: { organisationId: f.organisationId },
      data: { clubMarksAllowed: true },
    });
    expect(await saveClubSessionAction(null, formData({ ...marked, [`m:${f.students[1]}`]: "7" }))).toMatchObject({
      ok: false,
      message: "Отметка: целое число от 2 до 5",
    });
    expect(await saveClubSessionAction(null, formData(marked))).toMatchObject({ ok: true });
    const row = await db.clubAttendance.findFirstOrThrow({
      where: { organisationId: f.organisationId, studentId: f.students[0]! },
    });
    expect(row.mark).toBe(5);
  });

  it("shows the week's club sessions in the member's diary and timetable: time, topic, attendance", async () => {
    const week = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"].map(day);
    const entries = await loadStudentClubWeek(f.organisationId, studentsB[0]!, week);
    expect(
      entries.map((e) => [e.clubName, e.date.toISOString().slice(0, 10), e.start, e.end, e.topic, e.code]),
    ).toEqual([
      ["Робототехника", "2026-11-17", 14 * 60, 14 * 60 + 45, "Сборка первой модели", "N"],
      ["Робототехника", "2026-11-19", 13 * 60, 13 * 60 + 45, null, null],
    ]);
    // A student of no club sees none.
    expect(await loadStudentClubWeek(f.organisationId, f.students[4]!, week)).toEqual([]);
    // The diary week reads the same sessions inside its own statement (issue 22 item 5).
    const diary = await diaryWeek(f.organisationId, studentsB[0]!, week[0]!, "учитель", week);
    expect(diary.clubs).toEqual(entries);
    expect((await diaryWeek(f.organisationId, f.students[4]!, week[0]!, "учитель", week)).clubs).toEqual([]);
  });

  it("keeps another teacher out of the club's journal (scope «leader»); the deputy may keep it", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
    const form = { clubId, date: tuesday, topic: "Чужая запись" };
    expect(await as(f.users.other, () => saveClubSessionAction(null, formData(form)))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    // The choir's leader leads the choir, not the robotics club.
    expect(await as(f.users.classTeacher, () => saveClubSessionAction(null, formData(form)))).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(await as(f.users.deputy, () => saveClubSessionAction(null, formData(form)))).toMatchObject({ ok: true });
  });
});
