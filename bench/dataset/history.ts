// The bench school's journal history (issue 22, every target; DATASET_VERSION 6): the rows a real
// year of journal work leaves behind, written in bulk SQL after the school is seeded.
//
// In the product every journal write appends a JournalChange row (JRN-7, JRN-8) and a cell's version
// is 1 + the number of its change rows when (re-)created, + 1 per edit (lib/journal/mutations.ts) — so
// a cell written once has version 1 and one row, a cell edited once version 2 and two rows. The demo
// seed inserts the journal's rows directly and leaves JournalChange empty, so every reader of the
// history (the grid's and the diary's version and change look-ups, the save's count, `/control`, the
// deadline report, absences) cost nothing on the bench. Here, per row of the journal up to «today»,
// the change rows its writes would have left, with the same entity, entityKey, lessonId, studentId,
// userId and value shapes as the write paths:
// - ASSIGNMENT (lib/journal/lesson/mutations.ts writeAssignment → logAssignmentChange): the column
//   created, at the assignment's createdAt, by the lesson's teacher (its substitute when substituted);
// - MARK (MARK_SAVE's `chg`): the mark entered at its createdAt; MARK_CORRECTED_PERCENT of the grades
//   corrected once by the same teacher 1–3 days later (inside JRN-6's 7-day window), the first row then
//   carrying the value before the correction; the mark's version, updatedAt and updatedById follow;
// - ATTENDANCE (ATTENDANCE_SAVE's `chg`): the teacher's code on the lesson's day; a code the class
//   teacher gave a reason (reasonSetById, JRN-4) is the teacher's «н» first, then the reason two days
//   later — version 2;
//   a held lesson without an absence: «все присутствуют» (markAttendanceTaken), one row of the lesson;
// - TOPIC (writeLesson; a topic bound to the plan: applyPlan's row, reason «КТП»): the lesson's topic
//   set once — the lesson's version becomes 2, as the write's increment leaves it;
// - HOMEWORK (writeHomework; from the plan: applyPlan's row, reason «КТП»): the homework created.
// Afterwards: homework never created after «today» (the seed dated the homework of the lessons after
// it at their lesson), and the bench parent's and student's last diary visit (DRY-7, DiarySeen).
import type pg from "pg";

/** Percentage of the grades corrected once (the first value mistyped, fixed 1–3 days later). */
export const MARK_CORRECTED_PERCENT = 3;

/** The history's rows by entity, as written. */
export type HistoryCounts = Record<"ASSIGNMENT" | "MARK" | "ATTENDANCE" | "TOPIC" | "HOMEWORK", number> & {
  corrected: number;
  reasoned: number;
  /** Lessons with «все присутствуют» (no absence cell). */
  taken: number;
  diarySeen: number;
  homeworkMoved: number;
};

// The organisation's moment of «today»'s start and the day before's afternoon (Europe/Samara, UTC+4,
// the bench school's zone; timestamps are stored in UTC like the seed's `at`).
const START = `($2::date::timestamp - interval '4 hours')`;
/** «today» at 08:00 there: what the seed dated after «today» was entered ahead by then. */
const MORNING = `($2::date::timestamp + interval '4 hours')`;
const END = `($2::date::timestamp + interval '20 hours')`;

/** The author of a lesson's journal: its substitute when substituted (prisma/seed/journal.ts author()). */
const AUTHOR = `coalesce(l."substituteId", l."teacherId")`;

/**
 * A fixed hash of the mark's lesson and student — not of its ids: the seed's top-up assignments and marks are numbered in
 * its INSERT … SELECT's scan order, which two seeds need not share — so every seed corrects the same marks.
 */
const MARK_HASH = `abs(hashint4(m."lessonId" * 7919 + m."studentId" * 31))`;

/** Whether the mark `m` (of a GRADE with a value) is one of the corrected ones. */
const CORRECTED = `(m.kind = 'GRADE' AND m.value IS NOT NULL AND ${MARK_HASH} % 100 < ${MARK_CORRECTED_PERCENT})`;

