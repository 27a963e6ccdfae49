// Issue 19 item 5: every raw SQL statement (lib/sql.ts `rawStatement`) runs on the demo data and
// each returned row has exactly the columns of the statement's declared shape, of the declared
// runtime types (the row type the code sees is inferred from the same shape). A column renamed,
// dropped or retyped in the SQL fails here. Each statement runs in a transaction that is rolled
// back, so the statements that write (claims, counters) leave the demo data as it was.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { seedDemo } from "../../prisma/seed/index";
import pg from "pg";
import { db, pgRawClient } from "@/lib/db";
import type { RawStatement } from "@/lib/db";
import * as absencesMutations from "@/lib/absences/mutations";
import * as accessData from "@/lib/access/data";
import * as archiveMutations from "@/lib/archive/mutations";
import * as authData from "@/lib/auth/data";
import * as authMutations from "@/lib/auth/mutations";
import * as clubsData from "@/lib/clubs/data";
import * as controlData from "@/lib/control/data";
import * as controlStoreData from "@/lib/control/store/data";
import * as deadlineData from "@/lib/control/deadline/data";
import * as deadlineMutations from "@/lib/control/deadline/mutations";
import * as diaryData from "@/lib/diary/data";
import * as diaryMarksData from "@/lib/diary/marks/data";
import * as documentsMutations from "@/lib/documents/mutations";
import * as finalsMutations from "@/lib/finals/mutations";
import * as homeData from "@/lib/home/data";
import * as familyData from "@/lib/home/family/data";
import * as closingData from "@/lib/journal/closing/data";
import * as journalData from "@/lib/journal/data";
import * as gridReads from "@/lib/journal/grid-reads/data";
import * as journalMutations from "@/lib/journal/mutations";
import * as closingMutations from "@/lib/journal/closing/mutations";
import * as handinMutations from "@/lib/learning/handin/mutations";
import * as mailboxData from "@/lib/messages/mailbox/data";
import * as overdueData from "@/lib/messages/overdue/data";
import * as opsData from "@/lib/ops/data";
import * as loginsData from "@/lib/people/logins/data";
import * as decisionsMutations from "@/lib/org/decisions/mutations";
import * as yearMutations from "@/lib/org/year/mutations";
import * as plansData from "@/lib/plans/data";
import * as portfolioData from "@/lib/portfolio/data";
import * as plansMutations from "@/lib/plans/mutations";
import * as programmesMutations from "@/lib/programmes/mutations";
import * as pushData from "@/lib/push/data";
import * as reportsData from "@/lib/reports/data";
import * as regionData from "@/lib/region/data";
import * as regionJobsMutations from "@/lib/region/jobs/mutations";
import * as jobsMutations from "@/lib/reports/jobs/mutations";
import * as webhooksMutations from "@/lib/webhooks/mutations";
import * as approvalData from "@/lib/schedule/approval/data";
import * as scheduleViewData from "@/lib/schedule/view/data";
import type { Prisma } from "@/prisma/generated/prisma/client";

const TODAY = new Date("2026-11-23T12:00:00+04:00");
const FROM = "2026-09-01";
const TO = "2026-11-23";

/** Ids of the demo data the statements run on. */
type Demo = {
  org: number;
  year: number;
  teacher: number;
  classIds: number[];
  period: number;
};

type Tx = Prisma.TransactionClient;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStatement = RawStatement<any, any[]>;
/** A statement and its arguments on the demo data (`args` may add rows first: the transaction is rolled back). */
type Case = { statement: AnyStatement; args: (d: Demo, tx: Tx) => unknown[] | Promise<unknown[]> };

/** The statements by module: every exported `rawStatement` must have a case (checked below). */
const MODULES: Record<string, Record<string, unknown>> = {
  "absences/mutations": absencesMutations,
  "access/data": accessData,
  "archive/mutations": archiveMutations,
  "auth/data": authData,
  "auth/mutations": authMutations,
  "clubs/data": clubsData,
  "control/data": controlData,
  "control/deadline/data": deadlineData,
  "control/store/data": controlStoreData,
  "control/deadline/mutations": deadlineMutations,
  "diary/data": diaryData,
  "diary/marks/data": diaryMarksData,
  "documents/mutations": documentsMutations,
  "finals/mutations": finalsMutations,
  "home/data": homeData,
  "home/family/data": familyData,
  "journal/closing/data": closingData,
  "journal/closing/mutations": closingMutations,
  "journal/data": journalData,
  "journal/grid-reads/data": gridReads,
  "journal/mutations": journalMutations,
  "learning/handin/mutations": handinMutations,
  "messages/mailbox/data": mailboxData,
  "messages/overdue/data": overdueData,
  "ops/data": opsData,
  "people/logins/data": loginsData,
  "org/decisions/mutations": decisionsMutations,
  "org/year/mutations": yearMutations,
  "plans/data": plansData,
  "portfolio/data": portfolioData,
  "plans/mutations": plansMutations,
  "programmes/mutations": programmesMutations,
  "push/data": pushData,
  "reports/data": reportsData,
  "region/data": regionData,
  "region/jobs/mutations": regionJobsMutations,
  "reports/jobs/mutations": jobsMutations,
  "schedule/approval/data": approvalData,
  "schedule/view/data": scheduleViewData,
  "webhooks/mutations": webhooksMutations,
};

