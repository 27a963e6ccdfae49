// DAY-2: the parent's and the student's day on the home page — today's and the next school day's
// lessons, the homework due on them, the new marks, the absences of today and yesterday and the unread
// mail. The lessons, the homework and the attendance are the diary's own week (lib/diary diaryWeek: one
// DIARY_WEEK statement, its stays, subgroups, cancellations and substitutes); «new» is the diary's
// visit rule (DRY-7 nextSeen over DiarySeen, isNewSince). What the diary has no read for — the next
// school day, the visit record with the unread count, the new marks of any week — is two small
// statements here. Bound to the organisation and to the one student the caller authorised (ACL-5).
import { col } from "@/lib/sql";
import { rawStatement, replicaReader, utcSql } from "@/lib/db";
import { addDays, isoDate, mondayOf } from "@/lib/org/time";
import { diaryWeek, type DiaryDue, type DiaryLesson } from "@/lib/diary/data";
import { ATTENDANCE_LABELS, ATTENDANCE_TITLES, markLabel, nextSeen } from "@/lib/diary/rules";
import { previousStudyDay, studyDaysOf } from "@/lib/schedule/week";
import { Prisma } from "@/prisma/generated/prisma/client";

/** How far ahead «tomorrow» looks for the next school day (as the teacher's home: teacherNextLessons). */
export const NEXT_DAY_WINDOW = 14;
/** New marks listed; more are counted. */
export const NEW_MARKS_LISTED = 8;

/** A new mark: its label (the diary's markLabel), the assignment type, the lesson's subject and date. */
export type FamilyMark = { id: number; label: string; title: string; subjectName: string; date: Date };

/** An attendance mark of today or yesterday: the journal's code («Н», «Б») and its reason in words. */
export type FamilyAbsence = { lessonId: number; date: Date; subjectName: string; label: string; reason: string };

export type FamilyDay = {
  studentId: number;
  today: Date;
  /** Today's lessons (empty on a weekend or a holiday). */
  lessons: DiaryLesson[];
  /** The next school day after today within NEXT_DAY_WINDOW days, with its lessons; null: none so soon. */
  next: { date: Date; lessons: DiaryLesson[] } | null;
  /** Homework due today and on the next school day. */
  due: { today: DiaryDue[]; next: DiaryDue[] };
  /** New marks: since the previous diary visit (DRY-7), or — no visit yet — of the last two school days. */
  marks: { since: Date | null; from: Date; list: FamilyMark[]; total: number };
  /** Attendance marks of today and yesterday, with their reason. */
  absences: FamilyAbsence[];
  unread: number;
};

