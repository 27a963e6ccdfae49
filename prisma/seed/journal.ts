// The journal of one organisation: timetable entries, changes, the approved КТП of the
// demo teacher, lessons, homework, assignments, marks, attendance and period finals.
// The large tables go through bulkInsert (one statement per few thousand rows).
import type pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import { bulkInsert, MARK_COLUMNS, type Cell } from "./bulk";
import type { Calendar } from "./calendar";
import { insertChanges } from "./changes";
import type { Contingent } from "./contingent";
import { at, isoWeekday, within } from "./dates";
import { buildFinals } from "./finals";
import { buildLessons, type Changes, type EntryRow, type LessonSpec, type PlanBinding } from "./lessons";
import { generateJournal, type MemberRow } from "./marks";
import { insertPlan } from "./misc";
import type { OrgPlan } from "./plan";
import type { Rng } from "./random";
import type { RosterIds } from "./roster";
import type { OrgIds } from "./setup";
import type { Slot } from "./timetable";

export interface JournalArgs {
  college: boolean;
  today: Date;
  cal: Calendar;
  plan: OrgPlan;
  ids: OrgIds;
  roster: RosterIds;
  cont: Contingent;
  slots: Slot[];
  deputyLogin: string;
  schedulerLogin: string;
  /** School: the demo teacher's approved КТП bound to the lessons of one class. */
  demo?: { teacherKey: string; className: string; subjectKey: string };
}

export interface JournalResult {
  entries: EntryRow[];
  lessons: LessonSpec[];
  noTopicLesson?: LessonSpec;
  counts: Record<string, number>;
}

