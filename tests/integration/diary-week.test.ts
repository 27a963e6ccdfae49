// The diary week read (DRY-1, DRY-4; issue 10: one statement for the week's lessons and their
// relations) against PostgreSQL: subject, room, bell times, substitute, homework with files, the
// student's own marks with type and weight, attendance, and only the lessons of the student's stay.
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { diaryStudentsOf, diaryWeek, diaryWeekPage } from "@/lib/diary/data";
import { diaryDay } from "@/lib/diary/rules";
import { diarySeen, studentDiaryYears } from "@/lib/diary/marks/data";
import { diaryVisitNews, visitNewsAfter } from "@/lib/diary/marks/loaders";
import { announcementsFor } from "@/lib/messages/data";
import { studentHeader } from "@/lib/people/data";
import { shortName } from "@/lib/people/names";
import { eventsBetween } from "@/lib/schedule/view/data";
import { isoDate } from "@/lib/org/time";
import { studyDaysSetting } from "@/lib/org/data";
import { studyDaysOf } from "@/lib/schedule/week";
import { counted } from "../support/pg-queries";
import { addDiaryMarks, addUser, createJournalFixture, day, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
const monday = day("2026-11-16");

/** The page's part of DIARY_WEEK_PAGE (the week of `monday` read with it). */
const diaryPage = async (...args: [number, number, number, Parameters<typeof diaryWeekPage>[3]]) =>
  (await diaryWeekPage(...args, { five: monday, six: monday })).page;

beforeAll(async () => {
  f = await createJournalFixture({ students: 2 });
  const organisationId = f.organisationId;
  const schedule = await db.bellSchedule.create({ data: { organisationId, name: "Основное" } });
  await db.bell.create({
    data: { organisationId, scheduleId: schedule.id, number: 2, startTime: "09:00", endTime: "09:45" },
  });
  await db.classGroup.update({
    where: { organisationId_id: { organisationId, id: f.classId } },
    data: { bellScheduleId: schedule.id },
  });
  const room = await db.room.create({ data: { organisationId, name: "каб. 12" } });
  await db.user.update({
    where: { organisationId_id: { organisationId, id: f.users.substitute } },
    data: { firstName: "Анна", middleName: "Петровна" },
  });
  const mon = f.lesson("2026-11-16");
  await db.lesson.update({
    where: { organisationId_id: { organisationId, id: mon } },
    data: { roomId: room.id, topic: "Степень с целым показателем", substituteId: f.users.substitute },
  });
  await db.lesson.update({
    where: { organisationId_id: { organisationId, id: f.lesson("2026-11-17") } },
    data: { status: "CANCELLED" },
  });
  const hw = await db.homework.create({
    data: {
      organisationId,
      lessonId: mon,
      text: "№ 12, 14",
      dueDate: day("2026-11-18"),
      createdById: f.users.teacher,
      createdAt: new Date("2026-11-16T07:30:00.250Z"),
    },
  });
  await db.attachment.create({
    data: {
      organisationId,
      homeworkId: hw.id,
      fileName: "задачи.pdf",
      mimeType: "application/pdf",
      size: 2048,
      sha256: "x",
      storageKey: "k",
      uploadedById: f.users.teacher,
    },
  });
  const [s1, s2] = f.students;
  await addDiaryMarks(f, mon, s1, s2);
  await db.attendance.create({
    data: { organisationId, lessonId: mon, studentId: s1, code: "N", updatedById: f.users.teacher },
  });
});

describe("diary week (DRY-1, DRY-4)", () => {
  it("gives each lesson of the week with its relations, the student's own marks and attendance", async () => {
    const week = await diaryWeek(f.organisationId, f.students[0], monday);
    expect(week.lessons.map((l) => l.date.toISOString().slice(0, 10))).toEqual([
      "2026-11-16",
      "2026-11-17",
      "2026-11-18",
      "2026-11-19",
      "2026-11-20",
    ]);
    const [mon, tue, wed] = week.lessons;
    expect(mon).toMatchObject({
      bellNumber: 2,
      startTime: "09:00",
      endTime: "09:45",
      subjectName: "Алгебра",
      roomName: "каб. 12",
      topic: "Степень с целым показателем",
      cancelled: false,
      substituteName: "Заменяющий А. П.",
      attendance: { code: "N", missedHours: null },
    });
    expect(mon.homework).toEqual([
      {
        id: expect.any(Number),
        text: "№ 12, 14",
        dueDate: day("2026-11-18"),
        createdAt: new Date("2026-11-16T07:30:00.250Z"),
        files: [{ id: expect.any(Number), fileName: "задачи.pdf", size: 2048 }],
        // LRN-1: this homework asks for no hand-in.
        handin: null,
      },
    ]);
    expect(mon.marks.map((m) => [m.value, m.typeName, m.weight, m.isHospital, m.comment, m.kind])).toEqual([
      [5, "Ответ на уроке", 1.5, true, "устно", "GRADE"],
      [4, "Контрольная работа", 2, false, null, "GRADE"],
    ]);
    expect(mon.marks[0].at).toEqual(new Date("2026-11-16T10:00:00.000Z"));
    expect(tue).toMatchObject({
      cancelled: true,
      roomName: null,
      substituteName: null,
      homework: [],
      marks: [],
      attendance: null,
    });
    expect(wed.marks).toEqual([]);
  });

  it("shows another student only their own marks, and no lessons outside the student's stay in the class (PPL-3)", async () => {
    const other = await diaryWeek(f.organisationId, f.students[1], monday);
    expect(other.lessons[0].marks.map((m) => m.value)).toEqual([2]);
    expect(other.lessons[0].attendance).toBeNull();
    expect((await diaryWeek(f.organisationId, f.left, monday)).lessons).toEqual([]);
    const joined = await diaryWeek(f.organisationId, f.joined, day("2026-11-09"));
    expect(joined.lessons).toEqual([]);
    expect((await diaryWeek(f.organisationId, f.joined, monday)).lessons).toHaveLength(5);
  });
});

describe("a changed mark's history in the diary (DAY-10, JRN-7)", () => {
  it("shows was → is, when, the changer's role and the reason — no name — and a removal", async () => {
    const { writeMark } = await import("@/lib/journal/mutations");
    const lessonId = f.lesson("2026-11-19");
    const assignment = await db.assignment.create({
      data: { organisationId: f.organisationId, lessonId, typeId: f.types.answer },
    });
    const [s1, s2] = f.students;
    const base = {
      organisationId: f.organisationId,
      lessonId,
      assignmentId: assignment.id,
      typeId: null,
      comment: undefined,
    };
    const given = new Date("2026-11-19T07:00:00.000Z");
    const changed = new Date("2026-11-19T12:00:00.000Z");
    expect(
      (
        await writeMark({
          ...base,
          userId: f.users.teacher,
          studentId: s1,
          mark: { kind: "GRADE", value: 3, isHospital: false },
          expectedVersion: 0,
          reason: null,
          now: given,
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await writeMark({
          ...base,
          userId: f.users.deputy,
          studentId: s1,
          mark: { kind: "GRADE", value: 4, isHospital: false },
          expectedVersion: 1,
          reason: "ошибка при вводе",
          now: changed,
        })
      ).ok,
    ).toBe(true);
    // The other student's mark is given once and never changed: no history.
    await writeMark({
      ...base,
      userId: f.users.teacher,
      studentId: s2,
      mark: { kind: "GRADE", value: 5, isHospital: false },
      expectedVersion: 0,
      reason: null,
      now: given,
    });
    const week = await diaryWeek(f.organisationId, s1, monday);
    const history = week.lessons.find((l) => l.id === lessonId)?.markChanges;
    expect(history).toEqual([
      { at: given, was: null, is: "3", role: "учитель", reason: null },
      { at: changed, was: "3", is: "4", role: "заместитель директора", reason: "ошибка при вводе" },
    ]);
    expect(JSON.stringify(history)).not.toMatch(/Орлова/);
    expect((await diaryWeek(f.organisationId, s2, monday)).lessons.find((l) => l.id === lessonId)?.markChanges).toEqual(
      [],
    );
    // Removed: the history ends with «отметка удалена» (is: null).
    await writeMark({
      ...base,
      userId: f.users.teacher,
      studentId: s2,
      mark: null,
      expectedVersion: 1,
      reason: "не та работа",
      now: changed,
    });
    const removed = (await diaryWeek(f.organisationId, s2, monday)).lessons.find((l) => l.id === lessonId);
    expect(removed?.marks).toEqual([]);
    expect(removed?.markChanges.at(-1)).toMatchObject({ was: "5", is: null, role: "учитель", reason: "не та работа" });
  });
});

describe("homework due on a day of the week (DAY-4)", () => {
  it("lists the homework due within the week with its subject — also when it was set in an earlier week", async () => {
    const week = await diaryWeek(f.organisationId, f.students[0], monday);
    expect(week.due.map((h) => [h.text, h.dueDate.toISOString().slice(0, 10), h.files.length])).toEqual([
      ["№ 12, 14", "2026-11-18", 1],
    ]);
    expect(week.due[0].subjectName).toBeTruthy();
    // The week before sees nothing due; the homework was set on 16.11 for 18.11.
    expect((await diaryWeek(f.organisationId, f.students[0], day("2026-11-09"))).due).toEqual([]);
    await db.homework.create({
      data: {
        organisationId: f.organisationId,
        lessonId: f.lesson("2026-11-13"),
        text: "Выучить правило",
        dueDate: day("2026-11-16"),
        createdById: f.users.teacher,
      },
    });
    const next = await diaryWeek(f.organisationId, f.students[0], monday);
    expect(next.due.map((h) => h.text)).toEqual(["Выучить правило", "№ 12, 14"]);
  });
});

describe("events of the week (SCH-1, DRY-4)", () => {
  it("lists the school-wide events and the student's class's that meet the week, not another class's", async () => {
    const organisationId = f.organisationId;
    const at = (iso: string) => new Date(iso);
    const event = (title: string, startsAt: Date, extra: { endsAt?: Date; classId?: number; place?: string } = {}) =>
      db.schoolEvent.create({ data: { organisationId, title, startsAt, ...extra } });
    await event("Линейка", at("2026-11-16T05:00:00Z"), { place: "Актовый зал" });
    await event("Классный час", at("2026-11-18T10:00:00Z"), { classId: f.classId });
    await event("Экскурсия первого класса", at("2026-11-19T10:00:00Z"), { classId: f.firstClassId });
    await event("Неделя математики", at("2026-11-10T05:00:00Z"), { endsAt: at("2026-11-17T15:00:00Z") });
    await event("Прошлая неделя", at("2026-11-12T05:00:00Z"));
    await event("Следующий понедельник", at("2026-11-23T05:00:00Z"));
    const week = await diaryWeek(organisationId, f.students[0], monday);
    const expected = await eventsBetween(organisationId, monday, day("2026-11-23"), [f.classId]);
    expect(week.events.map((e) => e.title)).toEqual(["Неделя математики", "Линейка", "Классный час"]);
    expect(week.events).toEqual(
      expected.map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt, place: e.place, className: e.className })),
    );
    expect(week.events.find((e) => e.title === "Классный час")?.className).toBeTruthy();
  });
});

