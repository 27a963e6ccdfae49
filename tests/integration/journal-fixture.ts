// A small school for the journal's integration tests, written straight through Prisma: one class
// (7А) with `students` pupils, algebra taught by `teacher`, a class teacher, an ADMIN, a DEPUTY, a teacher of
// nothing here, a first grade, lessons every weekday of November 2026 and two assignment types.
// The clock of these tests: NOW = 2026-11-20 12:00 in Samara.
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import type { Role } from "@/lib/access/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { sessionUser } from "../support/session-user";

export const NOW = new Date("2026-11-20T08:00:00.000Z"); // 12:00 Europe/Samara
export const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

export type JournalFixture = Awaited<ReturnType<typeof createJournalFixture>>;

let seq = 0;

export async function createJournalFixture(opts: { students?: number; lessons?: number } = {}) {
  seq += 1;
  const tag = `${process.pid}-${seq}-${Math.random().toString(36).slice(2, 7)}`;
  const region = await db.region.create({ data: { name: `Регион ${tag}` } });
  const municipality = await db.municipality.create({ data: { regionId: region.id, name: `Округ ${tag}` } });
  const org = await db.organisation.create({
    data: {
      regionId: region.id,
      municipalityId: municipality.id,
      kind: "SCHOOL",
      name: `Школа ${tag}`,
      shortName: "Школа",
    },
  });
  const organisationId = org.id;
  await db.organisationSettings.create({
    data: { organisationId, lockDays: 7, averagingMethod: "WEIGHTED", roundingThreshold: 0.5 },
  });
  const year = await db.academicYear.create({
    data: {
      organisationId,
      name: "2026/2027",
      startDate: day("2026-09-01"),
      endDate: day("2027-05-31"),
      isCurrent: true,
    },
  });
  const q1 = await db.period.create({
    data: {
      organisationId,
      yearId: year.id,
      kind: "QUARTER",
      number: 1,
      name: "1 четверть",
      startDate: day("2026-09-01"),
      endDate: day("2026-10-24"),
    },
  });
  const q2 = await db.period.create({
    data: {
      organisationId,
      yearId: year.id,
      kind: "QUARTER",
      number: 2,
      name: "2 четверть",
      startDate: day("2026-11-05"),
      endDate: day("2026-12-28"),
    },
  });
  const cls = await db.classGroup.create({ data: { organisationId, yearId: year.id, name: "7А", grade: 7 } });
  const first = await db.classGroup.create({ data: { organisationId, yearId: year.id, name: "1А", grade: 1 } });
  const subject = await db.subject.create({ data: { organisationId, name: "Алгебра", shortName: "Алг" } });
  const answer = await db.assignmentType.create({
    data: { organisationId, name: "Ответ на уроке", shortName: "Отв", weight: 1, sortOrder: 1 },
  });
  const test = await db.assignmentType.create({
    data: { organisationId, name: "Контрольная работа", shortName: "К/р", weight: 2, isControl: true, sortOrder: 2 },
  });

  const mkUser = async (login: string, lastName: string, role: "TEACHER" | "ADMIN" | "DEPUTY") => {
    const u = await db.user.create({
      data: { organisationId, login, passwordHash: "-", mustChangePassword: false, lastName, firstName: "Тест" },
    });
    await db.userRole.create({ data: { organisationId, userId: u.id, role } });
    return u.id;
  };
  const teacher = await mkUser("teacher", "Соколова", "TEACHER");
  const other = await mkUser("other", "Посторонняя", "TEACHER");
  const classTeacher = await mkUser("ct", "Классная", "TEACHER");
  const substitute = await mkUser("sub", "Заменяющий", "TEACHER");
  const admin = await mkUser("admin", "Морозов", "ADMIN");
  const deputy = await mkUser("zavuch", "Орлова", "DEPUTY");
  await db.teacherLoad.create({
    data: {
      organisationId,
      yearId: year.id,
      teacherId: teacher,
      classId: cls.id,
      subjectId: subject.id,
      hoursPerWeek: 3,
    },
  });
  await db.teacherLoad.create({
    data: {
      organisationId,
      yearId: year.id,
      teacherId: teacher,
      classId: first.id,
      subjectId: subject.id,
      hoursPerWeek: 3,
    },
  });
  await db.classTeacher.create({ data: { organisationId, classId: cls.id, userId: classTeacher } });

  const n = opts.students ?? 5;
  const students: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = await db.student.create({
      data: {
        organisationId,
        lastName: `Ученик${String(i).padStart(3, "0")}`,
        firstName: "Иван",
        birthDate: day("2013-01-01"),
      },
    });
    await db.classMembership.create({
      data: { organisationId, studentId: s.id, classId: cls.id, startDate: day("2026-09-01") },
    });
    students.push(s.id);
  }
  const mkSpecial = async (
    lastName: string,
    spans: { start: string; end?: string; form?: "HOME" | "FULL_TIME" }[],
    classId = cls.id,
  ) => {
    const s = await db.student.create({
      data: { organisationId, lastName, firstName: "Пётр", birthDate: day("2013-01-01") },
    });
    for (const span of spans) {
      await db.classMembership.create({
        data: {
          organisationId,
          studentId: s.id,
          classId,
          startDate: day(span.start),
          endDate: span.end ? day(span.end) : null,
          educationForm: span.form ?? "FULL_TIME",
        },
      });
    }
    return s.id;
  };
  const joined = await mkSpecial("Новенький", [{ start: "2026-11-16" }]);
  const left = await mkSpecial("Выбывший", [{ start: "2026-09-01", end: "2026-11-10" }]);
  const home = await mkSpecial("Надомник", [{ start: "2026-09-01", form: "HOME" }]);
  const firstGrader = await mkSpecial("Первоклассник", [{ start: "2026-09-01" }], first.id);

  // Lessons: every weekday 2026-11-05 … 2026-11-27, bell 2 (some after NOW, so "future").
  const lessonCount = opts.lessons ?? 17;
  const dates: Date[] = [];
  for (let d = day("2026-11-05"); dates.length < lessonCount; d = new Date(d.getTime() + 86_400_000)) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) dates.push(d);
  }
  const lessons = new Map<string, number>();
  for (const date of dates) {
    const l = await db.lesson.create({
      data: { organisationId, classId: cls.id, subjectId: subject.id, teacherId: teacher, date, bellNumber: 2 },
    });
    lessons.set(date.toISOString().slice(0, 10), l.id);
  }
  const firstLesson = await db.lesson.create({
    data: {
      organisationId,
      classId: first.id,
      subjectId: subject.id,
      teacherId: teacher,
      date: day("2026-11-19"),
      bellNumber: 1,
    },
  });
  const lesson = (iso: string) => {
    const id = lessons.get(iso);
    if (!id) throw new Error(`no lesson on ${iso}`);
    return id;
  };
  return {
    organisationId,
    yearId: year.id,
    q1: q1.id,
    q2: q2.id,
    classId: cls.id,
    firstClassId: first.id,
    subjectId: subject.id,
    types: { answer: answer.id, test: test.id },
    users: { teacher, other, classTeacher, substitute, admin, deputy },
    students,
    joined,
    left,
    home,
    firstGrader,
    lessons,
    lesson,
    firstLesson: firstLesson.id,
    actor: (userId: number) => ({ organisationId, id: userId }),
  };
}

