// Reads of the diary week (DRY-1, DRY-4): a constant number of queries whatever the week holds.
// Every query is bound to the organisation and to the one student the page has authorised.
import { col, jsonArray } from "@/lib/sql";
import { rawStatement, replicaReader, readDb as db } from "@/lib/db";
import { AttendanceCode, LessonStatus } from "@/prisma/generated/prisma/enums";
import { addDays, dateOnly, isoDate } from "@/lib/org/time";
import { eventsBetween } from "@/lib/schedule/view/data";
import { shortName } from "@/lib/people/names";
import { changerRole, coversDate, markHistories, type MarkChange } from "./rules";
import { Prisma } from "@/prisma/generated/prisma/client";
import { compareRu } from "@/lib/org/collation";

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

type HomeworkJson = {
  id: number;
  text: string;
  dueDate: string | null;
  createdAt: string;
  files: { id: number; fileName: string; size: number }[] | null;
  handin: boolean;
  dueAt: string | null;
  submission: { status: string; isLate: boolean; comment: string | null } | null;
};
/** A mark as json_agg hands it over: the weight may come as numeric text, the time as ISO text. */
type MarkJson = Omit<DiaryMark, "weight" | "at"> & { weight: number | string; at: string };

/** The week's lessons of the student's classes (and subgroups); see weekLessons. Runs on the replica reader. */
export const WEEK_LESSONS = rawStatement(
  {
    id: col.int,
    classId: col.int,
    date: col.date,
    bellNumber: col.int,
    topic: col.text.nullable(),
    status: col.enum(LessonStatus),
    subjectName: col.text,
    roomName: col.text.nullable(),
    subLast: col.text.nullable(),
    subFirst: col.text.nullable(),
    subMiddle: col.text.nullable(),
    teacherId: col.int,
    substituteId: col.int.nullable(),
    startTime: col.text.nullable(),
    endTime: col.text.nullable(),
    homework: col.jsonArray,
    materials: col.jsonArray,
    marks: col.jsonArray,
    attCode: col.enum(AttendanceCode).nullable(),
    attHours: col.float.nullable(),
    /** DAY-10: [{ entityKey, at, oldValue, newValue, reason, userId, roles }] of the student's marks here, oldest first */
    markChanges: col.jsonArray,
  },
  (
    organisationId: number,
    studentId: number,
    classIds: number[],
    subgroupIds: number[],
    monday: Date,
    sunday: Date,
  ) => Prisma.sql`
    SELECT l.id, l."classId", l.date, l."bellNumber", l.topic, l.status::text AS status, l."teacherId", l."substituteId",
           s.name AS "subjectName", r.name AS "roomName",
           u."lastName" AS "subLast", u."firstName" AS "subFirst", u."middleName" AS "subMiddle",
           b."startTime", b."endTime",
           (SELECT json_agg(json_build_object(
                     'id', h.id, 'text', h.text, 'dueDate', h."dueDate", 'createdAt', to_char(h."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                     'files', (SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'size', f.size) ORDER BY f.id)
                                 FROM "Attachment" f WHERE f."organisationId" = h."organisationId" AND f."homeworkId" = h.id),
                     'handin', h.handin, 'dueAt', to_char(h."handinDueAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                     'submission', (SELECT json_build_object('status', hs.status::text, 'isLate', hs."isLate", 'comment', hs."reviewComment")
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
           (SELECT json_agg(json_build_object(
                     'id', m.id, 'kind', m.kind::text, 'value', m.value, 'isHospital', m."isHospital", 'comment', m.comment,
                     'typeName', t.name, 'weight', COALESCE(a.weight, t.weight), 'at', to_char(m."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                   ) ORDER BY m.id)
              FROM "Mark" m
              JOIN "Assignment" a ON a."organisationId" = m."organisationId" AND a.id = m."assignmentId"
              JOIN "AssignmentType" t ON t."organisationId" = a."organisationId" AND t.id = a."typeId"
             WHERE m."organisationId" = l."organisationId" AND m."lessonId" = l.id AND m."studentId" = ${studentId}) AS marks,
           att.code::text AS "attCode", att."missedHours"::float8 AS "attHours",
           (SELECT json_agg(json_build_object(
                     'entityKey', jc."entityKey", 'at', to_char(jc.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
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
      LEFT JOIN "Room" r ON r."organisationId" = l."organisationId" AND r.id = l."roomId"
      LEFT JOIN "User" u ON u."organisationId" = l."organisationId" AND u.id = l."substituteId"
      LEFT JOIN "Bell" b ON b."organisationId" = l."organisationId" AND b."scheduleId" = c."bellScheduleId" AND b.number = l."bellNumber"
      LEFT JOIN "Attendance" att ON att."organisationId" = l."organisationId" AND att."lessonId" = l.id AND att."studentId" = ${studentId}
     WHERE l."organisationId" = ${organisationId} AND l."classId" = ANY(${classIds}::int[])
       AND l.date >= ${isoDate(monday)}::date AND l.date <= ${isoDate(sunday)}::date
       AND (l."subgroupId" IS NULL OR l."subgroupId" = ANY(${subgroupIds}::int[]))
     ORDER BY l.date, l."bellNumber", l.id`,
);

