// The statements of one cell save (issue 22 item 6), counted at the PostgreSQL driver
// (pg.Client#query: BEGIN/COMMIT count too). At 10 clients the save's cost is its statements: each
// is a socket write that wakes a backend (≈ 0.5 ms of the app's CPU on the bench machine, ≈ 70 % of
// the save's socket writes in its profile), so the bound is exact — one more statement fails it.
// Counted through the route handler, as a request runs (the session harness stands in for the
// cookie only). Round 15: a session this process keeps no longer costs the AccessVersion read of
// its own — CELL_CONTEXT returns the version and the save goes on only when it is the one the
// session and the actor facts were kept under (requireUserForRoute's optimistic path) — so a save
// of a kept session is TWO statements (round 14: three, the version read first). A cold session
// (the process's first request of it, or any after a change raised the version) takes the checked
// path: the version, the session, the actor facts, then the save. Round 16: the cell's context is
// kept in the process as well (lib/journal/commands.ts), so a kept session's save of a cell saved
// before is ONE statement — the write, guarded by the context's fingerprint and the session's
// AccessVersion; a guard miss is that statement, then the path above.
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as cellRoute } from "@/app/api/journal/cell/route";
import { saveCell } from "@/lib/journal/commands";
import { ACCESS_VERSION, SESSION_USER } from "@/lib/auth/data";
import { ACTOR_FACTS } from "@/lib/access/data";
import { clearProcessCaches } from "@/lib/auth/version";
import { CELL_CONTEXT, cellContextGuardSql } from "@/lib/journal/data";
import { ATTENDANCE_SAVE, MARK_SAVE } from "@/lib/journal/mutations";
import { db } from "@/lib/db";
import type { Prisma } from "@/prisma/generated/prisma/client";
import { counted } from "../support/pg-queries";
import { signInAs } from "../support/session-harness";
import {
  addAssignment,
  addFinal,
  closeQ2,
  createJournalFixture,
  day,
  NOW,
  type JournalFixture,
} from "./journal-fixture";
import { UNLOCKED_REASON } from "@/lib/journal/lock";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;

beforeAll(async () => {
  // The route reads the wall clock (the lock's window, JRN-6): the fixture's NOW, whatever the day.
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture({ students: 5 });
  await signInAs(f.organisationId, f.users.teacher);
});

beforeEach(() => clearProcessCaches());

/** The statement's text as it reaches pg (the `$n` form of the Prisma.Sql). */
const textOf = (sql: { text: string }) => sql.text;
const firstWord = (text: string) => text.trim().split(/\s+/)[0].toUpperCase();

