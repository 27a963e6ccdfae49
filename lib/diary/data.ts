// Reads of the diary week (DRY-1, DRY-4): a constant number of queries whatever the week holds.
// Every query is bound to the organisation and to the one student the page has authorised.
import { readDb as db } from "@/lib/db";
import { dateOnly } from "@/lib/org/time";
import { eventsBetween } from "@/lib/schedule/view/data";
import { shortName } from "@/lib/people/names";
import { addDays, coversDate } from "./rules";

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
  }[];
  /** DAY-1: homework set at an earlier lesson of the same stream and due on this lesson's day. */
  due: { id: number; text: string }[];
  marks: {
    id: number;
    kind: string;
    value: number | null;
    isHospital: boolean;
    comment: string | null;
    typeName: string;
    weight: number;
    at: Date;
  }[];
  attendance: { code: string; missedHours: number | null } | null;
};

export type DiaryEvent = { id: number; title: string; startsAt: Date; place: string | null; className: string | null };

export type DiaryWeek = { lessons: DiaryLesson[]; events: DiaryEvent[] };

type LessonRow = {
  id: number;
  classId: number;
  date: Date;
  bellNumber: number;
  topic: string | null;
  status: string;
  subjectName: string;
  roomName: string | null;
  subLast: string | null;
  subFirst: string | null;
  subMiddle: string | null;
  startTime: string | null;
  endTime: string | null;
  homework: unknown;
  due: unknown;
  marks: unknown;
  attCode: string | null;
  attHours: number | null;
};
type HomeworkJson = {
  id: number;
  text: string;
  dueDate: string | null;
  createdAt: string;
  files: { id: number; fileName: string; size: number }[] | null;
};
type MarkJson = {
  id: number;
  kind: string;
  value: number | null;
  isHospital: boolean;
  comment: string | null;
  typeName: string;
  weight: number | string;
  at: string;
};

/** json_agg columns arrive parsed or as text depending on the driver path. */
function jsonArray<T>(value: unknown): T[] {
  const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? (parsed as T[]) : [];
}
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Raw reads go to the replica explicitly (the extension sends raw SQL to the primary by default). */
function reader(): Pick<typeof db, "$queryRaw"> {
  const client = db as typeof db & { $replica?: () => Pick<typeof db, "$queryRaw"> };
  return typeof client.$replica === "function" ? client.$replica() : client;
}

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
  return reader().$queryRaw<LessonRow[]>`
    SELECT l.id, l."classId", l.date, l."bellNumber", l.topic, l.status::text AS status,
           s.name AS "subjectName", r.name AS "roomName",
           u."lastName" AS "subLast", u."firstName" AS "subFirst", u."middleName" AS "subMiddle",
           b."startTime", b."endTime",
           (SELECT json_agg(json_build_object(
                     'id', h.id, 'text', h.text, 'dueDate', h."dueDate", 'createdAt', to_char(h."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                     'files', (SELECT json_agg(json_build_object('id', f.id, 'fileName', f."fileName", 'size', f.size) ORDER BY f.id)
                                 FROM "Attachment" f WHERE f."organisationId" = h."organisationId" AND f."homeworkId" = h.id)
                   ) ORDER BY h.id)
              FROM "Homework" h WHERE h."organisationId" = l."organisationId" AND h."lessonId" = l.id) AS homework,
           (SELECT json_agg(json_build_object('id', h.id, 'text', h.text) ORDER BY h.id)
              FROM "Homework" h
              JOIN "Lesson" hl ON hl."organisationId" = h."organisationId" AND hl.id = h."lessonId"
             WHERE h."organisationId" = l."organisationId" AND h."dueDate" = l.date AND hl.date < l.date
               AND hl."classId" = l."classId" AND hl."subjectId" = l."subjectId"
               AND hl."subgroupId" IS NOT DISTINCT FROM l."subgroupId") AS due,
           (SELECT json_agg(json_build_object(
                     'id', m.id, 'kind', m.kind::text, 'value', m.value, 'isHospital', m."isHospital", 'comment', m.comment,
                     'typeName', t.name, 'weight', COALESCE(a.weight, t.weight), 'at', to_char(m."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                   ) ORDER BY m.id)
              FROM "Mark" m
              JOIN "Assignment" a ON a."organisationId" = m."organisationId" AND a.id = m."assignmentId"
              JOIN "AssignmentType" t ON t."organisationId" = a."organisationId" AND t.id = a."typeId"
             WHERE m."organisationId" = l."organisationId" AND m."lessonId" = l.id AND m."studentId" = ${studentId}) AS marks,
           att.code::text AS "attCode", att."missedHours"::float8 AS "attHours"
      FROM "Lesson" l
      JOIN "Subject" s ON s."organisationId" = l."organisationId" AND s.id = l."subjectId"
      JOIN "ClassGroup" c ON c."organisationId" = l."organisationId" AND c.id = l."classId"
      LEFT JOIN "Room" r ON r."organisationId" = l."organisationId" AND r.id = l."roomId"
      LEFT JOIN "User" u ON u."organisationId" = l."organisationId" AND u.id = l."substituteId"
      LEFT JOIN "Bell" b ON b."organisationId" = l."organisationId" AND b."scheduleId" = c."bellScheduleId" AND b.number = l."bellNumber"
      LEFT JOIN "Attendance" att ON att."organisationId" = l."organisationId" AND att."lessonId" = l.id AND att."studentId" = ${studentId}
     WHERE l."organisationId" = ${organisationId} AND l."classId" = ANY(${classIds}::int[])
       AND l.date >= ${isoDay(monday)}::date AND l.date <= ${isoDay(sunday)}::date
       AND (l."subgroupId" IS NULL OR l."subgroupId" = ANY(${subgroupIds}::int[]))
     ORDER BY l.date, l."bellNumber", l.id`;
}

export async function diaryWeek(organisationId: number, studentId: number, monday: Date): Promise<DiaryWeek> {
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
  const [lessonRows, eventRows] = await Promise.all([
    weekLessons(organisationId, studentId, classIds, subgroupIds, monday, sunday),
    // School-wide and class events, including those that span the week (SCH-1, DRY-4).
    eventsBetween(organisationId, monday, addDays(sunday, 1), classIds),
  ]);
  // Only the lessons of the class the student was in on that date (PPL-3).
  const lessonsInStay = lessonRows.filter((l) =>
    memberships.some((m) => m.classId === l.classId && coversDate(m.startDate, m.endDate, l.date)),
  );
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
      })),
      due: jsonArray<{ id: number; text: string }>(l.due),
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
    })),
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
  return list.sort((a, b) => a.name.localeCompare(b.name, "ru"));
}

/** The classes a student is in on a date (movement book). */
export async function studentClassIdsOn(organisationId: number, studentId: number, date: Date): Promise<number[]> {
  const rows = await db.classMembership.findMany({
    where: { organisationId, studentId, startDate: { lte: date }, OR: [{ endDate: null }, { endDate: { gte: date } }] },
    select: { classId: true },
  });
  return rows.map((r) => r.classId);
}
