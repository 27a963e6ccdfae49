// DAY-2: the parent's and the student's home gives their day — today's and the next school day's
// lessons (a cancelled one and a substitute as the diary marks them), the homework due on those days,
// the new marks (DRY-7's visit rule; without a visit the last two school days), the absences of today
// and yesterday with their reason, the unread mail — on a weekday, a Friday, a Saturday, a Sunday and a
// holiday (the fixture's lessons run every weekday 05.11–27.11.2026; «now» is noon in Samara). A parent
// switches between their two children; another family's child is never shown (ACL-5). The day is read
// in three statements (four when the next school day is in the next week).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { familyDay, type FamilyDay } from "@/lib/home/family/data";
import { loadFamilyHome } from "@/lib/home/loaders";
import { counted } from "../support/pg-queries";
import { addAssignment, addUser, createJournalFixture, currentUser, day, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
let parentUser: number;
let otherParentUser: number;
let childA: number;
let childB: number;
let stranger: number;

/** Noon in Samara (UTC+4) of a date. */
const noonOf = (iso: string) => new Date(`${iso}T08:00:00.000Z`);

async function dayOf(studentId: number, iso: string, userId = parentUser): Promise<FamilyDay> {
  return familyDay(f.organisationId, userId, studentId, day(iso), noonOf(iso), "учитель");
}

async function mark(studentId: number, iso: string, value: number, updatedAt: Date): Promise<number> {
  const assignmentId = await addAssignment(f, f.lesson(iso));
  const m = await db.mark.create({
    data: {
      organisationId: f.organisationId,
      lessonId: f.lesson(iso),
      assignmentId,
      studentId,
      value,
      createdById: f.users.teacher,
      updatedById: f.users.teacher,
    },
  });
  await db.$executeRaw`UPDATE "Mark" SET "updatedAt" = ${updatedAt} WHERE "organisationId" = ${f.organisationId} AND id = ${m.id}`;
  return m.id;
}

async function homework(setOn: string, due: string, text: string) {
  await db.homework.create({
    data: {
      organisationId: f.organisationId,
      lessonId: f.lesson(setOn),
      text,
      dueDate: day(due),
      createdById: f.users.teacher,
    },
  });
}

async function parentOf(login: string, children: number[]): Promise<number> {
  const userId = await addUser(f, login, "PARENT");
  const parent = await db.parent.create({
    data: { organisationId: f.organisationId, userId, lastName: "Родитель", firstName: login },
  });
  await db.parentLink.createMany({
    data: children.map((studentId) => ({ organisationId: f.organisationId, parentId: parent.id, studentId })),
  });
  return userId;
}

beforeAll(async () => {
  f = await createJournalFixture({ students: 3 });
  [childA, childB, stranger] = f.students;
  parentUser = await parentOf("roditel", [childB, childA]);
  otherParentUser = await parentOf("chuzhoi", [stranger]);
  const organisationId = f.organisationId;
  // Thursday 19.11: a substitute gives the lesson; Friday 20.11's is cancelled.
  await db.lesson.update({
    where: { organisationId_id: { organisationId, id: f.lesson("2026-11-19") } },
    data: { substituteId: f.users.substitute },
  });
  await db.lesson.update({
    where: { organisationId_id: { organisationId, id: f.lesson("2026-11-20") } },
    data: { status: "CANCELLED" },
  });
  // A holiday on Wednesday 25.11: no lessons that day.
  await db.holiday.create({
    data: {
      organisationId,
      yearId: f.yearId,
      name: "Праздник",
      startDate: day("2026-11-25"),
      endDate: day("2026-11-25"),
    },
  });
  await db.lesson.delete({ where: { organisationId_id: { organisationId, id: f.lesson("2026-11-25") } } });
  await homework("2026-11-17", "2026-11-19", "№ 101 к четвергу");
  await homework("2026-11-18", "2026-11-20", "№ 202 к пятнице");
  await homework("2026-11-18", "2026-11-23", "№ 303 к понедельнику");
  // Absences: Wednesday 18.11 ill (a reason), Thursday 19.11 without a reason, Tuesday 17.11 too long ago.
  const absent = { "2026-11-17": "NP", "2026-11-18": "B", "2026-11-19": "N" } as const;
  await db.attendance.createMany({
    data: Object.entries(absent).map(([iso, code]) => ({
      organisationId,
      lessonId: f.lesson(iso),
      studentId: childA,
      code,
      updatedById: f.users.teacher,
    })),
  });
  // The stranger's absence the same day: never on this family's home.
  await db.attendance.create({
    data: {
      organisationId,
      lessonId: f.lesson("2026-11-19"),
      studentId: stranger,
      code: "N",
      updatedById: f.users.teacher,
    },
  });
  const msg = await db.message.create({
    data: { organisationId, senderId: f.users.classTeacher, subject: "Собрание", body: "В пятницу" },
  });
  for (const userId of [parentUser, otherParentUser])
    await db.messageRecipient.create({ data: { organisationId, messageId: msg.id, userId } });
});

afterAll(() => vi.useRealTimers());

describe("the family's day on the home (DAY-2)", () => {
  it("a weekday: today's lessons with the substitute, tomorrow's cancelled one, the homework due on both days, absences with their reason, unread mail — three statements", async () => {
    const { result: d, queries } = await counted(() => dayOf(childA, "2026-11-19"));
    expect(queries.length).toBe(3);
    expect(d.lessons.map((l) => [l.id, l.substituteName !== null, l.cancelled])).toEqual([
      [f.lesson("2026-11-19"), true, false],
    ]);
    expect(d.next?.date).toEqual(day("2026-11-20"));
    expect(d.next!.lessons.map((l) => [l.id, l.cancelled])).toEqual([[f.lesson("2026-11-20"), true]]);
    expect(d.due.today.map((h) => h.text)).toEqual(["№ 101 к четвергу"]);
    expect(d.due.next.map((h) => h.text)).toEqual(["№ 202 к пятнице"]);
    expect(d.absences.map((a) => [a.date, a.label, a.reason])).toEqual([
      [day("2026-11-18"), "Б", "Отсутствовал по болезни"],
      [day("2026-11-19"), "Н", "Отсутствовал (причина не указана)"],
    ]);
    expect(d.unread).toBe(1);
  });

  it("a Friday: the next school day is Monday, read from the next week (four statements)", async () => {
    const { result: d, queries } = await counted(() => dayOf(childA, "2026-11-20"));
    expect(queries.length).toBe(4);
    expect(d.lessons.map((l) => l.cancelled)).toEqual([true]);
    expect(d.next?.date).toEqual(day("2026-11-23"));
    expect(d.next!.lessons.map((l) => l.id)).toEqual([f.lesson("2026-11-23")]);
    expect(d.due.next.map((h) => h.text)).toEqual(["№ 303 к понедельнику"]);
  });

  it("a Saturday and a Sunday: no lessons today, the next school day is Monday", async () => {
    for (const iso of ["2026-11-21", "2026-11-22"]) {
      const d = await dayOf(childA, iso);
      expect(d.lessons).toEqual([]);
      expect(d.due.today).toEqual([]);
      expect(d.next?.date).toEqual(day("2026-11-23"));
      expect(d.next!.lessons.map((l) => l.id)).toEqual([f.lesson("2026-11-23")]);
    }
    // the Saturday's yesterday is Friday: no absence of the child then
    expect((await dayOf(childA, "2026-11-21")).absences).toEqual([]);
  });

  it("a holiday: no lessons today, the next school day is the day after", async () => {
    const d = await dayOf(childA, "2026-11-25");
    expect(d.lessons).toEqual([]);
    expect(d.next?.date).toEqual(day("2026-11-26"));
    // the last lesson of the fixture is 27.11: after it nothing within the window
    expect((await dayOf(childA, "2026-11-27")).next).toBeNull();
  });

  it("new marks: without a diary visit, those of the last two school days; after a visit, those changed since it (DRY-7)", async () => {
    const fresh = await mark(childB, "2026-11-19", 5, new Date("2026-11-19T07:00:00.000Z"));
    const older = await mark(childB, "2026-11-16", 3, new Date("2026-11-19T06:00:00.000Z"));
    const before = await mark(childB, "2026-11-18", 2, new Date("2026-11-18T07:00:00.000Z"));
    // no visit yet: the marks of the lessons of Wednesday and Thursday
    const first = await dayOf(childB, "2026-11-19");
    expect(first.marks.since).toBeNull();
    expect(first.marks.from).toEqual(day("2026-11-18"));
    expect(first.marks.list.map((m) => [m.id, m.label])).toEqual([
      [fresh, "5"],
      [before, "2"],
    ]);
    // visited the diary on Thursday at 10:00 Samara (06:30 UTC): since then the 5 only — the 3 of Monday's
    // lesson changed before the visit, the 2 the day before
    await db.diarySeen.create({
      data: {
        organisationId: f.organisationId,
        userId: parentUser,
        studentId: childB,
        lastSeenAt: new Date("2026-11-19T06:30:00.000Z"),
        sinceAt: new Date("2026-11-19T06:30:00.000Z"),
      },
    });
    const after = await dayOf(childB, "2026-11-19");
    expect(after.marks.since).toEqual(new Date("2026-11-19T06:30:00.000Z"));
    expect(after.marks.list.map((m) => m.id)).toEqual([fresh]);
    expect(after.marks.total).toBe(1);
    expect(after.marks.list.map((m) => m.id)).not.toContain(older);
    // the visit is another user's record: the child's own day still has no visit
    expect((await dayOf(childB, "2026-11-19", childB)).marks.since).toBeNull();
  });

  it("the parent switches between their two children; another family's child is never shown (ACL-5)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(noonOf("2026-11-19"));
    const parent = currentUser(f, parentUser, ["PARENT"]);
    const home = await loadFamilyHome(parent, childB);
    expect(home?.students.map((s) => s.studentId).sort()).toEqual([childA, childB].sort());
    expect(home?.day.studentId).toBe(childB);
    // the stranger's id asked for: the parent's first child instead, never the stranger's day
    const asked = await loadFamilyHome(currentUser(f, parentUser, ["PARENT"]), stranger);
    expect(asked?.day.studentId).toBe(home!.students[0].studentId);
    expect(asked?.students.some((s) => s.studentId === stranger)).toBe(false);
    const ofA = await loadFamilyHome(currentUser(f, parentUser, ["PARENT"]), childA);
    expect(ofA?.day.absences.map((a) => a.label)).toEqual(["Б", "Н"]);
    // the other family sees only their own child
    const other = await loadFamilyHome(currentUser(f, otherParentUser, ["PARENT"]), childA);
    expect(other?.students.map((s) => s.studentId)).toEqual([stranger]);
    expect(other?.day.studentId).toBe(stranger);
    // a teacher has no family day
    expect(await loadFamilyHome(currentUser(f, f.users.teacher, ["TEACHER"]), childA)).toBeNull();
    vi.useRealTimers();
  });
});