/**
 * Another lesson of the fixture's class and subject by its teacher on `iso`, at bell 7 (clear of the
 * fixture's own at bell 2) — a subgroup's when `subgroupId` is set; the lesson's id.
 */
export async function addLesson(f: JournalFixture, iso: string, subgroupId: number | null = null): Promise<number> {
  const l = await db.lesson.create({
    data: {
      organisationId: f.organisationId,
      classId: f.classId,
      subjectId: f.subjectId,
      teacherId: f.users.teacher,
      date: day(iso),
      bellNumber: 7,
      subgroupId,
    },
  });
  return l.id;
}

/** An assignment of a lesson (the grid's column for marks). */
export async function addAssignment(f: JournalFixture, lessonId: number, typeId = f.types.answer): Promise<number> {
  const a = await db.assignment.create({ data: { organisationId: f.organisationId, lessonId, typeId } });
  return a.id;
}

/**
 * A grade written straight into Mark as the fixture's teacher (no save rules, no history), at `updatedAt` —
 * for readers' tests that need a mark's every column as given (the diary's week).
 */
export async function addMark(
  f: JournalFixture,
  m: { lessonId: number; assignmentId: number; studentId: number; value: number; updatedAt: Date },
  extra: { isHospital?: boolean; comment?: string } = {},
) {
  return db.mark.create({
    data: {
      organisationId: f.organisationId,
      ...m,
      ...extra,
      createdById: f.users.teacher,
      updatedById: f.users.teacher,
    },
  });
}

/**
 * The diary's week of marks on one lesson (diary-week, diary-week-lessons): an answer (weight 1.5) and a test;
 * `s1` a hospital 5 with a comment and a 4, `s2` a 2 — all last changed at 2026-11-16 10:00 UTC.
 */