/** The first row of a query on the transaction (throws when the demo data has none). */
async function first<T>(tx: Tx, sql: string, ...params: unknown[]): Promise<T> {
  const rows = await tx.$queryRawUnsafe<T[]>(sql, ...params);
  if (!rows[0]) throw new Error(`demo data: nothing for ${sql}`);
  return rows[0];
}
const ids = async (tx: Tx, sql: string, ...params: unknown[]) =>
  (await tx.$queryRawUnsafe<{ id: number }[]>(sql, ...params)).map((r) => r.id);

/** A year with an approved timetable version (the demo's) and one entry of it. */
async function timetableYear(tx: Tx, d: Demo) {
  return first<{ yearId: number; entryId: number }>(
    tx,
    `SELECT v."yearId", t.id AS "entryId" FROM "TimetableVersion" v
       JOIN "ClassGroup" c ON c."organisationId" = v."organisationId" AND c."yearId" = v."yearId"
       JOIN "TimetableEntry" t ON t."organisationId" = c."organisationId" AND t."classId" = c.id
      WHERE v."organisationId" = $1 AND v.status = 'APPROVED' ORDER BY v.number DESC, t.id LIMIT 1`,
    d.org,
  );
}

/** A student with a login, one of their classes and a lesson of it on a day they were in it. */
async function studentLesson(tx: Tx, d: Demo) {
  return first<{ studentId: number; userId: number; classId: number; lessonId: number }>(
    tx,
    `SELECT s.id AS "studentId", s."userId", m."classId", l.id AS "lessonId"
       FROM "Student" s
       JOIN "ClassMembership" m ON m."organisationId" = s."organisationId" AND m."studentId" = s.id
       JOIN "Lesson" l ON l."organisationId" = m."organisationId" AND l."classId" = m."classId" AND l."subgroupId" IS NULL
        AND l.date >= m."startDate" AND (m."endDate" IS NULL OR l.date <= m."endDate")
      WHERE s."organisationId" = $1 AND s."userId" IS NOT NULL AND l.date BETWEEN $2::date AND $3::date
      ORDER BY s.id, l.date DESC LIMIT 1`,
    d.org,
    FROM,
    TO,
  );
}

/** A lesson of the demo's classes with its class and subject. */
/** A lesson's journal and the picker of the first teacher loaded on its class (the grid head's statements). */
async function headPickerOf(tx: Tx, d: Demo) {
  const { classId, subjectId, lessonId } = await lessonOf(tx, d);
  const l = await first<{ teacherId: number }>(
    tx,
    `SELECT "teacherId" FROM "TeacherLoad" WHERE "organisationId" = $1 AND "classId" = $2 ORDER BY id LIMIT 1`,
    d.org,
    classId,
  );
  const scope = { all: false, classIds: [classId], teacherId: l.teacherId };
  return {
    classId,
    subjectId,
    lessonId,
    picker: { userId: l.teacherId, scope, from: new Date(FROM), to: new Date(TO) },
  };
}

async function lessonOf(tx: Tx, d: Demo) {
  return first<{ lessonId: number; classId: number; subjectId: number }>(
    tx,
    `SELECT id AS "lessonId", "classId", "subjectId" FROM "Lesson"
      WHERE "organisationId" = $1 AND "classId" = ANY($2::int[]) AND date BETWEEN $3::date AND $4::date
      ORDER BY date DESC, id LIMIT 1`,
    d.org,
    d.classIds,
    FROM,
    TO,
  );
}

