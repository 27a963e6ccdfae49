// The closed record beyond the journal's cells (REC-1, REC-2) against PostgreSQL through the real
// server actions: lesson generation, timetable changes and substitutions leave a closed period's
// days alone; the КТП binding skips a closed period's lessons; a closed year's plans are frozen for
// ADMIN too; ADMIN reopens a year with a reason (audited), and closing it again writes a new
// archive edition beside the old one, each with its own manifest.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { buildArchive } from "@/lib/archive/build";
import { archiveSet } from "@/lib/archive/data";
import { verifyArchive } from "@/lib/archive/verify";
import { saveFinal } from "@/lib/finals/commands";
import { generateLessonsAction } from "@/lib/schedule/lessons/actions";
import { createChangeAction, createSubstitutionAction } from "@/lib/schedule/changes/actions";
import { reviewPlan } from "@/lib/plans/mutations";
import { saveTopicsAction, setAutoHomeworkAction, workflowAction } from "@/lib/plans/actions";
import { closeYearAgainAction } from "@/lib/archive/actions";
import { reopenYearAction } from "@/lib/org/year/actions";
import { changedTables, dbDigest } from "../support/db-digest";
import { signedInAs } from "../support/session-harness";
import {
  createJournalFixture,
  day,
  NOW,
  type JournalFixture,
  addBells,
  approveTimetable,
  closeQ2,
  formData,
} from "./journal-fixture";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const PERIOD_CLOSED = "Период закрыт 19.11.2026 (приказ № 112 от 19.11.2026): 2 четверть";
const YEAR_CLOSED = "Учебный год закрыт: записи журнала не меняются";

let f: JournalFixture;
let filesDir: string;
let planId: number;

const as = <T>(userId: number, call: () => Promise<T>) => signedInAs(f.organisationId, userId, call);

const lessonsOf7A = () =>
  db.lesson.findMany({
    where: { organisationId: f.organisationId, classId: f.classId },
    orderBy: { id: "asc" },
    select: { id: true, date: true, bellNumber: true, topic: true, substituteId: true, status: true },
  });

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  filesDir = await mkdtemp(path.join(tmpdir(), "ej-frozen-"));
  process.env.FILES_DIR = filesDir;
  f = await createJournalFixture({ students: 3 });
  const organisationId = f.organisationId;
  await addBells(f);
  await approveTimetable(f);
  // The timetable says algebra on Mondays, 5th lesson — the fixture's lessons (every weekday, 2nd) disagree.
  await db.timetableEntry.create({
    data: {
      organisationId,
      classId: f.classId,
      subjectId: f.subjectId,
      teacherId: f.users.teacher,
      weekday: 1,
      bellNumber: 5,
      validFrom: day("2026-09-01"),
      validTo: day("2026-12-28"),
    },
  });
  const plan = await db.lessonPlan.create({
    data: {
      organisationId,
      yearId: f.yearId,
      teacherId: f.users.teacher,
      subjectId: f.subjectId,
      classId: f.classId,
      grade: 7,
      title: "КТП: Алгебра, 7А",
      status: "SUBMITTED",
    },
  });
  await db.planTopic.createMany({
    data: [1, 2, 3].map((position) => ({
      organisationId,
      planId: plan.id,
      position,
      title: `Тема ${position}`,
      hours: 1,
    })),
  });
  planId = plan.id;
  await closeQ2(f);
});

afterAll(async () => {
  vi.useRealTimers();
  await rm(filesDir, { recursive: true, force: true });
});

describe("the schedule leaves a closed period alone (REC-1)", () => {
  it("generation keeps every lesson of the closed quarter as it is and says how many days it left", async () => {
    const before = await lessonsOf7A();
    const r = await as(f.users.deputy, () =>
      generateLessonsAction(null, formData({ classId: f.classId, from: "2026-11-16", to: "2026-11-20" })),
    );
    expect(r).toMatchObject({ ok: true, data: { created: 0, updated: 0, deleted: 0, frozen: 5 } });
    expect(await lessonsOf7A()).toEqual(before);
  });

  it("refuses a change or a substitution on a closed day, writing nothing", async () => {
    const digest = await dbDigest();
    const change = await as(f.users.deputy, () =>
      createChangeAction(
        null,
        formData({
          kind: "ADD",
          classId: f.classId,
          date: "2026-11-18",
          subjectId: f.subjectId,
          teacherId: f.users.teacher,
          bellNumber: 6,
        }),
      ),
    );
    expect(change).toEqual({ ok: false, code: "LOCKED", message: PERIOD_CLOSED });
    const substitution = await as(f.users.deputy, () =>
      createSubstitutionAction(
        null,
        formData({
          originalId: f.users.teacher,
          substituteId: f.users.other,
          dateFrom: "2026-11-16",
          dateTo: "2026-11-20",
        }),
      ),
    );
    expect(substitution).toMatchObject({ ok: false, code: "LOCKED", message: `7А, 16.11.2026: ${PERIOD_CLOSED}` });
    expect(changedTables(digest, await dbDigest())).toEqual([]);
  });

  it("approving a plan binds no topic into the closed quarter's lessons and reports them", async () => {
    const r = await reviewPlan(f.organisationId, f.users.deputy, planId, "approve", "", NOW);
    expect(r.ok).toBe(true);
    if (!r.ok || !r.data) return;
    expect(r.data.changed).toBe(0);
    expect(r.data.locked?.length).toBeGreaterThan(0);
    expect(r.data.locked?.[0].reason).toBe(PERIOD_CLOSED);
    expect((await lessonsOf7A()).every((l) => l.topic === null)).toBe(true);
  });
});