/**
 * The week's lessons of the student's classes (and subgroups) with subject, room, substitute,
 * bell times, homework with files, the student's marks with type and weight and attendance — one
 * statement (Prisma resolved each nested relation as its own query: ~10 round trips).
 */
async function weekLessons(
  organisationId: number,
  studentId: number,
  classIds: number[],
  subgroupIds: number[],
  monday: Date,
  sunday: Date,
) {
  if (classIds.length === 0) return [];
  return WEEK_LESSONS.run(replicaReader(), organisationId, studentId, classIds, subgroupIds, monday, sunday);
}

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
 * DAY-4: homework of the student's classes (and subgroups) due within [monday, sunday], with the set
 * lesson's class and subject and the files — one statement (Prisma resolved the lesson, its subject
 * and the files as three more queries on every diary view).
 */
export const HOMEWORK_DUE = rawStatement(
  {
    id: col.int,
    text: col.text,
    dueDate: col.date,
    classId: col.int,
    subjectName: col.text,
    /** [{ id, fileName, size }] by id, or null */
    files: col.jsonArray,
  },
  (organisationId: number, classIds: number[], subgroupIds: number[], monday: Date, sunday: Date) => Prisma.sql`
    SELECT h.id, h.text, h."dueDate", l."classId", s.name AS "subjectName",
           (SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'size', f.size) ORDER BY f.id)
              FROM "Attachment" f WHERE f."organisationId" = h."organisationId" AND f."homeworkId" = h.id) AS files
      FROM "Homework" h
      JOIN "Lesson" l ON l."organisationId" = h."organisationId" AND l.id = h."lessonId"
      JOIN "Subject" s ON s."organisationId" = l."organisationId" AND s.id = l."subjectId"
     WHERE h."organisationId" = ${organisationId}
       AND h."dueDate" >= ${isoDate(monday)}::date AND h."dueDate" <= ${isoDate(sunday)}::date
       AND l."classId" = ANY(${classIds}::int[])
       AND (l."subgroupId" IS NULL OR l."subgroupId" = ANY(${subgroupIds}::int[]))
     ORDER BY h."dueDate", h.id`,
);

async function homeworkDue(
  organisationId: number,
  classIds: number[],
  subgroupIds: number[],
  monday: Date,
  sunday: Date,
) {
  if (classIds.length === 0) return [];
  return HOMEWORK_DUE.run(replicaReader(), organisationId, classIds, subgroupIds, monday, sunday);
}

