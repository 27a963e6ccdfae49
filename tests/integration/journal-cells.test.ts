// Cell saves against PostgreSQL: versions and conflicts (NFR-3), the lock window and ADMIN's
// unlock with a moved clock (JRN-6), who has a cell (JRN-1, PPL-2, JRN-10), history (JRN-7).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import { changesOf } from "@/lib/journal/data";
import { markEntityKey } from "@/lib/journal/mutations";
import { createUnlockRequest, decideUnlockRequest } from "@/lib/journal/unlock/mutations";
import { addAssignment, addFinal, createJournalFixture, day, NOW, type JournalFixture } from "./journal-fixture";
import { auditCount, lastAudit } from "../support/audit";

let f: JournalFixture;
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

beforeAll(async () => {
  f = await createJournalFixture({ students: 5 });
});

const mark = (
  lessonId: number,
  assignmentId: number | null,
  studentId: number,
  input: string,
  version: number,
  extra = {},
) => ({
  kind: "mark" as const,
  lessonId,
  assignmentId,
  studentId,
  input,
  version,
  ...extra,
});

describe("saving a mark (JRN-3, NFR-3)", () => {
  it("saves a mark against an assignment and bumps the version on each change", async () => {
    const lessonId = f.lesson("2026-11-18");
    const a = await addAssignment(f, lessonId);
    const s = f.students[0];
    const first = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "4", 0), NOW);
    expect(first).toMatchObject({ status: 200, body: { ok: true, version: 1, mark: { kind: "GRADE", value: 4 } } });
    const second = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "5", 1), NOW);
    expect(second.body).toMatchObject({ ok: true, version: 2 });
    const stored = await db.mark.findUnique({
      where: {
        organisationId_assignmentId_studentId: { organisationId: f.organisationId, assignmentId: a, studentId: s },
      },
    });
    expect(stored?.value).toBe(5);
  });

  it("refuses a save carrying a stale version and shows the current value and who set it", async () => {
    const lessonId = f.lesson("2026-11-18");
    const a = await addAssignment(f, lessonId);
    const s = f.students[1];
    await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "3", 0), NOW);
    const stale = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "5", 0), NOW);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      ok: false,
      code: "CONFLICT",
      current: { text: "3", version: 1, by: "Соколова Тест" },
    });
    if (!stale.body.ok) expect(stale.body.message).toContain("«3»");
  });

  it("never loses one of fifty concurrent saves to one cell silently", async () => {
    const lessonId = f.lesson("2026-11-19");
    const a = await addAssignment(f, lessonId);
    const s = f.students[2];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, String(2 + (i % 4)), 0), NOW),
      ),
    );
    const saved = results.filter((r) => r.body.ok);
    const conflicts = results.filter((r) => r.status === 409);
    expect(saved).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const history = await changesOf(f.organisationId, [markEntityKey(a, s)]);
    expect(history).toHaveLength(1);

    // Fifty saves that each carry the version they read: every success is recorded, none overwritten unseen.
    let version = 1;
    const chained = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, String(2 + (i % 4)), version), NOW),
      ),
    );
    const ok = chained.filter((r) => r.body.ok && !("unchanged" in r.body));
    expect(ok.length + chained.filter((r) => r.status === 409).length).toBe(50);
    const after = await changesOf(f.organisationId, [markEntityKey(a, s)]);
    const stored = await db.mark.findUniqueOrThrow({
      where: {
        organisationId_assignmentId_studentId: { organisationId: f.organisationId, assignmentId: a, studentId: s },
      },
    });
    expect(after.length - 1).toBe(stored.version - 1);
    version = stored.version;
    expect(version).toBeGreaterThanOrEqual(1);
  });

  it("writes nothing for an unchanged save, keeps the comment when none is sent, records old and new values whole (JRN-7)", async () => {
    const lessonId = f.lesson("2026-11-18");
    const a = await addAssignment(f, lessonId);
    const s = f.students[4];
    const key = markEntityKey(a, s);
    expect(
      (await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "4", 0, { comment: "Устно" }), NOW)).body,
    ).toMatchObject({
      ok: true,
      version: 1,
      mark: { kind: "GRADE", value: 4, isHospital: false, comment: "Устно", version: 1 },
    });
    const same = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "4", 1), NOW);
    expect(same.body).toMatchObject({ ok: true, version: 1, mark: { value: 4, comment: "Устно", version: 1 } });
    expect(await changesOf(f.organisationId, [key])).toHaveLength(1);
    const next = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "5", 1), hours(1));
    expect(next.body).toMatchObject({ ok: true, version: 2, mark: { value: 5, comment: "Устно", version: 2 } });
    const history = await changesOf(f.organisationId, [key]);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ at: hours(1), reason: null });
    expect(history[0].oldValue).toEqual({ kind: "GRADE", value: 4, isHospital: false, comment: "Устно", version: 1 });
    expect(history[0].newValue).toEqual({ kind: "GRADE", value: 5, isHospital: false, comment: "Устно", version: 2 });
    const stored = await db.mark.findUniqueOrThrow({
      where: {
        organisationId_assignmentId_studentId: { organisationId: f.organisationId, assignmentId: a, studentId: s },
      },
    });
    expect(stored).toMatchObject({
      lessonId,
      value: 5,
      version: 2,
      comment: "Устно",
      updatedAt: hours(1),
      createdAt: NOW,
    });
  });

  it("refuses an assignment of another lesson and writes nothing", async () => {
    const lessonId = f.lesson("2026-11-18");
    const other = await addAssignment(f, f.lesson("2026-11-19"));
    const r = await saveCell(f.actor(f.users.teacher), mark(lessonId, other, f.students[0], "5", 0), NOW);
    expect(r.status).toBe(400);
    expect(await changesOf(f.organisationId, [markEntityKey(other, f.students[0])])).toHaveLength(0);
  });

  it("creates the lesson's first assignment when a mark is typed into an empty lesson", async () => {
    const lessonId = f.lesson("2026-11-17");
    const r = await saveCell(
      f.actor(f.users.teacher),
      mark(lessonId, null, f.students[0], "5", 0, { typeId: f.types.answer }),
      NOW,
    );
    expect(r.body).toMatchObject({ ok: true, version: 1 });
    const assignments = await db.assignment.findMany({ where: { organisationId: f.organisationId, lessonId } });
    expect(assignments).toHaveLength(1);
    expect(r.body.ok && r.body.assignmentId).toBe(assignments[0].id);
  });

  it("refuses a mark outside the scale, and a teacher who does not teach the class", async () => {
    const lessonId = f.lesson("2026-11-18");
    const a = await addAssignment(f, lessonId);
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "7", 0), NOW)).status).toBe(400);
    expect((await saveCell(f.actor(f.users.other), mark(lessonId, a, f.students[0], "5", 0), NOW)).status).toBe(403);
    expect((await saveCell(f.actor(f.users.classTeacher), mark(lessonId, a, f.students[0], "5", 0), NOW)).status).toBe(
      403,
    );
    expect(await db.mark.count({ where: { organisationId: f.organisationId, assignmentId: a } })).toBe(0);
  });

  it("lets a substitute fill exactly the lesson they substitute (SCH-3)", async () => {
    const lessonId = f.lesson("2026-11-19");
    await db.lesson.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: lessonId } },
      data: { substituteId: f.users.substitute },
    });
    const a = await addAssignment(f, lessonId);
    expect((await saveCell(f.actor(f.users.substitute), mark(lessonId, a, f.students[3], "4", 0), NOW)).status).toBe(
      200,
    );
    const otherLesson = f.lesson("2026-11-18");
    const b = await addAssignment(f, otherLesson);
    expect((await saveCell(f.actor(f.users.substitute), mark(otherLesson, b, f.students[3], "4", 0), NOW)).status).toBe(
      403,
    );
  });
});

