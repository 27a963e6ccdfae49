// Reads for journal-keeping control (CTL-1, CTL-3). Every query is bound to the organisation;
// the class scope (null = all classes) comes from the access gate. The number of queries is
// constant: two parallel rounds whatever the number of lessons, marks or students.
import { db, rawStatement } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { col } from "@/lib/sql";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import { calendarDayIn, todayIn, wallTimeToInstant } from "@/lib/org/time";
import type { ActivityFacts, FillChange, FillLesson } from "./rules";

export type FillQuery = { from: Date; to: Date; classIds: Set<number> | null; teacherId?: number; subjectId?: number };

export type FillFacts = {
  orgName: string;
  isCollege: boolean;
  timeZone: string;
  lockDays: number;
  lessons: FillLesson[];
  changes: FillChange[];
  roll: Map<number, number>;
  teachers: Map<number, string>;
  classes: Map<number, string>;
  subjects: Map<number, string>;
};

/**
 * Marks of the lessons grouped by lesson and the calendar day (in the organisation's zone) they
 * were made: how many, the latest creation and the latest edit (epoch ms) — a few rows per lesson
 * instead of two per mark.
 */
export const MARK_DAYS = rawStatement(
  { lessonId: col.int, marks: col.int, createdAt: col.float, updatedAt: col.float },
  (organisationId: number, lessonIds: readonly number[], timeZone: string) => Prisma.sql`
    SELECT m."lessonId", count(*)::int AS marks,
           (extract(epoch FROM max(m."createdAt")) * 1000)::float8 AS "createdAt",
           (extract(epoch FROM max(m."updatedAt")) * 1000)::float8 AS "updatedAt"
      FROM "Mark" m
     WHERE m."organisationId" = ${organisationId} AND m."lessonId" = ANY(${[...lessonIds]}::int[])
     GROUP BY m."lessonId", (m."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date`,
);

