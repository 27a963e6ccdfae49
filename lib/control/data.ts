// Reads for journal-keeping control (CTL-1, CTL-3). Every query is bound to the organisation;
// the class scope (null = all classes) comes from the access gate. The number of queries is
// constant whatever the number of lessons, marks or students.
import { ORG_SETTINGS_DEFAULTS } from "@/lib/org/defaults";
import { db, rawStatement } from "@/lib/db";
import { Prisma } from "@/prisma/generated/prisma/client";
import { col, jsonArray } from "@/lib/sql";
import { fullName, NAME_FIELDS, shortName } from "@/lib/people/names";
import { dateOnly, wallTimeToInstant } from "@/lib/org/time";
import { markDensity, type ActivityFacts, type FillRow } from "./rules";
import { controlValidSql, inClassesSql, liveLessonSql, storedRowsSql } from "./store/data";

export type FillQuery = { from: Date; to: Date; classIds: Set<number> | null; teacherId?: number; subjectId?: number };

/**
 * CTL-1's figures per teacher × class × subject over the held lessons (not cancelled, dated from
 * `from` to `to` and not after the organisation's today at `now`), counted in PostgreSQL (issue 22
 * item 7: one row per teacher × class × subject — ≈ 500 on a school's month — instead of a row per
 * lesson with its marks per day as JSON, grouped in JS): the lessons, those without a topic, homework
 * or attendance (a cell saved or «все присутствуют» in the history), the marks on them and those
 * created more than the organisation's lockDays after the lesson (JRN-6: by the calendar day of the
 * mark's creation in the organisation's zone — issue 18: the cells' own timestamps), the latest entry
 * of any kind (topic fill, mark creation or edit, attendance, homework, history), with the names and
 * the class's roll over [from, min(to, today)] (the pupils with a stay meeting it). A lesson's
 * teacher is who conducted it: the substitute when there was one. The class-days the worker stored and
 * that are still exact (ControlDay, lib/control/store/data.ts) are summed instead of walked; `useStore`
 * false walks every lesson (the store's oracle in tests/integration/control-store.test.ts).
 */