describe("who has a cell (JRN-1, PPL-2, JRN-10)", () => {
  it("gives a student admitted mid-quarter cells only from that date, and a student who left only before", async () => {
    const before = f.lesson("2026-11-13");
    const after = f.lesson("2026-11-17");
    const a1 = await addAssignment(f, before);
    const a2 = await addAssignment(f, after);
    expect((await saveCell(f.actor(f.users.teacher), mark(before, a1, f.joined, "5", 0), NOW)).status).toBe(400);
    expect((await saveCell(f.actor(f.users.teacher), mark(after, a2, f.joined, "5", 0), NOW)).status).toBe(200);
    expect((await saveCell(f.actor(f.users.teacher), mark(after, a2, f.left, "5", 0), NOW)).status).toBe(400);
    const early = f.lesson("2026-11-13");
    expect(
      (
        await saveCell(
          f.actor(f.users.teacher),
          { kind: "attendance", lessonId: early, studentId: f.left, input: "н", version: 0 },
          NOW,
        )
      ).status,
    ).toBe(400);
  });

  it("keeps no marks nor attendance for a student on home education", async () => {
    const lessonId = f.lesson("2026-11-18");
    const a = await addAssignment(f, lessonId);
    const r = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.home, "5", 0), NOW);
    expect(r.status).toBe(400);
    const att = await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: f.home, input: "н", version: 0 },
      NOW,
    );
    expect(att.status).toBe(400);
  });

  it("takes attendance but no marks in the first grade", async () => {
    const a = await addAssignment(f, f.firstLesson);
    expect((await saveCell(f.actor(f.users.teacher), mark(f.firstLesson, a, f.firstGrader, "5", 0), NOW)).status).toBe(
      400,
    );
    const att = await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId: f.firstLesson, studentId: f.firstGrader, input: "н", version: 0 },
      NOW,
    );
    expect(att.body).toMatchObject({ ok: true, attendance: { code: "N" } });
  });
});

