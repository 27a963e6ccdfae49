// Journal-keeping control against a real PostgreSQL (CTL-1, CTL-2, CTL-3, RPT-11): the fill
// figures from lessons, marks and the journal history; remarks through their steps and the
// gate; the report files in both formats.
import { beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import { authorize } from "@/lib/access/authorize";
import { buildActivityModel, buildJournalFillModel, buildRemarksModel, journalFill } from "@/lib/control/report";
import { loadActivityFacts, loadFillChoices } from "@/lib/control/data";
import { fullName } from "@/lib/people/names";
import { applyRemarkMove, fileRemark } from "@/lib/control/remarks/commands";
import { teacherRemarks } from "@/lib/control/remarks/data";
import { renderPdf } from "@/lib/reports/render-pdf";
import { renderXlsx } from "@/lib/reports/render-xlsx";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { counted } from "../support/pg-queries";

let f: AccessFixture;
const NOW = new Date("2026-11-23T09:00:00Z");
const d = (s: string) => new Date(`${s}T00:00:00.000Z`);
const actor = (id: number) => ({ organisationId: f.organisationId, id });
const scopesOf = async (id: number, p: "remarks.write" | "remarks.resolve") => {
  const r = await authorize(actor(id), p);
  return r.allowed ? r.scopes : [];
};

beforeAll(async () => {
  f = await createAccessFixture();
  const org = f.organisationId;
  const teacher = f.users.TEACHER;
  await db.organisation.update({ where: { id: org }, data: { timeZone: "Europe/Samara" } });
  // Three more students in 5А (four in all on the roll).
  for (const name of ["Второй", "Третий", "Четвёртый"]) {
    const s = await db.student.create({
      data: { organisationId: org, lastName: name, firstName: "Ученик", birthDate: new Date("2015-01-01") },
    });
    await db.classMembership.create({
      data: { organisationId: org, studentId: s.id, classId: f.classA, startDate: d("2026-09-01") },
    });
  }
  const type = await db.assignmentType.create({
    data: { organisationId: org, name: "Работа на уроке", shortName: "РнУ" },
  });
  const mk = (date: string, over: Record<string, unknown> = {}) =>
    db.lesson.create({
      data: {
        organisationId: org,
        classId: f.classA,
        subjectId: f.subject,
        teacherId: teacher,
        date: d(date),
        bellNumber: 2,
        topic: "Дроби",
        ...over,
      },
    });
  const l1 = await mk("2026-11-02");
  const l2 = await mk("2026-11-03", { topic: null });
  await mk("2026-11-05", { status: "CANCELLED" }); // not held
  await mk("2026-11-30"); // future: not held yet
  const set = new Date("2026-11-02T08:00:00Z");
  await db.homework.create({
    data: { organisationId: org, lessonId: l1.id, text: "№ 1–5", createdById: teacher, createdAt: set, updatedAt: set },
  });
  await db.attendance.create({
    data: {
      organisationId: org,
      lessonId: l1.id,
      studentId: f.studentA,
      code: "N",
      updatedById: teacher,
      updatedAt: new Date("2026-11-02T08:00:00Z"),
    },
  });
  const a1 = await db.assignment.create({ data: { organisationId: org, lessonId: l1.id, typeId: type.id } });
  const a2 = await db.assignment.create({ data: { organisationId: org, lessonId: l2.id, typeId: type.id } });
  const students = await db.classMembership.findMany({
    where: { organisationId: org, classId: f.classA },
    select: { studentId: true },
  });
  for (const [i, s] of students.slice(0, 3).entries()) {
    // The cells' own timestamps (RPT-11 reads them, issue 18): as the history records them.
    const at = i < 2 ? new Date("2026-11-02T08:00:00Z") : new Date("2026-11-11T08:00:00Z");
    await db.mark.create({
      data: {
        organisationId: org,
        lessonId: l1.id,
        assignmentId: a1.id,
        studentId: s.studentId,
        value: 5,
        createdById: teacher,
        updatedById: teacher,
        createdAt: at,
        updatedAt: at,
      },
    });
    // Lesson 1's marks: two entered the same day, one on 11.11 (9 days later → late).
    await db.journalChange.create({
      data: {
        organisationId: org,
        entity: "MARK",
        lessonId: l1.id,
        studentId: s.studentId,
        entityKey: `mark:${a1.id}:${s.studentId}`,
        newValue: { value: 5 },
        userId: teacher,
        at: i < 2 ? new Date("2026-11-02T08:00:00Z") : new Date("2026-11-11T08:00:00Z"),
      },
    });
  }
  await db.mark.create({
    data: {
      organisationId: org,
      lessonId: l2.id,
      assignmentId: a2.id,
      studentId: f.studentA,
      value: 4,
      createdById: teacher,
      updatedById: teacher,
      createdAt: new Date("2026-11-03T08:00:00Z"),
      updatedAt: new Date("2026-11-03T08:00:00Z"),
    },
  });
  // «Все присутствуют» on lesson 2, at 01:30 local on 11.11 = 10.11 21:30 UTC: in the zone it is day 8 → not a mark.
  await db.journalChange.create({
    data: {
      organisationId: org,
      entity: "ATTENDANCE",
      lessonId: l2.id,
      entityKey: `lesson:${l2.id}:attendance`,
      newValue: { allPresent: true },
      userId: teacher,
      at: new Date("2026-11-10T21:30:00Z"),
    },
  });
}, 120_000);

describe("journal-fill report (CTL-1)", () => {
  it("counts held lessons, gaps, late marks and density for the teacher × class × subject", async () => {
    const r = await journalFill(f.organisationId, { from: d("2026-11-01"), to: d("2026-11-30") }, NOW);
    const row = r.rows.find((x) => x.teacherId === f.users.TEACHER)!;
    expect(row).toMatchObject({
      lessons: 2,
      noTopic: 1,
      noHomework: 1,
      noAttendance: 0,
      marks: 4,
      lateMarks: 1,
      students: 4,
    });
    // 4 marks / 4 students / 2 lessons × 5 = 2.5
    expect(row.density).toBe(2.5);
    expect(row.lastFilledAt).toEqual(new Date("2026-11-11T08:00:00Z"));
  });

  it("reads late marks and the last fill from the cells' own timestamps, not only the history (issue 18)", async () => {
    const where = { organisationId: f.organisationId, entity: "MARK" as const };
    const kept = await db.journalChange.findMany({ where });
    await db.journalChange.deleteMany({ where });
    try {
      const r = await journalFill(f.organisationId, { from: d("2026-11-01"), to: d("2026-11-30") }, NOW);
      const row = r.rows.find((x) => x.teacherId === f.users.TEACHER)!;
      expect(row.lateMarks).toBe(1);
      expect(row.lastFilledAt).toEqual(new Date("2026-11-11T08:00:00Z"));
    } finally {
      // The history is put back for the activity report further down.
      await db.journalChange.createMany({
        data: kept.map(({ id: _id, oldValue, newValue, ...rest }) => ({
          ...rest,
          oldValue: oldValue ?? undefined,
          newValue: newValue ?? undefined,
        })),
      });
    }
  });

  it("counts a mark late from the first instant of the day after the lesson's date + lockDays in the zone (JRN-6, issue 22 item 7)", async () => {
    // Lesson 1 is on 02.11, lockDays 7: late from 10.11 00:00 in Samara (UTC+4) = 09.11 20:00 UTC. FILL_ROWS
    // compares the stored instants with that bound, computed once per lesson: a mark a millisecond before it
    // is on time, one at it late (a `>` or a bound a day off fails here).
    const org = f.organisationId;
    const l1 = await db.lesson.findFirstOrThrow({ where: { organisationId: org, date: d("2026-11-02") } });
    const type = await db.assignmentType.findFirstOrThrow({ where: { organisationId: org } });
    const extra = await db.assignment.create({ data: { organisationId: org, lessonId: l1.id, typeId: type.id } });
    const [s1, s2] = await db.classMembership.findMany({
      where: { organisationId: org, classId: f.classA },
      select: { studentId: true },
      orderBy: { studentId: "asc" },
    });
    const bound = new Date("2026-11-09T20:00:00.000Z");
    for (const [s, at] of [
      [s1, new Date(bound.getTime() - 1)],
      [s2, bound],
    ] as const) {
      await db.mark.create({
        data: {
          organisationId: org,
          lessonId: l1.id,
          assignmentId: extra.id,
          studentId: s.studentId,
          value: 4,
          createdById: f.users.TEACHER,
          updatedById: f.users.TEACHER,
          createdAt: at,
          updatedAt: at,
        },
      });
    }
    try {
      const r = await journalFill(org, { from: d("2026-11-01"), to: d("2026-11-30") }, NOW);
      const row = r.rows.find((x) => x.teacherId === f.users.TEACHER)!;
      expect(row).toMatchObject({ marks: 6, lateMarks: 2 });
    } finally {
      await db.assignment.delete({ where: { organisationId_id: { organisationId: org, id: extra.id } } });
    }
  });

  it("reads the figures in one round of constant statements, whatever the number of lessons (issue 22 item 7)", async () => {
    const ask = () => journalFill(f.organisationId, { from: d("2026-11-01"), to: d("2026-11-30") }, NOW);
    const before = await counted(ask);
    // Another held lesson with a mark and attendance: the same statements, none bound to lesson ids.
    const extra = await db.lesson.create({
      data: {
        organisationId: f.organisationId,
        classId: f.classB,
        subjectId: f.subject,
        teacherId: f.users.TEACHER,
        date: d("2026-11-12"),
        bellNumber: 7,
      },
    });
    try {
      const after = await counted(ask);
      expect(after.queries).toHaveLength(before.queries.length);
      // the organisation and its settings ∥ the rows' figures with their names and rolls (one statement)
      expect(before.queries.length).toBeLessThanOrEqual(3);
      expect(after.result.totals.lessons).toBe(before.result.totals.lessons + 1);
      for (const q of after.queries) expect(q.values).not.toContainEqual([expect.any(Number), extra.id]);
    } finally {
      await db.lesson.delete({ where: { organisationId_id: { organisationId: f.organisationId, id: extra.id } } });
    }
  });

  it("counts a substitute's lesson under the substitute and each subject on its own row, in SQL (issue 22 item 7)", async () => {
    const org = f.organisationId;
    const other = await db.subject.create({
      data: { organisationId: org, name: "Алгебра (заполнение)", shortName: "Алг" },
    });
    const substitute = f.users.DEPUTY;
    const held = (over: Record<string, unknown>) =>
      db.lesson.create({
        data: {
          organisationId: org,
          classId: f.classA,
          subjectId: f.subject,
          teacherId: f.users.TEACHER,
          date: d("2026-11-04"),
          bellNumber: 5,
          topic: "Тема",
          ...over,
        },
      });
    const replaced = await held({ substituteId: substitute });
    const second = await held({ subjectId: other.id, bellNumber: 6, topic: "  " });
    try {
      const r = await journalFill(org, { from: d("2026-11-01"), to: d("2026-11-30") }, NOW);
      const of = (teacherId: number, subjectId: number) =>
        r.rows.filter((x) => x.teacherId === teacherId && x.classId === f.classA && x.subjectId === subjectId);
      // The teacher's own row is as before: the substituted lesson is not theirs.
      expect(of(f.users.TEACHER, f.subject)).toMatchObject([{ lessons: 2, noTopic: 1, marks: 4, lateMarks: 1 }]);
      expect(of(substitute, f.subject)).toMatchObject([
        { lessons: 1, noTopic: 0, noHomework: 1, noAttendance: 1, marks: 0, lateMarks: 0, students: 4, density: 0 },
      ]);
      // A topic of white space only is no topic.
      expect(of(f.users.TEACHER, other.id)).toMatchObject([{ lessons: 1, noTopic: 1, subject: other.name }]);
      expect(r.totals.lessons).toBe(4);
    } finally {
      await db.lesson.deleteMany({ where: { organisationId: org, id: { in: [replaced.id, second.id] } } });
      await db.subject.delete({ where: { organisationId_id: { organisationId: org, id: other.id } } });
    }
  });

  it("keeps to the class scope it is given (a department head sees only their classes)", async () => {
    const r = await journalFill(
      f.organisationId,
      { from: d("2026-11-01"), to: d("2026-11-30"), scopeClassIds: [f.classB] },
      NOW,
    );
    expect(r.rows.some((x) => x.classId === f.classA)).toBe(false);
    const asked = await journalFill(
      f.organisationId,
      { from: d("2026-11-01"), to: d("2026-11-30"), classId: f.classA, scopeClassIds: [f.classB] },
      NOW,
    );
    expect(asked.rows).toHaveLength(0);
  });

  it("reads the filters' choices in one statement, equal to the model reads they replace (issue 22 item 7)", async () => {
    const org = f.organisationId;
    // The four model reads of round 13 (the reference).
    const reference = async (classIds: Set<number> | null) => {
      const classWhere = {
        organisationId: org,
        year: { isCurrent: true },
        ...(classIds ? { id: { in: [...classIds] } } : {}),
      };
      const [classes, subjects, teachers, periods] = await Promise.all([
        db.classGroup.findMany({
          where: classWhere,
          orderBy: [{ grade: "asc" }, { name: "asc" }],
          select: { id: true, name: true },
        }),
        db.subject.findMany({
          where: { organisationId: org },
          orderBy: { name: "asc" },
          select: { id: true, name: true },
        }),
        db.user.findMany({
          where: { organisationId: org, isActive: true, roles: { some: { role: "TEACHER" } } },
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
          select: { id: true, lastName: true, firstName: true, middleName: true },
        }),
        db.period.findMany({
          where: { organisationId: org, year: { isCurrent: true } },
          orderBy: [{ kind: "asc" }, { number: "asc" }],
          select: { id: true, name: true, startDate: true, endDate: true },
        }),
      ]);
      return { classes, subjects, periods, teachers: teachers.map((t) => ({ id: t.id, name: fullName(t) })) };
    };
    const all = await counted(() => loadFillChoices(org, null));
    expect(all.queries).toHaveLength(1);
    expect(all.result).toEqual(await reference(null));
    expect(all.result.classes.length).toBeGreaterThan(1);
    expect(all.result.teachers.length).toBeGreaterThan(0);
    expect(await loadFillChoices(org, new Set([f.classB]))).toEqual(await reference(new Set([f.classB])));
    expect(await loadFillChoices(org, new Set())).toEqual(await reference(new Set()));
  });

  it("renders RPT-11 as PDF and XLSX with the same figures", async () => {
    const model = await buildJournalFillModel(
      f.organisationId,
      { from: d("2026-11-01"), to: d("2026-11-30"), teacherId: f.users.TEACHER },
      NOW,
    );
    expect(model.rows).toHaveLength(1);
    expect(model.rows[0].slice(3, 10)).toEqual([2, 1, 1, 0, 1, 4, 2.5]);
    const pdf = await renderPdf(model, "Europe/Samara");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await renderXlsx(model, "Europe/Samara")) as unknown as ArrayBuffer);
    const values = book.worksheets[0]
      .getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null);
    expect(values).toContain("Отчёт о доступе к классному журналу");
  });
});