export async function writeJournalHistory(sql: pg.ClientBase, orgId: number, today: Date): Promise<HistoryCounts> {
  const day = today.toISOString().slice(0, 10);
  const p = [orgId, day];
  const count = async (text: string): Promise<number> =>
    (await sql.query(text, text.includes("$2") ? p : p.slice(0, 1))).rowCount ?? 0;

  // Homework first: nothing is created after «today». The homework of the lessons after it was entered
  // ahead, on «today»'s morning (the week of most of those lessons: «today» is a Tuesday).
  const moved = await count(
    `UPDATE "Homework" h SET "createdAt" = ${MORNING}, "updatedAt" = ${MORNING}
      WHERE h."organisationId" = $1 AND h."createdAt" >= ${END}`,
  );

  const c: HistoryCounts = {
    ASSIGNMENT: 0,
    MARK: 0,
    ATTENDANCE: 0,
    TOPIC: 0,
    HOMEWORK: 0,
    corrected: 0,
    reasoned: 0,
    taken: 0,
    diarySeen: 0,
    homeworkMoved: moved,
  };
  const insert = `INSERT INTO "JournalChange" ("organisationId", entity, "lessonId", "studentId", "entityKey", "oldValue", "newValue", reason, "userId", at)`;

  c.ASSIGNMENT = await count(
    `${insert}
     SELECT a."organisationId", 'ASSIGNMENT', a."lessonId", NULL, 'assignment:' || a.id, NULL,
            jsonb_build_object('typeId', a."typeId", 'description', a.description, 'weight', a.weight::float8, 'dueDate', a."dueDate"),
            NULL, ${AUTHOR}, a."createdAt"
       FROM "Assignment" a JOIN "Lesson" l ON l."organisationId" = a."organisationId" AND l.id = a."lessonId"
      WHERE a."organisationId" = $1
      ORDER BY a."createdAt", a.id`,
  );

  // The marks: the entry (with the mistyped value for a corrected one), then the correction.
  const fix = `LEAST(m."createdAt" + (1 + ${MARK_HASH} / 100 % 3) * interval '1 day', ${START} - interval '1 minute')`;
  // Corrected: a fixed hash of the grade's id, among the marks entered before the day before «today».
  const corrected = `(${CORRECTED} AND m."createdAt" < ${START} - interval '1 day')`;
  const typed = `CASE WHEN ${corrected} THEN CASE m.value WHEN 5 THEN 4 WHEN 2 THEN 3 ELSE m.value + 1 END ELSE m.value END`;
  const markJson = (value: string, version: string) =>
    `jsonb_build_object('kind', m.kind::text, 'value', ${value}, 'isHospital', m."isHospital", 'comment', m.comment, 'version', ${version})`;
  c.MARK = await count(
    `${insert}
     SELECT m."organisationId", 'MARK', m."lessonId", m."studentId", 'mark:' || m."assignmentId" || ':' || m."studentId", NULL,
            ${markJson(typed, "1")}, NULL, m."createdById", m."createdAt"
       FROM "Mark" m
      WHERE m."organisationId" = $1
      ORDER BY m."createdAt", m.id`,
  );
  c.corrected = await count(
    `WITH x AS (
       UPDATE "Mark" m SET version = 2, "updatedAt" = ${fix}, "updatedById" = m."createdById"
        WHERE m."organisationId" = $1 AND ${corrected}
       RETURNING m.*
     )
     ${insert}
     SELECT m."organisationId", 'MARK', m."lessonId", m."studentId", 'mark:' || m."assignmentId" || ':' || m."studentId",
            ${markJson(typed, "1")}, ${markJson("m.value", "2")}, NULL, m."updatedById", m."updatedAt"
       FROM x m`,
  );
  c.MARK += c.corrected;

  // Attendance: the teacher's code on the lesson's day; a reasoned code is «н» first, then the reason.
  const attJson = (code: string, version: string) =>
    `jsonb_build_object('code', ${code}, 'missedHours', a."missedHours"::float8, 'version', ${version})`;
  const entered = `(l.date::timestamp + interval '11 hours' + (abs(hashint4(a."studentId" * 13 + a."lessonId")) % 60) * interval '1 minute')`;
  c.ATTENDANCE = await count(
    `${insert}
     SELECT a."organisationId", 'ATTENDANCE', a."lessonId", a."studentId", 'att:' || a."lessonId" || ':' || a."studentId", NULL,
            CASE WHEN a."reasonSetById" IS NULL THEN ${attJson("a.code::text", "1")} ELSE ${attJson("'N'", "1")} END,
            NULL, ${AUTHOR}, CASE WHEN a."reasonSetById" IS NULL THEN a."updatedAt" ELSE LEAST(${entered}, a."updatedAt") END
       FROM "Attendance" a JOIN "Lesson" l ON l."organisationId" = a."organisationId" AND l.id = a."lessonId"
      WHERE a."organisationId" = $1
      ORDER BY l.date, a."lessonId", a."studentId"`,
  );
  c.reasoned = await count(
    `WITH x AS (
       UPDATE "Attendance" a SET version = 2, "updatedById" = a."reasonSetById"
        WHERE a."organisationId" = $1 AND a."reasonSetById" IS NOT NULL
       RETURNING a.*
     )
     ${insert}
     SELECT a."organisationId", 'ATTENDANCE', a."lessonId", a."studentId", 'att:' || a."lessonId" || ':' || a."studentId",
            ${attJson("'N'", "1")}, ${attJson("a.code::text", "2")}, NULL, a."reasonSetById", a."updatedAt"
       FROM x a`,
  );
  c.ATTENDANCE += c.reasoned;
  // «все присутствуют» (JRN-5, markAttendanceTaken): a held lesson up to «today» with no absence marked —
  // attendance taken without a cell, at the end of the lesson. Not for a lesson without a topic (the seed
  // leaves ≈ 3 % unfilled on purpose for CTL-1 / DUT-1: its teacher filled nothing).
  c.taken = await count(
    `${insert}
     SELECT l."organisationId", 'ATTENDANCE', l.id, NULL, 'lesson:' || l.id || ':attendance', NULL, '{"allPresent": true}'::jsonb, NULL, ${AUTHOR},
            l.date::timestamp + interval '4 hours 40 minutes' + (l."bellNumber" - 1) * interval '55 minutes'
       FROM "Lesson" l
      WHERE l."organisationId" = $1 AND l.status = 'SCHEDULED' AND l.date <= $2::date AND l.topic IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM "Attendance" a WHERE a."organisationId" = l."organisationId" AND a."lessonId" = l.id)
      ORDER BY l.date, l."bellNumber", l.id`,
  );
  c.ATTENDANCE += c.taken;

  // Topics: set once (writeLesson increments the lesson's version 1 → 2); bound to the plan: applyPlan's row.
  const topicAt = `CASE WHEN l.date <= $2::date THEN coalesce(l."filledAt", l.date::timestamp + interval '11 hours') ELSE ${MORNING} END`;
  c.TOPIC = await count(
    `WITH x AS (
       UPDATE "Lesson" l SET version = l.version + 1
        WHERE l."organisationId" = $1 AND l.topic IS NOT NULL
       RETURNING l.*
     )
     ${insert}
     SELECT l."organisationId", 'TOPIC', l.id, NULL, 'lesson:' || l.id,
            CASE WHEN l."planTopicId" IS NULL THEN jsonb_build_object('topic', NULL, 'content', NULL, 'hours', l.hours::float8)
                 ELSE jsonb_build_object('topic', NULL, 'planTopicId', NULL) END,
            CASE WHEN l."planTopicId" IS NULL THEN jsonb_build_object('topic', l.topic, 'content', l.content, 'hours', l.hours::float8)
                 ELSE jsonb_build_object('topic', l.topic, 'planTopicId', l."planTopicId") END,
            CASE WHEN l."planTopicId" IS NULL THEN NULL ELSE 'КТП' END, ${AUTHOR}, ${topicAt}
       FROM x l`,
  );

  c.HOMEWORK = await count(
    `${insert}
     SELECT h."organisationId", 'HOMEWORK', h."lessonId", NULL, 'homework:' || h.id, NULL,
            CASE WHEN h."fromPlan" THEN jsonb_build_object('text', h.text, 'dueDate', to_char(h."dueDate", 'YYYY-MM-DD'), 'fromPlan', true)
                 ELSE jsonb_build_object('text', h.text, 'dueDate', h."dueDate", 'added', '[]'::jsonb, 'removed', 0) END,
            CASE WHEN h."fromPlan" THEN 'КТП' END, h."createdById", h."createdAt"
       FROM "Homework" h
      WHERE h."organisationId" = $1
      ORDER BY h."createdAt", h.id`,
  );

  // DRY-7: the bench parent read each child's diary the evening before «today» (the visit before that
  // the evening before), the bench student their own — as recordDiaryVisit leaves it.
  c.diarySeen = await count(
    `INSERT INTO "DiarySeen" ("organisationId", "userId", "studentId", "lastSeenAt", "sinceAt")
     SELECT $1, u.id, s."studentId", ${START} - interval '3 hours 30 minutes', ${START} - interval '1 day 4 hours'
       FROM "User" u
       JOIN LATERAL (
         SELECT pl."studentId" FROM "Parent" pa JOIN "ParentLink" pl ON pl."organisationId" = pa."organisationId" AND pl."parentId" = pa.id
          WHERE pa."organisationId" = u."organisationId" AND pa."userId" = u.id AND u.login = 'parent'
         UNION ALL
         SELECT st.id FROM "Student" st WHERE st."organisationId" = u."organisationId" AND st."userId" = u.id AND u.login = 'student'
       ) s ON true
      WHERE u."organisationId" = $1 AND u.login IN ('parent', 'student')
     ON CONFLICT DO NOTHING`,
  );
  return c;
}

