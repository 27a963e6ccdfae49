// The diary week read (DRY-1, DRY-4; issue 10: one statement for the week's lessons and their
// relations) against PostgreSQL: subject, room, bell times, substitute, homework with files, the
// student's own marks with type and weight, attendance, and only the lessons of the student's stay.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { diaryWeek } from "@/lib/diary/data";
import { createJournalFixture, day, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
const monday = day("2026-11-16");

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
  const answer = await db.assignment.create({
    data: { organisationId, lessonId: mon, typeId: f.types.answer, weight: 1.5 },
  });
  const test = await db.assignment.create({ data: { organisationId, lessonId: mon, typeId: f.types.test } });
  const [s1, s2] = f.students;
  const mark = (
    assignmentId: number,
    studentId: number,
    value: number,
    extra: { isHospital?: boolean; comment?: string } = {},
  ) =>
    db.mark.create({
      data: {
        organisationId,
        lessonId: mon,
        assignmentId,
        studentId,
        value,
        ...extra,
        createdById: f.users.teacher,
        updatedById: f.users.teacher,
        updatedAt: new Date("2026-11-16T10:00:00.000Z"),
      },
    });
  await mark(answer.id, s1, 5, { isHospital: true, comment: "устно" });
  await mark(test.id, s1, 4);
  await mark(answer.id, s2, 2);
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
    // DAY-1: the homework due on Wednesday shows at Wednesday's lesson of the stream, not elsewhere
    expect(wed.due).toEqual([{ id: mon.homework[0].id, text: "№ 12, 14" }]);
    expect(mon.due).toEqual([]);
    expect(tue.due).toEqual([]);
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