describe("statements (issue 22 item 5)", () => {
  it("reads the week — stays, lessons with everything shown of them, homework due, events, clubs — in ONE statement", async () => {
    const days = ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"].map(day);
    const { result, queries } = await counted(() =>
      diaryWeek(f.organisationId, f.students[0], monday, "учитель", days),
    );
    expect(result.lessons.length).toBe(5);
    expect(queries.length).toBe(1);
  });

  it("reads whose diaries a user switches between — a parent's children, the student self — in ONE statement", async () => {
    const organisationId = f.organisationId;
    const [s1, s2] = f.students;
    const named = await db.student.findMany({ where: { organisationId, id: { in: [s1, s2] } } });
    const nameOf = (id: number) => {
      const s = named.find((x) => x.id === id)!;
      return `${s.firstName} ${s.lastName}`;
    };
    const parentUser = await addUser(f, "parent-dw", "PARENT");
    const parent = await db.parent.create({
      data: { organisationId, userId: parentUser, lastName: "Родитель", firstName: "Тест" },
    });
    await db.parentLink.createMany({
      data: [s2, s1].map((studentId) => ({ organisationId, parentId: parent.id, studentId })),
    });
    const studentUser = await addUser(f, "student-dw", "STUDENT");
    await db.student.update({
      where: { organisationId_id: { organisationId, id: s1 } },
      data: { userId: studentUser },
    });
    const { result, queries } = await counted(() => diaryStudentsOf(organisationId, parentUser));
    expect(queries.length).toBe(1);
    expect(result).toEqual(
      [s1, s2]
        .map((studentId) => ({ studentId, name: nameOf(studentId) }))
        .sort((a, b) => a.name.localeCompare(b.name, "ru")),
    );
    expect(await diaryStudentsOf(organisationId, studentUser)).toEqual([{ studentId: s1, name: nameOf(s1) }]);
    expect(await diaryStudentsOf(organisationId, f.users.teacher)).toEqual([]);
  });

  it("reads the rest of the week page — header, class teacher, children, visit, years, announcements — in ONE statement with the week, equal to the separate reads", async () => {
    const organisationId = f.organisationId;
    const [s1] = f.students;
    const today = day("2026-11-18");
    const now = new Date("2026-11-18T09:00:00.000Z");
    const parentUser = await addUser(f, "parent-dp", "PARENT");
    const lastSeenAt = new Date("2026-11-17T18:00:00.125Z");
    const sinceAt = new Date("2026-11-16T18:00:00.250Z");
    const parent = await db.parent.create({
      data: { organisationId, userId: parentUser, lastName: "Родитель", firstName: "Тест" },
    });
    await db.parentLink.create({ data: { organisationId, parentId: parent.id, studentId: s1 } });
    await db.diarySeen.create({
      data: {
        organisationId,
        userId: parentUser,
        studentId: s1,
        lastSeenAt,
        sinceAt,
      },
    });
    const other = await db.classGroup.create({
      data: {
        organisationId,
        yearId: (await db.classGroup.findFirstOrThrow({ where: { id: f.classId } })).yearId,
        name: "11Я",
        grade: 11,
      },
    });
    const post = (title: string, extra: object, startsAt = new Date("2026-11-17T08:00:00.000Z")) =>
      db.announcement.create({
        data: { organisationId, authorId: f.users.teacher, title, body: `${title}: текст`, startsAt, ...extra },
      });
    await post("всем", { audience: "ALL" });
    await post("родителям", { audience: "ROLE", role: "PARENT" }, new Date("2026-11-17T09:00:00.000Z"));
    await post("учителям", { audience: "ROLE", role: "TEACHER" });
    await post("классу", { audience: "CLASS", classId: f.classId }, new Date("2026-11-16T08:00:00.000Z"));
    await post("другому классу", { audience: "CLASS", classId: other.id });
    await post("истекло", { audience: "ALL", expiresAt: new Date("2026-11-18T08:00:00.000Z") });
    await post("позже", { audience: "ALL" }, new Date("2026-11-18T10:00:00.000Z"));
    const reader = { roles: ["PARENT" as const], today, now, announcements: 5 };
    // DAY-4: the organisation's study week comes with the page (it was one more statement per request).
    await db.organisationSettings.update({ where: { organisationId }, data: { studyDays: 6 } });

    const { result, queries } = await counted(() => diaryPage(organisationId, parentUser, s1, reader));
    expect(queries.length).toBe(1);

    const header = await studentHeader(organisationId, s1, today);
    const teacher = await db.user.findFirstOrThrow({ where: { organisationId, id: f.users.classTeacher } });
    const classIds = (
      await db.classMembership.findMany({
        where: {
          organisationId,
          studentId: s1,
          startDate: { lte: today },
          OR: [{ endDate: null }, { endDate: { gte: today } }],
        },
      })
    ).map((m) => m.classId);
    expect(result).toEqual({
      student: { studentId: s1, fullName: header!.fullName, classId: header!.classId, className: header!.className },
      classTeacher: { userId: teacher.id, name: shortName(teacher) },
      students: await diaryStudentsOf(organisationId, parentUser),
      seen: await diarySeen(organisationId, parentUser, s1),
      news: { ...(await diaryVisitNews(organisationId, parentUser, s1, now)), since: lastSeenAt },
      years: await studentDiaryYears(organisationId, s1, today),
      announcements: await announcementsFor(organisationId, ["PARENT"], classIds, now, 5),
      studyDays: studyDaysOf(await studyDaysSetting(organisationId)),
    });
    expect(result.studyDays).toBe(6);
    await db.organisationSettings.update({ where: { organisationId }, data: { studyDays: 5 } });
    expect((await diaryPage(organisationId, parentUser, s1, reader)).studyDays).toBe(5);
    expect(result.announcements.map((a) => a.title)).toEqual(["родителям", "всем", "классу"]);
    expect(result.years.years.length).toBeGreaterThan(0);
    expect(result.years.periodId).not.toBeNull();

    // DRY-7: the visit's news come with the statement — after the last view when it was VISIT_GAP ago,
    // else since the visit's start — equal to diaryVisitNews, and no further statement reads them.
    expect(result.news!.marks + result.news!.homework).toBeGreaterThan(0);
    const soon = new Date(lastSeenAt.getTime() + 10 * 60_000);
    const within = await diaryPage(organisationId, parentUser, s1, { ...reader, now: soon });
    expect(within.news!.since).toEqual(sinceAt);
    const { result: news, queries: more } = await counted(() =>
      visitNewsAfter(organisationId, parentUser, s1, within.seen, soon, within.news),
    );
    expect(more).toHaveLength(0);
    expect(news).toEqual(await diaryVisitNews(organisationId, parentUser, s1, soon));

    // No such student (another organisation's id): no header; nobody's visit.
    const none = await diaryPage(organisationId, f.users.teacher, 2_000_000_000, reader);
    expect(none).toMatchObject({ student: null, classTeacher: null, students: [], seen: null, news: null });
  });
});