/** An instant of a timestamp column (stored as UTC) as ISO text the Date constructor reads. */
const isoText = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The day's facts the diary has no read for, in ONE statement: the user's visit record of the student's
 * diary (DRY-7), the first date after today within the window on which a class the student is in on that
 * date has a lesson for the student (the subgroups' only for their members: the diary week's own
 * filter), the organisation's study week (ORG-2) and the user's unread mail (the «Непрочитанные письма»
 * widget's messages).
 */
export const FAMILY_DAY = rawStatement(
  {
    /** DiarySeen's lastSeenAt and sinceAt as ISO instants (UTC), or null: no visit yet */
    lastSeenAt: col.text.nullable(),
    sinceAt: col.text.nullable(),
    next: col.text.nullable(),
    studyDays: col.int.nullable(),
    unread: col.int,
  },
  (organisationId: number, userId: number, studentId: number, today: Date) => Prisma.sql`
    SELECT
      d."lastSeenAt" AS "lastSeenAt", d."sinceAt" AS "sinceAt",
      (SELECT to_char(min(l.date), 'YYYY-MM-DD') FROM "ClassMembership" m
         JOIN "Lesson" l ON l."organisationId" = m."organisationId" AND l."classId" = m."classId"
        WHERE m."organisationId" = ${organisationId} AND m."studentId" = ${studentId}
          AND l.date > ${isoDate(today)}::date AND l.date <= ${isoDate(addDays(today, NEXT_DAY_WINDOW))}::date
          AND m."startDate" <= l.date AND (m."endDate" IS NULL OR m."endDate" >= l.date)
          AND (l."subgroupId" IS NULL OR l."subgroupId" IN (
                SELECT g."subgroupId" FROM "SubgroupMember" g
                 WHERE g."organisationId" = ${organisationId} AND g."studentId" = ${studentId}))) AS next,
      (SELECT o."studyDays" FROM "OrganisationSettings" o WHERE o."organisationId" = ${organisationId}) AS "studyDays",
      (SELECT count(*)::int FROM "MessageRecipient" r
        WHERE r."organisationId" = ${organisationId} AND r."userId" = ${userId}
          AND r."readAt" IS NULL AND r."deletedAt" IS NULL) AS unread
      FROM (SELECT 1) one
      LEFT JOIN (SELECT ${isoText(Prisma.sql`v."lastSeenAt"`)} AS "lastSeenAt", ${isoText(Prisma.sql`v."sinceAt"`)} AS "sinceAt"
                   FROM "DiarySeen" v
                  WHERE v."organisationId" = ${organisationId} AND v."userId" = ${userId} AND v."studentId" = ${studentId}) d ON true`,
);

/**
 * The student's marks changed after `since` (the diary's DRY-7 count: Mark.updatedAt) — or, `since`
 * null, of the lessons of [from, to] — newest first, NEW_MARKS_LISTED + 1 of them, with the total.
 */
export const NEW_MARKS = rawStatement(
  {
    id: col.int,
    kind: col.text,
    value: col.int.nullable(),
    typeName: col.text,
    subjectName: col.text,
    date: col.text,
    total: col.int,
  },
  (organisationId: number, studentId: number, since: Date | null, from: Date, to: Date) => Prisma.sql`
    SELECT m.id, m.kind::text AS kind, m.value, t.name AS "typeName", s.name AS "subjectName",
           to_char(l.date, 'YYYY-MM-DD') AS date, (count(*) OVER ())::int AS total
      FROM "Mark" m
      JOIN "Lesson" l ON l."organisationId" = m."organisationId" AND l.id = m."lessonId"
      JOIN "Subject" s ON s."organisationId" = l."organisationId" AND s.id = l."subjectId"
      JOIN "Assignment" a ON a."organisationId" = m."organisationId" AND a.id = m."assignmentId"
      JOIN "AssignmentType" t ON t."organisationId" = a."organisationId" AND t.id = a."typeId"
     WHERE m."organisationId" = ${organisationId} AND m."studentId" = ${studentId}
       AND ${
         since
           ? Prisma.sql`m."updatedAt" > ${utcSql(since)}`
           : Prisma.sql`l.date >= ${isoDate(from)}::date AND l.date <= ${isoDate(to)}::date`
       }
     ORDER BY m."updatedAt" DESC, m.id DESC
     LIMIT ${NEW_MARKS_LISTED + 1}`,
);

const sameDay = (a: Date, b: Date) => a.getTime() === b.getTime();

/**
 * The student's day for the home page: three statements on a school day whose next school day falls in
 * the same week (the week, FAMILY_DAY, NEW_MARKS), four when it does not (the next day's week too).
 */
export async function familyDay(
  organisationId: number,
  userId: number,
  studentId: number,
  today: Date,
  now: Date,
  teacherWord: string,
): Promise<FamilyDay> {
  const reader = replicaReader();
  const monday = mondayOf(today);
  const [week, [facts]] = await Promise.all([
    diaryWeek(organisationId, studentId, monday, teacherWord),
    FAMILY_DAY.run(reader, organisationId, userId, studentId, today),
  ]);
  const nextDate = facts?.next ? new Date(`${facts.next}T00:00:00.000Z`) : null;
  // DRY-7: what the diary would highlight if opened now; the first visit has nothing «new».
  const visit =
    facts?.lastSeenAt && facts.sinceAt
      ? nextSeen({ lastSeenAt: new Date(facts.lastSeenAt), sinceAt: new Date(facts.sinceAt) }, now)
      : null;
  const since = visit && visit.sinceAt.getTime() < now.getTime() ? visit.sinceAt : null;
  const from = previousStudyDay(today, studyDaysOf(facts?.studyDays));
  const nextMonday = nextDate ? mondayOf(nextDate) : null;
  const [marks, nextWeek] = await Promise.all([
    NEW_MARKS.run(reader, organisationId, studentId, since, from, today),
    nextMonday && !sameDay(nextMonday, monday)
      ? diaryWeek(organisationId, studentId, nextMonday, teacherWord)
      : Promise.resolve(week),
  ]);
  const yesterday = addDays(today, -1);
  return {
    studentId,
    today,
    lessons: week.lessons.filter((l) => sameDay(l.date, today)),
    next: nextDate ? { date: nextDate, lessons: nextWeek.lessons.filter((l) => sameDay(l.date, nextDate)) } : null,
    due: {
      today: week.due.filter((h) => sameDay(h.dueDate, today)),
      next: nextDate ? nextWeek.due.filter((h) => sameDay(h.dueDate, nextDate)) : [],
    },
    marks: {
      since,
      from,
      total: marks[0]?.total ?? 0,
      list: marks.slice(0, NEW_MARKS_LISTED).map((m) => ({
        id: m.id,
        label: markLabel(m.kind, m.value),
        title: m.typeName,
        subjectName: m.subjectName,
        date: new Date(`${m.date}T00:00:00.000Z`),
      })),
    },
    // The week read holds yesterday but on a Monday (a Sunday: no study day in a five- or six-day week).
    absences: week.lessons
      .filter((l) => l.attendance && (sameDay(l.date, today) || sameDay(l.date, yesterday)))
      .map((l) => ({
        lessonId: l.id,
        date: l.date,
        subjectName: l.subjectName,
        label: ATTENDANCE_LABELS[l.attendance!.code] ?? l.attendance!.code,
        reason: ATTENDANCE_TITLES[l.attendance!.code] ?? "",
      })),
    unread: facts?.unread ?? 0,
  };
}