/** What the first app server's background worker would find waiting, dropped before the pristine copy. */
export type Drained = { reportJobs: number; authorityJobs: number; webhookDeliveries: number };

/**
 * Drops every job queued for the background worker (lib/reports/jobs/worker.ts, lib/region/jobs,
 * lib/webhooks): report and push jobs (ReportJob), territory report jobs, pending webhook deliveries.
 * A job in the pristine copy would be run by the first server of every bench run during its first
 * requests (round 22: ≈ 93 push jobs met by ab.ts's «this» server) — work no scenario asked for. The
 * dataset is history, not a queue: nothing a seed step could have queued is still to be delivered.
 */
export async function drainQueuedJobs(sql: pg.ClientBase): Promise<Drained> {
  const n = async (text: string) => (await sql.query(text)).rowCount ?? 0;
  return {
    reportJobs: await n(`DELETE FROM "ReportJob" WHERE status IN ('QUEUED', 'RUNNING')`),
    authorityJobs: await n(`DELETE FROM "AuthorityReportJob" WHERE status IN ('QUEUED', 'RUNNING')`),
    webhookDeliveries: await n(`DELETE FROM "WebhookDelivery" WHERE status = 'PENDING'`),
  };
}

/** The bench school's last seed step (DATASET_VERSION 6): its journal history, then no queued job. */
export async function finishBenchSchool(
  sql: pg.ClientBase,
  orgId: number,
  today: Date,
): Promise<HistoryCounts & { drained: Drained }> {
  const history = await writeJournalHistory(sql, orgId, today);
  return { ...history, drained: await drainQueuedJobs(sql) };
}