describe("the week page's reads (issue 22 item 5)", () => {
  it("reads the page with the study week and the week — ONE statement, also on a Saturday of a six-day school", async () => {
    const { loadDiaryWeekPage } = await import("@/lib/diary/loaders");
    const organisationId = f.organisationId;
    const [s1] = f.students;
    const parentUser = await addUser(f, "parent-wp", "PARENT");
    const user = {
      id: parentUser,
      organisationId,
      login: "parent-wp",
      fullName: "Родитель",
      shortName: "Родитель",
      roles: ["PARENT" as const],
      mustChangePassword: false,
      sessionId: "s",
      orgKind: "SCHOOL" as const,
      orgName: "Школа",
      timeZone: "Europe/Moscow",
    };
    const wednesday = new Date("2026-11-18T09:00:00.000Z");
    const { result, queries } = await counted(() => loadDiaryWeekPage(user, s1, {}, wednesday));
    expect(queries).toHaveLength(1);
    expect(result.studyDays).toBe(5);
    expect(isoDate(result.shown.day)).toBe("2026-11-18");
    expect(result.week.lessons.map((l) => isoDate(l.date))).toEqual(
      (await diaryWeek(organisationId, s1, monday)).lessons.map((l) => isoDate(l.date)),
    );
    // A Saturday with no day chosen: the study week decides the week — a six-day school shows this one.
    const saturday = new Date("2026-11-21T09:00:00.000Z");
    await db.organisationSettings.update({ where: { organisationId }, data: { studyDays: 6 } });
    const six = await counted(() => loadDiaryWeekPage(user, s1, {}, saturday));
    expect(six.queries).toHaveLength(1);
    expect([six.result.studyDays, isoDate(six.result.shown.monday), isoDate(six.result.shown.day)]).toEqual([
      6,
      "2026-11-16",
      "2026-11-21",
    ]);
    await db.organisationSettings.update({ where: { organisationId }, data: { studyDays: 5 } });
    const five = await loadDiaryWeekPage(user, s1, {}, saturday);
    expect([isoDate(five.shown.monday), isoDate(five.shown.day)]).toEqual(["2026-11-23", "2026-11-23"]);
    expect(five.week.lessons.every((l) => isoDate(l.date) >= "2026-11-23")).toBe(true);
  });

  it("reads the week diaryDay shows — the statement's Monday is the rule's on every day of a five- and a six-day week (DAY-4)", async () => {
    const organisationId = f.organisationId;
    const [s1] = f.students;
    const asked = [{}, { view: "week" }, { day: "2026-11-21" }, { week: "2026-11-21" }, { week: "2026-11-09" }];
    const reader = { roles: ["PARENT" as const], announcements: 5 };
    try {
      for (const studyDays of [5, 6] as const) {
        await db.organisationSettings.update({ where: { organisationId }, data: { studyDays } });
        for (let i = 0; i < 7; i++) {
          const today = new Date(monday.getTime() + i * 86_400_000);
          for (const params of asked) {
            const mondays = { five: diaryDay(params, today, 5).monday, six: diaryDay(params, today, 6).monday };
            const r = await diaryWeekPage(
              organisationId,
              f.users.teacher,
              s1,
              { ...reader, today, now: today },
              mondays,
            );
            const rule = diaryDay(params, today, studyDays).monday;
            expect([i, params, r.page.studyDays, isoDate(r.monday)]).toEqual([i, params, studyDays, isoDate(rule)]);
            // The week read is that Monday's (the week the page shows): its lessons, homework due and events.
            const alone = await diaryWeek(organisationId, s1, rule);
            expect([r.week.lessons, r.week.due, r.week.events]).toEqual([alone.lessons, alone.due, alone.events]);
          }
        }
      }
      // The two rules differ somewhere (a Saturday without a chosen day), so the test tells them apart.
      expect(diaryDay({}, day("2026-11-21"), 5).monday).not.toEqual(diaryDay({}, day("2026-11-21"), 6).monday);
    } finally {
      await db.organisationSettings.update({ where: { organisationId }, data: { studyDays: 5 } });
    }
  });

  it("reads the club sessions of the study days of the week shown (PRG-2) — a six-day week's Saturday, a five-day week's Monday…Friday, the next week on a Saturday", async () => {
    const organisationId = f.organisationId;
    const [s1] = f.students;
    const { yearId } = await db.classGroup.findFirstOrThrow({ where: { organisationId, id: f.classId } });
    const club = await db.club.create({ data: { organisationId, yearId, name: "Хор", leaderId: f.users.teacher } });
    await db.clubMember.create({ data: { organisationId, clubId: club.id, studentId: s1 } });
    await db.clubSlot.createMany({
      data: [3, 6].map((weekday) => ({
        organisationId,
        clubId: club.id,
        weekday,
        startMinute: 900,
        endMinute: 945,
        validFrom: day("2026-09-01"),
        validTo: day("2027-05-31"),
      })),
    });
    await db.clubSession.create({
      data: {
        organisationId,
        clubId: club.id,
        date: day("2026-11-21"),
        topic: "Распевка",
        updatedById: f.users.teacher,
      },
    });
    const studyDates = (from: Date, n: number) =>
      Array.from({ length: n }, (_, i) => new Date(from.getTime() + i * 86_400_000));
    const saturday = day("2026-11-21");
    const reader = { roles: ["PARENT" as const], announcements: 5, today: saturday, now: saturday };
    try {
      const seen: string[][] = [];
      for (const [studyDays, mondays] of [
        [5, { five: monday, six: monday }],
        [6, { five: monday, six: monday }],
        [5, { five: day("2026-11-23"), six: monday }],
      ] as const) {
        await db.organisationSettings.update({ where: { organisationId }, data: { studyDays } });
        const r = await diaryWeekPage(organisationId, f.users.teacher, s1, reader, mondays);
        const expected = (await diaryWeek(organisationId, s1, r.monday, "учитель", studyDates(r.monday, studyDays)))
          .clubs;
        expect(r.week.clubs).toEqual(expected);
        seen.push(r.week.clubs.map((c) => `${isoDate(c.date)} ${c.topic ?? ""}`.trim()));
      }
      expect(seen).toEqual([["2026-11-18"], ["2026-11-18", "2026-11-21 Распевка"], ["2026-11-25"]]);
    } finally {
      await db.club.delete({ where: { organisationId_id: { organisationId, id: club.id } } });
      await db.organisationSettings.update({ where: { organisationId }, data: { studyDays: 5 } });
    }
  });
});

