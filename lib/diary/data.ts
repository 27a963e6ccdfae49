// Reads of the diary week (DRY-1, DRY-4): a constant number of queries whatever the week holds.
// Every query is bound to the organisation and to the one student the page has authorised.
import { col, jsonArray } from "@/lib/sql";
import { rawStatement, replicaReader, readDb as db, utcSql, type RowOf } from "@/lib/db";
import { addDays, dateOnly, isoDate } from "@/lib/org/time";
import { STUDENT_CLUBS, studentClubsOf } from "@/lib/clubs/data";
import { clubWeek, type ClubWeekEntry } from "@/lib/clubs/rules";
import { fullName, shortName } from "@/lib/people/names";
import type { Role } from "@/lib/access/roles";
import { announcementsJsonSql, announcementsOfJson, type AnnouncementView } from "@/lib/messages/data";
import {
  diaryYearsOf,
  newSinceCountsSql,
  stayRowsOfJson,
  studentStaysJsonSql,
  type SeenRow,
  type StudentYear,
} from "./marks/data";
import { changerRole, coversDate, markHistories, VISIT_GAP_MS, type MarkChange } from "./rules";
import { Prisma } from "@/prisma/generated/prisma/client";
import { compareRu } from "@/lib/org/collation";
import { studyDaysOf, type StudyDays } from "@/lib/schedule/week";

export type DiaryLesson = {
  id: number;
  date: Date;
  bellNumber: number;
  startTime: string | null;
  endTime: string | null;
  subjectName: string;
  roomName: string | null;
  topic: string | null;
  cancelled: boolean;
  substituteName: string | null;
  homework: {
    id: number;
    text: string;
    dueDate: Date | null;
    createdAt: Date;
    files: { id: number; fileName: string; size: number }[];
    /** LRN-1: the homework asks for a hand-in by `dueAt`; the student's hand-in, if any. */
    handin: { dueAt: Date | null; status: string | null; isLate: boolean; comment: string | null } | null;
  }[];
  /** LRN-2: materials attached to the lesson or to its КТП topic. */
  materials: { id: number; title: string; kind: string; url: string | null }[];
  marks: DiaryMark[];
  attendance: { code: string; missedHours: number | null } | null;
  /** DAY-10: the history of this lesson's marks that were changed or removed (JRN-7), oldest first. */
  markChanges: MarkChange[];
};

export type DiaryMark = {
  id: number;
  kind: string;
  value: number | null;
  isHospital: boolean;
  comment: string | null;
  typeName: string;
  weight: number;
  at: Date;
};

export type DiaryEvent = { id: number; title: string; startsAt: Date; place: string | null; className: string | null };

/** DAY-4: homework due on a day of the week (set on an earlier lesson), «Д/з к этому дню». */
export type DiaryDue = {
  id: number;
  subjectName: string;
  text: string;
  dueDate: Date;
  files: { id: number; fileName: string; size: number }[];
};

export type DiaryWeek = { lessons: DiaryLesson[]; events: DiaryEvent[]; due: DiaryDue[] };

/**
 * A homework of a lesson as the statement hands it over: [id, text, dueDate, createdAt, files ([[id, fileName,
 * size]] or null), handin, dueAt, the student's submission ([status, isLate, comment] or null)] — arrays, not
 * objects, so PostgreSQL writes no key per value (issue 22 item 5, round 20).
 */
type HomeworkJson = [
  id: number,
  text: string,
  dueDate: string | null,
  createdAt: string,
  files: [id: number, fileName: string, size: number][] | null,
  handin: boolean,
  dueAt: string | null,
  submission: [status: string, isLate: boolean, comment: string | null] | null,
];
/** A mark as json_agg hands it over (an array, as HomeworkJson): the weight may come as numeric text, the time as ISO text. */
type MarkJson = [
  id: number,
  kind: string,
  value: number | null,
  isHospital: boolean,
  comment: string | null,
  typeName: string,
  weight: number | string,
  at: string,
];

/** An instant of a timestamp column as json text the Date constructor reads (UTC, milliseconds). */
const isoText = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The week's lessons of the classes in `st` and the subgroups in `sg` (DIARY_WEEK's CTEs) with
 * subject, room, substitute, bell times, homework with files and hand-in, materials, the student's
 * marks with type and weight, attendance and the history of those marks (DAY-10), one row each.
 */
