// Closing a period (REC-1) and ADMIN's opening of dates (JRN-6) against PostgreSQL through the real
// server actions: refused with the list of missing finals and nothing written; a class, a parallel,
// a department, the organisation; HEAD_OF_DEPT only within their department; audited; the journal
// grid, the finals page and the diary say «Период закрыт …»; ADMIN opens a class × subject × date
// range with a reason for 12 hours — the only way back. Before the period's last day (the
// organisation's date) only with «Закрыть до окончания периода» (note16).
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { closePeriodAction } from "@/lib/journal/closing/actions";
import { openDatesAction } from "@/lib/journal/unlock/actions";
import { saveReasonsAction } from "@/lib/journal/reasons/actions";
import { saveEntity } from "@/lib/org/mutations";
import { loadGridPage } from "@/lib/journal/loaders";
import { loadFinalsPage } from "@/lib/finals/loaders";
import { studentMarksView } from "@/lib/diary/marks/loaders";
import { changedTables, dbDigest } from "../support/db-digest";
import { signInAs } from "../support/session-harness";
import {
  createJournalFixture,
  currentUser,
  day,
  formData,
  NOW,
  teacherMark,
  type JournalFixture,
} from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;
let other: { classId: number; studentId: number };
let head: number;
let deptId: number;

/** Period finals of 7А's algebra for every student on the roll at the end of the 2nd quarter. */
async function finalsFor7A(except: number[] = []) {
  const onRoll = [...f.students, f.joined, f.home].filter((s) => !except.includes(s));
  await db.finalMark.createMany({
    data: onRoll.map((studentId) => ({
      organisationId: f.organisationId,
      studentId,
      classId: f.classId,
      subjectId: f.subjectId,
      kind: "PERIOD" as const,
      periodId: f.q2,
      value: 4,
      setById: f.users.teacher,
    })),
    skipDuplicates: true,
  });
}

/** Closes the 2nd quarter — before its last day (28.12.2026), so confirmed unless `fields` say otherwise. */
async function close(
  userId: number,
  target: string,
  basis = "приказ № 112 от 20.11.2026",
  fields: Record<string, string | number> = { early: "on" },
) {
  await signInAs(f.organisationId, userId);
  return closePeriodAction(null, formData({ periodId: f.q2, target, basis, ...fields }));
}

/** A class of the fixture's year, one pupil on its roll from 01.09 and algebra lessons on `dates` (bells from `bell`). */
async function classWithPupil(
  name: string,
  grade: number,
  lastName: string,
  dates: string[],
  opts: { bell?: number; periodKind?: "QUARTER" | "TRIMESTER" } = {},
) {
  const organisationId = f.organisationId;
  const cls = await db.classGroup.create({
    data: { organisationId, yearId: f.yearId, name, grade, periodKind: opts.periodKind ?? "QUARTER" },
  });
  const s = await db.student.create({
    data: { organisationId, lastName, firstName: "Ян", birthDate: day("2013-03-03") },
  });
  await db.classMembership.create({
    data: { organisationId, studentId: s.id, classId: cls.id, startDate: day("2026-09-01") },
  });
  for (const [i, iso] of dates.entries())
    await db.lesson.create({
      data: {
        organisationId,
        classId: cls.id,
        subjectId: f.subjectId,
        teacherId: f.users.teacher,
        date: day(iso),
        bellNumber: (opts.bell ?? 1) + i,
      },
    });
  return { classId: cls.id, studentId: s.id };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture({ students: 3 });
  const organisationId = f.organisationId;
  // 7Б: the same parallel, one pupil, one algebra lesson in the quarter, no finals.
  other = await classWithPupil("7Б", 7, "Яковлев", ["2026-11-18"], { bell: 3 });
  // A department holding 7Б only, with its head.
  const u = await db.user.create({
    data: {
      organisationId,
      login: "zavotd",
      passwordHash: "-",
      mustChangePassword: false,
      lastName: "Белова",
      firstName: "Л",
    },
  });
  await db.userRole.create({ data: { organisationId, userId: u.id, role: "HEAD_OF_DEPT" } });
  head = u.id;
  const dept = await db.department.create({ data: { organisationId, name: "Седьмые Б", headId: head } });
  deptId = dept.id;
  await db.classGroup.update({
    where: { organisationId_id: { organisationId, id: other.classId } },
    data: { departmentId: dept.id },
  });
});