/** The rendered week as a reader meets it: per day, the text (tags as spaces, whitespace collapsed) and every title, link and mark. */
function weekTexts(html: string): { day: string; text: string; attrs: string[] }[] {
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return html
    .split(/(?=<section )/)
    .slice(1)
    .map((section) => {
      const attrs = [
        ...section.matchAll(/ (title|href|aria-label|aria-current|data-[a-z-]+|target|rel)="([^"]*)"/g),
      ].map((m) => `${m[1]}=${decode(m[2])}`);
      const text = decode(section.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " "))
        .replace(/\s+/g, " ")
        .trim();
      return { day: /data-day="([^"]+)"/.exec(section)![1], text, attrs };
    });
}

describe("the rendered week (issue 22 item 5: the week as compact data to one client component)", () => {
  it("shows every text, title and link of the week as before — lessons, marks, attendance, history, homework, due, events, materials, hand-ins", async () => {
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { WeekView } = await import("@/components/diary/week-view");
    const { packWeek } = await import("@/components/diary/week-pack");
    const [s1] = f.students;
    const week = await diaryWeek(f.organisationId, s1, monday, "учитель", []);
    // LRN-1, LRN-2 (their reads are tested in the learning suites): a material of each kind and a hand-in.
    const thu = week.lessons.find((l) => isoDate(l.date) === "2026-11-19")!;
    thu.materials = [
      { id: 7001, title: "Презентация", kind: "FILE", url: null },
      { id: 7002, title: "Видео", kind: "LINK", url: "https://example.org/v" },
    ];
    thu.homework = [
      {
        id: 7101,
        text: "Сочинение\nпо плану",
        dueDate: day("2026-11-23"),
        createdAt: new Date("2026-11-19T12:00:00.000Z"),
        files: [],
        handin: { dueAt: new Date("2026-11-23T18:00:00.000Z"), status: null, isLate: false, comment: null },
      },
      {
        id: 7102,
        text: "Конспект",
        dueDate: null,
        createdAt: new Date("2026-11-15T12:00:00.000Z"),
        files: [],
        handin: { dueAt: null, status: "RETURNED", isLate: true, comment: "Переписать вывод" },
      },
    ];
    const props = {
      monday,
      lessons: week.lessons,
      events: week.events,
      due: week.due,
      timeZone: "Europe/Moscow",
      since: new Date("2026-11-16T08:00:00.000Z"),
      studentId: s1,
      studyDays: 5 as const,
      now: new Date("2026-11-25T09:00:00.000Z"),
    };
    const whole = weekTexts(
      renderToStaticMarkup(createElement(WeekView, { ...props, selected: day("2026-11-18"), wholeWeek: true })),
    );
    const lessonOn = (iso: string) => week.lessons.find((l) => isoDate(l.date) === iso)!.id;
    // The texts, titles and links the server tree of round 11 rendered for this week (captured from it
    // before the week became one client component; the markup itself was equal, React's text separators aside).
    expect(whole).toEqual([
      {
        day: "2026-11-16",
        text: "понедельник, 16.11.2026 08:00 · Линейка · Актовый зал 2 09:00 Алгебра каб. 12 замена: Заменяющий А. П. Н 5 ответ ×1,5 4 контрольная ×2 Задано к уроку: Выучить правило Степень с целым показателем Д/з к 18.11.2026: № 12, 14 (задачи.pdf)",
        attrs: [
          "aria-label=понедельник, 16.11.2026",
          "data-day=2026-11-16",
          `data-lesson=${lessonOn("2026-11-16")}`,
          "title=Отсутствовал (причина не указана)",
          "title=Ответ на уроке, вес 1,5, получена в больнице — устно",
          "data-tone=excellent",
          "data-new=true",
          "title=Контрольная работа, вес 2",
          "data-tone=good",
          "data-new=true",
          "data-testid=homework-due",
        ],
      },
      {
        day: "2026-11-17",
        text: "вторник, 17.11.2026 2 09:00 Алгебра отменён",
        attrs: ["aria-label=вторник, 17.11.2026", "data-day=2026-11-17", `data-lesson=${lessonOn("2026-11-17")}`],
      },
      {
        day: "2026-11-18",
        text: "среда, 18.11.2026 13:00 · Классный час 2 09:00 Алгебра Задано к уроку: № 12, 14 (задачи.pdf)",
        attrs: [
          "aria-label=среда, 18.11.2026",
          "aria-current=date",
          "data-day=2026-11-18",
          `data-lesson=${lessonOn("2026-11-18")}`,
          "data-testid=homework-due",
        ],
      },
      {
        day: "2026-11-19",
        text: "четверг, 19.11.2026 2 09:00 Алгебра 4 ответ ×1 Отметка изменена — история 19.11.2026 10:00 · учитель: нет отметки → «3» 19.11.2026 15:00 · заместитель директора: «3» → «4» — ошибка при вводе Д/з к 23.11.2026: Сочинение по плану не сдано Сдать работу Д/з: Конспект на доработке Моя работа Комментарий учителя: Переписать вывод Материалы: Презентация Видео",
        attrs: [
          "aria-label=четверг, 19.11.2026",
          "data-day=2026-11-19",
          `data-lesson=${lessonOn("2026-11-19")}`,
          "title=Ответ на уроке, вес 1",
          "data-tone=good",
          "data-new=true",
          "data-testid=mark-history",
          "data-new=true",
          "data-state=missing",
          `href=/diary/${s1}/handin/7101`,
          "data-soft-nav=", // round 19: a page's link carries the soft navigation's mark (components/ui/link.tsx)
          "data-state=returned",
          `href=/diary/${s1}/handin/7102`,
          "data-soft-nav=",
          "href=/api/materials/7001", // a file: never marked, the browser's
          "href=https://example.org/v",
          "target=_blank",
          "rel=noreferrer",
        ],
      },
      {
        day: "2026-11-20",
        text: "пятница, 20.11.2026 2 09:00 Алгебра",
        attrs: ["aria-label=пятница, 20.11.2026", "data-day=2026-11-20", `data-lesson=${lessonOn("2026-11-20")}`],
      },
    ]);
    // LRN-1: the hand-in's state at the request's moment — before its deadline it is awaited.
    const early = renderToStaticMarkup(
      createElement(WeekView, { ...props, now: new Date("2026-11-20T09:00:00.000Z") }),
    );
    expect(early).toContain('data-state="waiting"');
    expect(early).not.toContain('data-state="missing"');

    // DAY-4 on a phone: the selected day only; the others wait for a wide screen.
    const phone = renderToStaticMarkup(
      createElement(WeekView, { ...props, selected: day("2026-11-18"), wholeWeek: false }),
    );
    expect(weekTexts(phone)).toEqual(whole);
    const hidden = [...phone.matchAll(/<section [^>]*data-day="([^"]+)"[^>]*class="([^"]*)"/g)]
      .filter((m) => m[2].split(" ").includes("hidden"))
      .map((m) => m[1]);
    expect(hidden).toEqual(["2026-11-16", "2026-11-17", "2026-11-19", "2026-11-20"]);

    // The markup's class names (issue 22 item 5, round 14): one short class per repeated element of a
    // lesson row (components/diary/week-board.css) — its utility classes were ≈ 250 characters a row.
    const rows = [...phone.matchAll(/<li data-lesson="\d+"[\s\S]*?(?=<li data-lesson|<\/ul>)/g)].map((m) => m[0]);
    const classChars = rows.map((r) => [...r.matchAll(/ class="([^"]*)"/g)].reduce((n, m) => n + m[1].length, 0));
    expect(rows).toHaveLength(week.lessons.length);
    // 1,636 characters over this week's five rows (2,700 with the utility classes; the kit's mark badges
    // and hand-in buttons keep theirs): a bound, not a figure.
    // Round 21 (issue 22 item 5): the lesson, its row, bell, start and subject styled by their place, the
    // words before a homework's text its first child and the text no element of its own, no marks element
    // on a lesson without marks, a mark chip one class (app/globals.css `.mk`). Pinned exactly: the
    // bench parent's week is made of such rows. These five rows: 1,636 → 1,007 class characters, 76 → 68
    // elements (the five homework texts' and the three empty marks' elements).
    expect(classChars.reduce((a, b) => a + b, 0)).toBeLessThan(1100);
    expect(rows.join("").match(/<[a-z]/g)).toHaveLength(68);
    expect(phone).not.toMatch(/\bdw-(lesson|row|bell|time|pre|text|mark-note)\b/);
    expect(phone).not.toContain('class="font-medium');
    expect(phone).not.toContain("inline-flex items-baseline");

    // What the RSC payload carries for the week: the client component's one prop, data only — no
    // class names, no element tree (round 11: ≈ 900 bytes of flight per lesson, 20 KB of class names
    // on the demo week). A bound, not a figure: 5 lessons with marks, history, homework, hand-ins.
    const element = WeekView({ ...props, selected: day("2026-11-18"), wholeWeek: true });
    // Round 15: the one prop is the packed week as ONE JSON string (a raw text row in the flight, not
    // ≈ 2,000 values for React's serialiser and the flight readers to walk) — exactly packWeek's data.
    const flight = element.props.week;
    expect(typeof flight).toBe("string");
    expect(JSON.parse(flight)).toStrictEqual(packWeek({ ...props, selected: day("2026-11-18"), wholeWeek: true }));
    expect(flight).not.toMatch(/\b(text|bg|border|rounded|ml|px|py)-[a-z0-9]/);
    // Round 22: no constant words («Задано к уроку: », «Д/з к ») and no trailing empty items in the packed
    // lessons (week-pack.ts trimTail) — this week's row 1,424 → 1,285 characters (the texts above unchanged).
    expect(flight.length).toBeLessThan(1300);
  });
});