export const FILL_ROWS = rawStatement(
  {
    teacherId: col.int,
    classId: col.int,
    subjectId: col.int,
    lessons: col.int,
    noTopic: col.int,
    noHomework: col.int,
    noAttendance: col.int,
    marks: col.int,
    lateMarks: col.int,
    lastAt: col.float.nullable(),
    students: col.int,
    lastName: col.text.nullable(),
    firstName: col.text.nullable(),
    middleName: col.text.nullable(),
    className: col.text.nullable(),
    subject: col.text.nullable(),
  },
  (organisationId: number, q: FillQuery, now: Date, useStore: boolean = true) => {
    const classFilter = inClassesSql(Prisma.sql`l."classId"`, q.classIds);
    const teacherFilter = q.teacherId
      ? Prisma.sql`AND coalesce(l."substituteId", l."teacherId") = ${q.teacherId}`
      : Prisma.empty;
    const subjectFilter = q.subjectId ? Prisma.sql`AND l."subjectId" = ${q.subjectId}` : Prisma.empty;
    // The stored class-days' rows under the same filters (their teacher is who conducted the lessons).
    const storedFilter = storedRowsSql({
      classIds: q.classIds,
      teacherId: q.teacherId || undefined,
      subjectId: q.subjectId || undefined,
    });
    return Prisma.sql`
    WITH ${controlValidSql(organisationId, q.from, q.to, now, useStore)}, ${fillHeldSql(
      organisationId,
      now,
      Prisma.sql`l.date >= ${q.from}::date AND l.date <= ${q.to}::date AND l.date <= o.today
         ${classFilter} ${teacherFilter} ${subjectFilter} ${liveLessonSql("l")}`,
    )}, rows AS (
      -- the live lessons and the stored class-days (lib/control/store/data.ts), summed per teacher × class × subject
      SELECT "teacherId", "classId", "subjectId", sum(lessons)::int AS lessons, sum("noTopic")::int AS "noTopic",
             sum("noHomework")::int AS "noHomework", sum("noAttendance")::int AS "noAttendance",
             sum(marks)::int AS marks, sum(late)::int AS "lateMarks", max(last) AS last
        FROM (SELECT "teacherId", "classId", "subjectId", 1 AS lessons, (NOT "hasTopic")::int AS "noTopic",
                     (NOT "hasHomework")::int AS "noHomework", (NOT "attendanceTaken")::int AS "noAttendance",
                     marks, late, last
                FROM held
              UNION ALL
              SELECT d."teacherId", d."classId", d."subjectId", d.lessons, d."noTopic", d."noHomework",
                     d."noAttendance", d.marks, d."lateMarks", d."lastAt"
                FROM valid v
                JOIN "ControlDay" d ON d."organisationId" = ${organisationId} AND d.date = v.date
                                   AND d."classId" = v."classId"
               WHERE true ${storedFilter}) x
       GROUP BY "teacherId", "classId", "subjectId"
    ), roll AS (
      SELECT m."classId", count(DISTINCT m."studentId")::int AS students
        FROM "ClassMembership" m
        JOIN org o ON o.id = m."organisationId"
       WHERE m."classId" IN (SELECT DISTINCT "classId" FROM rows)
         AND m."startDate" <= least(${q.to}::date, o.today) AND (m."endDate" IS NULL OR m."endDate" >= ${q.from}::date)
       GROUP BY m."classId"
    )
    SELECT r."teacherId", r."classId", r."subjectId", r.lessons, r."noTopic", r."noHomework", r."noAttendance",
           r.marks, r."lateMarks", (extract(epoch FROM r.last) * 1000)::float8 AS "lastAt",
           coalesce(ro.students, 0) AS students,
           u."lastName", u."firstName", u."middleName", c.name AS "className", sj.name AS subject
      FROM rows r
      LEFT JOIN roll ro ON ro."classId" = r."classId"
      LEFT JOIN "User" u ON u."organisationId" = ${organisationId} AND u.id = r."teacherId"
      LEFT JOIN "ClassGroup" c ON c."organisationId" = ${organisationId} AND c.id = r."classId"
      LEFT JOIN "Subject" sj ON sj."organisationId" = ${organisationId} AND sj.id = r."subjectId"`;
  },
);

/**
 * FILL_ROWS' held lessons `held` (and the organisation's `org`: zone, lockDays, today at `now`): the
 * lessons `l` (of `o`) not cancelled meeting `where`, each with its id, day, conducting teacher, class,
 * subject, whether it has a topic, homework, attendance, its marks, those late (JRN-6) and its latest
 * entry. One writing for the page's live lessons and the worker's stored days (lib/control/store/mutations.ts).
 */