describe("remarks (CTL-2)", () => {
  it("goes from the deputy to the teacher and back, with audit rows", async () => {
    const deputy = f.users.DEPUTY;
    const teacher = f.users.TEACHER;
    const filed = await fileRemark(actor(deputy), await scopesOf(deputy, "remarks.write"), {
      teacherId: teacher,
      classId: f.classA,
      subjectId: f.subject,
      text: "Не заполнены темы уроков",
    });
    expect(filed.ok).toBe(true);
    const id = filed.ok ? filed.data.id : 0;
    expect((await teacherRemarks(f.organisationId, teacher)).map((r) => r.id)).toContain(id);

    // Another teacher cannot resolve it; the deputy cannot mark it done.
    const other = await applyRemarkMove(
      actor(f.users.CLASS_TEACHER),
      await scopesOf(f.users.CLASS_TEACHER, "remarks.resolve"),
      { remarkId: id, move: "done" },
      NOW,
    );
    expect(other).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect((await authorize(actor(deputy), "remarks.resolve")).allowed).toBe(false);

    const done = await applyRemarkMove(
      actor(teacher),
      await scopesOf(teacher, "remarks.resolve"),
      { remarkId: id, move: "done", note: "Темы внесены" },
      NOW,
    );
    expect(done).toEqual({ ok: true, data: { status: "DONE" } });
    const twice = await applyRemarkMove(
      actor(teacher),
      await scopesOf(teacher, "remarks.resolve"),
      { remarkId: id, move: "done" },
      NOW,
    );
    expect(twice).toMatchObject({ ok: false, code: "CONFLICT" });

    // The teacher cannot close; the head of department (not the writer, dept scope) cannot either.
    expect((await authorize(actor(teacher), "remarks.write")).allowed).toBe(false);
    const head = await applyRemarkMove(
      actor(f.users.HEAD_OF_DEPT),
      await scopesOf(f.users.HEAD_OF_DEPT, "remarks.write"),
      { remarkId: id, move: "close" },
      NOW,
    );
    expect(head).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const closed = await applyRemarkMove(
      actor(deputy),
      await scopesOf(deputy, "remarks.write"),
      { remarkId: id, move: "close" },
      NOW,
    );
    expect(closed).toEqual({ ok: true, data: { status: "CLOSED" } });
    expect(await teacherRemarks(f.organisationId, teacher)).toHaveLength(0);

    const row = await db.remark.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id } },
    });
    expect(row).toMatchObject({ status: "CLOSED", teacherNote: "Темы внесены" });
    const audit = await db.auditEvent.findMany({
      where: { organisationId: f.organisationId, entity: "Remark", entityId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["remark.create", "remark.done", "remark.close"]);
  });

  it("refuses a remark on someone who is not a teacher, or outside a department head's classes, writing nothing", async () => {
    const before = await db.remark.count({ where: { organisationId: f.organisationId } });
    const notTeacher = await fileRemark(actor(f.users.DEPUTY), ["all"], {
      teacherId: f.users.MEDIC,
      text: "Текст замечания",
    });
    expect(notTeacher).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const head = f.users.HEAD_OF_DEPT;
    const outside = await fileRemark(actor(head), await scopesOf(head, "remarks.write"), {
      teacherId: f.users.TEACHER,
      classId: f.classB,
      text: "Текст замечания",
    });
    expect(outside).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const noClass = await fileRemark(actor(head), await scopesOf(head, "remarks.write"), {
      teacherId: f.users.TEACHER,
      text: "Текст замечания",
    });
    expect(noClass).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db.remark.count({ where: { organisationId: f.organisationId } })).toBe(before);
  });

  it("binds a remark to the teacher's lesson on a date, and names a date without one", async () => {
    const deputy = f.users.DEPUTY;
    const lesson = await db.lesson.findFirstOrThrow({
      where: { organisationId: f.organisationId, classId: f.classA, date: d("2026-11-03") },
    });
    const bound = await fileRemark(actor(deputy), ["all"], {
      teacherId: f.users.TEACHER,
      classId: f.classA,
      subjectId: f.subject,
      lessonDate: d("2026-11-03"),
      text: "Нет темы урока 03.11",
    });
    expect(bound.ok).toBe(true);
    const row = await db.remark.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: bound.ok ? bound.data.id : 0 } },
    });
    expect(row.lessonId).toBe(lesson.id);
    const none = await fileRemark(actor(deputy), ["all"], {
      teacherId: f.users.TEACHER,
      classId: f.classA,
      subjectId: f.subject,
      lessonDate: d("2026-11-04"),
      text: "Нет темы урока",
    });
    expect(none).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { lessonDate: ["В этот день у учителя нет такого урока"] },
    });
  });

  it("refuses a college's remark in its words (DAY-6, issue 22 round 24)", async () => {
    // The session's user carries the organisation's kind; before, every message read «учитель», «класс», «урок».
    const college = { ...actor(f.users.DEPUTY), orgKind: "COLLEGE" as const };
    const refusal = async (r: Parameters<typeof fileRemark>[2]) => {
      const res = await fileRemark(college, ["all"], r);
      return res.ok ? null : res.message;
    };
    expect(
      await refusal({
        teacherId: f.users.TEACHER,
        classId: f.classA,
        subjectId: f.subject,
        lessonDate: d("2026-11-04"),
        text: "Нет темы",
      }),
    ).toBe("В этот день у преподавателя нет такого занятия");
    expect(await refusal({ teacherId: f.users.TEACHER, lessonDate: d("2026-11-04"), text: "Нет темы" })).toBe(
      "Для занятия укажите группу и дисциплину",
    );
    expect(await refusal({ teacherId: f.users.MEDIC, text: "Нет темы" })).toBe("Выберите преподавателя");
    expect(await refusal({ teacherId: f.users.TEACHER, classId: 999_999, text: "Нет темы" })).toBe("Группа не найдена");
    expect(await refusal({ teacherId: f.users.TEACHER, subjectId: 999_999, text: "Нет темы" })).toBe(
      "Дисциплина не найдена",
    );
    expect(await refusal({ teacherId: f.users.TEACHER, lessonId: 999_999, text: "Нет темы" })).toBe(
      "Занятие не найдено",
    );
    // …and a school's stay as they were.
    const school = await fileRemark(actor(f.users.DEPUTY), ["all"], {
      teacherId: f.users.TEACHER,
      classId: 999_999,
      text: "Нет темы",
    });
    expect(school).toMatchObject({ ok: false, message: "Класс не найден" });
  });

  it("names a college's fill and remarks files in its words (DAY-6, issue 22 round 24)", async () => {
    await db.organisation.update({ where: { id: f.organisationId }, data: { kind: "COLLEGE" } });
    try {
      const fill = await buildJournalFillModel(f.organisationId, { from: d("2026-11-01"), to: d("2026-11-20") }, NOW);
      expect(fill.title).toBe("Отчёт о доступе к журналу учебных занятий");
      expect(fill.header[0]!.label).toBe("Преподаватель");
      const remarks = await buildRemarksModel(
        f.organisationId,
        { kind: "month", date: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) },
        NOW,
      );
      expect(remarks.header.map((h) => h.label)).toContain("Комментарий преподавателя");
    } finally {
      await db.organisation.update({ where: { id: f.organisationId }, data: { kind: "SCHOOL" } });
    }
  });

  it("lists the week's remarks as a report file", async () => {
    const model = await buildRemarksModel(
      f.organisationId,
      { kind: "month", date: new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) },
      NOW,
    );
    expect(model.rows.length).toBeGreaterThanOrEqual(1);
    expect(model.rows.some((r) => r.includes("Не заполнены темы уроков"))).toBe(true);
  });
});