/** POSTs one cell of the signed-in teacher through the route; the answer's status and body. */
async function post(body: object): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await cellRoute(
    new Request("http://localhost/api/journal/cell", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The guard of a kept context's write (its text: the values are parameters). */
const guardOf = (lessonId: number, studentId: number) =>
  cellContextGuardSql(f.organisationId, lessonId, studentId, NOW, { fp: "-", version: 0n });

/** The text of the teacher's write removing a stored absence (version 1), guarded or not. */
const absenceRemoved = (lessonId: number, studentId: number, guard?: ReturnType<typeof guardOf>) =>
  textOf(
    ATTENDANCE_SAVE.sql({
      organisationId: f.organisationId,
      userId: f.users.teacher,
      lessonId,
      studentId,
      next: null,
      expectedVersion: 1,
      asReason: false,
      allow: () => "write",
      reason: null,
      now: NOW,
      ...(guard ? { guard } : {}),
    }),
  );

/** The teacher's saves of one cell: `kind` with the cell's ids, then (input, version) per save. */
function cellOf(kind: "mark" | "attendance", ids: { lessonId: number; studentId: number; assignmentId?: number }) {
  const save = (input: string, version: number) => post({ kind, ...ids, input, version });
  return { save, counted: (input: string, version: number) => counted(() => save(input, version)) };
}

describe("the statements of a cell save (issue 22 item 6)", () => {
  it("a kept session and a kept context change a stored mark in ONE statement, no transaction: the guarded write", async () => {
    const lessonId = f.lesson("2026-11-18");
    const assignmentId = await addAssignment(f, lessonId);
    const studentId = f.students[0];
    const cell = cellOf("mark", { lessonId, assignmentId, studentId });
    expect((await cell.save("4", 0)).body).toMatchObject({ ok: true, version: 1 });
    // The bench's mark_save: a stored mark changed (4 → 5).
    const { result, queries } = await cell.counted("5", 1);
    expect(result.body).toMatchObject({ ok: true, version: 2, mark: { value: 5 } });
    expect(queries.map((q) => q.text)).toEqual([
      textOf(
        MARK_SAVE.sql(
          {
            organisationId: f.organisationId,
            userId: f.users.teacher,
            lessonId,
            studentId,
            assignmentId,
            typeId: null,
            mark: { kind: "GRADE", value: 5, isHospital: false },
            comment: undefined,
            expectedVersion: 1,
            reason: null,
            now: NOW,
            push: { event: "mark", lessonId, studentId, label: "5" },
            guard: guardOf(lessonId, studentId),
          },
          assignmentId,
        ),
      ),
    ]);
    // A stored cell's write has no insert branch, so no count of the cell's changes (the next version
    // of a re-created cell): with it, PostgreSQL re-planned the save every time (lib/journal/mutations.ts).
    expect(queries[0].text).not.toContain('INSERT INTO "Mark"');
    expect(queries[0].text).not.toContain('FROM "JournalChange" j');
    // The same again with the mark removed: still one (no push job in the statement, no re-read).
    const removed = await cell.counted("", 2);
    expect(removed.result.body).toMatchObject({ ok: true, version: 0, mark: null });
    expect(removed.queries).toHaveLength(1);
  });

  it("a kept session and a kept context change a stored absence in ONE statement", async () => {
    const lessonId = f.lesson("2026-11-19");
    const studentId = f.students[1];
    const cell = cellOf("attendance", { lessonId, studentId });
    expect((await cell.save("н", 0)).body).toMatchObject({ ok: true, version: 1 });
    const { result, queries } = await cell.counted("", 1);
    expect(result.body).toMatchObject({ ok: true, version: 0, attendance: null });
    expect(queries.map((q) => q.text)).toEqual([absenceRemoved(lessonId, studentId, guardOf(lessonId, studentId))]);
  });

  it("a kept context whose facts changed: the guarded write misses and writes nothing, then the context is read and the write sent once more", async () => {
    const lessonId = f.lesson("2026-11-18");
    const studentId = f.students[2];
    const cell = cellOf("attendance", { lessonId, studentId });
    expect((await cell.save("н", 0)).body).toMatchObject({ ok: true, version: 1 });
    // A fact the fingerprint covers and the decision allows either way: the lesson's hours.
    await db.lesson.updateMany({ where: { organisationId: f.organisationId, id: lessonId }, data: { hours: 2 } });
    const before = await db.journalChange.count({ where: { organisationId: f.organisationId } });
    const { result, queries } = await cell.counted("", 1);
    expect(result.body).toMatchObject({ ok: true, version: 0, attendance: null });
    expect(queries.map((q) => q.text)).toEqual([
      absenceRemoved(lessonId, studentId, guardOf(lessonId, studentId)),
      textOf(CELL_CONTEXT.sql(f.organisationId, lessonId, studentId, NOW)),
      absenceRemoved(lessonId, studentId),
    ]);
    // One change: the missed write wrote nothing.
    expect(await db.journalChange.count({ where: { organisationId: f.organisationId } })).toBe(before + 1);
    // And the context read again is kept: the next save is one statement.
    expect((await cell.counted("н", 0)).queries.map((q) => firstWord(q.text))).toEqual([
      "BEGIN",
      "SELECT",
      "WITH",
      "COMMIT",
    ]);
  });

  it("a cold session takes the checked path: the access version, the session, the actor facts, then the context and the write", async () => {
    const lessonId = f.lesson("2026-11-13");
    const studentId = f.students[4];
    const { result, queries } = await cellOf("attendance", { lessonId, studentId }).counted("н", 0);
    expect(result.body).toMatchObject({ ok: true, version: 1 });
    const texts = queries.map((q) => q.text);
    expect(texts.slice(0, 4)).toEqual([
      textOf(ACCESS_VERSION.sql(f.organisationId)),
      textOf(SESSION_USER.sql({ organisationId: f.organisationId, userId: 1, sessionId: "x" }, NOW)),
      textOf(CELL_CONTEXT.sql(f.organisationId, lessonId, studentId, NOW)),
      textOf(ACTOR_FACTS.sql(f.organisationId, f.users.teacher)),
    ]);
    // Then the write of an empty cell: BEGIN, the column's lock, the write, COMMIT.
    expect(texts.slice(4).map(firstWord)).toEqual(["BEGIN", "SELECT", "WITH", "COMMIT"]);
  });

  it("a kept session under an old version: the guarded write misses on the version, nothing is written, the checked path saves once", async () => {
    const lessonId = f.lesson("2026-11-20");
    const studentId = f.students[4];
    const cell = cellOf("attendance", { lessonId, studentId });
    expect((await cell.save("н", 0)).body).toMatchObject({ ok: true, version: 1 });
    // Any change that raises the version (a role elsewhere in the school).
    await db.userRole.create({ data: { organisationId: f.organisationId, userId: f.users.deputy, role: "ADMIN" } });
    const { result, queries } = await cell.counted("", 1);
    expect(result.body).toMatchObject({ ok: true, version: 0, attendance: null });
    const texts = queries.map((q) => q.text);
    const context = textOf(CELL_CONTEXT.sql(f.organisationId, lessonId, studentId, NOW));
    expect(texts).toEqual([
      texts[0],
      textOf(ACCESS_VERSION.sql(f.organisationId)),
      textOf(SESSION_USER.sql({ organisationId: f.organisationId, userId: 1, sessionId: "x" }, NOW)),
      context,
      textOf(ACTOR_FACTS.sql(f.organisationId, f.users.teacher)),
      texts[5],
    ]);
    // The guarded write (its miss), then the unguarded one.
    expect(texts[0]).toContain("g AS MATERIALIZED");
    expect(firstWord(texts[5])).toBe("WITH");
    expect(texts[5]).not.toContain("g AS MATERIALIZED");
    await db.userRole.deleteMany({
      where: { organisationId: f.organisationId, userId: f.users.deputy, role: "ADMIN" },
    });
  });

  it("writes into an empty cell of a kept session (its context not kept) in a batch of four after the context: BEGIN, the column's lock, the write, COMMIT", async () => {
    // An empty cell (expected version 0) takes the assignment's lock in a statement of its own, so the
    // write's snapshot sees every insert committed before it (lib/journal/mutations.ts, writeMarkInto).
    const warm = cellOf("attendance", { lessonId: f.lesson("2026-11-17"), studentId: f.students[4] });
    expect((await warm.save("н", 0)).status).toBe(200);
    const lessonId = f.lesson("2026-11-17");
    const assignmentId = await addAssignment(f, lessonId);
    const { result, queries } = await cellOf("mark", { lessonId, assignmentId, studentId: f.students[2] }).counted(
      "3",
      0,
    );
    expect(result.body).toMatchObject({ ok: true, version: 1 });
    expect(queries.map((q) => firstWord(q.text))).toEqual(["SELECT", "BEGIN", "SELECT", "WITH", "COMMIT"]);
    // An empty cell's write keeps its insert branch and the count of the cell's changes (no ABA).
    expect(queries[3].text).toContain('INSERT INTO "Mark"');
    expect(queries[3].text).toContain('FROM "JournalChange" j');
  });

  it("refuses a stale version with the cell re-read, and nothing else", async () => {
    const lessonId = f.lesson("2026-11-16");
    const assignmentId = await addAssignment(f, lessonId);
    const cell = cellOf("mark", { lessonId, assignmentId, studentId: f.students[3] });
    await cell.save("4", 0);
    await cell.save("5", 1);
    const { result, queries } = await cell.counted("3", 1);
    expect(result.status).toBe(409);
    // The refused write on the kept context (its guard held), then the 409's answer: the cell now,
    // its last change and who made it.
    expect(queries).toHaveLength(4);
    expect(queries[0].text).toContain("g AS MATERIALIZED");
  });

  it("saveCell alone (no request, an actor of no session) reads the version for the gate: three statements", async () => {
    const lessonId = f.lesson("2026-11-16");
    const studentId = f.students[0];
    const save = (input: string, version: number) =>
      saveCell(f.actor(f.users.teacher), { kind: "attendance", lessonId, studentId, input, version }, NOW);
    expect((await save("н", 0)).body).toMatchObject({ ok: true, version: 1 });
    const { result, queries } = await counted(() => save("", 1));
    expect(result.body).toMatchObject({ ok: true, version: 0 });
    expect(queries.map((q) => q.text).slice(0, 2)).toEqual([
      textOf(CELL_CONTEXT.sql(f.organisationId, lessonId, studentId, NOW)),
      textOf(ACCESS_VERSION.sql(f.organisationId)),
    ]);
    expect(queries).toHaveLength(3);
  });
});

// Round 16, the kept cell context's decisions (issue 22 item 6): a kept session's save of a
// cell saved before decides on the CELL_CONTEXT the process kept and sends only the write, guarded by
// the context's fingerprint (lib/journal/data.ts cellContextGuardSql). For each fact the save decides
// on, the fact is changed after the context was kept and the next save is decided on the FRESH facts:
// refused (cancelled, locked, closed, left the class, …) with nothing written — no mark, no
// JournalChange row — or allowed (an unlock approved since). Most of these facts do not raise the
// organisation's AccessVersion (Lesson, Subject, OrganisationSettings, PeriodClosure, UnlockRequest,
// SubgroupMember, FinalMark): only the fingerprint sees them. Each refused save is shown to have gone
// through the kept path first (its first statement is the guarded write).
const GUARDED = "g AS MATERIALIZED";

/** What a save leaves behind: the organisation's marks, absences and journal changes. */
async function written(): Promise<{ marks: number; attendance: number; changes: number }> {
  const where = { organisationId: f.organisationId };
  return {
    marks: await db.mark.count({ where }),
    attendance: await db.attendance.count({ where }),
    changes: await db.journalChange.count({ where }),
  };
}

type Cell = { lessonId: number; studentId: number; kind?: "mark" | "attendance"; userId?: number };

/**
 * The cell saved once (200: the session and the cell's context now kept), `change` made, then the
 * next save — «5» over «4» (a mark) or «» over «н» (an absence) — answers `status` (`message`: its
 * text) and writes nothing, after its guarded write missed.
 */
async function refusedAfter(
  cell: Cell,
  change: () => Promise<void>,
  status: number,
  message: RegExp,
  undo: () => Promise<unknown> = async () => undefined,
) {
  try {
    await refused(cell, change, status, message);
  } finally {
    await undo();
  }
}

async function refused(cell: Cell, change: () => Promise<void>, status: number, message: RegExp) {
  const kind = cell.kind ?? "mark";
  await signInAs(f.organisationId, cell.userId ?? f.users.teacher);
  const ids =
    kind === "mark"
      ? { lessonId: cell.lessonId, studentId: cell.studentId, assignmentId: await addAssignment(f, cell.lessonId) }
      : { lessonId: cell.lessonId, studentId: cell.studentId };
  const first = await post({ kind, ...ids, input: kind === "mark" ? "4" : "н", version: 0 });
  expect(first.body).toMatchObject({ ok: true, version: 1 });
  await change();
  const before = await written();
  const { result, queries } = await counted(() =>
    post({ kind, ...ids, input: kind === "mark" ? "5" : "", version: 1 }),
  );
  expect(result.status).toBe(status);
  expect(String(result.body.message ?? result.body.code)).toMatch(message);
  expect(await written()).toEqual(before);
  // The kept path was taken: its guarded write came first and missed.
  expect(queries[0].text).toContain(GUARDED);
}

/** ADMIN's unlock of 7А's algebra on `iso`, open for 12 hours from NOW (JRN-6). */
const approveUnlock = (iso: string) =>
  db.unlockRequest.create({
    data: {
      organisationId: f.organisationId,
      classId: f.classId,
      subjectId: f.subjectId,
      date: day(iso),
      reason: "Болел",
      status: "APPROVED",
      requesterId: f.users.teacher,
      deciderId: f.users.admin,
      decidedAt: NOW,
      openUntil: new Date(NOW.getTime() + 12 * 3_600_000),
    },
  });

/** Changes the lesson's own row (facts that raise no AccessVersion). */
const setLesson = (lessonId: number, data: Prisma.LessonUncheckedUpdateManyInput) =>
  db.lesson.updateMany({ where: { organisationId: f.organisationId, id: lessonId }, data });

describe("a save on a kept cell context is decided on fresh facts (issue 22 item 6)", () => {
  it("the lesson cancelled since: 423, nothing written", async () => {
    const lessonId = f.lesson("2026-11-16");
    await refusedAfter(
      { lessonId, studentId: f.students[0] },
      async () => {
        await setLesson(lessonId, { status: "CANCELLED" });
      },
      423,
      /Урок отменён/,
      () => setLesson(lessonId, { status: "SCHEDULED" }),
    );
  });

  it("the substitute taken off the lesson (ACL-1: the gate's lesson target): 403, nothing written", async () => {
    const lessonId = f.lesson("2026-11-17");
    const where = { organisationId: f.organisationId, id: lessonId };
    await db.lesson.updateMany({ where, data: { substituteId: f.users.other } });
    await refusedAfter(
      { lessonId, studentId: f.students[0], userId: f.users.other },
      async () => {
        await db.lesson.updateMany({ where, data: { substituteId: null } });
      },
      403,
      /Нет доступа/,
    );
  });

  it("the lesson moved to a later day (JRN-6: not held yet): 403, nothing written", async () => {
    const lessonId = f.lesson("2026-11-18");
    await refusedAfter(
      { lessonId, studentId: f.students[1] },
      async () => {
        await setLesson(lessonId, { date: day("2026-11-21") });
      },
      403,
      /Урок ещё не проведён/,
      () => setLesson(lessonId, { date: day("2026-11-18") }),
    );
  });

  it("the student taken out of the lesson's subgroup: 400, nothing written", async () => {
    const lessonId = f.lesson("2026-11-19");
    const studentId = f.students[2];
    const group = await db.subgroup.create({
      data: { organisationId: f.organisationId, classId: f.classId, subjectId: f.subjectId, name: "1 группа" },
    });
    await db.subgroupMember.create({ data: { organisationId: f.organisationId, subgroupId: group.id, studentId } });
    await setLesson(lessonId, { subgroupId: group.id });
    await refusedAfter(
      { lessonId, studentId },
      async () => {
        await db.subgroupMember.deleteMany({ where: { organisationId: f.organisationId, subgroupId: group.id } });
      },
      400,
      /не числится в классе \(подгруппе\)/,
      () => setLesson(lessonId, { subgroupId: null }),
    );
  });

  it.each([
    {
      what: "the window shortened (REC-1, JRN-6: lockDays): 403",
      iso: "2026-11-16",
      change: { lockDays: 2 },
      undo: { lockDays: 7 },
      status: 403,
      message: /прошло больше 2 дней/,
    },
    {
      what: "the scale narrowed (maxMark 4): «5» is refused with 400",
      iso: "2026-11-17",
      change: { maxMark: 4 },
      undo: { maxMark: 5 },
      status: 400,
      message: /от 2 до 4/,
    },
  ])("$what, nothing written", async ({ iso, change, undo, status, message }) => {
    const where = { organisationId: f.organisationId };
    await refusedAfter(
      { lessonId: f.lesson(iso), studentId: f.students[1] },
      async () => {
        await db.organisationSettings.updateMany({ where, data: change });
      },
      status,
      message,
      () => db.organisationSettings.updateMany({ where, data: undo }),
    );
  });

  it("the subject made pass / fail: «5» is refused with 400, nothing written", async () => {
    const where = { organisationId: f.organisationId, id: f.subjectId };
    await refusedAfter(
      { lessonId: f.lesson("2026-11-18"), studentId: f.students[2] },
      async () => {
        await db.subject.updateMany({ where, data: { passFail: true } });
      },
      400,
      /зачёт/,
      () => db.subject.updateMany({ where, data: { passFail: false } }),
    );
  });

  it("the period closed (REC-2): a mark is refused with 403, nothing written", async () => {
    await refusedAfter(
      { lessonId: f.lesson("2026-11-19"), studentId: f.students[3] },
      () => closeQ2(f),
      403,
      /Период закрыт/,
      () => db.periodClosure.deleteMany({ where: { organisationId: f.organisationId } }),
    );
  });

  it("the period closed (REC-2): an absence is refused with 403, nothing written", async () => {
    await refusedAfter(
      { lessonId: f.lesson("2026-11-16"), studentId: f.students[3], kind: "attendance" },
      () => closeQ2(f),
      403,
      /Период закрыт/,
      () => db.periodClosure.deleteMany({ where: { organisationId: f.organisationId } }),
    );
  });

  it("the year closed (REC-3): 403, nothing written", async () => {
    const where = { organisationId: f.organisationId, id: f.yearId };
    await refusedAfter(
      { lessonId: f.lesson("2026-11-20"), studentId: f.students[0] },
      async () => {
        await db.academicYear.updateMany({ where, data: { status: "CLOSED" } });
      },
      403,
      /Учебный год закрыт/,
      () => db.academicYear.updateMany({ where, data: { status: "OPEN" } }),
    );
  });

  it("the student's final of the period set (FIN-1): 403, nothing written", async () => {
    const studentId = f.students[1];
    await refusedAfter(
      { lessonId: f.lesson("2026-11-20"), studentId },
      () => addFinal(f, studentId, "PERIOD"),
      403,
      /Итоговая отметка за период выставлена/,
      () => db.finalMark.deleteMany({ where: { organisationId: f.organisationId, studentId } }),
    );
  });

  it("the student left the class before the lesson's day: 400, nothing written", async () => {
    const studentId = f.students[2];
    const where = { organisationId: f.organisationId, studentId, classId: f.classId };
    await refusedAfter(
      { lessonId: f.lesson("2026-11-20"), studentId, kind: "attendance" },
      async () => {
        await db.classMembership.updateMany({ where, data: { endDate: day("2026-11-18") } });
      },
      400,
      /не числится в классе/,
      () => db.classMembership.updateMany({ where, data: { endDate: null } }),
    );
  });

  it("an ADMIN unlock withdrawn (JRN-6): the date's window is shut again — 403, nothing written", async () => {
    const lessonId = f.lesson("2026-11-10");
    const unlock = await approveUnlock("2026-11-10");
    await refusedAfter(
      { lessonId, studentId: f.students[3] },
      async () => {
        await db.unlockRequest.updateMany({
          where: { organisationId: f.organisationId, id: unlock.id },
          data: { status: "REJECTED" },
        });
      },
      403,
      /Дата закрыта для изменений/,
    );
  });

  it("an ADMIN unlock approved since a refusal (JRN-6): the save is allowed and written with the unlock's reason", async () => {
    // 2026-11-09: 11 days before NOW, outside the 7-day window.
    const lessonId = f.lesson("2026-11-09");
    const studentId = f.students[0];
    await signInAs(f.organisationId, f.users.teacher);
    const assignmentId = await addAssignment(f, lessonId);
    const cell = { kind: "mark", lessonId, studentId, assignmentId, input: "4", version: 0 };
    expect(await post(cell)).toMatchObject({ status: 403, body: { code: "LOCKED" } });
    await approveUnlock("2026-11-09");
    const before = await written();
    expect(await post(cell)).toMatchObject({ status: 200, body: { ok: true, version: 1 } });
    expect(await written()).toEqual({ ...before, marks: before.marks + 1, changes: before.changes + 1 });
    const change = await db.journalChange.findFirstOrThrow({
      where: { organisationId: f.organisationId, entityKey: `mark:${assignmentId}:${studentId}` },
    });
    expect(change.reason).toBe(UNLOCKED_REASON);
  });

  it("the class made a first grade (no marks): 400, nothing written", async () => {
    const where = { organisationId: f.organisationId, id: f.classId };
    await refusedAfter(
      { lessonId: f.lesson("2026-11-13"), studentId: f.students[0] },
      async () => {
        await db.classGroup.updateMany({ where, data: { grade: 1 } });
      },
      400,
      /В первом классе отметки не выставляются/,
      () => db.classGroup.updateMany({ where, data: { grade: 7 } }),
    );
  });
});