export const fillHeldSql = (organisationId: number, now: Date, where: Prisma.Sql) => Prisma.sql`
    org AS (
      SELECT o.id, o."timeZone", coalesce(s."lockDays", ${ORG_SETTINGS_DEFAULTS.lockDays}::int) AS "lockDays",
             (${now.toISOString()}::timestamptz AT TIME ZONE o."timeZone")::date AS today
        FROM "Organisation" o
        LEFT JOIN "OrganisationSettings" s ON s."organisationId" = o.id
       WHERE o.id = ${organisationId}
    ), les AS MATERIALIZED (
      -- the lessons chosen before their look-ups (a condition on the store's \`valid\` is not left after them)
      SELECT l.id, l."organisationId", l.date, l."substituteId", l."teacherId", l."classId", l."subjectId", l.topic,
             l."filledAt"
        FROM "Lesson" l
        JOIN org o ON o.id = l."organisationId"
       WHERE l."organisationId" = ${organisationId} AND l.status = 'SCHEDULED' AND ${where}
    ), held AS (
      SELECT l.id AS "lessonId", l.date, coalesce(l."substituteId", l."teacherId") AS "teacherId", l."classId",
             l."subjectId",
             -- !!topic?.trim(): a character that is not white space
             coalesce(l.topic ~ '[^[:space:]]', false) AS "hasTopic",
             hw.at IS NOT NULL AS "hasHomework",
             (att.at IS NOT NULL OR coalesce(jc.present, false)) AS "attendanceTaken",
             mk.marks, mk.late,
             greatest(l."filledAt", mk.created, mk.updated, att.at, hw.at, jc.at) AS last
        FROM les l
        JOIN org o ON o.id = l."organisationId"
        -- JRN-6's «late»: created on a calendar day (the organisation's zone) after the lesson's date + lockDays,
        -- i.e. at or after the start of the day after it — that instant computed once per lesson, the marks
        -- compared with it as stored (issue 22 item 7: a zone conversion per mark was most of the statement).
        CROSS JOIN LATERAL (SELECT ((l.date + o."lockDays" + 1)::timestamp AT TIME ZONE o."timeZone")
                                   AT TIME ZONE 'UTC' AS at OFFSET 0) lf -- not flattened: computed once
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS marks,
                 count(*) FILTER (WHERE m."createdAt" >= lf.at)::int AS late,
                 max(m."createdAt") AS created, max(m."updatedAt") AS updated
            FROM "Mark" m
           WHERE m."organisationId" = l."organisationId" AND m."lessonId" = l.id) mk
        LEFT JOIN LATERAL (SELECT max(a."updatedAt") AS at FROM "Attendance" a
                            WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id) att ON true
        LEFT JOIN LATERAL (SELECT max(h."updatedAt") AS at FROM "Homework" h
                            WHERE h."organisationId" = l."organisationId" AND h."lessonId" = l.id) hw ON true
        -- «Все присутствуют» saved as one history record: attendance taken without a cell.
        LEFT JOIN LATERAL (SELECT max(j.at) AS at,
                                  bool_or(j.entity = 'ATTENDANCE' AND j."entityKey" LIKE '%:attendance') AS present
                             FROM "JournalChange" j
                            WHERE j."organisationId" = l."organisationId" AND j."lessonId" = l.id) jc ON true
    )`;

export type FillFacts = {
  orgName: string;
  isCollege: boolean;
  timeZone: string;
  lockDays: number;
  rows: (FillRow & { teacher: string; className: string; subject: string })[];
};

/** CTL-1's rows for the filters (FILL_ROWS) with their density, and the organisation's facts. */
export async function loadFillFacts(organisationId: number, q: FillQuery, now: Date): Promise<FillFacts> {
  const [org, rows] = await Promise.all([
    db.organisation.findUniqueOrThrow({
      where: { id: organisationId },
      select: { name: true, kind: true, timeZone: true, settings: { select: { lockDays: true } } },
    }),
    FILL_ROWS.run(db, organisationId, q, now),
  ]);
  return {
    orgName: org.name,
    isCollege: org.kind === "COLLEGE",
    timeZone: org.timeZone,
    lockDays: org.settings?.lockDays ?? ORG_SETTINGS_DEFAULTS.lockDays,
    rows: rows.map((r) => ({
      teacherId: r.teacherId,
      classId: r.classId,
      subjectId: r.subjectId,
      lessons: r.lessons,
      noTopic: r.noTopic,
      noHomework: r.noHomework,
      noAttendance: r.noAttendance,
      marks: r.marks,
      lateMarks: r.lateMarks,
      students: r.students,
      density: markDensity(r.marks, r.students, r.lessons),
      lastFilledAt: r.lastAt === null ? null : new Date(Math.round(r.lastAt)),
      teacher: r.lastName === null ? "—" : fullName({ ...r, lastName: r.lastName, firstName: r.firstName ?? "" }),
      className: r.className ?? "—",
      subject: r.subject ?? "—",
    })),
  };
}

/**
 * The filters' choices in one statement (issue 22 item 7: four model reads before): the current
 * year's classes in scope by grade and name, the subjects by name, the active teachers by last and
 * first name, the current year's periods by kind and number — each as a JSON array.
 */
