// A slice of the previous, closed academic year of the demo school (REC-3, REC-4, ARC-2): the
// demo class 7А was 6А and 3Б was 2Б. Both get the year's periods, class teacher, load (Соколова
// taught 6А mathematics), curriculum, subgroups and class lists, a journal of lessons with topics,
// marks and absences, quarter and year finals, the council's decisions with protocol and order,
// the movement book's promotion into this year's class — and one pupil of 6А who left in March
// («выбыл», recorded once in the movement book). The year is CLOSED: it is read, never written.
import type pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import type { AttendanceCode } from "../generated/prisma/enums";
import { bulkInsert, MARK_COLUMNS, type Cell } from "./bulk";
import { schoolCalendar, type Calendar } from "./calendar";
import { addDays, at, day, isoWeekday, onOrAfter, weekdayOnOrBefore } from "./dates";
import { roundMark } from "./finals";
import { controlOf, topicOf } from "./lessons";
import type { OrgPlan, SubjectDef } from "./plan";
import type { Rng } from "./random";
import type { OrgIds } from "./setup";
import { SCHOOL_DEMO_TEACHER } from "./school-plan";

/** This year's class → its name last year. */
const PAST_OF = ["7А", "3Б"] as const;

export interface PastYearArgs {
  db: PrismaClient;
  sql: pg.ClientBase;
  plan: OrgPlan;
  ids: OrgIds;
  cal: Calendar;
  subgroupIds: Map<string, number>;
  subgroupMembers: Map<number, Set<number>>;
  rng: Rng;
}

type Stream = { subjectKey: string; subjectId: number; subgroupId: number | null; teacherId: number; perWeek: number };

/** Spreads a class's weekly hours over Monday–Friday: slot → subject keys, fewest lessons per day first. */
function weeklySlots(hours: [string, number][]): Map<number, string[]> {
  const days = new Map<number, string[]>([1, 2, 3, 4, 5].map((d) => [d, []]));
  for (const [key, perWeek] of hours)
    for (let k = 0; k < perWeek; k++) {
      const free = [...days].sort(
        ([dayA, a], [dayB, b]) =>
          a.filter((x) => x === key).length - b.filter((x) => x === key).length || a.length - b.length || dayA - dayB,
      );
      free[0][1].push(key);
    }
  return days;
}