export async function addDiaryMarks(f: JournalFixture, lessonId: number, s1: number, s2: number) {
  const { id: answer } = await db.assignment.create({
    data: { organisationId: f.organisationId, lessonId, typeId: f.types.answer, weight: 1.5 },
  });
  const test = await addAssignment(f, lessonId, f.types.test);
  const updatedAt = new Date("2026-11-16T10:00:00.000Z");
  await addMark(
    f,
    { lessonId, assignmentId: answer, studentId: s1, value: 5, updatedAt },
    { isHospital: true, comment: "устно" },
  );
  await addMark(f, { lessonId, assignmentId: test, studentId: s1, value: 4, updatedAt });
  await addMark(f, { lessonId, assignmentId: answer, studentId: s2, value: 2, updatedAt });
  return { answer, test };
}

/** A login of the fixture's organisation with one role («<lastName> Тест»); the user's id. */
export async function addUser(f: JournalFixture, login: string, role: Role, lastName = login): Promise<number> {
  const u = await db.user.create({
    data: {
      organisationId: f.organisationId,
      login,
      passwordHash: "-",
      mustChangePassword: false,
      lastName,
      firstName: "Тест",
    },
  });
  await db.userRole.create({ data: { organisationId: f.organisationId, userId: u.id, role } });
  return u.id;
}

/** A final mark «4» in the fixture's subject set by its teacher: the 2nd quarter's (PERIOD) or the year's (YEAR). */
export async function addFinal(f: JournalFixture, studentId: number, kind: "PERIOD" | "YEAR"): Promise<void> {
  await db.finalMark.create({
    data: {
      organisationId: f.organisationId,
      studentId,
      classId: f.classId,
      subjectId: f.subjectId,
      kind,
      ...(kind === "PERIOD" ? { periodId: f.q2 } : {}),
      value: 4,
      setById: f.users.teacher,
    },
  });
}

/** 7А's 2nd quarter closed by the deputy's order (REC-1: «приказ № 112 от 19.11.2026»). */
export async function closeQ2(f: JournalFixture): Promise<void> {
  await db.periodClosure.create({
    data: {
      organisationId: f.organisationId,
      classId: f.classId,
      periodId: f.q2,
      basis: "приказ № 112 от 19.11.2026",
      closedById: f.users.deputy,
      closedAt: new Date("2026-11-19T10:00:00Z"),
    },
  });
}

/** A lesson filled at `at` (CTL-1, DUT-1): topic, homework «§ 1», one answer marked «4» for each of `studentIds`. */
export async function fillLesson(f: JournalFixture, lessonId: number, at: Date, studentIds: number[]): Promise<void> {
  const organisationId = f.organisationId;
  await db.lesson.update({
    where: { organisationId_id: { organisationId, id: lessonId } },
    data: { topic: "Тема", filledAt: at },
  });
  await db.homework.create({
    data: { organisationId, lessonId, text: "§ 1", createdById: f.users.teacher, createdAt: at },
  });
  const assignmentId = await addAssignment(f, lessonId);
  for (const studentId of studentIds)
    await db.mark.create({
      data: {
        organisationId,
        lessonId,
        assignmentId,
        studentId,
        value: 4,
        createdById: f.users.teacher,
        updatedById: f.users.teacher,
        createdAt: at,
      },
    });
}

/** The teacher's mark `input` for a student in a new column of the lesson on `iso`, saved as the grid saves it. */
export async function teacherMark(
  f: JournalFixture,
  iso: string,
  studentId: number,
  input: string,
  opts: { typeId?: number; now?: Date } = {},
) {
  const lessonId = f.lesson(iso);
  const assignmentId = await addAssignment(f, lessonId, opts.typeId);
  return saveCell(
    f.actor(f.users.teacher),
    { kind: "mark", lessonId, assignmentId, studentId, input, version: 0 },
    opts.now ?? NOW,
  );
}

/** A server action's form data from plain fields. */
export function formData(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, String(v));
  return data;
}

/** The session user a page loader takes, for a fixture user (roles as the session carries them). */
export function currentUser(f: JournalFixture, id: number, roles: string[]): CurrentUser {
  return sessionUser(id, f.organisationId, { roles });
}

/** A default bell schedule of six lessons (SCH-1), for timetable entries and lesson generation. */
export async function addBells(f: JournalFixture): Promise<void> {
  const organisationId = f.organisationId;
  const bells = await db.bellSchedule.create({ data: { organisationId, name: "Основное", isDefault: true } });
  await db.bell.createMany({
    data: [1, 2, 3, 4, 5, 6].map((number) => ({
      organisationId,
      scheduleId: bells.id,
      number,
      startTime: `${7 + number}:00`,
      endTime: `${7 + number}:45`,
    })),
  });
}

/** PRG-3: the fixture's timetable as approved by the director, so lessons are generated from it. */
export async function approveTimetable(f: JournalFixture): Promise<void> {
  await db.timetableVersion.create({
    data: {
      organisationId: f.organisationId,
      yearId: f.yearId,
      number: 1,
      status: "APPROVED",
      snapshot: [],
      classIds: [f.classId, f.firstClassId],
    },
  });
}