afterAll(() => {
  vi.useRealTimers();
});

describe("closing a period (REC-1)", () => {
  it("refuses while finals are missing, lists them, and writes nothing", async () => {
    await finalsFor7A([f.students[2], f.home]);
    const before = await dbDigest();
    const r = await close(f.users.deputy, `class:${f.classId}`);
    expect(r).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (r.ok) return;
    expect(r.message).toContain("не выставлено итоговых отметок — 2");
    expect(r.fieldErrors?.missing).toEqual(["7А, Алгебра: Надомник Пётр, Ученик002 Иван"]);
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("refuses the whole parallel when one class misses finals — nothing of it is closed", async () => {
    await finalsFor7A();
    const r = await close(f.users.deputy, "grade:7");
    expect(r).toMatchObject({ ok: false, fieldErrors: { missing: ["7Б, Алгебра: Яковлев Ян"] } });
    expect(await db.periodClosure.count({ where: { organisationId: f.organisationId } })).toBe(0);
  });

  it("lets neither a teacher nor a head of another department close 7А", async () => {
    expect(await close(f.users.teacher, `class:${f.classId}`)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await close(head, `class:${f.classId}`)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await close(head, "all")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.periodClosure.count({ where: { organisationId: f.organisationId } })).toBe(0);
  });

  it("closes a class once every student on the roll has the final; audited with its order", async () => {
    const r = await close(f.users.deputy, `class:${f.classId}`);
    expect(r).toEqual({ ok: true, data: { message: "Период «2 четверть» закрыт: 7А", lines: [] } });
    const row = await db.periodClosure.findFirstOrThrow({ where: { organisationId: f.organisationId } });
    expect(row).toMatchObject({
      classId: f.classId,
      periodId: f.q2,
      basis: "приказ № 112 от 20.11.2026",
      closedById: f.users.deputy,
      closedAt: NOW,
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organisationId: f.organisationId, action: "period.close" },
    });
    expect(audit).toMatchObject({ userId: f.users.deputy, entityId: String(f.q2) });
    expect(audit.details).toMatchObject({ classIds: [f.classId], basis: "приказ № 112 от 20.11.2026" });
  });

  it("shows «Период закрыт …» on the journal grid, the finals page and the diary", async () => {
    const reason = "Период закрыт 20.11.2026 (приказ № 112 от 20.11.2026): 2 четверть";
    const teacher = currentUser(f, f.users.teacher, ["TEACHER"]);
    const grid = await loadGridPage(teacher, { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 }, NOW);
    expect(grid.kind === "grid" && grid.view.closed).toEqual({ code: "period", reason });
    expect(grid.kind === "grid" && grid.view.lessons.every((l) => !l.lock.open && !l.lessonLock.open)).toBe(true);
    const finals = await loadFinalsPage(teacher, { classId: f.classId, subjectId: f.subjectId, periodId: f.q2 }, NOW);
    expect(finals.kind === "sheet" && finals.closed).toBe(reason);
    expect(finals.kind === "sheet" && finals.columns.find((c) => c.periodId === f.q1)?.locked).toBeNull();
    const diary = await studentMarksView(f.organisationId, f.students[0], day("2026-11-20"), f.q2);
    expect(diary.closed).toBe(reason);
    expect((await studentMarksView(f.organisationId, f.students[0], day("2026-11-20"), f.q1)).closed).toBeNull();
  });

  it("closes a department for its head, then the organisation, naming classes already closed", async () => {
    await db.finalMark.create({
      data: {
        organisationId: f.organisationId,
        studentId: other.studentId,
        classId: other.classId,
        subjectId: f.subjectId,
        kind: "PERIOD",
        periodId: f.q2,
        special: "NOT_ATTESTED",
        setById: f.users.teacher,
      },
    });
    expect(await close(head, `dept:${deptId}`)).toMatchObject({
      ok: true,
      data: { message: "Период «2 четверть» закрыт: 7Б" },
    });
    // The first grade has no marks and so no finals (JRN-10): the whole organisation closes with it.
    expect(await close(f.users.admin, "all")).toEqual({
      ok: true,
      data: { message: "Период «2 четверть» закрыт: 1А", lines: ["Уже был закрыт: 7А, 7Б"] },
    });
    expect(await db.periodClosure.count({ where: { organisationId: f.organisationId } })).toBe(3);
  });
});

describe("a closed period keeps its bounds (REC-1)", () => {
  it("refuses to move the dates of a period closed for some class", async () => {
    const data = {
      kind: "QUARTER",
      number: 2,
      name: "2 четверть",
      startDate: day("2026-11-05"),
      endDate: day("2026-12-20"),
    };
    const before = await dbDigest();
    expect(await saveEntity(f.organisationId, f.users.admin, "period", f.q2, data, null)).toEqual({
      ok: false,
      field: "_",
      message: "Период уже закрыт для классов: его границы и тип не меняются",
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
    expect(
      (
        await saveEntity(
          f.organisationId,
          f.users.admin,
          "period",
          f.q1,
          { ...data, number: 1, name: "1 четверть", startDate: day("2026-09-01"), endDate: day("2026-10-25") },
          null,
        )
      ).ok,
    ).toBe(true);
  });
});

describe("ADMIN opens dates of a closed period (JRN-6, REC-1)", () => {
  const open = (userId: number, fields: Record<string, string | number>) =>
    signInAs(f.organisationId, userId).then(() => openDatesAction(null, formData(fields)));

  it("is ADMIN's alone, needs a reason and sane dates, and writes nothing otherwise", async () => {
    const base = {
      classId: f.classId,
      subjectId: f.subjectId,
      from: "2026-11-16",
      to: "2026-11-18",
      reason: "Ошибка в отметке",
    };
    const before = await dbDigest();
    expect(await open(f.users.deputy, base)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await open(f.users.teacher, base)).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await open(f.users.admin, { ...base, reason: "" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await open(f.users.admin, { ...base, to: "2026-11-01" })).toMatchObject({
      ok: false,
      message: "Начало позже окончания",
    });
    expect(await open(f.users.admin, { ...base, from: "2026-02-30" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await open(f.users.admin, { ...base, from: "2027-08-01", to: "2027-08-02" })).toMatchObject({
      ok: false,
      message: "Даты должны лежать внутри учебного года класса",
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("opens exactly the class × subject × dates for 12 hours, audited", async () => {
    const r = await open(f.users.admin, {
      classId: f.classId,
      subjectId: f.subjectId,
      from: "2026-11-16",
      to: "2026-11-18",
      reason: "Ошибка в отметке",
    });
    expect(r).toEqual({
      ok: true,
      data: { message: "7А, Алгебра: 16.11.2026–18.11.2026 открыто до 21.11.2026 00:00 (Ошибка в отметке)" },
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organisationId: f.organisationId, action: "journal.unlock.open" },
    });
    expect(audit.details).toMatchObject({ from: "2026-11-16", to: "2026-11-18", reason: "Ошибка в отметке" });
    const save = async (iso: string, now: Date) => (await teacherMark(f, iso, f.students[0], "5", { now })).body;
    const h = (n: number) => new Date(NOW.getTime() + n * 3_600_000);
    expect(await save("2026-11-16", h(11))).toMatchObject({ ok: true });
    expect(await save("2026-11-18", h(11))).toMatchObject({ ok: true });
    expect(await save("2026-11-19", h(11))).toMatchObject({ ok: false, code: "LOCKED" });
    expect(await save("2026-11-17", h(12))).toMatchObject({ ok: false, code: "LOCKED" });
  });
});

describe("the class teacher's absence reasons (JRN-4, REC-1)", () => {
  it("are set past the edit window, but not in a closed period", async () => {
    const organisationId = f.organisationId;
    // 7А's 2nd quarter was closed above.
    const absent = async (lessonId: number, studentId: number) =>
      db.attendance.create({ data: { organisationId, lessonId, studentId, code: "N", updatedById: f.users.teacher } });
    const inClosed = f.lesson("2026-11-09");
    await absent(inClosed, f.students[1]);
    const before = await dbDigest();
    await signInAs(organisationId, f.users.classTeacher);
    const refused = await saveReasonsAction(
      null,
      formData({ classId: f.classId, [`r:${inClosed}:${f.students[1]}`]: "B:N:1" }),
    );
    expect(refused).toEqual({
      ok: false,
      code: "LOCKED",
      message: "09.11.2026: Период закрыт 20.11.2026 (приказ № 112 от 20.11.2026): 2 четверть",
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
    // Another class of the class teacher, its quarter open: a reason 9 days after the lesson (past the window) is fine.
    const cls = await db.classGroup.create({ data: { organisationId, yearId: f.yearId, name: "8А", grade: 8 } });
    await db.classTeacher.create({ data: { organisationId, classId: cls.id, userId: f.users.classTeacher } });
    await db.classMembership.create({
      data: { organisationId, studentId: f.left, classId: cls.id, startDate: day("2026-11-11") },
    });
    const lesson = await db.lesson.create({
      data: {
        organisationId,
        classId: cls.id,
        subjectId: f.subjectId,
        teacherId: f.users.teacher,
        date: day("2026-11-11"),
        bellNumber: 1,
      },
    });
    await absent(lesson.id, f.left);
    const ok = await saveReasonsAction(null, formData({ classId: cls.id, [`r:${lesson.id}:${f.left}`]: "UP:N:1" }));
    expect(ok).toEqual({ ok: true, data: { message: "Сохранено причин: 1" } });
  });
});

describe("closing before the period's last day (REC-1, note16)", () => {
  const basis = "приказ № 120 от 20.11.2026";
  const early = "Закрыть до окончания периода";
  let a9: number;
  let b9: number;
  let trimester: number;
  let v8: number;

  /** A class with one pupil, algebra lessons on `dates` and the pupil's final of `periodId`. */
  async function smallClass(
    name: string,
    grade: number,
    dates: string[],
    periodId: number,
    periodKind: "QUARTER" | "TRIMESTER" = "QUARTER",
  ) {
    const { classId, studentId } = await classWithPupil(name, grade, `Ученик${name}`, dates, { periodKind });
    await db.finalMark.create({
      data: {
        organisationId: f.organisationId,
        studentId,
        classId,
        subjectId: f.subjectId,
        kind: "PERIOD",
        periodId,
        value: 5,
        setById: f.users.teacher,
      },
    });
    return classId;
  }

  beforeAll(async () => {
    vi.setSystemTime(NOW);
    // Two lessons of 9А after today (20.11), one of 9Б; today's lesson is not «after today».
    a9 = await smallClass("9А", 9, ["2026-11-19", "2026-11-20", "2026-11-23", "2026-11-24"], f.q2);
    b9 = await smallClass("9Б", 9, ["2026-11-25"], f.q2);
    // A trimester ending today (20.11) and 8В learning by it.
    trimester = (
      await db.period.create({
        data: {
          organisationId: f.organisationId,
          yearId: f.yearId,
          kind: "TRIMESTER",
          number: 1,
          name: "1 триместр",
          startDate: day("2026-09-01"),
          endDate: day("2026-11-20"),
        },
      })
    ).id;
    v8 = await smallClass("8В", 8, ["2026-11-19"], trimester, "TRIMESTER");
  });

  beforeEach(() => {
    vi.setSystemTime(NOW);
  });

  it("refuses without the confirmation, naming the lessons still to come per class, and writes nothing", async () => {
    const before = await dbDigest();
    expect(await close(f.users.deputy, "grade:9", basis, {})).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: `Период «2 четверть» заканчивается 28.12.2026. Чтобы закрыть его раньше, отметьте «${early}»`,
      fieldErrors: {
        early: [
          "Период заканчивается 28.12.2026: 3 урока после сегодняшнего дня будут закрыты до того, как пройдут",
          "По классам: 9А — 2, 9Б — 1",
        ],
      },
    });
    expect(await close(f.users.deputy, `class:${b9}`, basis, {})).toMatchObject({
      ok: false,
      fieldErrors: {
        early: ["Период заканчивается 28.12.2026: 1 урок после сегодняшнего дня будет закрыт до того, как пройдёт"],
      },
    });
    expect(await close(f.users.deputy, `class:${b9}`, basis, { early: "yes" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: `Неверное значение отметки «${early}»`,
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
  });

  it("closes with the confirmation, audited as usual", async () => {
    expect(await close(f.users.deputy, "grade:9", basis, { early: "on" })).toEqual({
      ok: true,
      data: { message: "Период «2 четверть» закрыт: 9А, 9Б", lines: [] },
    });
    const rows = await db.periodClosure.findMany({
      where: { organisationId: f.organisationId, classId: { in: [a9, b9] } },
      select: { classId: true, periodId: true, basis: true, closedAt: true },
      orderBy: { classId: "asc" },
    });
    expect(rows).toEqual([a9, b9].map((classId) => ({ classId, periodId: f.q2, basis, closedAt: NOW })));
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organisationId: f.organisationId, action: "period.close", entityId: String(f.q2) },
      orderBy: { id: "desc" },
    });
    expect(audit.details).toMatchObject({ target: "grade:9", basis, classIds: [a9, b9], beforeEnd: true });
  });

  it("needs no confirmation on or after the last day — the organisation's date, not UTC's", async () => {
    const closeTrimester = () =>
      signInAs(f.organisationId, f.users.deputy).then(() =>
        closePeriodAction(null, formData({ periodId: trimester, target: `class:${v8}`, basis })),
      );
    // 23:30 in Samara on 19.11: the trimester ends tomorrow.
    vi.setSystemTime(new Date("2026-11-19T19:30:00.000Z"));
    expect(await closeTrimester()).toMatchObject({
      ok: false,
      message: `Период «1 триместр» заканчивается 20.11.2026. Чтобы закрыть его раньше, отметьте «${early}»`,
      fieldErrors: {
        early: ["Период заканчивается 20.11.2026: 0 уроков после сегодняшнего дня будут закрыты до того, как пройдут"],
      },
    });
    // 00:30 in Samara on 20.11 (still 19.11 in UTC): its last day.
    vi.setSystemTime(new Date("2026-11-19T20:30:00.000Z"));
    expect(await closeTrimester()).toEqual({
      ok: true,
      data: { message: "Период «1 триместр» закрыт: 8В", lines: [] },
    });
    // After the last day: the 1st quarter (ended 24.10) for 9А.
    vi.setSystemTime(NOW);
    await signInAs(f.organisationId, f.users.deputy);
    expect(await closePeriodAction(null, formData({ periodId: f.q1, target: `class:${a9}`, basis }))).toMatchObject({
      ok: true,
      data: { message: "Период «1 четверть» закрыт: 9А" },
    });
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { organisationId: f.organisationId, action: "period.close", entityId: String(f.q1) },
    });
    expect(audit.details).toMatchObject({ beforeEnd: false });
  });

  it("holds for a college's semester too", async () => {
    const c = await createJournalFixture({ students: 2 });
    await db.organisation.update({ where: { id: c.organisationId }, data: { kind: "COLLEGE" } });
    const semester = await db.period.create({
      data: {
        organisationId: c.organisationId,
        yearId: c.yearId,
        kind: "SEMESTER",
        number: 1,
        name: "1 семестр",
        startDate: day("2026-09-01"),
        endDate: day("2026-12-26"),
      },
    });
    await db.classGroup.update({
      where: { organisationId_id: { organisationId: c.organisationId, id: c.classId } },
      data: { periodKind: "SEMESTER" },
    });
    await db.finalMark.createMany({
      data: [...c.students, c.joined, c.home].map((studentId) => ({
        organisationId: c.organisationId,
        studentId,
        classId: c.classId,
        subjectId: c.subjectId,
        kind: "PERIOD" as const,
        periodId: semester.id,
        value: 4,
        setById: c.users.teacher,
      })),
    });
    const closeSemester = async (fields: Record<string, string>) => {
      await signInAs(c.organisationId, c.users.deputy);
      return closePeriodAction(
        null,
        formData({ periodId: semester.id, target: `class:${c.classId}`, basis, ...fields }),
      );
    };
    const before = await dbDigest();
    // The fixture's lessons run every weekday to 27.11: 23.11–27.11 are after today.
    expect(await closeSemester({})).toEqual({
      ok: false,
      code: "INVALID_INPUT",
      message: `Период «1 семестр» заканчивается 26.12.2026. Чтобы закрыть его раньше, отметьте «${early}»`,
      fieldErrors: {
        early: ["Период заканчивается 26.12.2026: 5 занятий после сегодняшнего дня будут закрыты до того, как пройдут"],
      },
    });
    expect(changedTables(before, await dbDigest())).toEqual([]);
    expect(await closeSemester({ early: "on" })).toEqual({
      ok: true,
      data: { message: "Период «1 семестр» закрыт: 7А", lines: [] },
    });
  });
});