describe("weekly activity (CTL-3)", () => {
  it("counts journal edits per user for the week", async () => {
    const model = await buildActivityModel(f.organisationId, { date: d("2026-11-11") }, NOW);
    // Week 09.11–15.11: the late mark on 11.11 and «все присутствуют» at 01:30 local on 11.11.
    const row = model.rows.find((r) => String(r[0]).startsWith("TEACHER"))!;
    expect(row[3]).toBe(2);
  });

  it("names the roles in the organisation's words (DAY-6)", async () => {
    const school = await buildActivityModel(f.organisationId, { date: d("2026-11-11") }, NOW);
    expect(school.rows.find((r) => String(r[0]).startsWith("TEACHER"))![1]).toBe("Учитель");
    await db.organisation.update({ where: { id: f.organisationId }, data: { kind: "COLLEGE" } });
    try {
      const college = await buildActivityModel(f.organisationId, { date: d("2026-11-11") }, NOW);
      // Before: «Учитель» at a college too.
      expect(college.rows.find((r) => String(r[0]).startsWith("TEACHER"))![1]).toBe("Преподаватель");
    } finally {
      await db.organisation.update({ where: { id: f.organisationId }, data: { kind: "SCHOOL" } });
    }
  });

  it("sums a user's page views over the week's days and areas, counted in the database (issue 22 item 7)", async () => {
    const org = f.organisationId;
    const userId = f.users.TEACHER;
    const visits = [
      { day: d("2026-11-09"), area: "journal", count: 5 },
      { day: d("2026-11-09"), area: "diary", count: 2 },
      { day: d("2026-11-15"), area: "journal", count: 3 },
      { day: d("2026-11-16"), area: "journal", count: 40 }, // the next week
    ];
    await db.visit.createMany({ data: visits.map((v) => ({ organisationId: org, userId, ...v })) });
    try {
      const model = await buildActivityModel(org, { date: d("2026-11-11") }, NOW);
      const row = model.rows.find((r) => String(r[0]).startsWith("TEACHER"))!;
      expect(row[3]).toBe(2);
      expect(row[5]).toBe(10);
      // One counted row per user and source, not a row per edit or per visit day.
      const facts = await loadActivityFacts(org, d("2026-11-09"), d("2026-11-16"), "Europe/Samara");
      expect(facts.journalEdits.filter((e) => e.userId === userId)).toEqual([{ userId, count: 2 }]);
      expect(facts.visits.filter((e) => e.userId === userId)).toEqual([{ userId, count: 10 }]);
    } finally {
      await db.visit.deleteMany({ where: { organisationId: org, userId } });
    }
  });
});