export async function diaryWeek(
  organisationId: number,
  studentId: number,
  monday: Date,
  teacherWord = "учитель",
): Promise<DiaryWeek> {
  const sunday = addDays(monday, 6);
  const [memberships, subgroups] = await Promise.all([
    db.classMembership.findMany({
      where: {
        organisationId,
        studentId,
        startDate: { lte: sunday },
        OR: [{ endDate: null }, { endDate: { gte: monday } }],
      },
      select: { classId: true, startDate: true, endDate: true },
    }),
    db.subgroupMember.findMany({ where: { organisationId, studentId }, select: { subgroupId: true } }),
  ]);
  const classIds = [...new Set(memberships.map((m) => m.classId))];
  const subgroupIds = subgroups.map((s) => s.subgroupId);
  const [lessonRows, dueRows, eventRows] = await Promise.all([
    weekLessons(organisationId, studentId, classIds, subgroupIds, monday, sunday),
    homeworkDue(organisationId, classIds, subgroupIds, monday, sunday),
    // School-wide and class events, including those that span the week (SCH-1, DRY-4).
    eventsBetween(organisationId, monday, addDays(sunday, 1), classIds),
  ]);
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
      startTime: l.startTime,
      endTime: l.endTime,
      subjectName: l.subjectName,
      roomName: l.roomName,
      topic: l.topic,
      cancelled: l.status === "CANCELLED",
      substituteName:
        l.subLast !== null
          ? shortName({ lastName: l.subLast, firstName: l.subFirst ?? "", middleName: l.subMiddle })
          : null,
      homework: jsonArray<HomeworkJson>(l.homework).map((h) => ({
        id: h.id,
        text: h.text,
        dueDate: h.dueDate ? dateOnly(h.dueDate) : null,
        createdAt: new Date(h.createdAt),
        files: h.files ?? [],
        handin: h.handin
          ? {
              dueAt: h.dueAt ? new Date(h.dueAt) : null,
              status: h.submission?.status ?? null,
              isLate: h.submission?.isLate ?? false,
              comment: h.submission?.comment ?? null,
            }
          : null,
      })),
      materials: jsonArray<DiaryLesson["materials"][number]>(l.materials),
      marks: jsonArray<MarkJson>(l.marks).map((m) => ({
        id: m.id,
        kind: m.kind,
        value: m.value,
        isHospital: m.isHospital,
        comment: m.comment,
        typeName: m.typeName,
        weight: Number(m.weight),
        at: new Date(m.at),
      })),
      attendance:
        l.attCode !== null ? { code: l.attCode, missedHours: l.attHours === null ? null : Number(l.attHours) } : null,
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
    events: eventRows.map((e) => ({
      id: e.id,
      title: e.title,
      startsAt: e.startsAt,
      place: e.place,
      className: e.className,
    })),
  };
}

export type DiaryChild = { studentId: number; name: string };

/** Whose diaries the signed-in user may switch between: a parent's children, or the student. */
export async function diaryStudentsOf(organisationId: number, userId: number): Promise<DiaryChild[]> {
  const user = await db.user.findUnique({
    where: { organisationId_id: { organisationId, id: userId } },
    select: {
      student: { select: { id: true, lastName: true, firstName: true } },
      parent: {
        select: { children: { select: { student: { select: { id: true, lastName: true, firstName: true } } } } },
      },
    },
  });
  const list = [...(user?.student ? [user.student] : []), ...(user?.parent?.children.map((c) => c.student) ?? [])].map(
    (s) => ({ studentId: s.id, name: `${s.firstName} ${s.lastName}` }),
  );
  return list.sort((a, b) => compareRu(a.name, b.name));
}

/** The classes a student is in on a date (movement book). */
export async function studentClassIdsOn(organisationId: number, studentId: number, date: Date): Promise<number[]> {
  const rows = await db.classMembership.findMany({
    where: { organisationId, studentId, startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] },
    select: { classId: true },
  });
  return rows.map((r) => r.classId);
}

/** DAY-4: the class teacher (curator) a family writes to from the diary — one statement (it was two). */
export const CLASS_TEACHER = rawStatement(
  { userId: col.int, lastName: col.text, firstName: col.text, middleName: col.text.nullable() },
  (organisationId: number, classId: number) => Prisma.sql`
    SELECT u.id AS "userId", u."lastName", u."firstName", u."middleName"
      FROM "ClassTeacher" t
      JOIN "User" u ON u."organisationId" = t."organisationId" AND u.id = t."userId"
     WHERE t."organisationId" = ${organisationId} AND t."classId" = ${classId}
       AND t.kind IN ('CLASS_TEACHER', 'CURATOR') AND u."isActive"
     ORDER BY t.kind, t."userId"
     LIMIT 1`,
);

/** The class teacher (curator) of a class; null when the class has none. */
export async function classTeacherOfClass(
  organisationId: number,
  classId: number,
): Promise<{ userId: number; name: string } | null> {
  const [row] = await CLASS_TEACHER.run(replicaReader(), organisationId, classId);
  return row ? { userId: row.userId, name: shortName(row) } : null;
}
