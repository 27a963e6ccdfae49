// DRY-1, DRY-4, DAY-10, LRN-1, LRN-2: the week's lessons as DIARY_WEEK and DIARY_WEEK_PAGE read them (lib/diary/data.ts
// weekLessonsSql) equal the rule read plainly through Prisma — every lesson of the student's classes (the stays that
// meet the week) of no subgroup or one of the student's, with its subject, room, substitute, bell, homework (files,
// hand-in, the student's own submission), materials (the lesson's and its КТП topic's, once each, by title and id),
// the student's own marks with type and weight, attendance and the history of those marks with the changer's roles.
// Round 20 (issue 22 item 5) tried reading each table once for all the week's lessons instead of ≈ 9 subqueries per
// lesson (equal rows, no PostgreSQL CPU gain measured: bench/notes.md, diaryF20): this test pins the rows field by field,
// so that any such reshaping of the statement cannot change what the page shows. The fixture sets every field the
// bench school leaves empty (files, materials, submissions, the marks' history).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DIARY_WEEK, DIARY_WEEK_PAGE } from "@/lib/diary/data";
import { jsonArray } from "@/lib/sql";
import { addDays, isoDate } from "@/lib/org/time";
import { addBells, addDiaryMarks, addLesson, createJournalFixture, day, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
const monday = day("2026-11-16");

type Row = unknown[];
type Obj = Record<string, unknown>;
/** LessonJson's places of the fields this test looks into. */
const AT = { date: 2, materials: 13, marks: 14, markChanges: 16 } as const;

/** The rule, read plainly: the week's lessons of `studentId` as the statement's json rows, by date, bell, id. */
async function expectedLessons(studentId: number, from: Date): Promise<Row[]> {
  const organisationId = f.organisationId;
  const to = addDays(from, 6);
  const [stays, groups] = await Promise.all([
    db.classMembership.findMany({ where: { organisationId, studentId } }),
    db.subgroupMember.findMany({ where: { organisationId, studentId } }),
  ]);
  const classes = stays
    .filter((s) => s.startDate <= to && (s.endDate === null || s.endDate >= from))
    .map((s) => s.classId);
  const mine = groups.map((g) => g.subgroupId);
  const lessons = await db.lesson.findMany({
    where: {
      organisationId,
      classId: { in: classes },
      date: { gte: from, lte: to },
      OR: [{ subgroupId: null }, { subgroupId: { in: mine } }],
    },
    include: {
      subject: true,
      room: true,
      substitute: true,
      class: true,
      homework: {
        orderBy: { id: "asc" },
        include: { files: { orderBy: { id: "asc" } }, submissions: { where: { studentId } } },
      },
      materials: { include: { material: true } },
      planTopic: { include: { materials: { include: { material: true } } } },
      marks: { where: { studentId }, orderBy: { id: "asc" }, include: { assignment: { include: { type: true } } } },
      attendance: { where: { studentId } },
    },
    orderBy: [{ date: "asc" }, { bellNumber: "asc" }, { id: "asc" }],
  });
  const iso = (d: Date | null) => (d === null ? null : d.toISOString());
  const out: Row[] = [];
  for (const l of lessons) {
    const bell = l.class.bellScheduleId
      ? await db.bell.findUnique({
          where: {
            organisationId_scheduleId_number: {
              organisationId,
              scheduleId: l.class.bellScheduleId,
              number: l.bellNumber,
            },
          },
        })
      : null;
    const changes = await db.journalChange.findMany({
      where: { organisationId, lessonId: l.id, entity: "MARK", studentId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    const roles = await db.userRole.findMany({
      where: { organisationId, userId: { in: changes.map((c) => c.userId) } },
    });
    const materials = new Map(
      [...l.materials, ...(l.planTopic?.materials ?? [])].map(({ material: m }) => [
        m.id,
        { id: m.id, title: m.title, kind: m.kind, url: m.url },
      ]),
    );
    const att = l.attendance[0];
    // LessonJson's order (lib/diary/data.ts): the statement hands each lesson, homework, file, submission and
    // mark over as an array.
    out.push([
      l.id,
      l.classId,
      isoDate(l.date),
      l.bellNumber,
      l.topic,
      l.status,
      l.teacherId,
      l.substituteId,
      l.subject.name,
      l.room?.name ?? null,
      l.substitute ? [l.substitute.lastName, l.substitute.firstName, l.substitute.middleName] : null,
      bell ? [bell.startTime, bell.endTime] : null,
      l.homework.length
        ? l.homework.map((h) => [
            h.id,
            h.text,
            h.dueDate ? isoDate(h.dueDate) : null,
            iso(h.createdAt),
            h.files.length ? h.files.map((x) => [x.id, x.fileName, x.size]) : null,
            h.handin,
            iso(h.handinDueAt),
            h.submissions[0]
              ? [h.submissions[0].status, h.submissions[0].isLate, h.submissions[0].reviewComment]
              : null,
          ])
        : null,
      materials.size
        ? [...materials.values()].sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id - b.id))
        : null,
      l.marks.length
        ? l.marks.map((m) => [
            m.id,
            m.kind,
            m.value,
            m.isHospital,
            m.comment,
            m.assignment.type.name,
            Number(m.assignment.weight ?? m.assignment.type.weight),
            iso(m.updatedAt),
          ])
        : null,
      att ? [att.code, att.missedHours === null ? null : Number(att.missedHours)] : null,
      changes.length
        ? changes.map((c) => {
            const own = roles.filter((r) => r.userId === c.userId).map((r) => String(r.role));
            return {
              entityKey: c.entityKey,
              at: iso(c.at),
              oldValue: c.oldValue,
              newValue: c.newValue,
              reason: c.reason,
              userId: c.userId,
              roles: own.length ? own.sort() : null,
            };
          })
        : null,
    ]);
  }
  return out;
}

/** The statement's lessons as plain values (weights as numbers, roles in one order). */
function normalised(lessons: unknown): Row[] {
  return jsonArray<Row>(lessons).map((l) =>
    l.map((v, i) =>
      v === null
        ? null
        : i === AT.marks
          ? jsonArray<Row>(v).map((m) => m.map((x, k) => (k === 6 ? Number(x) : x)))
          : i === AT.markChanges
            ? jsonArray<Obj>(v).map((c) => ({
                ...c,
                roles: c.roles === null ? null : [...(c.roles as string[])].sort(),
              }))
            : v,
    ),
  );
}

beforeAll(async () => {
  f = await createJournalFixture({ students: 3 });
  const organisationId = f.organisationId;
  const [s1, s2] = f.students;
  const { teacher, substitute } = f.users;
  await addBells(f);
  const schedule = await db.bellSchedule.findFirstOrThrow({ where: { organisationId, isDefault: true } });
  await db.classGroup.update({
    where: { organisationId_id: { organisationId, id: f.classId } },
    data: { bellScheduleId: schedule.id },
  });
  const room = await db.room.create({ data: { organisationId, name: "каб. 12" } });
  const plan = await db.lessonPlan.create({
    data: { organisationId, yearId: f.yearId, teacherId: teacher, subjectId: f.subjectId, classId: f.classId },
  });
  const topic = await db.planTopic.create({
    data: { organisationId, planId: plan.id, position: 1, title: "Степени", hours: 1 },
  });
  const mon = f.lesson("2026-11-16");
  await db.lesson.update({
    where: { organisationId_id: { organisationId, id: mon } },
    data: { roomId: room.id, topic: "Степень", substituteId: substitute, planTopicId: topic.id },
  });
  await db.lesson.update({
    where: { organisationId_id: { organisationId, id: f.lesson("2026-11-17") } },
    data: { status: "CANCELLED", planTopicId: topic.id },
  });
  // Subgroups: one of s1's (its lesson shown to s1), one not (never shown to s1).
  const groupOf = async (name: string) =>
    (await db.subgroup.create({ data: { organisationId, classId: f.classId, subjectId: f.subjectId, name } })).id;
  const mineGroup = await groupOf("1 группа");
  const otherGroup = await groupOf("2 группа");
  await db.subgroupMember.create({ data: { organisationId, subgroupId: mineGroup, studentId: s1 } });
  await db.subgroupMember.create({ data: { organisationId, subgroupId: otherGroup, studentId: s2 } });
  const mineLesson = await addLesson(f, "2026-11-18", mineGroup);
  await addLesson(f, "2026-11-18", otherGroup);
  // Homework: two on Monday (files, a hand-in with each student's own submission), one on the subgroup's lesson.
  const homework = (lessonId: number, text: string, extra: Record<string, unknown> = {}) =>
    db.homework.create({
      data: {
        organisationId,
        lessonId,
        text,
        dueDate: day("2026-11-18"),
        createdById: teacher,
        createdAt: new Date("2026-11-16T07:30:00.250Z"),
        ...extra,
      },
    });
  const h1 = await homework(mon, "№ 12, 14");
  const h2 = await homework(mon, "Сочинение", {
    dueDate: null,
    handin: true,
    handinDueAt: new Date("2026-11-23T18:00:00.000Z"),
  });
  await homework(mineLesson, "Упражнение 3", { handin: true });
  const file = (homeworkId: number, fileName: string) =>
    db.attachment.create({
      data: {
        organisationId,
        homeworkId,
        fileName,
        mimeType: "application/pdf",
        size: fileName.length * 100,
        sha256: "x",
        storageKey: `k-${fileName}`,
        uploadedById: teacher,
      },
    });
  await file(h1.id, "задачи.pdf");
  await file(h1.id, "ответы.pdf");
  await db.homeworkSubmission.create({
    data: {
      organisationId,
      homeworkId: h2.id,
      studentId: s1,
      status: "RETURNED",
      submittedAt: new Date("2026-11-17T15:00:00.000Z"),
      submittedById: teacher,
      isLate: true,
      reviewComment: "Переписать вывод",
    },
  });
  await db.homeworkSubmission.create({
    data: {
      organisationId,
      homeworkId: h1.id,
      studentId: s2,
      status: "SUBMITTED",
      submittedAt: new Date("2026-11-17T16:00:00.000Z"),
      submittedById: teacher,
    },
  });
  // Materials: the lesson's own and its КТП topic's, one of them both (shown once); two with one title.
  const material = (title: string, kind: "FILE" | "LINK" = "LINK") =>
    db.material.create({
      data: {
        organisationId,
        title,
        subjectId: f.subjectId,
        kind,
        url: kind === "LINK" ? `https://example.org/${encodeURIComponent(title)}` : null,
        authorId: teacher,
      },
    });
  const mA = await material("Видео");
  const mB = await material("Алгебра", "FILE");
  const mC = await material("Видео");
  const mD = await material("Задачник");
  await db.lessonMaterial.createMany({
    data: [
      { organisationId, lessonId: mon, materialId: mA.id },
      { organisationId, lessonId: mon, materialId: mB.id },
      { organisationId, lessonId: mineLesson, materialId: mD.id },
    ],
  });
  await db.planTopicMaterial.createMany({
    data: [
      { organisationId, planTopicId: topic.id, materialId: mB.id },
      { organisationId, planTopicId: topic.id, materialId: mC.id },
    ],
  });
  // Marks (s1's two, s2's one — never s1's), attendance of both, and the history of s1's and s2's marks.
  const { answer } = await addDiaryMarks(f, mon, s1, s2);
  await db.attendance.createMany({
    data: [
      { organisationId, lessonId: mon, studentId: s1, code: "N", updatedById: teacher },
      { organisationId, lessonId: mineLesson, studentId: s1, code: "B", missedHours: 1.5, updatedById: teacher },
      { organisationId, lessonId: mon, studentId: s2, code: "OT", updatedById: teacher },
    ],
  });
  const change = (studentId: number, at: string, entity: "MARK" | "ATTENDANCE", userId: number, extra = {}) =>
    db.journalChange.create({
      data: {
        organisationId,
        entity,
        lessonId: mon,
        studentId,
        entityKey: `${answer}:${studentId}`,
        oldValue: { kind: "GRADE", value: 3 },
        newValue: { kind: "GRADE", value: 5 },
        userId,
        at: new Date(at),
        ...extra,
      },
    });
  await change(s1, "2026-11-16T12:00:00.000Z", "MARK", teacher, { reason: "пересдача" });
  await change(s1, "2026-11-16T09:00:00.000Z", "MARK", f.users.deputy, { newValue: undefined });
  await change(s1, "2026-11-16T11:00:00.000Z", "ATTENDANCE", teacher);
  await change(s2, "2026-11-16T11:30:00.000Z", "MARK", teacher);
});

describe("the week's lessons (issue 22 item 5: the rows any reshaping of the statement must keep)", () => {
  it("equal the rule read through Prisma for each student — relations, own marks, attendance, history, subgroups", async () => {
    const [s1, s2, s3] = f.students;
    let seen = 0;
    for (const studentId of [s1, s2, s3, f.joined, f.left, f.firstGrader]) {
      for (const from of [monday, addDays(monday, 7), addDays(monday, -7)]) {
        const [row] = await DIARY_WEEK.run(db, f.organisationId, studentId, from, null);
        const expected = await expectedLessons(studentId, from);
        expect(normalised(row.lessons), `student ${studentId}, week of ${isoDate(from)}`).toEqual(expected);
        seen += expected.length;
      }
    }
    expect(seen).toBeGreaterThan(10);
    // The fixture reaches every field: a lesson of s1's week has each of them set.
    const [row] = await DIARY_WEEK.run(db, f.organisationId, s1, monday, null);
    const lessons = normalised(row.lessons);
    // roomName, substitute, bell, homework, materials, marks, attendance, history (LessonJson 9…16).
    for (let i = 9; i <= 16; i++)
      expect(
        lessons.some((l) => l[i] !== null),
        `field ${i}`,
      ).toBe(true);
    const mon = lessons.find((l) => l[AT.date] === "2026-11-16")!;
    expect((mon[AT.materials] as Obj[]).map((m) => m.title)).toEqual(["Алгебра", "Видео", "Видео"]);
    expect((mon[AT.markChanges] as Obj[]).map((c) => c.at)).toEqual([
      "2026-11-16T09:00:00.000Z",
      "2026-11-16T12:00:00.000Z",
    ]);
  });

  it("DIARY_WEEK_PAGE reads the same lessons as DIARY_WEEK", async () => {
    const [s1] = f.students;
    const [page] = await DIARY_WEEK_PAGE.run(
      db,
      f.organisationId,
      f.users.teacher,
      s1,
      { roles: ["TEACHER"], today: day("2026-11-18"), now: new Date("2026-11-18T09:00:00.000Z"), announcements: 5 },
      { five: monday, six: monday },
    );
    expect(normalised(page.lessons)).toEqual(await expectedLessons(s1, monday));
  });
});