export async function seedPastYear(a: PastYearArgs): Promise<Record<string, number>> {
  const { db, sql, plan, ids, cal, rng } = a;
  const organisationId = ids.orgId;
  const past = schoolCalendar(cal.startYear - 1);
  const year = await db.academicYear.create({
    data: {
      organisationId,
      name: past.name,
      startDate: past.start,
      endDate: past.end,
      status: "CLOSED",
      isCurrent: false,
      closedAt: at(addDays(cal.start, -2), 17),
    },
  });
  const periods = await db.period.createManyAndReturn({
    data: past.periods.map((p) => ({
      organisationId,
      yearId: year.id,
      kind: p.kind,
      number: p.number,
      name: p.name,
      startDate: p.start,
      endDate: p.end,
    })),
  });
  await db.holiday.createMany({
    data: past.holidays.map((h) => ({
      organisationId,
      yearId: year.id,
      name: h.name,
      startDate: h.start,
      endDate: h.end,
      grade: h.grades?.length === 1 ? h.grades[0] : null,
    })),
  });
  const quarters = periods.filter((p) => p.kind === "QUARTER").sort((x, y) => x.number - y.number);
  const councilDate = weekdayOnOrBefore(day(past.startYear + 1, 5, 27));
  const protocol = { protocolNumber: "9", protocolDate: councilDate };
  const order = { orderNumber: "96-у", orderDate: addDays(councilDate, 2) };
  const subjectDef = new Map(plan.subjects.map((s) => [s.key, s]));
  const counts = { classes: 0, lessons: 0, marks: 0, finals: 0 };

  for (const current of PAST_OF) {
    const now = plan.classes.find((c) => c.name === current)!;
    const grade = now.grade - 1;
    const name = `${grade}${now.letter ?? ""}`;
    const template = plan.classes.find((c) => c.name === name)!;
    const currentId = ids.classIds.get(current)!;
    const shape = await db.classGroup.findUniqueOrThrow({
      where: { organisationId_id: { organisationId, id: currentId } },
      select: { letter: true, periodKind: true, shift: true, bellScheduleId: true, classTeachers: true },
    });
    const cls = await db.classGroup.create({
      data: {
        organisationId,
        yearId: year.id,
        name,
        grade,
        letter: shape.letter,
        periodKind: shape.periodKind,
        shift: shape.shift,
        bellScheduleId: shape.bellScheduleId,
        nextClassId: currentId,
      },
    });
    counts.classes++;
    await db.classTeacher.createMany({
      data: shape.classTeachers.map((ct) => ({ organisationId, classId: cls.id, userId: ct.userId, kind: ct.kind })),
    });
    const curriculum = await db.curriculumItem.findMany({
      where: { organisationId, classId: ids.classIds.get(name)!, periodId: null },
      select: { subjectId: true, hours: true, controlKind: true },
    });
    await db.curriculumItem.createMany({ data: curriculum.map((c) => ({ organisationId, classId: cls.id, ...c })) });

    // Subgroups: last year's halves are this year's (the same pupils, the same names).
    const subgroupOf = new Map<number, number>();
    const members = new Map<number, Set<number>>();
    for (const n of [1, 2]) {
      const nowId = a.subgroupIds.get(`${current}|${n}`);
      if (nowId === undefined) continue;
      const row = await db.subgroup.findUniqueOrThrow({
        where: { organisationId_id: { organisationId, id: nowId } },
        select: { subjectId: true, name: true },
      });
      const made = await db.subgroup.create({ data: { organisationId, classId: cls.id, ...row } });
      subgroupOf.set(n, made.id);
      members.set(made.id, a.subgroupMembers.get(nowId) ?? new Set());
      await db.subgroupMember.createMany({
        data: [...(a.subgroupMembers.get(nowId) ?? [])].map((studentId) => ({
          organisationId,
          subgroupId: made.id,
          studentId,
        })),
      });
    }

    // The load of last year's grade: as this year's class of that grade has it; Соколова had 6А's mathematics.
    const streams: Stream[] = plan.loads
      .filter((l) => l.className === name && (l.subgroup === undefined || subgroupOf.has(l.subgroup)))
      .map((l) => ({
        subjectKey: l.subjectKey,
        subjectId: ids.subjectIds.get(l.subjectKey)!,
        subgroupId: l.subgroup ? subgroupOf.get(l.subgroup)! : null,
        teacherId: ids.teacherIds.get(
          current === "7А" && l.subjectKey === "math" ? SCHOOL_DEMO_TEACHER : l.teacherKey,
        )!,
        perWeek: l.perWeek,
      }));
    await db.teacherLoad.createMany({
      data: streams.map((s) => ({
        organisationId,
        yearId: year.id,
        teacherId: s.teacherId,
        classId: cls.id,
        subjectId: s.subjectId,
        subgroupId: s.subgroupId,
        hoursPerWeek: s.perWeek,
      })),
      skipDuplicates: true,
    });

    // Class lists: who began this year in the class was in it last year.
    const stays = await db.classMembership.findMany({
      where: { organisationId, classId: currentId, startDate: cal.start },
      select: { studentId: true, educationForm: true },
    });
    const lastDay = addDays(cal.start, -1);
    const roll = stays.map((s) => ({ studentId: s.studentId, form: s.educationForm, end: lastDay }));
    if (current === "7А") {
      // One pupil left in March: «выбыл» by order, recorded in the movement book once.
      const left = await db.student.create({
        data: {
          organisationId,
          lastName: "Кравцов",
          firstName: "Илья",
          middleName: "Андреевич",
          birthDate: day(past.startYear - grade - 6, 4, 11),
          sex: "MALE",
        },
      });
      roll.push({
        studentId: left.id,
        form: "FULL_TIME",
        end: addDays(onOrAfter(day(past.startYear + 1, 3, 13), 1), -1),
      });
    }
    await db.classMembership.createMany({
      data: roll.map((r) => ({
        organisationId,
        studentId: r.studentId,
        classId: cls.id,
        startDate: past.start,
        endDate: r.end,
        educationForm: r.form,
      })),
    });
    const leaver = roll.find((r) => r.end.getTime() !== lastDay.getTime());
    let leaverMovement: { id: number; date: Date } | null = null;
    if (leaver) {
      const date = addDays(leaver.end, 1);
      const m = await db.movement.create({
        data: {
          organisationId,
          studentId: leaver.studentId,
          kind: "EXPULSION",
          date,
          orderNumber: "41-у",
          orderDate: addDays(date, -3),
          fromClassId: cls.id,
          note: "Выбыл в порядке перевода в другую школу",
        },
      });
      leaverMovement = { id: m.id, date };
    }
    await db.movement.createMany({
      data: roll
        .filter((r) => r !== leaver)
        .map((r) => ({
          organisationId,
          studentId: r.studentId,
          kind: "PROMOTION" as const,
          date: cal.start,
          ...order,
          fromClassId: cls.id,
          toClassId: currentId,
        })),
    });
    await db.yearDecision.createMany({
      data: roll.map((r) =>
        r === leaver
          ? {
              organisationId,
              yearId: year.id,
              studentId: r.studentId,
              decision: "LEFT" as const,
              date: leaverMovement!.date,
              movementId: leaverMovement!.id,
              orderNumber: "41-у",
              orderDate: addDays(leaverMovement!.date, -3),
              ...protocol,
            }
          : {
              organisationId,
              yearId: year.id,
              studentId: r.studentId,
              decision: "PROMOTED" as const,
              toGrade: grade + 1,
              ...order,
              ...protocol,
            },
      ),
    });

    // The journal: lessons of every stream on the year's school days, marks, absences, finals.
    const slots = weeklySlots(Object.entries(template.subjects));
    const nth = new Map<string, number>();
    const lessonRows: Cell[][] = [];
    const lessonMeta: { date: Date; stream: Stream; n: number }[] = [];
    for (const date of past.schoolDays(grade)) {
      const keys = slots.get(isoWeekday(date)) ?? [];
      keys.forEach((key, i) => {
        for (const stream of streams.filter((s) => s.subjectKey === key)) {
          const streamKey = `${key}|${stream.subgroupId ?? 0}`;
          const n = nth.get(streamKey) ?? 0;
          nth.set(streamKey, n + 1);
          const subject = subjectDef.get(key)!;
          lessonRows.push([
            organisationId,
            cls.id,
            stream.subgroupId,
            stream.subjectId,
            stream.teacherId,
            date,
            i + 1,
            topicOf(plan, subject, grade, stream.perWeek, n, false),
            at(date, 15),
            at(date, 15),
          ]);
          lessonMeta.push({ date, stream, n });
        }
      });
    }
    const lessonIds = await bulkInsert(
      sql,
      "Lesson",
      "organisationId classId subgroupId subjectId teacherId date bellNumber topic filledAt updatedAt",
      lessonRows,
      ["id"],
    );
    counts.lessons += lessonIds.length;
    const ability = new Map(roll.map((r) => [r.studentId, 2.8 + rng.next() * 2.2]));
    const inClass = (studentId: number, date: Date, subgroupId: number | null) =>
      roll.some((r) => r.studentId === studentId && date.getTime() <= r.end.getTime()) &&
      (subgroupId === null || members.get(subgroupId)?.has(studentId) === true);
    const assignmentRows: Cell[][] = [];
    const markPlan: { lesson: number; studentId: number; value: number; typeWeight: number; date: Date }[][] = [];
    const attendanceRows: Cell[][] = [];
    lessonMeta.forEach((l, i) => {
      const lessonId = lessonIds[i].id as number;
      const control = controlOf(subjectDef.get(l.stream.subjectKey) as SubjectDef, l.n);
      const type = ids.types.get(control ?? "Ответ на уроке") ?? ids.types.get("Ответ на уроке")!;
      const pupils = roll.map((r) => r.studentId).filter((s) => inClass(s, l.date, l.stream.subgroupId));
      const absent = new Set(pupils.filter(() => rng.chance(0.05)));
      for (const studentId of absent)
        attendanceRows.push([
          organisationId,
          lessonId,
          studentId,
          rng.pick<AttendanceCode>(["B", "B", "UP", "N"]),
          l.stream.teacherId,
          at(l.date, 15),
        ]);
      const present = pupils.filter((s) => !absent.has(s));
      const marked = control ? present : rng.sample(present, Math.min(present.length, rng.int(2, 5)));
      assignmentRows.push([organisationId, lessonId, type.id, at(l.date, 15)]);
      markPlan.push(
        marked.map((studentId) => ({
          lesson: lessonId,
          studentId,
          value: Math.max(2, Math.min(5, Math.round(ability.get(studentId)! + rng.normal(0, 0.7)))),
          typeWeight: type.weight,
          date: l.date,
        })),
      );
    });
    const assignments = await bulkInsert(
      sql,
      "Assignment",
      "organisationId lessonId typeId createdAt",
      assignmentRows,
      ["id"],
    );
    const markRows: Cell[][] = markPlan.flatMap((marks, i) =>
      marks.map((m) => [
        organisationId,
        m.lesson,
        assignments[i].id as number,
        m.studentId,
        "GRADE",
        m.value,
        false,
        null,
        lessonMeta[i].stream.teacherId,
        lessonMeta[i].stream.teacherId,
        at(m.date, 15),
        at(m.date, 15),
      ]),
    );
    await bulkInsert(sql, "Mark", MARK_COLUMNS, markRows);
    counts.marks += markRows.length;
    await bulkInsert(sql, "Attendance", "organisationId lessonId studentId code updatedById updatedAt", attendanceRows);

    // Finals: each quarter the rounded weighted average, the year the rounded mean of the quarters.
    const finalRows: Cell[][] = [];
    const flat = markPlan.flatMap((marks, i) =>
      marks.map((m) => ({ ...m, subjectId: lessonMeta[i].stream.subjectId })),
    );
    const teacherOf = new Map(streams.map((s) => [s.subjectId, s.teacherId]));
    for (const r of roll)
      for (const subjectId of new Set(streams.map((s) => s.subjectId))) {
        const quarterly: number[] = [];
        for (const q of quarters) {
          if (q.endDate.getTime() > r.end.getTime()) continue;
          const own = flat.filter(
            (m) =>
              m.studentId === r.studentId &&
              m.subjectId === subjectId &&
              m.date.getTime() >= q.startDate.getTime() &&
              m.date.getTime() <= q.endDate.getTime(),
          );
          // Without a mark in the quarter the teacher's final follows the pupil's level.
          const avg = own.length
            ? own.reduce((s, m) => s + m.value * m.typeWeight, 0) / own.reduce((s, m) => s + m.typeWeight, 0)
            : Math.min(5, ability.get(r.studentId)!);
          const value = roundMark(avg, 0.5);
          quarterly.push(value);
          finalRows.push([
            organisationId,
            r.studentId,
            cls.id,
            subjectId,
            "PERIOD",
            q.id,
            value,
            teacherOf.get(subjectId)!,
            at(q.endDate, 16),
          ]);
        }
        if (r !== leaver && quarterly.length === quarters.length)
          finalRows.push([
            organisationId,
            r.studentId,
            cls.id,
            subjectId,
            "YEAR",
            null,
            roundMark(quarterly.reduce((s, v) => s + v, 0) / quarterly.length, 0.5),
            teacherOf.get(subjectId)!,
            at(past.end, 12),
          ]);
      }
    await bulkInsert(
      sql,
      "FinalMark",
      "organisationId studentId classId subjectId kind periodId value setById setAt",
      finalRows,
    );
    counts.finals += finalRows.length;
  }
  return counts;
}