export const FILL_CHOICES = rawStatement(
  { classes: col.jsonArray, subjects: col.jsonArray, teachers: col.jsonArray, periods: col.jsonArray },
  (organisationId: number, classIds: Set<number> | null) => {
    const classFilter = inClassesSql(Prisma.sql`c.id`, classIds);
    return Prisma.sql`
    SELECT (SELECT json_agg(json_build_object('id', c.id, 'name', c.name) ORDER BY c.grade, c.name)
              FROM "ClassGroup" c
              JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y."isCurrent"
             WHERE c."organisationId" = ${organisationId} ${classFilter}) AS classes,
           (SELECT json_agg(json_build_object('id', s.id, 'name', s.name) ORDER BY s.name)
              FROM "Subject" s WHERE s."organisationId" = ${organisationId}) AS subjects,
           (SELECT json_agg(json_build_object('id', u.id, 'lastName', u."lastName", 'firstName', u."firstName",
                                              'middleName', u."middleName") ORDER BY u."lastName", u."firstName")
              FROM "User" u
             WHERE u."organisationId" = ${organisationId} AND u."isActive"
               AND EXISTS (SELECT 1 FROM "UserRole" r
                            WHERE r."organisationId" = u."organisationId" AND r."userId" = u.id AND r.role = 'TEACHER')) AS teachers,
           (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'startDate', p."startDate",
                                              'endDate', p."endDate") ORDER BY p.kind, p.number)
              FROM "Period" p
              JOIN "AcademicYear" y ON y."organisationId" = p."organisationId" AND y.id = p."yearId" AND y."isCurrent"
             WHERE p."organisationId" = ${organisationId}) AS periods`;
  },
);

type Named = { id: number; name: string };

/** Choices for the filters: classes in scope, their subjects and the teachers with lessons there. */
export async function loadFillChoices(organisationId: number, classIds: Set<number> | null) {
  const [row] = await FILL_CHOICES.run(db, organisationId, classIds);
  const teachers = jsonArray<Named & { lastName: string; firstName: string; middleName: string | null }>(row?.teachers);
  return {
    classes: jsonArray<Named>(row?.classes),
    subjects: jsonArray<Named>(row?.subjects),
    periods: jsonArray<Named & { startDate: string; endDate: string }>(row?.periods).map((p) => ({
      id: p.id,
      name: p.name,
      startDate: dateOnly(p.startDate),
      endDate: dateOnly(p.endDate),
    })),
    teachers: teachers.map((t) => ({ id: t.id, name: fullName(t) })),
  };
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
  // Counted per user in PostgreSQL (issue 22 item 7): a school's week holds tens of thousands of
  // journal edits, which as one row each cost the page ≈ 30 ms more than their counts.
  const at = { gte: startAt, lt: endAt };
  const [org, signIns, edits, messages, visits] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { name: true } }),
    db.auditEvent.groupBy({
      by: ["userId"],
      where: { organisationId, action: "auth.signin", at, userId: { not: null } },
      _count: { _all: true },
    }),
    db.journalChange.groupBy({ by: ["userId"], where: { organisationId, at }, _count: { _all: true } }),
    db.message.groupBy({ by: ["senderId"], where: { organisationId, createdAt: at }, _count: { _all: true } }),
    db.visit.groupBy({
      by: ["userId"],
      where: { organisationId, day: { gte: from, lt: toExclusive } },
      _sum: { count: true },
    }),
  ]);
  const facts: ActivityFacts = {
    signIns: signIns.flatMap((s) => (s.userId ? [{ userId: s.userId, count: s._count._all }] : [])),
    journalEdits: edits.map((e) => ({ userId: e.userId, count: e._count._all })),
    messages: messages.map((m) => ({ userId: m.senderId, count: m._count._all })),
    visits: visits.map((v) => ({ userId: v.userId, count: v._sum.count ?? 0 })),
  };
  const ids = new Set<number>(
    [facts.signIns, facts.journalEdits, facts.messages, facts.visits].flatMap((list) => list.map((e) => e.userId)),
  );
  const users = await db.user.findMany({
    where: { organisationId, id: { in: [...ids] } },
    select: { id: true, ...NAME_FIELDS, roles: { select: { role: true } } },
  });
  return {
    orgName: org.name,
    ...facts,
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