describe("attendance (JRN-4)", () => {
  it("accepts Н and ОП from the teacher and refuses reasons and other codes", async () => {
    const lessonId = f.lesson("2026-11-20");
    const s = f.students[4];
    const n = await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: s, input: "н", version: 0 },
      NOW,
    );
    expect(n.body).toMatchObject({ ok: true, version: 1, attendance: { code: "N" } });
    for (const input of ["уп", "б", "осв"]) {
      expect(
        (
          await saveCell(
            f.actor(f.users.teacher),
            { kind: "attendance", lessonId, studentId: s, input, version: 1 },
            NOW,
          )
        ).status,
      ).toBe(400);
    }
    const op = await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: s, input: "оп", version: 1 },
      NOW,
    );
    expect(op.body).toMatchObject({ ok: true, version: 2, attendance: { code: "OP" } });
  });

  it("refuses attendance for a lesson that has not happened yet", async () => {
    const lessonId = f.lesson("2026-11-23");
    const r = await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: f.students[0], input: "н", version: 0 },
      NOW,
    );
    expect(r.status).toBe(403);
  });
});

describe("edit lock (JRN-6)", () => {
  it("refuses a mark older than the lock window (403, nothing written), opens for 12 hours after ADMIN's approval, then refuses again", async () => {
    const date = "2026-11-06"; // 14 days before NOW
    const lessonId = f.lesson(date);
    const a = await addAssignment(f, lessonId);
    const s = f.students[0];
    const refused = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "5", 0), NOW);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, code: "LOCKED" });
    expect(await db.mark.count({ where: { organisationId: f.organisationId, assignmentId: a } })).toBe(0);

    const request = await createUnlockRequest({
      organisationId: f.organisationId,
      requesterId: f.users.teacher,
      classId: f.classId,
      subjectId: f.subjectId,
      date: day(date),
      reason: "Перенос отметок из бумажного журнала",
      now: NOW,
    });
    // A pending request opens nothing.
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "5", 0), hours(1))).status).toBe(403);
    const decided = await decideUnlockRequest({
      organisationId: f.organisationId,
      deciderId: f.users.admin,
      requestId: request.id,
      decision: { approve: true, note: null },
      now: hours(2),
    });
    expect(decided?.openUntil?.toISOString()).toBe(hours(14).toISOString());
    const inside = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "5", 0), hours(13));
    expect(inside.body).toMatchObject({ ok: true, version: 1 });
    const outside = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "4", 1), hours(14.01));
    expect(outside.status).toBe(403);
    const history = await changesOf(f.organisationId, [markEntityKey(a, s)]);
    expect(history).toHaveLength(1);
    expect(history[0].reason).toContain("открытую");
    const stored = await db.unlockRequest.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: request.id } },
    });
    expect(stored).toMatchObject({ status: "APPROVED", deciderId: f.users.admin, requesterId: f.users.teacher });
    expect(await auditCount(f.organisationId, "journal.unlock.approve")).toBe(1);
    expect(await lastAudit(f.organisationId, "journal.unlock.approve")).toMatchObject({
      userId: f.users.admin,
      entity: "UnlockRequest",
      entityId: String(request.id),
      details: { openUntil: hours(14).toISOString(), note: null },
    });
  });

  it("a rejected request opens no window and is audited with the decider's note (JRN-6, AUTH-5)", async () => {
    const request = await createUnlockRequest({
      organisationId: f.organisationId,
      requesterId: f.users.teacher,
      classId: f.classId,
      subjectId: f.subjectId,
      date: day("2026-11-05"),
      reason: "Исправить отметку",
      now: NOW,
    });
    const decision = { approve: false, note: "Нужна служебная записка" };
    const decided = await decideUnlockRequest({
      organisationId: f.organisationId,
      deciderId: f.users.admin,
      requestId: request.id,
      decision,
      now: NOW,
    });
    expect(decided).toEqual({ openUntil: null });
    expect(await lastAudit(f.organisationId, "journal.unlock.reject")).toMatchObject({
      userId: f.users.admin,
      entity: "UnlockRequest",
      entityId: String(request.id),
      details: { openUntil: null, note: "Нужна служебная записка" },
    });
  });

  it("closes the period's current marks of a student once the period's final mark is set", async () => {
    const lessonId = f.lesson("2026-11-19");
    const a = await addAssignment(f, lessonId);
    const s = f.students[1];
    await addFinal(f, s, "PERIOD");
    const r = await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "5", 0), NOW);
    expect(r.status).toBe(403);
    expect(r.body.ok ? "" : r.body.message).toContain("Итоговая");
    expect((await saveCell(f.actor(f.users.teacher), mark(lessonId, a, f.students[0], "5", 0), NOW)).status).toBe(200);
  });
});