describe("a closed year (REC-2)", () => {
  beforeAll(async () => {
    await db.academicYear.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.yearId } },
      data: { status: "CLOSED", isCurrent: false, closedAt: new Date("2026-11-19T12:00:00Z") },
    });
  });

  it("freezes the year's plans, timetable and generation for ADMIN too", async () => {
    const digest = await dbDigest();
    const topics = JSON.stringify([{ title: "Новая тема", hours: 1 }]);
    expect(await as(f.users.admin, () => saveTopicsAction(null, formData({ planId, topics })))).toEqual({
      ok: false,
      code: "LOCKED",
      message: YEAR_CLOSED,
    });
    expect(await as(f.users.admin, () => workflowAction(null, formData({ planId, step: "reopen" })))).toEqual({
      ok: false,
      code: "LOCKED",
      message: YEAR_CLOSED,
    });
    expect(
      await as(f.users.admin, () => setAutoHomeworkAction(null, formData({ planId, autoHomework: "on" }))),
    ).toEqual({
      ok: false,
      code: "LOCKED",
      message: YEAR_CLOSED,
    });
    expect(
      await as(f.users.admin, () =>
        generateLessonsAction(null, formData({ classId: f.classId, from: "2026-11-16", to: "2026-11-20" })),
      ),
    ).toEqual({ ok: false, code: "LOCKED", message: YEAR_CLOSED });
    expect(changedTables(digest, await dbDigest())).toEqual([]);
  });

  it(
    "is reopened by ADMIN alone, with a reason, audited — and closing it again writes a new archive edition",
    {
      timeout: 300_000,
    },
    async () => {
      const first = await buildArchive(f.organisationId, f.yearId, f.users.admin, NOW);
      expect(first.ok).toBe(true);
      if (!first.ok) return;
      const q1Final = (text: string) =>
        saveFinal(
          f.actor(f.users.deputy),
          {
            classId: f.classId,
            subjectId: f.subjectId,
            studentId: f.students[0],
            kind: "PERIOD",
            periodId: f.q1,
            text,
            version: 0,
          },
          NOW,
        );
      expect(await q1Final("5")).toEqual({ ok: false, code: "LOCKED", message: YEAR_CLOSED });

      const reopen = (userId: number, reason: string) =>
        as(userId, () => reopenYearAction(null, formData({ yearId: f.yearId, reason })));
      expect(await reopen(f.users.deputy, "Исправление ошибки в ведомости")).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
      expect(await reopen(f.users.admin, "нет")).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      expect(await reopen(f.users.admin, "Исправление ошибки в ведомости")).toEqual({
        ok: true,
        data: { message: "Учебный год 2026/2027 открыт для исправлений" },
      });
      const audit = await db.auditEvent.findFirstOrThrow({
        where: { organisationId: f.organisationId, action: "year.reopen" },
      });
      expect(audit).toMatchObject({ userId: f.users.admin, entityId: String(f.yearId) });
      expect(audit.details).toMatchObject({ reason: "Исправление ошибки в ведомости" });

      // Open for corrections: the 1st quarter's final saves; the closed 2nd quarter stays closed.
      expect(await q1Final("5")).toMatchObject({ ok: true, data: { label: "5" } });

      expect(await as(f.users.admin, () => closeYearAgainAction(null, formData({ yearId: f.yearId })))).toMatchObject({
        ok: true,
        data: { message: expect.stringContaining("Учебный год 2026/2027 закрыт; архив, редакция 2") },
      });
      const year = await db.academicYear.findUniqueOrThrow({
        where: { organisationId_id: { organisationId: f.organisationId, id: f.yearId } },
      });
      expect(year.status).toBe("CLOSED");
      const reopening = await db.yearReopening.findFirstOrThrow({ where: { organisationId: f.organisationId } });
      expect(reopening).toMatchObject({ reason: "Исправление ошибки в ведомости", closedAgainAt: NOW });
      const sets = await db.archiveSet.findMany({
        where: { organisationId: f.organisationId },
        orderBy: { id: "asc" },
      });
      expect(sets.map((s) => s.id)).toEqual([first.setId, reopening.archiveSetId]);
      const [oldSet, newSet] = await Promise.all(sets.map((s) => archiveSet(f.organisationId, s.id)));
      expect(oldSet?.manifest.edition).toBeUndefined();
      expect(newSet?.manifest.edition).toEqual({ number: 2, reason: "Исправление ошибки в ведомости" });
      expect(newSet?.manifestFile.sha256).not.toBe(oldSet?.manifestFile.sha256);
      for (const s of sets) expect((await verifyArchive(f.organisationId, s.id))?.problems).toEqual([]);
      expect(await db.auditEvent.count({ where: { organisationId: f.organisationId, action: "year.close" } })).toBe(1);
      // Frozen again.
      expect(await q1Final("4")).toEqual({ ok: false, code: "LOCKED", message: YEAR_CLOSED });
    },
  );
});
