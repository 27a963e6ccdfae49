// Reads for journal-keeping control (CTL-1, CTL-3). Every query is bound to the organisation;
// the class scope (null = all classes) comes from the access gate. The number of queries is
// constant: two parallel rounds whatever the number of lessons, marks or students.
import { db, rawStatement } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { col, jsonArray } from "@/lib/sql";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import { dateOnly, todayIn, wallTimeToInstant } from "@/lib/org/time";
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
 * The held lessons (not cancelled, dated from `from` to `to` and not after the organisation's today
 * at `now`) with everything CTL-1 counts of each, aggregated per lesson in PostgreSQL (issue 22
 * item 7): the fill flags, the marks per calendar day of their creation in the organisation's zone
 * (`[day, count, latest creation ms]` — lateness is judged in lib/control/rules.ts) and the latest
 * entry of any kind (topic fill, mark creation or edit, attendance, homework, history). One row per
 * lesson instead of a lesson read plus five reads bound to every lesson id and ~6 objects per lesson.
 */
export const FILL_LESSONS = rawStatement(
  {
    lessonId: col.int,
    teacherId: col.int,
    classId: col.int,
    subjectId: col.int,
    date: col.text,
    hasTopic: col.bool,
    hasHomework: col.bool,
    attendanceTaken: col.bool,
    markDays: col.jsonArray,
    lastAt: col.float.nullable(),
    lastDay: col.text.nullable(),
  },
  (organisationId: number, q: FillQuery, now: Date) => {
    const classFilter = q.classIds
      ? q.classIds.size
        ? Prisma.sql`AND l."classId" IN (${Prisma.join([...q.classIds])})`
        : Prisma.sql`AND false`
      : Prisma.empty;
    const teacherFilter = q.teacherId
      ? Prisma.sql`AND coalesce(l."substituteId", l."teacherId") = ${q.teacherId}`
      : Prisma.empty;
    const subjectFilter = q.subjectId ? Prisma.sql`AND l."subjectId" = ${q.subjectId}` : Prisma.empty;
    const epoch = (expr: Prisma.Sql) => Prisma.sql`(extract(epoch FROM ${expr}) * 1000)::float8`;
    const last = Prisma.sql`greatest(l."filledAt", mk.created, mk.updated, att.at, hw.at, jc.at)`;
    return Prisma.sql`
    SELECT l.id AS "lessonId", coalesce(l."substituteId", l."teacherId") AS "teacherId", l."classId", l."subjectId",
           to_char(l.date, 'YYYY-MM-DD') AS date,
           -- !!topic?.trim(): a character that is not white space
           coalesce(l.topic ~ '[^[:space:]]', false) AS "hasTopic",
           hw.at IS NOT NULL AS "hasHomework",
           (att.at IS NOT NULL OR coalesce(jc.present, false)) AS "attendanceTaken",
           coalesce(mk.days, '[]'::json) AS "markDays",
           ${epoch(last)} AS "lastAt",
           to_char((${last} AT TIME ZONE 'UTC' AT TIME ZONE o."timeZone")::date, 'YYYY-MM-DD') AS "lastDay"
      FROM "Lesson" l
      JOIN "Organisation" o ON o.id = l."organisationId"
      LEFT JOIN LATERAL (
        SELECT json_agg(json_build_array(d.day, d.marks, ${epoch(Prisma.sql`d.created`)}) ORDER BY d.day) AS days,
               max(d.created) AS created, max(d.updated) AS updated
          FROM (SELECT to_char((m."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE o."timeZone")::date, 'YYYY-MM-DD') AS day,
                       count(*)::int AS marks, max(m."createdAt") AS created, max(m."updatedAt") AS updated
                  FROM "Mark" m
                 WHERE m."organisationId" = l."organisationId" AND m."lessonId" = l.id
                 GROUP BY 1) d) mk ON true
      LEFT JOIN LATERAL (SELECT max(a."updatedAt") AS at FROM "Attendance" a
                          WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id) att ON true
      LEFT JOIN LATERAL (SELECT max(h."updatedAt") AS at FROM "Homework" h
                          WHERE h."organisationId" = l."organisationId" AND h."lessonId" = l.id) hw ON true
      -- «Все присутствуют» saved as one history record: attendance taken without a cell.
      LEFT JOIN LATERAL (SELECT max(j.at) AS at,
                                bool_or(j.entity = 'ATTENDANCE' AND j."entityKey" LIKE '%:attendance') AS present
                           FROM "JournalChange" j
                          WHERE j."organisationId" = l."organisationId" AND j."lessonId" = l.id) jc ON true
     WHERE l."organisationId" = ${organisationId} AND l.status = 'SCHEDULED'
       AND l.date >= ${q.from}::date AND l.date <= ${q.to}::date
       AND l.date <= (${now.toISOString()}::timestamptz AT TIME ZONE o."timeZone")::date
       ${classFilter} ${teacherFilter} ${subjectFilter}`;
  },
);