describe("history (JRN-7)", () => {
  it("lists every correction of a mark with its author, time, old and new value", async () => {
    const lessonId = f.lesson("2026-11-16");
    const a = await addAssignment(f, lessonId);
    const s = f.students[3];
    await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "3", 0), hours(-3));
    await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "4", 1, { comment: "Пересдал" }), hours(-2));
    await saveCell(f.actor(f.users.teacher), mark(lessonId, a, s, "", 2), hours(-1));
    await saveCell(f.actor(f.users.admin), mark(lessonId, a, s, "5б", 0), NOW);
    const history = await changesOf(f.organisationId, [markEntityKey(a, s)]);
    expect(history.map((h) => [h.user, h.at.toISOString()])).toEqual([
      ["Морозов Тест", NOW.toISOString()],
      ["Соколова Тест", hours(-1).toISOString()],
      ["Соколова Тест", hours(-2).toISOString()],
      ["Соколова Тест", hours(-3).toISOString()],
    ]);
    expect(history[0].newValue).toMatchObject({ kind: "GRADE", value: 5, isHospital: true, version: 4 });
    expect(history[1]).toMatchObject({ oldValue: { value: 4, comment: "Пересдал" }, newValue: null });
    expect(history[3]).toMatchObject({ oldValue: null, newValue: { value: 3 } });
  });
});