const CASES: Record<string, Case> = {
  "absences/mutations TAKEN_LESSONS": {
    statement: absencesMutations.TAKEN_LESSONS,
    args: async (d, tx) => [
      d.org,
      await ids(tx, `SELECT DISTINCT "lessonId" AS id FROM "Attendance" WHERE "organisationId" = $1 LIMIT 200`, d.org),
    ],
  },
  "access/data ACTOR_FACTS": { statement: accessData.ACTOR_FACTS, args: (d) => [d.org, d.teacher] },
  "auth/data ACCESS_VERSION": { statement: authData.ACCESS_VERSION, args: (d) => [d.org] },
  // Under the current version: the unread count's branch is taken.
  "auth/data ACCESS_VERSION_UNREAD": {
    statement: authData.ACCESS_VERSION_UNREAD,
    args: async (d) => [d.org, d.teacher, await authData.readAccessVersion(d.org)],
  },
  // Issue 22 round 13: the gate's target reads and the header's unread count.
  "access/data TARGET_CLASS": { statement: accessData.TARGET_CLASS, args: (d) => [d.org, d.classIds[0]] },
  "access/data TARGET_LESSON": {
    statement: accessData.TARGET_LESSON,
    args: async (d, tx) => [d.org, (await lessonOf(tx, d)).lessonId],
  },
  "access/data TARGET_STUDENT": {
    statement: accessData.TARGET_STUDENT,
    args: async (d, tx) => [d.org, (await studentLesson(tx, d)).studentId, TODAY],
  },
  "access/data TARGET_USER": { statement: accessData.TARGET_USER, args: (d) => [d.org, d.teacher] },
  "access/data TARGET_CLUB": {
    statement: accessData.TARGET_CLUB,
    args: async (d, tx) => [
      d.org,
      (await first<{ id: number }>(tx, `SELECT id FROM "Club" WHERE "organisationId" = $1 ORDER BY id LIMIT 1`, d.org))
        .id,
    ],
  },
  "messages/mailbox/data UNREAD_COUNT": { statement: mailboxData.UNREAD_COUNT, args: (d) => [d.org, d.teacher] },
  "archive/mutations ARCHIVE_DOCUMENTS_LOCK": {
    statement: archiveMutations.ARCHIVE_DOCUMENTS_LOCK,
    args: async (d, tx) => {
      const set = await tx.archiveSet.create({
        data: { organisationId: d.org, yearId: d.year, manifest: {}, storagePrefix: "raw-sql-test/" },
      });
      const base = { organisationId: d.org, setId: set.id, yearId: d.year, kind: "journal", sha256: "0", size: 1 };
      const docs = await Promise.all([
        tx.archiveDocument.create({ data: { ...base, name: "a", storageKey: "raw-sql-test/a", createdAt: TODAY } }),
        tx.archiveDocument.create({
          data: {
            ...base,
            name: "b",
            storageKey: "raw-sql-test/b",
            createdAt: TODAY,
            retentionEnd: TODAY,
            destroyedAt: TODAY,
          },
        }),
      ]);
      return [d.org, docs.map((x) => x.id)];
    },
  },
  "auth/data SESSION_USER": {
    statement: authData.SESSION_USER,
    args: async (d, tx) => {
      const s = await tx.userSession.create({
        data: { organisationId: d.org, userId: d.teacher, expiresAt: new Date(TODAY.getTime() + 3_600_000) },
      });
      return [{ organisationId: d.org, userId: d.teacher, sessionId: s.id }, TODAY];
    },
  },
  "auth/mutations THROTTLE_LOCK": {
    statement: authMutations.THROTTLE_LOCK,
    args: async (_d, tx) => {
      await tx.signInThrottle.create({
        data: { key: "raw-sql-test", failures: 1, windowStart: TODAY, lockedUntil: TODAY },
      });
      return ["raw-sql-test"];
    },
  },
  "auth/mutations USER_FAILURES_LOCK": { statement: authMutations.USER_FAILURES_LOCK, args: (d) => [d.org, d.teacher] },
  "control/data FILL_ROWS": {
    statement: controlData.FILL_ROWS,
    args: (d) => [
      d.org,
      { from: new Date(`${FROM}T00:00:00Z`), to: new Date(`${TO}T00:00:00Z`), classIds: null },
      new Date(`${TO}T12:00:00Z`),
    ],
  },
  "control/deadline/data LESSON_FILLS": {
    statement: deadlineData.LESSON_FILLS,
    args: (d) => [d.org, { from: new Date(`${FROM}T00:00:00Z`), to: new Date(`${TO}T00:00:00Z`), classIds: null }],
  },
  "control/deadline/data TEACHER_SHARES": {
    statement: deadlineData.TEACHER_SHARES,
    args: (d) => [
      d.org,
      { from: new Date("2026-11-01T00:00:00Z"), to: new Date(`${TO}T00:00:00Z`), classIds: null },
      {
        day: new Date(`${TO}T00:00:00Z`),
        weekFrom: new Date("2026-11-23T00:00:00Z"),
        monthFrom: new Date("2026-11-01T00:00:00Z"),
      },
      TODAY,
    ],
  },
  "control/store/data CONTROL_WATERMARK": {
    statement: controlStoreData.CONTROL_WATERMARK,
    args: async (d, tx) => {
      // a topic's history row stamped before the mark
      await tx.journalChange.create({
        data: { organisationId: d.org, entity: "TOPIC", entityKey: "raw-sql", userId: d.teacher, at: new Date(0) },
      });
      return [d.org, TODAY];
    },
  },
  "control/store/data CONTROL_DAYS_TO_STORE": {
    // No store yet: every class-day with held lessons of the range is to be stored.
    statement: controlStoreData.CONTROL_DAYS_TO_STORE,
    args: (d) => [d.org, new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`), TODAY],
  },
  "control/data FILL_CHOICES": { statement: controlData.FILL_CHOICES, args: (d) => [d.org, null] },
  "control/deadline/mutations DUTY_CLAIM": {
    statement: deadlineMutations.DUTY_CLAIM,
    args: (d) => [d.org, "raw-sql-test", new Date(`${TO}T00:00:00Z`), TODAY],
  },
  "region/data TERRITORY_PROGRESS": {
    statement: regionData.TERRITORY_PROGRESS,
    args: (d) => [[d.org], new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`)],
  },
  "region/data TERRITORY_MARK_PAIRS": {
    statement: regionData.TERRITORY_MARK_PAIRS,
    args: async (d, tx) => {
      // A ВПР result with its year mark, so the pair has both marks.
      const r = await first<{ studentId: number; classId: number; subjectId: number; userId: number }>(
        tx,
        `SELECT f."studentId", f."classId", f."subjectId", f."setById" AS "userId" FROM "FinalMark" f
           JOIN "ClassGroup" c ON c."organisationId" = f."organisationId" AND c.id = f."classId"
          WHERE f."organisationId" = $1 AND c."yearId" = $2 AND f.kind = 'PERIOD' AND f.value IS NOT NULL LIMIT 1`,
        d.org,
        d.year,
      );
      await tx.finalMark.create({
        data: {
          organisationId: d.org,
          studentId: r.studentId,
          classId: r.classId,
          subjectId: r.subjectId,
          kind: "YEAR",
          value: 4,
          setById: r.userId,
        },
      });
      await tx.externalResult.createMany({
        skipDuplicates: true,
        data: {
          organisationId: d.org,
          yearId: d.year,
          exam: "VPR",
          subjectId: r.subjectId,
          studentId: r.studentId,
          classId: r.classId,
          primaryScore: 10,
          mark: 3,
          taskScores: [],
          taskMax: [],
          importedById: r.userId,
        },
      });
      return [[d.org], new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`)];
    },
  },
  "region/data TERRITORY_ATTENDANCE": {
    statement: regionData.TERRITORY_ATTENDANCE,
    args: (d) => [[d.org], new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`)],
  },
  "region/data TERRITORY_FILL": {
    statement: regionData.TERRITORY_FILL,
    args: (d) => [[d.org], new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`), TODAY],
  },
  "region/data FILL_DAYS_TO_STORE": {
    statement: regionData.FILL_DAYS_TO_STORE,
    // No day stored yet: every class-day with held lessons of the range is to be stored.
    args: (d) => [d.org, new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`), TODAY],
  },
  "region/data TERRITORY_CONTINGENT": {
    statement: regionData.TERRITORY_CONTINGENT,
    args: (d) => [[d.org], new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`)],
  },
  "clubs/data STUDENT_CLUBS": {
    statement: clubsData.STUDENT_CLUBS,
    args: async (d, tx) => {
      const m = await first<{ studentId: number }>(
        tx,
        `SELECT m."studentId" FROM "ClubMember" m
           JOIN "Club" c ON c."organisationId" = m."organisationId" AND c.id = m."clubId"
           JOIN "AcademicYear" y ON y."organisationId" = c."organisationId" AND y.id = c."yearId" AND y."isCurrent"
          WHERE m."organisationId" = $1 ORDER BY m."studentId" LIMIT 1`,
        d.org,
      );
      return [d.org, m.studentId, new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`)];
    },
  },
  "diary/data DIARY_WEEK": {
    statement: diaryData.DIARY_WEEK,
    args: async (d, tx) => {
      const { studentId } = await studentLesson(tx, d);
      const monday = new Date("2026-11-16T00:00:00Z");
      return [d.org, studentId, monday, { from: monday, to: new Date("2026-11-21T00:00:00Z") }];
    },
  },
  "diary/data DIARY_STUDENTS": {
    statement: diaryData.DIARY_STUDENTS,
    args: async (d, tx) => [d.org, (await studentLesson(tx, d)).userId],
  },
  "diary/marks/data NEW_SINCE": {
    statement: diaryMarksData.NEW_SINCE,
    args: async (d, tx) => {
      const { studentId, userId } = await studentLesson(tx, d);
      return [d.org, userId, studentId, new Date(`${FROM}T00:00:00Z`)];
    },
  },
  "diary/marks/data STUDENT_STAYS": {
    statement: diaryMarksData.STUDENT_STAYS,
    args: async (d, tx) => [d.org, (await studentLesson(tx, d)).studentId],
  },
  "diary/marks/data STUDENTS_STAYS": {
    statement: diaryMarksData.STUDENTS_STAYS,
    args: async (d, tx) => [d.org, [(await studentLesson(tx, d)).studentId]],
  },
  "diary/marks/data CLASS_PERIOD_LESSONS": {
    statement: diaryMarksData.CLASS_PERIOD_LESSONS,
    args: (d) => [d.org, d.classIds, new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`), []],
  },
  "diary/marks/data CLASS_PERIOD_MARKS": {
    statement: diaryMarksData.CLASS_PERIOD_MARKS,
    args: async (d, tx) => {
      const { studentId, classId } = await first<{ studentId: number; classId: number }>(
        tx,
        `SELECT m."studentId", l."classId" FROM "Mark" m
           JOIN "Lesson" l ON l."organisationId" = m."organisationId" AND l.id = m."lessonId"
          WHERE m."organisationId" = $1 AND l."subgroupId" IS NULL AND l.status = 'SCHEDULED'
            AND l.date BETWEEN $2::date AND $3::date
          ORDER BY m.id LIMIT 1`,
        d.org,
        FROM,
        TO,
      );
      return [[studentId], d.org, [classId], new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`), []];
    },
  },
  "diary/marks/data CLASS_PERIOD_ABSENCES": {
    statement: diaryMarksData.CLASS_PERIOD_ABSENCES,
    args: async (d, tx) => {
      const { studentId, classId, lessonId } = await studentLesson(tx, d);
      // An absence with its hours, so missedHours is not only null.
      await tx.attendance.deleteMany({ where: { organisationId: d.org, lessonId, studentId } });
      await tx.attendance.create({
        data: { organisationId: d.org, lessonId, studentId, code: "B", missedHours: 0.5, updatedById: d.teacher },
      });
      return [[studentId], d.org, [classId], new Date(`${FROM}T00:00:00Z`), new Date(`${TO}T00:00:00Z`), []];
    },
  },
  "diary/data DIARY_WEEK_PAGE": {
    statement: diaryData.DIARY_WEEK_PAGE,
    args: async (d, tx) => {
      const { studentId, userId } = await studentLesson(tx, d);
      // A visit and an announcement, so the seen and announcements columns are not empty.
      await tx.diarySeen.create({
        data: { organisationId: d.org, userId, studentId, lastSeenAt: TODAY, sinceAt: TODAY },
      });
      await tx.announcement.create({
        data: { organisationId: d.org, authorId: d.teacher, title: "raw-sql-test", body: "…", startsAt: new Date(0) },
      });
      const five = new Date("2026-11-23T00:00:00Z");
      const six = new Date("2026-11-16T00:00:00Z");
      return [
        d.org,
        userId,
        studentId,
        { roles: ["STUDENT"], today: TODAY, now: TODAY, announcements: 5 },
        { five, six },
      ];
    },
  },
  "documents/mutations DOCUMENT_LOCK": {
    statement: documentsMutations.DOCUMENT_LOCK,
    args: async (d, tx) => {
      const doc = await tx.document.create({
        data: {
          organisationId: d.org,
          title: "raw-sql-test",
          category: "ORDER",
          visibleTo: [],
          createdById: d.teacher,
        },
      });
      return [d.org, doc.id];
    },
  },
  "finals/mutations PERIOD_CLOSED_SHARE": {
    statement: finalsMutations.PERIOD_CLOSED_SHARE,
    args: (d) => [d.org, d.period, d.classIds[0]],
  },
  "home/data ABSENCES_WITHOUT_REASON": {
    statement: homeData.ABSENCES_WITHOUT_REASON,
    args: (d) => [d.org, d.classIds, FROM, TO],
  },
  "home/data UNFILLED_BY_TEACHER": { statement: homeData.UNFILLED_BY_TEACHER, args: (d) => [d.org, null, FROM, TO] },
  "home/data LOGINS_NEVER_USED": { statement: homeData.LOGINS_NEVER_USED, args: (d) => [d.org] },
  "home/data INCOMPLETE_FILES": { statement: homeData.INCOMPLETE_FILES, args: (d) => [d.org, null, TO] },
  "home/data ABSENCE_WATCH": { statement: homeData.ABSENCE_WATCH, args: (d) => [d.org, "N", 1, FROM, TO] },
  "home/family/data FAMILY_DAY": {
    statement: familyData.FAMILY_DAY,
    args: async (d, tx) => {
      const { userId, studentId } = await studentLesson(tx, d);
      return [d.org, userId, studentId, TODAY];
    },
  },
  "home/family/data NEW_MARKS": {
    statement: familyData.NEW_MARKS,
    // A student with a mark, every change since 1970: the statement's `since` branch (DRY-7).
    args: async (d, tx) => {
      const { studentId } = await first<{ studentId: number }>(
        tx,
        `SELECT "studentId" FROM "Mark" WHERE "organisationId" = $1 ORDER BY id LIMIT 1`,
        d.org,
      );
      return [d.org, studentId, new Date(0), new Date(FROM), TODAY];
    },
  },
  "journal/closing/data MISSING_FINALS": {
    statement: closingData.MISSING_FINALS,
    args: (d) => [d.org, d.period, d.classIds],
  },
  "journal/closing/mutations PERIOD_YEAR_LOCK": {
    statement: closingMutations.PERIOD_YEAR_LOCK,
    args: (d) => [d.org, d.period],
  },
  "journal/data JOURNAL_LOCK_CONTEXT": {
    statement: journalData.JOURNAL_LOCK_CONTEXT,
    args: async (d, tx) => {
      const { classId, subjectId } = await lessonOf(tx, d);
      return [d.org, classId, subjectId, TODAY];
    },
  },
  "journal/data GRID_HEAD": {
    statement: journalData.GRID_HEAD,
    args: async (d, tx) => {
      const { classId, subjectId } = await lessonOf(tx, d);
      return [d.org, classId, subjectId, TODAY];
    },
  },
  "journal/data GRID_CELLS": {
    statement: journalData.GRID_CELLS,
    args: async (d, tx) => {
      const { classId, subjectId } = await lessonOf(tx, d);
      return [d.org, classId, subjectId, null, FROM, TO];
    },
  },
  "journal/grid-reads/data GRID_PERIOD": {
    statement: gridReads.GRID_PERIOD,
    args: async (d, tx) => {
      const { classId, subjectId } = await lessonOf(tx, d);
      return [d.org, classId, subjectId, null, FROM, TO, { periodId: d.period, planTopics: true, expected: true }];
    },
  },
  "journal/grid-reads/data GRID_PAGE_ROWS": {
    statement: gridReads.GRID_PAGE_ROWS,
    args: async (d, tx) => {
      const { classId, subjectId, lessonId } = await lessonOf(tx, d);
      const parts = { periodId: d.period, planTopics: true, expected: true };
      return [d.org, classId, subjectId, null, FROM, TO, parts, FROM, lessonId];
    },
  },
  "journal/grid-reads/data GRID_WINDOW": {
    statement: gridReads.GRID_WINDOW,
    args: async (d, tx) => {
      const { classId, subjectId, lessonId } = await lessonOf(tx, d);
      return [d.org, classId, subjectId, null, FROM, TO, [lessonId], true];
    },
  },
  "journal/grid-reads/data JOURNAL_PICKER": {
    statement: gridReads.JOURNAL_PICKER,
    args: async (d, tx) => {
      const l = await first<{ teacherId: number; classId: number }>(
        tx,
        `SELECT "teacherId", "classId" FROM "TeacherLoad" WHERE "organisationId" = $1 ORDER BY id LIMIT 1`,
        d.org,
      );
      return [d.org, l.teacherId, { all: false, classIds: [l.classId], teacherId: l.teacherId }, FROM, TO];
    },
  },
  "journal/grid-reads/data GRID_HEAD_PICKER": {
    statement: gridReads.GRID_HEAD_PICKER,
    args: async (d, tx) => {
      const { classId, subjectId, picker } = await headPickerOf(tx, d);
      return [d.org, classId, subjectId, TODAY, picker];
    },
  },
  "journal/grid-reads/data GRID_PAGE": {
    statement: gridReads.GRID_PAGE,
    args: async (d, tx) => {
      const { classId, subjectId, lessonId, picker } = await headPickerOf(tx, d);
      return [d.org, classId, subjectId, TODAY, picker, { subgroupId: null, periodId: null, today: TO, lessonId }];
    },
  },
  "journal/data LESSON_FOR_CELL": {
    statement: journalData.LESSON_FOR_CELL,
    args: async (d, tx) => [d.org, (await lessonOf(tx, d)).lessonId, TODAY],
  },
  "journal/data CELL_CONTEXT": {
    statement: journalData.CELL_CONTEXT,
    args: async (d, tx) => {
      const { lessonId, studentId } = await studentLesson(tx, d);
      return [d.org, lessonId, studentId, TODAY];
    },
  },
  "journal/mutations MARK_SAVE": {
    statement: journalMutations.MARK_SAVE,
    args: async (d, tx) => {
      const m = await first<{ assignmentId: number; lessonId: number; studentId: number; version: number }>(
        tx,
        `SELECT "assignmentId", "lessonId", "studentId", version FROM "Mark"
          WHERE "organisationId" = $1 AND kind = 'GRADE' AND value = 4 ORDER BY id LIMIT 1`,
        d.org,
      );
      const w: journalMutations.MarkWrite = {
        organisationId: d.org,
        userId: d.teacher,
        lessonId: m.lessonId,
        studentId: m.studentId,
        assignmentId: m.assignmentId,
        typeId: null,
        mark: { kind: "GRADE", value: 5, isHospital: false },
        comment: undefined,
        expectedVersion: m.version,
        reason: null,
        now: TODAY,
      };
      // Guarded as on a kept cell context (issue 22 item 6): the fingerprint CELL_CONTEXT gives now.
      const [ctx] = await tx.$queryRaw<{ fp: string; accessVersion: bigint | null }[]>(
        journalData.CELL_CONTEXT.sql(d.org, m.lessonId, m.studentId, TODAY),
      );
      w.guard = journalData.cellContextGuardSql(d.org, m.lessonId, m.studentId, TODAY, {
        fp: ctx.fp,
        version: ctx.accessVersion ?? 0n,
      });
      return [w, m.assignmentId];
    },
  },
  "journal/mutations ATTENDANCE_SAVE": {
    statement: journalMutations.ATTENDANCE_SAVE,
    args: async (d, tx) => {
      const a = await first<{ lessonId: number; studentId: number; version: number }>(
        tx,
        `SELECT "lessonId", "studentId", version FROM "Attendance" WHERE "organisationId" = $1 AND code = 'N' ORDER BY "lessonId", "studentId" LIMIT 1`,
        d.org,
      );
      const w: journalMutations.AttendanceWrite = {
        organisationId: d.org,
        userId: d.teacher,
        lessonId: a.lessonId,
        studentId: a.studentId,
        next: { code: "UP", missedHours: null },
        expectedVersion: a.version,
        asReason: true,
        allow: () => "write",
        reason: null,
        now: TODAY,
      };
      return [w];
    },
  },
  "learning/handin/mutations SUBMISSION_LOCK": {
    statement: handinMutations.SUBMISSION_LOCK,
    args: async (d, tx) => {
      const { homeworkId, studentId } = await first<{ homeworkId: number; studentId: number }>(
        tx,
        `SELECT h.id AS "homeworkId", m."studentId"
           FROM "Homework" h
           JOIN "Lesson" l ON l."organisationId" = h."organisationId" AND l.id = h."lessonId"
           JOIN "ClassMembership" m ON m."organisationId" = l."organisationId" AND m."classId" = l."classId"
          WHERE h."organisationId" = $1 LIMIT 1`,
        d.org,
      );
      await tx.homeworkSubmission.deleteMany({ where: { organisationId: d.org, homeworkId, studentId } });
      await tx.homeworkSubmission.create({
        data: {
          organisationId: d.org,
          homeworkId,
          studentId,
          text: "raw-sql-test",
          submittedAt: TODAY,
          submittedById: d.teacher,
        },
      });
      return [d.org, homeworkId, studentId];
    },
  },
  "ops/data APPLIED_MIGRATIONS": { statement: opsData.APPLIED_MIGRATIONS, args: () => [] },
  "ops/data REPLICA_LAG": { statement: opsData.REPLICA_LAG, args: () => [] },
  "org/decisions/mutations YEAR_SHARE": { statement: decisionsMutations.YEAR_SHARE, args: (d) => [d.org, d.year] },
  "org/year/mutations YEAR_LOCK": { statement: yearMutations.YEAR_LOCK, args: (d) => [d.org, d.year] },
  "org/year/mutations YEAR_LOCK_CURRENT": { statement: yearMutations.YEAR_LOCK_CURRENT, args: (d) => [d.org, d.year] },
  "messages/overdue/data PARENT_TEACHER_PAIRS": {
    statement: overdueData.PARENT_TEACHER_PAIRS,
    args: (d) => [d.org, null, TO],
  },
  "people/logins/data VISIT_PAGE": {
    statement: loginsData.VISIT_PAGE,
    args: (d) => [d.org, "all", new Date(`${TO}T00:00:00Z`), { q: "а" }, 200, 4],
  },
  "portfolio/data PORTFOLIO_PUPILS": {
    statement: portfolioData.PORTFOLIO_PUPILS,
    args: (d) => [d.org, null, new Date(`${TO}T00:00:00Z`), {}, 200],
  },
  "plans/data FULFILMENT_INPUTS": { statement: plansData.FULFILMENT_INPUTS, args: (d) => [d.org, d.year, null, TO] },
  "plans/data PLAN_COVERAGE": { statement: plansData.PLAN_COVERAGE, args: (d) => [d.org, d.year, null] },
  "plans/data PLAN_LIST": { statement: plansData.PLAN_LIST, args: (d) => [d.org, d.year, null, null] },
  "reports/data REPORT_DATA_VERSION": { statement: reportsData.REPORT_DATA_VERSION, args: (d) => [[d.org]] },
  "reports/data PERIOD_FINAL_COUNTS": {
    statement: reportsData.PERIOD_FINAL_COUNTS,
    args: (d) => [d.org, d.classIds, d.period],
  },
  "plans/mutations PLAN_LOCK": {
    statement: plansMutations.PLAN_LOCK,
    args: async (d, tx) => [
      d.org,
      (await first<{ id: number }>(tx, `SELECT id FROM "LessonPlan" WHERE "organisationId" = $1 LIMIT 1`, d.org)).id,
    ],
  },
  "programmes/mutations PROGRAMME_LOCK": {
    statement: programmesMutations.PROGRAMME_LOCK,
    args: async (d, tx) => [
      d.org,
      (await first<{ id: number }>(tx, `SELECT id FROM "WorkProgramme" WHERE "organisationId" = $1 LIMIT 1`, d.org)).id,
    ],
  },
  "push/data LESSON_FAMILY_SUBSCRIPTIONS": {
    statement: pushData.LESSON_FAMILY_SUBSCRIPTIONS,
    args: async (d, tx) => {
      const { userId, lessonId } = await studentLesson(tx, d);
      await tx.pushSubscription.create({
        data: {
          organisationId: d.org,
          userId,
          endpoint: "https://push.invalid/raw-sql-test",
          p256dh: "k",
          auth: "a",
          kinds: ["mark"],
        },
      });
      return [d.org, lessonId, "mark"];
    },
  },
  "schedule/approval/data CHANGES_SINCE_APPROVAL": {
    statement: approvalData.CHANGES_SINCE_APPROVAL,
    // The demo's approved timetable with one entry's hours edited since (rolled back).
    args: async (d, tx) => {
      const { yearId, entryId } = await timetableYear(tx, d);
      await tx.$executeRawUnsafe(
        `UPDATE "TimetableEntry" SET hours = hours + 1 WHERE "organisationId" = $1 AND id = $2`,
        d.org,
        entryId,
      );
      return [d.org, yearId];
    },
  },
  "schedule/approval/data YEAR_VERSIONS": {
    statement: approvalData.YEAR_VERSIONS,
    args: async (d, tx) => [d.org, (await timetableYear(tx, d)).yearId],
  },
  "schedule/view/data WEEK_CLASSES_OF": {
    statement: scheduleViewData.WEEK_CLASSES_OF,
    // The demo teacher's classes of the week before TODAY (issue 22 item 7: the teacher's week plans only these).
    args: (d) => [d.org, "teacher", d.teacher, "2026-11-16", "2026-11-22"],
  },
  "reports/jobs/mutations CLAIM_NEXT_JOB": {
    statement: jobsMutations.CLAIM_NEXT_JOB,
    args: async (d, tx) => {
      await tx.reportJob.create({
        data: {
          organisationId: d.org,
          userId: d.teacher,
          report: "raw-sql-test",
          format: "pdf",
          params: { classId: "1" },
        },
      });
      return [];
    },
  },
  // REG-2: a queued territory report of an authority account of the demo organisation's region.
  "region/jobs/mutations CLAIM_NEXT_TERRITORY_JOB": {
    statement: regionJobsMutations.CLAIM_NEXT_TERRITORY_JOB,
    args: async (d, tx) => {
      const { regionId } = await tx.organisation.findUniqueOrThrow({ where: { id: d.org } });
      const account = await tx.authorityUser.create({
        data: {
          login: "raw-sql-authority",
          role: "REGIONAL_SPECIALIST",
          regionId,
          passwordHash: "-",
          lastName: "Сводная",
          firstName: "Ольга",
        },
      });
      await tx.authorityReportJob.create({
        data: {
          authorityUserId: account.id,
          regionId,
          report: "progress",
          format: "pdf",
          params: { kind: "progress", from: FROM, to: TO, format: "pdf" },
        },
      });
      return [];
    },
  },
  "webhooks/mutations CLAIM_DUE_DELIVERIES": {
    statement: webhooksMutations.CLAIM_DUE_DELIVERIES,
    args: async (d, tx) => {
      const sub = await tx.webhookSubscription.create({
        data: { organisationId: d.org, url: "https://hooks.invalid/raw-sql", secret: "s", events: ["mark.created"] },
      });
      await tx.webhookDelivery.create({
        data: {
          organisationId: d.org,
          subscriptionId: sub.id,
          event: "mark.created",
          payload: { lessonId: 1 },
          occurredAt: TODAY,
          nextAttemptAt: TODAY,
        },
      });
      return [TODAY, 10];
    },
  },
  "webhooks/mutations COUNT_SUBSCRIPTION_FAILURE": {
    statement: webhooksMutations.COUNT_SUBSCRIPTION_FAILURE,
    args: async (d, tx) => {
      const sub = await tx.webhookSubscription.create({
        data: { organisationId: d.org, url: "https://hooks.invalid/raw-sql", secret: "s", events: ["mark.created"] },
      });
      return [d.org, sub.id];
    },
  },
};