function weekLessonsSql(organisationId: number, studentId: number, w: WeekBounds): Prisma.Sql {
  return Prisma.sql`
    SELECT l.id, l."classId", l.date, l."bellNumber", l.topic, l.status::text AS status, l."teacherId", l."substituteId",
           s.name AS "subjectName",
           (SELECT r.name FROM "Room" r WHERE r."organisationId" = l."organisationId" AND r.id = l."roomId") AS "roomName",
           (SELECT json_build_array(u."lastName", u."firstName", u."middleName") FROM "User" u
             WHERE u."organisationId" = l."organisationId" AND u.id = l."substituteId") AS substitute,
           (SELECT json_build_array(b."startTime", b."endTime") FROM "Bell" b
             WHERE b."organisationId" = l."organisationId" AND b."scheduleId" = c."bellScheduleId" AND b.number = l."bellNumber") AS bell,
           (SELECT json_agg(json_build_array(
                     h.id, h.text, h."dueDate", ${isoText(Prisma.sql`h."createdAt"`)},
                     (SELECT json_agg(json_build_array(f.id, f."fileName", f.size) ORDER BY f.id)
                        FROM "Attachment" f WHERE f."organisationId" = h."organisationId" AND f."homeworkId" = h.id),
                     h.handin, ${isoText(Prisma.sql`h."handinDueAt"`)},
                     (SELECT json_build_array(hs.status::text, hs."isLate", hs."reviewComment")
                        FROM "HomeworkSubmission" hs
                       WHERE hs."organisationId" = h."organisationId" AND hs."homeworkId" = h.id AND hs."studentId" = ${studentId})
                   ) ORDER BY h.id)
              FROM "Homework" h WHERE h."organisationId" = l."organisationId" AND h."lessonId" = l.id) AS homework,
           (SELECT json_agg(json_build_object('id', mt.id, 'title', mt.title, 'kind', mt.kind::text, 'url', mt.url) ORDER BY mt.title, mt.id)
              FROM (SELECT lm."materialId" AS id FROM "LessonMaterial" lm
                     WHERE lm."organisationId" = l."organisationId" AND lm."lessonId" = l.id
                    UNION
                    SELECT pm."materialId" FROM "PlanTopicMaterial" pm
                     WHERE pm."organisationId" = l."organisationId" AND pm."planTopicId" = l."planTopicId") x
              JOIN "Material" mt ON mt."organisationId" = l."organisationId" AND mt.id = x.id) AS materials,
           (SELECT json_agg(json_build_array(
                     m.id, m.kind::text, m.value, m."isHospital", m.comment,
                     t.name, COALESCE(a.weight, t.weight), ${isoText(Prisma.sql`m."updatedAt"`)}
                   ) ORDER BY m.id)
              FROM "Mark" m
              JOIN "Assignment" a ON a."organisationId" = m."organisationId" AND a.id = m."assignmentId"
              JOIN "AssignmentType" t ON t."organisationId" = a."organisationId" AND t.id = a."typeId"
             WHERE m."organisationId" = l."organisationId" AND m."lessonId" = l.id AND m."studentId" = ${studentId}) AS marks,
           (SELECT json_build_array(att.code::text, att."missedHours"::float8) FROM "Attendance" att
             WHERE att."organisationId" = l."organisationId" AND att."lessonId" = l.id AND att."studentId" = ${studentId}) AS att,
           (SELECT json_agg(json_build_object(
                     'entityKey', jc."entityKey", 'at', ${isoText(Prisma.sql`jc.at`)},
                     'oldValue', jc."oldValue", 'newValue', jc."newValue", 'reason', jc.reason, 'userId', jc."userId",
                     'roles', (SELECT json_agg(ur.role::text) FROM "UserRole" ur
                                WHERE ur."organisationId" = jc."organisationId" AND ur."userId" = jc."userId")
                   ) ORDER BY jc.at, jc.id)
              FROM "JournalChange" jc
             WHERE jc."organisationId" = l."organisationId" AND jc."lessonId" = l.id
               AND jc.entity = 'MARK' AND jc."studentId" = ${studentId}) AS "markChanges"
      FROM "Lesson" l
      JOIN "Subject" s ON s."organisationId" = l."organisationId" AND s.id = l."subjectId"
      JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
     WHERE l."organisationId" = ${organisationId} AND l."classId" IN (SELECT st."classId" FROM st)
       AND l.date >= ${w.monday} AND l.date <= ${w.sunday}
       AND (l."subgroupId" IS NULL OR l."subgroupId" IN (SELECT sg."subgroupId" FROM sg))`;
}

/**
 * DAY-4: homework of the classes in `st` (and the subgroups in `sg`) due within [monday, sunday],
 * with the set lesson's class and subject and the files. The lessons of those classes come first (`cl`,
 * an index-only scan of the Lesson (organisationId, classId, id, subgroupId) index) and the homework due
 * that week is matched to them by a hash (issue 22 item 5, round 16): reached from the homework side, every
 * homework of the organisation due that week probed its lesson by key (≈ 1,300 on the bench school, ≈ 2.4 of
 * DIARY_WEEK_PAGE's ≈ 4 ms) — the generic plan's default estimate for the date range kept that shape.
 */