export async function seedJournal(
  db: PrismaClient,
  sql: pg.ClientBase,
  a: JournalArgs,
  rng: Rng,
): Promise<JournalResult> {
  const { ids, plan, cal, today } = a;
  const organisationId = ids.orgId;
  const cls = (name: string) => plan.classes.find((c) => c.name === name)!;
  const teacher = (key: string) => plan.teachers.find((t) => t.key === key)!;

  // Weekly timetable (SCH-2), valid for the whole year.
  const rows = await db.timetableEntry.createManyAndReturn({
    data: a.slots.map((s) => ({
      organisationId,
      classId: ids.classIds.get(s.className)!,
      subgroupId: s.subgroup ? a.roster.subgroupIds.get(`${s.className}|${s.subgroup}`)! : null,
      subjectId: ids.subjectIds.get(s.subjectKey)!,
      teacherId: ids.teacherIds.get(s.teacherKey)!,
      roomId: ids.roomIds.get(teacher(s.teacherKey).roomName)!,
      weekday: s.weekday,
      bellNumber: s.bell,
      hours: plan.lessonHours,
      validFrom: cal.start,
      validTo: cal.end,
    })),
  });
  const entryKey = (classId: number, weekday: number, bell: number, subgroupId: number | null) =>
    `${classId}|${weekday}|${bell}|${subgroupId ?? 0}`;
  const rowByKey = new Map(rows.map((r) => [entryKey(r.classId, r.weekday, r.bellNumber, r.subgroupId), r]));
  const entries: EntryRow[] = a.slots.map((s) => {
    const classId = ids.classIds.get(s.className)!;
    const subgroupId = s.subgroup ? a.roster.subgroupIds.get(`${s.className}|${s.subgroup}`)! : null;
    const r = rowByKey.get(entryKey(classId, s.weekday, s.bell, subgroupId))!;
    return {
      id: r.id,
      classId,
      className: s.className,
      grade: cls(s.className).grade,
      subgroupId,
      subgroup: s.subgroup,
      subjectKey: s.subjectKey,
      subjectId: r.subjectId,
      teacherKey: s.teacherKey,
      teacherId: r.teacherId,
      roomId: r.roomId,
      weekday: s.weekday,
      bell: s.bell,
    };
  });

  let changes: Changes = {};
  let binding: PlanBinding | undefined;
  let noTopic: { entryId: number; date: Date } | undefined;
  if (a.demo) {
    changes = await insertChanges(db, {
      organisationId,
      cal,
      today,
      entries,
      schedulerId: ids.users.get(a.schedulerLogin)!,
      roomId: (n) => ids.roomIds.get(n)!,
    });
    const c = cls(a.demo.className);
    binding = await insertPlan(
      db,
      plan,
      {
        organisationId,
        yearId: ids.yearId,
        teacherId: ids.teacherIds.get(a.demo.teacherKey)!,
        reviewerId: ids.users.get(a.deputyLogin)!,
        classId: ids.classIds.get(c.name)!,
        className: c.name,
        grade: c.grade,
        subject: plan.subjects.find((s) => s.key === a.demo!.subjectKey)!,
        subjectId: ids.subjectIds.get(a.demo.subjectKey)!,
        perWeek: c.subjects[a.demo.subjectKey],
        startYear: cal.startYear,
      },
      rng.fork("plan"),
    );
    // A recent lesson of the demo teacher (another class) left without a topic: the deputy's remark (CTL-2).
    const past = cal.schoolDays(5).filter((d) => d.getTime() < today.getTime());
    for (let i = past.length - 3; i >= Math.max(0, past.length - 8) && !noTopic; i--) {
      const e = entries.find(
        (x) =>
          x.teacherKey === a.demo!.teacherKey && x.className !== a.demo!.className && x.weekday === isoWeekday(past[i]),
      );
      if (e) noTopic = { entryId: e.id, date: past[i] };
    }
  }

  const lessons = buildLessons(plan, cal, today, entries, changes, rng.fork("lessons"), {
    college: a.college,
    binding,
    noTopic,
  });
  const lessonRows: Cell[][] = lessons.map((l) => [
    organisationId,
    l.entry.classId,
    l.entry.subgroupId,
    l.entry.subjectId,
    l.teacherId,
    l.substituteId,
    l.substitutionId,
    l.entry.id,
    l.roomId,
    l.date,
    l.entry.bell,
    plan.lessonHours,
    l.cancelled ? "CANCELLED" : "SCHEDULED",
    l.topic,
    l.planTopicId,
    l.filledAt,
    // A future lesson (DAY-1) was generated at the start of the demo's day, not in its future.
    l.filledAt ?? (l.date.getTime() > today.getTime() ? at(today, 0, 0) : at(l.date, 8, 0)),
  ]);
  const lessonIds = await bulkInsert(
    sql,
    "Lesson",
    "organisationId classId subgroupId subjectId teacherId substituteId substitutionId entryId roomId date bellNumber hours status topic planTopicId filledAt updatedAt",
    lessonRows,
    ["id", "entryId"],
  );
  lessons.forEach((l, i) => {
    if (lessonIds[i].entryId !== l.entry.id) throw new Error("seed: lesson ids out of order");
    l.id = lessonIds[i].id as number;
  });
  const author = (l: LessonSpec): number => l.substituteId ?? l.teacherId;
  const homework = lessons.filter((l) => l.homework);
  await bulkInsert(
    sql,
    "Homework",
    "organisationId lessonId text dueDate fromPlan createdById createdAt updatedAt",
    homework.map((l) => {
      const t = l.filledAt ?? at(l.date, 15, 0);
      return [organisationId, l.id!, l.homework!.text, l.homework!.dueDate, l.homework!.fromPlan, author(l), t, t];
    }),
  );

  // Marks and attendance (JRN-3, JRN-4).
  const memberships: MemberRow[] = a.cont.memberships.map((m) => ({
    studentId: m.student.id!,
    classId: ids.classIds.get(m.className)!,
    start: m.start,
    end: m.end,
    form: m.form,
  }));
  const classes = new Map(
    plan.classes.map((c) => [
      ids.classIds.get(c.name)!,
      {
        grade: c.grade,
        periodKind: c.periodKind,
        classTeacherId: a.roster.classTeacherIds.get(c.name)!,
        perWeek: c.subjects,
      },
    ]),
  );
  const periodId = (kind: string, d: Date) => ids.periods.find((p) => p.kind === kind && within(d, p.start, p.end))?.id;
  const gen = generateJournal(
    {
      college: a.college,
      today,
      cal,
      memberships,
      periodId,
      classes,
      subjects: new Map(plan.subjects.map((s) => [ids.subjectIds.get(s.key)!, s])),
      traits: new Map(
        a.cont.students.map((s) => [s.id!, { ability: s.ability, absence: s.absence, grade: cls(s.className).grade }]),
      ),
      subgroupMembers: a.roster.subgroupMembers,
    },
    lessons,
    new Map([...ids.types].map(([n, t]) => [n, t.weight])),
    rng.fork("marks"),
  );

  await bulkInsert(
    sql,
    "Attendance",
    "organisationId lessonId studentId code missedHours updatedById reasonSetById updatedAt",
    gen.attendance.map((x) => [
      organisationId,
      x.lesson.id!,
      x.studentId,
      x.code,
      a.college && x.code !== "OP" ? plan.lessonHours : null,
      author(x.lesson),
      x.reasonSetById,
      x.updatedAt,
    ]),
  );
  const assignmentIds = await bulkInsert(
    sql,
    "Assignment",
    "organisationId lessonId typeId description createdAt",
    gen.assignments.map((x) => [
      organisationId,
      x.lesson.id!,
      ids.types.get(x.typeName)!.id,
      x.description,
      x.createdAt,
    ]),
    ["id", "lessonId"],
  );
  const markRows: Cell[][] = [];
  gen.assignments.forEach((x, i) => {
    if (assignmentIds[i].lessonId !== x.lesson.id) throw new Error("seed: assignment ids out of order");
    for (const m of x.marks) {
      markRows.push([
        organisationId,
        x.lesson.id!,
        assignmentIds[i].id as number,
        m.studentId,
        m.kind,
        m.value,
        m.isHospital,
        m.comment,
        author(x.lesson),
        author(x.lesson),
        m.createdAt,
        m.createdAt,
      ]);
    }
  });
  await bulkInsert(sql, "Mark", MARK_COLUMNS, markRows);

  // Period finals (FIN-2) of the periods already over.
  const loadTeacher = (className: string, subjectKey: string, studentId: number): number => {
    const loads = plan.loads.filter((l) => l.className === className && l.subjectKey === subjectKey);
    const own = loads.find(
      (l) =>
        l.subgroup &&
        a.roster.subgroupMembers.get(a.roster.subgroupIds.get(`${className}|${l.subgroup}`)!)?.has(studentId),
    );
    return ids.teacherIds.get((own ?? loads[0]).teacherKey)!;
  };
  const finals = buildFinals(
    {
      today,
      college: a.college,
      threshold: 0.5,
      periods: ids.periods,
      memberships,
      accum: gen.accum,
      teacherFor: loadTeacher,
      deputyId: ids.users.get(a.deputyLogin)!,
      ability: (id) => a.cont.students.find((s) => s.id === id)!.ability,
      classes: plan.classes.map((c) => ({
        id: ids.classIds.get(c.name)!,
        name: c.name,
        grade: c.grade,
        periodKind: c.periodKind,
        subjects: Object.keys(c.subjects).map((k) => ({
          id: ids.subjectIds.get(k)!,
          def: plan.subjects.find((s) => s.key === k)!,
        })),
      })),
    },
    rng.fork("finals"),
  );
  await bulkInsert(
    sql,
    "FinalMark",
    "organisationId studentId classId subjectId kind periodId form value special setById setAt",
    finals.map((x) => [
      organisationId,
      x.studentId,
      x.classId,
      x.subjectId,
      "PERIOD",
      x.periodId,
      x.form,
      x.value,
      x.special,
      x.setById,
      x.setAt,
    ]),
  );

  const noTopicLesson =
    noTopic && lessons.find((l) => l.entry.id === noTopic!.entryId && l.date.getTime() === noTopic!.date.getTime());
  return {
    entries,
    lessons,
    noTopicLesson,
    counts: {
      timetable: entries.length,
      lessons: lessons.length,
      homework: homework.length,
      assignments: gen.assignments.length,
      marks: markRows.length,
      attendance: gen.attendance.length,
      finals: finals.length,
    },
  };
}
