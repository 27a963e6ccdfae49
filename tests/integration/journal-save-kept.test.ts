// The mark save on a cell context kept in the process (issue 22 item 6): a kept session's save of a
// cell saved before decides on the CELL_CONTEXT the process kept and sends only the write, guarded by
// the context's fingerprint (lib/journal/data.ts cellContextGuardSql). For each fact the save decides
// on, the fact is changed after the context was kept and the next save is decided on the FRESH facts:
// refused (cancelled, locked, closed, left the class, …) with nothing written — no mark, no
// JournalChange row — or allowed (an unlock approved since). Most of these facts do not raise the
// organisation's AccessVersion (Lesson, Subject, OrganisationSettings, PeriodClosure, UnlockRequest,
// SubgroupMember, FinalMark): only the fingerprint sees them. Each refused save is shown to have gone
// through the kept path first (its first statement is the guarded write).
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as cellRoute } from "@/app/api/journal/cell/route";
import { db } from "@/lib/db";
import { clearProcessCaches } from "@/lib/auth/version";
import { UNLOCKED_REASON } from "@/lib/journal/lock";
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

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

let f: JournalFixture;

beforeAll(async () => {
  // The route reads the wall clock (the lock's window, JRN-6): the fixture's NOW, whatever the day.
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture({ students: 4 });
});

// Each test warms its own session and context.
beforeEach(() => clearProcessCaches());

const GUARDED = "g AS MATERIALIZED";

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

describe("a save on a kept cell context is decided on fresh facts (issue 22 item 6)", () => {
  it("the lesson cancelled since: 423, nothing written", async () => {
    const lessonId = f.lesson("2026-11-16");
    await refusedAfter(
      { lessonId, studentId: f.students[0] },
      async () => {
        await db.lesson.updateMany({
          where: { organisationId: f.organisationId, id: lessonId },
          data: { status: "CANCELLED" },
        });
      },
      423,
      /Урок отменён/,
      () =>
        db.lesson.updateMany({
          where: { organisationId: f.organisationId, id: lessonId },
          data: { status: "SCHEDULED" },
        }),
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
        await db.lesson.updateMany({
          where: { organisationId: f.organisationId, id: lessonId },
          data: { date: day("2026-11-21") },
        });
      },
      403,
      /Урок ещё не проведён/,
      () =>
        db.lesson.updateMany({
          where: { organisationId: f.organisationId, id: lessonId },
          data: { date: day("2026-11-18") },
        }),
    );
  });

  it("the student taken out of the lesson's subgroup: 400, nothing written", async () => {
    const lessonId = f.lesson("2026-11-19");
    const studentId = f.students[2];
    const group = await db.subgroup.create({
      data: { organisationId: f.organisationId, classId: f.classId, subjectId: f.subjectId, name: "1 группа" },
    });
    await db.subgroupMember.create({ data: { organisationId: f.organisationId, subgroupId: group.id, studentId } });
    await db.lesson.updateMany({
      where: { organisationId: f.organisationId, id: lessonId },
      data: { subgroupId: group.id },
    });
    await refusedAfter(
      { lessonId, studentId },
      async () => {
        await db.subgroupMember.deleteMany({ where: { organisationId: f.organisationId, subgroupId: group.id } });
      },
      400,
      /не числится в классе \(подгруппе\)/,
      () =>
        db.lesson.updateMany({
          where: { organisationId: f.organisationId, id: lessonId },
          data: { subgroupId: null },
        }),
    );
  });

  it("the window shortened (REC-1, JRN-6: lockDays): 403, nothing written", async () => {
    const where = { organisationId: f.organisationId };
    await refusedAfter(
      { lessonId: f.lesson("2026-11-16"), studentId: f.students[1] },
      async () => {
        await db.organisationSettings.updateMany({ where, data: { lockDays: 2 } });
      },
      403,
      /прошло больше 2 дней/,
      () => db.organisationSettings.updateMany({ where, data: { lockDays: 7 } }),
    );
  });

  it("the scale narrowed (maxMark 4): «5» is refused with 400, nothing written", async () => {
    const where = { organisationId: f.organisationId };
    await refusedAfter(
      { lessonId: f.lesson("2026-11-17"), studentId: f.students[1] },
      async () => {
        await db.organisationSettings.updateMany({ where, data: { maxMark: 4 } });
      },
      400,
      /от 2 до 4/,
      () => db.organisationSettings.updateMany({ where, data: { maxMark: 5 } }),
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
    const unlock = await db.unlockRequest.create({
      data: {
        organisationId: f.organisationId,
        classId: f.classId,
        subjectId: f.subjectId,
        date: day("2026-11-10"),
        reason: "Болел",
        status: "APPROVED",
        requesterId: f.users.teacher,
        deciderId: f.users.admin,
        decidedAt: NOW,
        openUntil: new Date(NOW.getTime() + 12 * 3_600_000),
      },
    });
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
    await db.unlockRequest.create({
      data: {
        organisationId: f.organisationId,
        classId: f.classId,
        subjectId: f.subjectId,
        date: day("2026-11-09"),
        reason: "Болел",
        status: "APPROVED",
        requesterId: f.users.teacher,
        deciderId: f.users.admin,
        decidedAt: NOW,
        openUntil: new Date(NOW.getTime() + 12 * 3_600_000),
      },
    });
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