/** Held lessons (not cancelled, not in the future) of the range with their fill flags and changes. */
export async function loadFillFacts(organisationId: number, q: FillQuery, now: Date): Promise<FillFacts> {
  const classFilter = q.classIds ? { classId: { in: [...q.classIds] } } : {};
  const teacherFilter = q.teacherId
    ? { OR: [{ substituteId: q.teacherId }, { substituteId: null, teacherId: q.teacherId }] }
    : {};
  const [org, allLessons] = await Promise.all([
    db.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { name: true, kind: true, timeZone: true, settings: { select: { lockDays: true } } },
    }),
    db.lesson.findMany({
      where: {
        organisationId,
        status: "SCHEDULED",
        date: { gte: q.from, lte: q.to },
        ...classFilter,
        ...teacherFilter,
        ...(q.subjectId ? { subjectId: q.subjectId } : {}),
      },
      select: {
        id: true,
        classId: true,
        subjectId: true,
        teacherId: true,
        substituteId: true,
        date: true,
        topic: true,
        filledAt: true,
      },
    }),
  ]);
  // Lessons after today are not held yet (the zone's today, known once the organisation is read).
  const today = todayIn(org.timeZone, now);
  const to = q.to < today ? q.to : today;
  const lessons = allLessons.filter((l) => l.date <= today);
  const lessonIds = lessons.map((l) => l.id);
  const dayOf = calendarDayIn(org.timeZone);
  const classIds = [...new Set(lessons.map((l) => l.classId))];
  const teacherIds = [...new Set(lessons.map((l) => l.substituteId ?? l.teacherId))];
  const subjectIds = [...new Set(lessons.map((l) => l.subjectId))];
  const [history, present, markDays, attendance, homework, members, teachers, classes, subjects] = await Promise.all([
    // The journal history counts only for «последнее заполнение»: its latest record per lesson.
    db.journalChange.groupBy({
      by: ["lessonId"],
      where: { organisationId, lessonId: { in: lessonIds } },
      _max: { at: true },
    }),
    // «Все присутствуют» saved as one history record: attendance taken without a cell.
    db.journalChange.groupBy({
      by: ["lessonId"],
      where: {
        organisationId,
        lessonId: { in: lessonIds },
        entity: "ATTENDANCE",
        entityKey: { endsWith: ":attendance" },
      },
    }),
    // RPT-11 (issue 18): the cells' own timestamps — a mark made late is late whatever the
    // history holds, and a journal filled without a change record still shows when. Counted per
    // lesson and creation day in SQL (issue 22 item 7), not loaded mark by mark.
    MARK_DAYS.run(db, organisationId, lessonIds, org.timeZone),
    db.attendance.groupBy({
      by: ["lessonId"],
      where: { organisationId, lessonId: { in: lessonIds } },
      _max: { updatedAt: true },
    }),
    db.homework.groupBy({
      by: ["lessonId"],
      where: { organisationId, lessonId: { in: lessonIds } },
      _max: { updatedAt: true },
    }),
    db.classMembership.findMany({
      where: {
        organisationId,
        classId: { in: classIds },
        startDate: { lte: to },
        OR: [{ endDate: null }, { endDate: { gte: q.from } }],
      },
      select: { classId: true, studentId: true },
    }),
    db.user.findMany({
      where: { organisationId, id: { in: teacherIds } },
      select: { id: true, ...NAME_FIELDS },
    }),
    db.classGroup.findMany({ where: { organisationId, id: { in: classIds } }, select: { id: true, name: true } }),
    db.subject.findMany({ where: { organisationId, id: { in: subjectIds } }, select: { id: true, name: true } }),
  ]);
  const allPresent = new Set(present.map((c) => c.lessonId));
  // Homework, attendance and marks of a lesson from the grouped reads below, not Prisma's `_count`
  // (issue 22 item 7: its plan counted the whole Mark table — 350 of 360 ms on the bench month).
  const withHomework = new Set(homework.map((h) => h.lessonId));
  const withAttendance = new Set(attendance.map((a) => a.lessonId));
  const marksOf = new Map<number, number>();
  for (const m of markDays) marksOf.set(m.lessonId, (marksOf.get(m.lessonId) ?? 0) + m.marks);
  const rollSets = new Map<number, Set<number>>();
  for (const m of members) {
    const set = rollSets.get(m.classId) ?? new Set<number>();
    set.add(m.studentId);
    rollSets.set(m.classId, set);
  }
  return {
    orgName: org.name,
    isCollege: org.kind === "COLLEGE",
    timeZone: org.timeZone,
    lockDays: org.settings?.lockDays ?? 7,
    lessons: lessons.map((l) => ({
      lessonId: l.id,
      teacherId: l.substituteId ?? l.teacherId,
      classId: l.classId,
      subjectId: l.subjectId,
      date: l.date,
      hasTopic: !!l.topic?.trim(),
      hasHomework: withHomework.has(l.id),
      attendanceTaken: withAttendance.has(l.id) || allPresent.has(l.id),
      marks: marksOf.get(l.id) ?? 0,
    })),
    changes: [
      // Marks by their creation (late or not) and their last edit; the history's records count
      // only for «последнее заполнение».
      ...markDays.flatMap((m) => [
        { lessonId: m.lessonId, entity: "MARK", at: new Date(m.createdAt), count: m.marks },
        { lessonId: m.lessonId, entity: "EDIT", at: new Date(m.updatedAt) },
      ]),
      ...attendance.flatMap((a) =>
        a._max.updatedAt ? [{ lessonId: a.lessonId, entity: "ATTENDANCE", at: a._max.updatedAt }] : [],
      ),
      ...homework.flatMap((h) =>
        h._max.updatedAt ? [{ lessonId: h.lessonId, entity: "HOMEWORK", at: h._max.updatedAt }] : [],
      ),
      ...lessons.flatMap((l) => (l.filledAt ? [{ lessonId: l.id, entity: "TOPIC", at: l.filledAt }] : [])),
      ...history.flatMap((c) => (c._max.at ? [{ lessonId: c.lessonId!, entity: "HISTORY", at: c._max.at }] : [])),
    ].map((c) => ({ ...c, day: dayOf(c.at) })),
    roll: new Map([...rollSets].map(([k, v]) => [k, v.size])),
    teachers: new Map(teachers.map((t) => [t.id, fullName(t)])),
    classes: new Map(classes.map((c) => [c.id, c.name])),
    subjects: new Map(subjects.map((s) => [s.id, s.name])),
  };
}