function homeworkDueSql(organisationId: number, w: WeekBounds): Prisma.Sql {
  return Prisma.sql`
    WITH cl AS MATERIALIZED (
      SELECT l.id FROM "Lesson" l
       WHERE l."organisationId" = ${organisationId} AND l."classId" = ANY (ARRAY(SELECT st."classId" FROM st))
         AND (l."subgroupId" IS NULL OR l."subgroupId" IN (SELECT sg."subgroupId" FROM sg))
    ), dh AS MATERIALIZED (
      SELECT d.id FROM "Homework" d
       WHERE d."organisationId" = ${organisationId}
         AND d."dueDate" >= ${w.monday} AND d."dueDate" <= ${w.sunday}
         AND d."lessonId" IN (SELECT cl.id FROM cl)
    )
    SELECT h.id, h.text, h."dueDate", l."classId",
           (SELECT s.name FROM "Subject" s WHERE s."organisationId" = l."organisationId" AND s.id = l."subjectId") AS "subjectName",
           (SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'size', f.size) ORDER BY f.id)
              FROM "Attachment" f WHERE f."organisationId" = h."organisationId" AND f."homeworkId" = h.id) AS files
      FROM "Homework" h
      JOIN "Lesson" l ON l."organisationId" = h."organisationId" AND l.id = h."lessonId"
     WHERE h."organisationId" = ${organisationId}
       AND h.id IN (SELECT dh.id FROM dh)`;
}

/**
 * The week's bounds as SQL: its Monday and Sunday (dates) and the instants of its start and of the
 * next Monday (timestamps, UTC) — parameters (DIARY_WEEK) or the Monday a CTE chose (DIARY_WEEK_PAGE).
 */
type WeekBounds = { monday: Prisma.Sql; sunday: Prisma.Sql; from: Prisma.Sql; to: Prisma.Sql };

const weekOf = (monday: Date): WeekBounds => ({
  monday: Prisma.sql`${isoDate(monday)}::date`,
  sunday: Prisma.sql`${isoDate(addDays(monday, 6))}::date`,
  from: utcSql(monday),
  to: utcSql(addDays(monday, 7)),
});

/** The columns of the diary week (DIARY_WEEK's) */
const WEEK_COLUMNS = {
  /** [[classId, startDate, endDate]] */
  stays: col.jsonArray,
  /** the weekLessonsSql rows as LessonJson arrays, by date, bell, id */
  lessons: col.jsonArray,
  /** the homeworkDueSql rows as objects, by due date, id */
  due: col.jsonArray,
  /** [[id, title, startsAt, place, className]] by start */
  events: col.jsonArray,
  /** STUDENT_CLUBS rows as objects, or [] */
  clubs: col.jsonArray,
};

/** The week's CTEs: the student's stays in classes that meet the week (`st`) and subgroups (`sg`). */
function weekCtesSql(organisationId: number, studentId: number, w: WeekBounds): Prisma.Sql {
  return Prisma.sql`st AS MATERIALIZED (
      SELECT m."classId", m."startDate", m."endDate" FROM "ClassMembership" m
       WHERE m."organisationId" = ${organisationId} AND m."studentId" = ${studentId}
         AND m."startDate" <= ${w.sunday} AND (m."endDate" IS NULL OR m."endDate" >= ${w.monday})
    ), sg AS MATERIALIZED (
      SELECT g."subgroupId" FROM "SubgroupMember" g WHERE g."organisationId" = ${organisationId} AND g."studentId" = ${studentId}
    )`;
}

/**
 * WEEK_COLUMNS over weekCtesSql's CTEs (the stays named `staysAs`); the clubs' sessions of
 * [clubs.from, clubs.to], or none.
 */