let demo: Demo;

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const tx = db as unknown as Tx;
  const { id: org } = await first<{ id: number }>(
    tx,
    `SELECT id FROM "Organisation" WHERE kind = 'SCHOOL' ORDER BY id LIMIT 1`,
  );
  const { id: year } = await first<{ id: number }>(
    tx,
    `SELECT id FROM "AcademicYear" WHERE "organisationId" = $1 AND "isCurrent"`,
    org,
  );
  const { id: teacher } = await first<{ id: number }>(
    tx,
    `SELECT id FROM "User" WHERE "organisationId" = $1 AND login = 'teacher'`,
    org,
  );
  const classIds = await ids(
    tx,
    `SELECT id FROM "ClassGroup" WHERE "organisationId" = $1 AND "yearId" = $2 ORDER BY id`,
    org,
    year,
  );
  const { id: period } = await first<{ id: number }>(
    tx,
    `SELECT id FROM "Period" WHERE "organisationId" = $1 AND "yearId" = $2 ORDER BY "startDate" LIMIT 1`,
    org,
    year,
  );
  demo = { org, year, teacher, classIds, period };
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
});

class Rollback extends Error {}

/** Runs the case in a transaction that is rolled back; its rows. */
async function runCase(c: Case): Promise<unknown[]> {
  let rows: unknown[] = [];
  await db
    .$transaction(async (tx) => {
      rows = await c.statement.run(tx, ...(await c.args(demo, tx)));
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return rows;
}

/**
 * The same, but the statement goes straight on pg (as on the app's clients, issue 22 round 12) over
 * the transaction's own connection — the one pg-pool hands Prisma's adapter when it begins.
 */
async function runCaseOnPg(c: Case): Promise<unknown[]> {
  const proto = pg.Pool.prototype as unknown as { connect: (...a: unknown[]) => unknown };
  const connect = proto.connect;
  let connection: pg.PoolClient | null = null;
  proto.connect = function (this: unknown, ...a: unknown[]) {
    const out = connect.apply(this, a) as Promise<pg.PoolClient> | undefined;
    void out?.then(
      (client) => (connection ??= client),
      () => undefined,
    );
    return out;
  };
  let rows: unknown[] = [];
  try {
    await db
      .$transaction(async (tx) => {
        const args = await c.args(demo, tx);
        rows = await c.statement.run(pgRawClient(connection!), ...args);
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
  } finally {
    proto.connect = connect;
  }
  return rows;
}

/** Every row has exactly the shape's columns, each of its runtime type. */
function expectShape(name: string, rows: unknown[], shape: z.ZodType): void {
  expect(rows.length, `${name}: the statement returned no rows on the demo data`).toBeGreaterThan(0);
  for (const row of rows) {
    const parsed = shape.safeParse(row);
    if (!parsed.success)
      throw new Error(
        `${name}: ${z.prettifyError(parsed.error)}\nrow: ${String(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)))}`,
      );
  }
}

describe("raw SQL statements against their row shapes (issue 19 item 5)", () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      expectShape(name, await runCase(c), c.statement.shape);
    });
  }

  it("every exported raw statement has a case here", () => {
    const exported = Object.entries(MODULES).flatMap(([module, exports]) =>
      Object.entries(exports)
        .filter(([, v]) => typeof v === "object" && v !== null && "shape" in v && "sql" in v && "run" in v)
        .map(([key]) => `${module} ${key}`),
    );
    expect(exported.length).toBeGreaterThan(0);
    expect(Object.keys(CASES).sort()).toEqual(exported.sort());
  });

  it("every lib module that exports a raw statement is in MODULES (round 21: lib/home/family/data was not)", async () => {
    const lib = path.resolve(import.meta.dirname, "../../lib");
    const files = (await fs.readdir(lib, { recursive: true })).filter((f) => f.endsWith(".ts"));
    const declaring: string[] = [];
    for (const f of files) {
      if (/export const \w+ = rawStatement\(/.test(await fs.readFile(path.join(lib, f), "utf8")))
        declaring.push(f.replace(/\.ts$/, "").split(path.sep).join("/"));
    }
    expect(declaring.length).toBeGreaterThan(0);
    expect(Object.keys(MODULES).sort()).toEqual(declaring.sort());
  });
});

describe("the same statements straight on pg, as the app's clients run them (issue 22, round 12)", () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      expectShape(name, await runCaseOnPg(c), c.statement.shape);
    });
  }
});