/** Choices for the filters: classes in scope, their subjects and the teachers with lessons there. */
export async function loadFillChoices(organisationId: number, classIds: Set<number> | null) {
  const classWhere = { organisationId, year: { isCurrent: true }, ...(classIds ? { id: { in: [...classIds] } } : {}) };
  const [classes, subjects, teachers, periods] = await Promise.all([
    db.classGroup.findMany({
      where: classWhere,
      orderBy: [{ grade: "asc" }, { name: "asc" }],
      select: { id: true, name: true },
    }),
    db.subject.findMany({ where: { organisationId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.user.findMany({
      where: { organisationId, isActive: true, roles: { some: { role: "TEACHER" } } },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
      select: { id: true, ...NAME_FIELDS },
    }),
    db.period.findMany({
      where: { organisationId, year: { isCurrent: true } },
      orderBy: [{ kind: "asc" }, { number: "asc" }],
      select: { id: true, name: true, startDate: true, endDate: true },
    }),
  ]);
  return { classes, subjects, periods, teachers: teachers.map((t) => ({ id: t.id, name: fullName(t) })) };
}

export type ActivityData = ActivityFacts & { users: Map<number, { name: string; roles: string[] }>; orgName: string };

/** Sign-ins (audit), journal edits (JournalChange), messages sent and page views (Visit) of [from, toExclusive). */
export async function loadActivityFacts(
  organisationId: number,
  from: Date,
  toExclusive: Date,
  timeZone: string,
): Promise<ActivityData> {
  // Visit days are calendar dates; the instants bound the audit and journal rows in the zone's days.
  const startAt = wallTimeToInstant(from.getTime(), timeZone);
  const endAt = wallTimeToInstant(toExclusive.getTime(), timeZone);
  const [org, signIns, edits, messages, visits] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
    db.auditEvent.findMany({
      where: { organisationId, action: "auth.signin", at: { gte: startAt, lt: endAt } },
      select: { userId: true },
    }),
    db.journalChange.findMany({ where: { organisationId, at: { gte: startAt, lt: endAt } }, select: { userId: true } }),
    db.message.findMany({
      where: { organisationId, createdAt: { gte: startAt, lt: endAt } },
      select: { senderId: true },
    }),
    db.visit.findMany({
      where: { organisationId, day: { gte: from, lt: toExclusive } },
      select: { userId: true, count: true },
    }),
  ]);
  const ids = new Set<number>([
    ...signIns.flatMap((s) => (s.userId ? [s.userId] : [])),
    ...edits.map((e) => e.userId),
    ...messages.map((m) => m.senderId),
    ...visits.map((v) => v.userId),
  ]);
  const users = await db.user.findMany({
    where: { organisationId, id: { in: [...ids] } },
    select: { id: true, ...NAME_FIELDS, roles: { select: { role: true } } },
  });
  return {
    orgName: org.name,
    signIns: signIns.flatMap((s) => (s.userId ? [{ userId: s.userId }] : [])),
    journalEdits: edits,
    messages: messages.map((m) => ({ userId: m.senderId })),
    visits,
    users: new Map(users.map((u) => [u.id, { name: shortName(u), roles: u.roles.map((r) => r.role) }])),
  };
}

/** The organisation's name and time zone, for report headers. */
export async function orgFacts(
  organisationId: number,
): Promise<{ name: string; timeZone: string; isCollege: boolean }> {
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true, timeZone: true, kind: true },
  });
  return { name: org.name, timeZone: org.timeZone, isCollege: org.kind === "COLLEGE" };
}