/**
 * Each class's roll over the report's days: the pupils with a stay meeting [from, to], counted in
 * PostgreSQL (issue 22 item 7: one row per class instead of every stay of every class read).
 */
export const FILL_ROLL = rawStatement(
  { classId: col.int, students: col.int },
  (organisationId: number, classIds: readonly number[], from: Date, to: Date) =>
    classIds.length
      ? Prisma.sql`
    SELECT m."classId", count(DISTINCT m."studentId")::int AS students
      FROM "ClassMembership" m
     WHERE m."organisationId" = ${organisationId} AND m."classId" IN (${Prisma.join([...classIds])})
       AND m."startDate" <= ${to}::date AND (m."endDate" IS NULL OR m."endDate" >= ${from}::date)
     GROUP BY m."classId"`
      : Prisma.sql`SELECT 0 AS "classId", 0 AS students WHERE false`,
);

/** Held lessons (not cancelled, not in the future) of the range with their fill flags and changes. */
export async function loadFillFacts(organisationId: number, q: FillQuery, now: Date): Promise<FillFacts> {
  const [org, rows] = await Promise.all([
    db.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { name: true, kind: true, timeZone: true, settings: { select: { lockDays: true } } },
    }),
    FILL_LESSONS.run(db, organisationId, q, now),
  ]);
  const today = todayIn(org.timeZone, now);
  const to = q.to < today ? q.to : today;
  const classIds = [...new Set(rows.map((l) => l.classId))];
  const teacherIds = [...new Set(rows.map((l) => l.teacherId))];
  const subjectIds = [...new Set(rows.map((l) => l.subjectId))];
  const [roll, teachers, classes, subjects] = await Promise.all([
    FILL_ROLL.run(db, organisationId, classIds, q.from, to),
    db.user.findMany({
      where: { organisationId, id: { in: teacherIds } },
      select: { id: true, ...NAME_FIELDS },
    }),
    db.classGroup.findMany({ where: { organisationId, id: { in: classIds } }, select: { id: true, name: true } }),
    db.subject.findMany({ where: { organisationId, id: { in: subjectIds } }, select: { id: true, name: true } }),
  ]);
  const lessons: FillLesson[] = [];
  const changes: FillChange[] = [];
  for (const r of rows) {
    let marks = 0;
    // RPT-11 (issue 18): marks by the day of their creation — a mark made late is late whatever the history holds.
    for (const [day, count, created] of jsonArray<[string, number, number]>(r.markDays)) {
      marks += count;
      changes.push({
        lessonId: r.lessonId,
        entity: "MARK",
        day: dateOnly(day),
        at: new Date(Math.round(created)),
        count,
      });
    }
    // «Последнее заполнение»: the latest entry of any kind (one per lesson, found in SQL).
    if (r.lastAt !== null && r.lastDay !== null)
      changes.push({
        lessonId: r.lessonId,
        entity: "LAST",
        day: dateOnly(r.lastDay),
        at: new Date(Math.round(r.lastAt)),
      });
    lessons.push({
      lessonId: r.lessonId,
      teacherId: r.teacherId,
      classId: r.classId,
      subjectId: r.subjectId,
      date: dateOnly(r.date),
      hasTopic: r.hasTopic,
      hasHomework: r.hasHomework,
      attendanceTaken: r.attendanceTaken,
      marks,
    });
  }
  return {
    orgName: org.name,
    isCollege: org.kind === "COLLEGE",
    timeZone: org.timeZone,
    lockDays: org.settings?.lockDays ?? 7,
    lessons,
    changes,
    roll: new Map(roll.map((r) => [r.classId, r.students])),
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