function weekColumnsSql(
  organisationId: number,
  studentId: number,
  w: WeekBounds,
  clubs: { from: Date; to: Date } | null,
  staysAs = Prisma.raw("stays"),
): Prisma.Sql {
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_array(st."classId", st."startDate", st."endDate")), '[]'::json) FROM st) AS ${staysAs},
      (SELECT coalesce(json_agg(json_build_array(x.id, x."classId", x.date, x."bellNumber", x.topic, x.status, x."teacherId",
                                                 x."substituteId", x."subjectName", x."roomName", x.substitute, x.bell,
                                                 x.homework, x.materials, x.marks, x.att, x."markChanges")
                                ORDER BY x.date, x."bellNumber", x.id), '[]'::json)
         FROM (${weekLessonsSql(organisationId, studentId, w)}) x) AS lessons,
      (SELECT coalesce(json_agg(to_json(x) ORDER BY x."dueDate", x.id), '[]'::json)
         FROM (${homeworkDueSql(organisationId, w)}) x) AS due,
      (SELECT coalesce(json_agg(json_build_array(e.id, e.title, ${isoText(Prisma.sql`e."startsAt"`)}, e.place, c.name)
                                ORDER BY e."startsAt", e.id), '[]'::json)
         FROM "SchoolEvent" e
         LEFT JOIN "ClassGroup" c ON c."organisationId" = e."organisationId" AND c.id = e."classId"
        WHERE e."organisationId" = ${organisationId} AND e."startsAt" < ${w.to}
          AND (e."endsAt" >= ${w.from} OR (e."endsAt" IS NULL AND e."startsAt" >= ${w.from}))
          AND (e."classId" IS NULL OR e."classId" IN (SELECT st."classId" FROM st))) AS events,
      ${
        clubs
          ? Prisma.sql`(SELECT coalesce(json_agg(to_json(x) ORDER BY x."clubName", x."clubId"), '[]'::json)
         FROM (${STUDENT_CLUBS.sql(organisationId, studentId, clubs.from, clubs.to)}) x)`
          : Prisma.sql`'[]'::json`
      } AS clubs`;
}

/**
 * The diary week (DRY-1, DRY-4, DAY-10, PRG-2) in ONE statement (issue 22 item 5; it was nine in two
 * rounds): the student's stays in classes that meet the week and subgroups (`st`, `sg`), the
 * week's lessons of those classes with everything the page shows of them, the homework due in the
 * week (DAY-4), the school-wide and class events that meet the week (SCH-1, as lib/schedule
 * eventsBetween reads them) and — `clubs` given — the student's clubs with the sessions of those
 * days (lib/clubs STUDENT_CLUBS). Runs on the replica reader. The week page reads it inside
 * DIARY_WEEK_PAGE.
 */
export const DIARY_WEEK = rawStatement(
  WEEK_COLUMNS,
  (organisationId: number, studentId: number, monday: Date, clubs: { from: Date; to: Date } | null) => {
    const w = weekOf(monday);
    return Prisma.sql`
    WITH ${weekCtesSql(organisationId, studentId, w)}
    SELECT
      ${weekColumnsSql(organisationId, studentId, w, clubs)}`;
  },
);

/**
 * A lesson row of weekLessonsSql as the lessons column hands it over: an array in this order (issue 22 item 5,
 * round 20: as objects — `to_json` of the row, homework and marks as json_build_object — PostgreSQL wrote every
 * key of every lesson, homework and mark, about half of the column's text), the date as text, the json
 * columns inline.
 */
type LessonJson = [
  id: number,
  classId: number,
  date: string,
  bellNumber: number,
  topic: string | null,
  status: string,
  teacherId: number,
  substituteId: number | null,
  subjectName: string,
  roomName: string | null,
  /** [lastName, firstName, middleName] of the substitute, or null */
  substitute: [string, string, string | null] | null,
  /** [startTime, endTime] of the lesson's bell, or null */
  bell: [string, string] | null,
  /** HomeworkJson[] or null */
  homework: unknown,
  /** DiaryLesson["materials"] or null */
  materials: unknown,
  /** MarkJson[] or null */
  marks: unknown,
  /** [code, missedHours] of the student's attendance, or null */
  att: [string, number | null] | null,
  /** MarkChangeJson[] or null */
  markChanges: unknown,
];

type DueJson = { id: number; text: string; dueDate: string; classId: number; subjectName: string; files: unknown };

type MarkChangeJson = {
  entityKey: string;
  at: string;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  userId: number;
  roles: string[] | null;
};

/**
 * DAY-10: the JournalChange rows of the student's marks in these lessons (read with the lessons, in the
 * same statement), each with who changed it as a role in family words (the lesson's teacher, else the
 * person's senior role) — never a name.
 */
function markChangesOf(
  lessons: { id: number; teacherId: number; substituteId: number | null; markChanges: unknown }[],
  teacherWord: string,
) {
  return markHistories(
    lessons.flatMap((l) =>
      jsonArray<MarkChangeJson>(l.markChanges).map((r) => ({
        lessonId: l.id,
        entityKey: r.entityKey,
        at: new Date(r.at),
        oldValue: r.oldValue,
        newValue: r.newValue,
        reason: r.reason,
        role: changerRole(r.userId === l.teacherId || r.userId === l.substituteId, r.roles ?? [], teacherWord),
      })),
    ),
  );
}

/**
 * The diary week of a student; with `clubDays`, the student's club sessions of those days too
 * (PRG-2: the week page shows them below the lessons) — one statement either way (DIARY_WEEK).
 */
export async function diaryWeek(
  organisationId: number,
  studentId: number,
  monday: Date,
  teacherWord = "учитель",
  clubDays: readonly Date[] = [],
): Promise<DiaryWeek & { clubs: ClubWeekEntry[] }> {
  const clubRange = clubDays.length ? { from: clubDays[0]!, to: clubDays[clubDays.length - 1]! } : null;
  const [r] = await DIARY_WEEK.run(replicaReader(), organisationId, studentId, monday, clubRange);
  return weekOfRow(r, studentId, teacherWord, clubDays);
}

/** WEEK_COLUMNS as the diary week; the clubs' entries on `clubDays` (none: no clubs). */
function weekOfRow(
  r: Partial<RowOf<typeof DIARY_WEEK>> | undefined,
  studentId: number,
  teacherWord: string,
  clubDays: readonly Date[],
): DiaryWeek & { clubs: ClubWeekEntry[] } {
  const memberships = jsonArray<[number, string, string | null]>(r?.stays).map(([classId, start, end]) => ({
    classId,
    startDate: dateOnly(start),
    endDate: end === null ? null : dateOnly(end),
  }));
  const lessonRows = jsonArray<LessonJson>(r?.lessons).map(
    ([id, classId, date, bellNumber, topic, status, teacherId, substituteId, subjectName, roomName, ...rest]) => {
      const [substitute, bell, homework, materials, marks, att, markChanges] = rest;
      return {
        id,
        classId,
        date: dateOnly(date),
        bellNumber,
        topic,
        status,
        teacherId,
        substituteId,
        subjectName,
        roomName,
        substitute,
        bell,
        homework,
        materials,
        marks,
        att,
        markChanges,
      };
    },
  );
  const dueRows = jsonArray<DueJson>(r?.due).map((h) => ({ ...h, dueDate: dateOnly(h.dueDate) }));
  // Only the lessons of the class the student was in on that date (PPL-3).
  const lessonsInStay = lessonRows.filter((l) =>
    memberships.some((m) => m.classId === l.classId && coversDate(m.startDate, m.endDate, l.date)),
  );
  const changes = markChangesOf(lessonsInStay, teacherWord);
  return {
    lessons: lessonsInStay.map((l) => ({
      id: l.id,
      date: l.date,
      bellNumber: l.bellNumber,
      startTime: l.bell?.[0] ?? null,
      endTime: l.bell?.[1] ?? null,
      subjectName: l.subjectName,
      roomName: l.roomName,
      topic: l.topic,
      cancelled: l.status === "CANCELLED",
      substituteName: l.substitute
        ? shortName({ lastName: l.substitute[0], firstName: l.substitute[1] ?? "", middleName: l.substitute[2] })
        : null,
      homework: jsonArray<HomeworkJson>(l.homework).map(
        ([id, text, dueDate, createdAt, files, handin, dueAt, sub]) => ({
          id,
          text,
          dueDate: dueDate ? dateOnly(dueDate) : null,
          createdAt: new Date(createdAt),
          files: (files ?? []).map(([fileId, fileName, size]) => ({ id: fileId, fileName, size })),
          handin: handin
            ? {
                dueAt: dueAt ? new Date(dueAt) : null,
                status: sub?.[0] ?? null,
                isLate: sub?.[1] ?? false,
                comment: sub?.[2] ?? null,
              }
            : null,
        }),
      ),
      materials: jsonArray<DiaryLesson["materials"][number]>(l.materials),
      marks: jsonArray<MarkJson>(l.marks).map(([id, kind, value, isHospital, comment, typeName, weight, at]) => ({
        id,
        kind,
        value,
        isHospital,
        comment,
        typeName,
        weight: Number(weight),
        at: new Date(at),
      })),
      attendance: l.att ? { code: l.att[0], missedHours: l.att[1] === null ? null : Number(l.att[1]) } : null,
      markChanges: changes.get(l.id) ?? [],
    })),
    // Homework due on a day of the student's stay in the class that set it (PPL-3).
    due: dueRows.flatMap((h) =>
      memberships.some((m) => m.classId === h.classId && coversDate(m.startDate, m.endDate, h.dueDate))
        ? [
            {
              id: h.id,
              subjectName: h.subjectName,
              text: h.text,
              dueDate: h.dueDate,
              files: jsonArray<{ id: number; fileName: string; size: number }>(h.files),
            },
          ]
        : [],
    ),
    events: jsonArray<[number, string, string, string | null, string | null]>(r?.events).map(
      ([id, title, startsAt, place, className]) => ({ id, title, startsAt: new Date(startsAt), place, className }),
    ),
    clubs: clubDays.length
      ? clubWeek(studentClubsOf(studentId, jsonArray<RowOf<typeof STUDENT_CLUBS>>(r?.clubs)), clubDays)
      : [],
  };
}

export type DiaryChild = { studentId: number; name: string };

/**
 * Whose diaries a user may switch between: the student who is the user, and the students linked to
 * the user as a parent — one statement (Prisma resolved the user, the student, the parent, its
 * links and their students as four queries on every diary page). The two ways in as a UNION of key
 * look-ups: with an OR between them PostgreSQL read every student of the organisation.
 */
export const DIARY_STUDENTS = rawStatement(
  { id: col.int, firstName: col.text, lastName: col.text },
  (organisationId: number, userId: number) => Prisma.sql`
    SELECT s.id, s."firstName", s."lastName" FROM "Student" s
     WHERE s."organisationId" = ${organisationId}
       AND s.id IN (SELECT me.id FROM "Student" me WHERE me."organisationId" = ${organisationId} AND me."userId" = ${userId}
                    UNION ALL
                    SELECT pl."studentId" FROM "ParentLink" pl
                      JOIN "Parent" p ON p."organisationId" = pl."organisationId" AND p.id = pl."parentId"
                     WHERE pl."organisationId" = ${organisationId} AND p."userId" = ${userId})
     ORDER BY s.id`,
);

/** Whose diaries the signed-in user may switch between: a parent's children, or the student. */
export async function diaryStudentsOf(organisationId: number, userId: number): Promise<DiaryChild[]> {
  return childrenOf(await DIARY_STUDENTS.run(db, organisationId, userId));
}

/** DIARY_STUDENTS rows as the switcher's children, by name. */
function childrenOf(rows: readonly { id: number; firstName: string; lastName: string }[]): DiaryChild[] {
  const list = rows.map((s) => ({ studentId: s.id, name: `${s.firstName} ${s.lastName}` }));
  return list.sort((a, b) => compareRu(a.name, b.name));
}

/** The columns of the week page besides the week (DIARY_WEEK_PAGE's) */
const PAGE_COLUMNS = {
  /** [lastName, firstName, middleName] or null (no such student) */
  student: col.jsonArray,
  /** [classId, name] of the student's class today, or null */
  classNow: col.jsonArray,
  /** [userId, lastName, firstName, middleName] of that class's teacher (curator), or null */
  teacher: col.jsonArray,
  /** [[studentId, firstName, lastName]] */
  children: col.jsonArray,
  /** [lastSeenAt, sinceAt] or null */
  seen: col.jsonArray,
  /**
   * [since, marks, homework, messages]: DRY-7's counts after the visit's «since» as nextSeen picks it
   * (a view VISIT_GAP after the last one: that view; else the visit's start), or null (no visit, or
   * «since» not before now) — diaryWeekPage uses them only when nextSeen agrees.
   */
  news: col.jsonArray,
  /** STUDENT_STAYS rows as objects */
  stays: col.jsonArray,
  /** announcementsJsonSql's rows */
  announcements: col.jsonArray,
  /** DAY-4: the organisation's study week (ORG-2 `studyDays`), null without settings */
  studyDays: col.int.nullable(),
};

/** Who reads the page: the roles (announcements), today (the class, the years) and now (the visit). */
type PageReader = { roles: readonly Role[]; today: Date; now: Date; announcements: number };

/** DAY-4: the organisation's study week setting (ORG-2), NULL without settings. */
const studyDaysSql = (organisationId: number) =>
  Prisma.sql`(SELECT o."studyDays" FROM "OrganisationSettings" o WHERE o."organisationId" = ${organisationId})`;

/**
 * The week's Monday the study week picks (DAY-4; lib/schedule studyDaysOf's reading of the setting: 6 is
 * a six-day week, anything else five) between the two that diaryDay gives for a five- and a six-day week
 * — the rule stays in lib/diary/rules.ts; the statement only picks by the setting.
 */
const chosenMondaySql = (organisationId: number, mondays: { five: Date; six: Date }) =>
  Prisma.sql`SELECT CASE WHEN ${studyDaysSql(organisationId)} = 6 THEN ${isoDate(mondays.six)}::date
                     ELSE ${isoDate(mondays.five)}::date END AS monday`;

/**
 * The bounds DIARY_WEEK_PAGE reads the week with: the stays, lessons and homework due of both candidate
 * weeks — Monday `first` … Sunday after `last` as parameters, one week but on a Saturday of a five-day
 * school (diaryWeekPage keeps the chosen week's): with the dates in view the planner keeps the generic
 * plan as for DIARY_WEEK, where bounds taken from `wk` made it plan every execution anew (≈ 3.6 ms of
 * PostgreSQL per request on the bench week) — and the events of the week `wk` chose.
 */
const candidateWeeks = (first: Date, last: Date): WeekBounds => ({
  monday: Prisma.sql`${isoDate(first)}::date`,
  sunday: Prisma.sql`${isoDate(addDays(last, 6))}::date`,
  from: Prisma.sql`(SELECT wk.monday::timestamp FROM wk)`,
  to: Prisma.sql`(SELECT (wk.monday + 7)::timestamp FROM wk)`,
});

/**
 * The diary week page in ONE statement (issue 22 item 5: the page and the week were two statements in
 * round 13, ten and nine before): everything of the page that is not the week — the student's name and
 * class today (the header, lib/people studentHeader's), that class's class teacher or curator (DAY-4,
 * «Написать классному руководителю»), whose diaries the user switches between (DIARY_STUDENTS, DRY-5),
 * the user's last visit of this diary (DRY-7, DiarySeen) and what is new since it, the student's stays
 * with their years and periods (STUDENT_STAYS: REC-3's year tabs, the report's period), the
 * announcements for the classes the student is in today and the user's roles (DRY-4, lib/messages
 * announcementsFor's) and the organisation's study week (DAY-4, lib/org studyDaysSetting's) — and the
 * week (DIARY_WEEK's columns) of the Monday the study week picks (`wk`: a Saturday of a five-day
 * school shows the next week) with the club sessions of both candidate weeks' Monday…Saturday. Runs on
 * the replica reader.
 */
export const DIARY_WEEK_PAGE = rawStatement(
  {
    ...PAGE_COLUMNS,
    /** the Monday of the week read (YYYY-MM-DD) */
    monday: col.text,
    lessons: WEEK_COLUMNS.lessons,
    due: WEEK_COLUMNS.due,
    events: WEEK_COLUMNS.events,
    clubs: WEEK_COLUMNS.clubs,
    /** DIARY_WEEK's `stays` (the page's `stays` are STUDENT_STAYS') */
    weekStays: WEEK_COLUMNS.stays,
  },
  (
    organisationId: number,
    userId: number,
    studentId: number,
    reader: PageReader,
    mondays: { five: Date; six: Date },
  ) => {
    const today = isoDate(reader.today);
    const at = utcSql(reader.now);
    const first = mondays.five < mondays.six ? mondays.five : mondays.six;
    const last = mondays.five < mondays.six ? mondays.six : mondays.five;
    const clubs = { from: first, to: addDays(last, 5) };
    const weeks = candidateWeeks(first, last);
    return Prisma.sql`
    WITH here AS MATERIALIZED (
      SELECT m."classId", m."startDate", c.name FROM "ClassMembership" m
        JOIN "ClassGroup" c ON c."organisationId" = m."organisationId" AND c.id = m."classId"
       WHERE m."organisationId" = ${organisationId} AND m."studentId" = ${studentId}
         AND m."startDate" <= ${today}::date AND (m."endDate" IS NULL OR m."endDate" >= ${today}::date)
    ), cls AS MATERIALIZED (
      SELECT h."classId", h.name FROM here h ORDER BY h."startDate" DESC, h."classId" LIMIT 1
    ), wk AS MATERIALIZED (
      ${chosenMondaySql(organisationId, mondays)}
    ), ${weekCtesSql(organisationId, studentId, weeks)}
    SELECT
      (SELECT json_build_array(s."lastName", s."firstName", s."middleName") FROM "Student" s
        WHERE s."organisationId" = ${organisationId} AND s.id = ${studentId}) AS student,
      (SELECT json_build_array(cls."classId", cls.name) FROM cls) AS "classNow",
      (SELECT json_build_array(u.id, u."lastName", u."firstName", u."middleName")
         FROM "ClassTeacher" t
         JOIN "User" u ON u."organisationId" = t."organisationId" AND u.id = t."userId"
        WHERE t."organisationId" = ${organisationId} AND t."classId" = (SELECT cls."classId" FROM cls)
          AND t.kind IN ('CLASS_TEACHER', 'CURATOR') AND u."isActive"
        ORDER BY t.kind, t."userId"
        LIMIT 1) AS teacher,
      (SELECT coalesce(json_agg(json_build_array(x.id, x."firstName", x."lastName") ORDER BY x.id), '[]'::json)
         FROM (${DIARY_STUDENTS.sql(organisationId, userId)}) x) AS children,
      (SELECT json_build_array(${isoText(Prisma.sql`d."lastSeenAt"`)}, ${isoText(Prisma.sql`d."sinceAt"`)}) FROM "DiarySeen" d
        WHERE d."organisationId" = ${organisationId} AND d."userId" = ${userId} AND d."studentId" = ${studentId}) AS seen,
      (SELECT json_build_array(${isoText(Prisma.sql`v.since`)}, n.marks, n.homework, n.messages)
         FROM (SELECT CASE WHEN d."lastSeenAt" <= ${at} - make_interval(secs => ${VISIT_GAP_MS / 1000}) THEN d."lastSeenAt"
                           ELSE d."sinceAt" END AS since
                 FROM "DiarySeen" d
                WHERE d."organisationId" = ${organisationId} AND d."userId" = ${userId} AND d."studentId" = ${studentId}) v
         CROSS JOIN LATERAL (SELECT ${newSinceCountsSql(organisationId, userId, studentId, Prisma.sql`v.since`)}) n
        WHERE v.since < ${at}) AS news,
      ${studentStaysJsonSql(organisationId, studentId)} AS stays,
      ${announcementsJsonSql(organisationId, reader.roles, Prisma.sql`(SELECT h."classId" FROM here h)`, reader.now, reader.announcements)} AS announcements,
      ${studyDaysSql(organisationId)} AS "studyDays",
      (SELECT to_char(wk.monday, 'YYYY-MM-DD') FROM wk) AS monday,
      ${weekColumnsSql(organisationId, studentId, weeks, clubs, Prisma.raw('"weekStays"'))}`;
  },
);

export type DiaryPage = {
  /** lib/people studentHeader's answer for the page; null: no such student. */
  student: { studentId: number; fullName: string; classId: number | null; className: string | null } | null;
  classTeacher: { userId: number; name: string } | null;
  students: DiaryChild[];
  seen: SeenRow | null;
  /** What is new since the visit's «since» (DRY-7), when the statement could count it; null: no visit, or counted apart. */
  news: { since: Date; marks: number; homework: number; messages: number } | null;
  years: { years: StudentYear[]; periodId: number | null };
  announcements: AnnouncementView[];
  /** DAY-4: the organisation's study week (lib/org studyDaysSetting's, as studyDaysOf reads it). */
  studyDays: StudyDays;
};

/**
 * The diary week page (DIARY_WEEK_PAGE) — one statement: the page, and the week of the Monday the
 * study week picks of `mondays` (diaryDay's for a five- and a six-day week) with the club sessions of
 * its study days.
 */
export async function diaryWeekPage(
  organisationId: number,
  userId: number,
  studentId: number,
  reader: PageReader,
  mondays: { five: Date; six: Date },
  teacherWord = "учитель",
): Promise<{ page: DiaryPage; monday: Date; week: DiaryWeek & { clubs: ClubWeekEntry[] } }> {
  const [r] = await DIARY_WEEK_PAGE.run(replicaReader(), organisationId, userId, studentId, reader, mondays);
  const page = pageOfRow(r, studentId, reader.today);
  const monday = r ? dateOnly(r.monday) : mondays.five;
  const days = Array.from({ length: page.studyDays }, (_, i) => addDays(monday, i));
  const week = weekOfRow(r && { ...r, stays: r.weekStays }, studentId, teacherWord, days);
  // The chosen week's lessons and homework due of the two candidate weeks read (candidateWeeks).
  const sunday = addDays(monday, 6);
  const inWeek = (d: Date) => d >= monday && d <= sunday;
  return {
    page,
    monday,
    week: {
      ...week,
      lessons: week.lessons.filter((l) => inWeek(l.date)),
      due: week.due.filter((h) => inWeek(h.dueDate)),
    },
  };
}

/** PAGE_COLUMNS as the page. */
function pageOfRow(r: Partial<RowOf<typeof DIARY_WEEK_PAGE>> | undefined, studentId: number, today: Date): DiaryPage {
  const name = r?.student ? jsonArray<string | null>(r.student) : null;
  const here = r?.classNow ? (jsonArray<number | string>(r.classNow) as [number, string]) : null;
  const teacher = r?.teacher
    ? (jsonArray<number | string | null>(r.teacher) as [number, string, string, string | null])
    : null;
  const seen = r?.seen ? jsonArray<string>(r.seen) : null;
  const news = r?.news ? (jsonArray<string | number>(r.news) as [string, number, number, number]) : null;
  return {
    student: name
      ? {
          studentId,
          fullName: fullName({ lastName: name[0]!, firstName: name[1]!, middleName: name[2] ?? null }),
          classId: here?.[0] ?? null,
          className: here?.[1] ?? null,
        }
      : null,
    classTeacher: teacher
      ? { userId: teacher[0], name: shortName({ lastName: teacher[1], firstName: teacher[2], middleName: teacher[3] }) }
      : null,
    students: childrenOf(
      jsonArray<[number, string, string]>(r?.children).map(([id, firstName, lastName]) => ({
        id,
        firstName,
        lastName,
      })),
    ),
    seen: seen ? { lastSeenAt: new Date(seen[0]!), sinceAt: new Date(seen[1]!) } : null,
    news: news ? { since: new Date(news[0]), marks: news[1], homework: news[2], messages: news[3] } : null,
    years: diaryYearsOf(stayRowsOfJson(r?.stays), today),
    announcements: announcementsOfJson(jsonArray(r?.announcements)),
    studyDays: studyDaysOf(r?.studyDays),
  };
}
