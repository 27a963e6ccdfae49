// A lesson's own fields (JRN-2, JRN-7, JRN-8) and the class teacher's reasons (JRN-4) against PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveCell } from "@/lib/journal/commands";
import { changesOf, lessonChanges } from "@/lib/journal/data";
import {
  writeAssignment,
  writeHomework,
  writeLessonTopic,
  writeProtocol,
  protocolOf,
} from "@/lib/journal/lesson/mutations";
import { attendanceEntityKey, homeworkEntityKey, lessonEntityKey, writeAttendance } from "@/lib/journal/mutations";
import { reasonApplies } from "@/lib/journal/rules";
import { addAssignment, createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;
beforeAll(async () => {
  f = await createJournalFixture({ students: 3 });
});

const who = () => ({ organisationId: f.organisationId, userId: f.users.teacher, now: NOW });

describe("topic and homework (JRN-2, JRN-7)", () => {
  it("saves the topic with its version, refuses a stale one and keeps the history", async () => {
    const lessonId = f.lesson("2026-11-18");
    const base = { ...who(), lessonId, content: null, planTopicId: null, hours: null };
    expect(await writeLessonTopic({ ...base, version: 1, topic: "Степень с натуральным показателем" })).toBe("ok");
    expect(await writeLessonTopic({ ...base, version: 1, topic: "Другая тема" })).toBe("conflict");
    expect(await writeLessonTopic({ ...base, version: 2, topic: "Свойства степени" })).toBe("ok");
    const history = await changesOf(f.organisationId, [lessonEntityKey(lessonId)]);
    expect(history.map((h) => (h.newValue as { topic: string }).topic)).toEqual([
      "Свойства степени",
      "Степень с натуральным показателем",
    ]);
    expect(history[0].oldValue).toMatchObject({ topic: "Степень с натуральным показателем" });
  });

  it("creates and corrects homework with a version check and history", async () => {
    const lessonId = f.lesson("2026-11-19");
    const base = { ...who(), lessonId, dueDate: null, files: [], removeFileIds: [] };
    expect(await writeHomework({ ...base, version: 0, text: "№ 101" })).toBe("ok");
    expect(await writeHomework({ ...base, version: 0, text: "№ 102" })).toBe("conflict");
    expect(await writeHomework({ ...base, version: 1, text: "№ 101, 102" })).toBe("ok");
    const hw = await db.homework.findFirstOrThrow({ where: { organisationId: f.organisationId, lessonId } });
    expect(hw).toMatchObject({ text: "№ 101, 102", version: 2 });
    expect(await changesOf(f.organisationId, [homeworkEntityKey(hw.id)])).toHaveLength(2);
    expect((await lessonChanges(f.organisationId, lessonId)).map((c) => c.entity)).toEqual(["HOMEWORK", "HOMEWORK"]);
  });
});

describe("assignments and protocols (JRN-3, JRN-8)", () => {
  it("refuses to delete an assignment that already has marks", async () => {
    const lessonId = f.lesson("2026-11-17");
    const a = await addAssignment(f, lessonId, f.types.test);
    await saveCell(
      f.actor(f.users.teacher),
      { kind: "mark", lessonId, assignmentId: a, studentId: f.students[0], input: "4", version: 0 },
      NOW,
    );
    expect(await writeAssignment({ ...who(), lessonId, assignmentId: a, fields: null })).toBe("has-marks");
    const empty = await addAssignment(f, lessonId);
    expect(await writeAssignment({ ...who(), lessonId, assignmentId: empty, fields: null })).toBe("ok");
    expect(await writeAssignment({ ...who(), lessonId: f.lesson("2026-11-18"), assignmentId: a, fields: null })).toBe(
      "missing",
    );
  });

  it("stores a control work's specification and per-student results by task", async () => {
    const lessonId = f.lesson("2026-11-16");
    const a = await addAssignment(f, lessonId, f.types.test);
    expect(
      await writeProtocol({
        ...who(),
        lessonId,
        assignmentId: a,
        tasks: [2, 3],
        results: [{ studentId: f.students[0], points: [2, 1] }],
      }),
    ).toBe("ok");
    const p = await protocolOf(f.organisationId, a);
    expect(p?.specification).toEqual({
      tasks: [
        { n: 1, max: 2 },
        { n: 2, max: 3 },
      ],
    });
    expect(p?.rows).toEqual([{ studentId: f.students[0], results: { points: [2, 1] } }]);
  });

  it("keeps JRN-7's history of an assignment: created, corrected with the reason, its protocol, removed", async () => {
    const lessonId = f.lesson("2026-11-20");
    const fields = { typeId: f.types.test, description: "Контрольная", weight: null, dueDate: null };
    expect(await writeAssignment({ ...who(), lessonId, assignmentId: null, fields })).toBe("ok");
    const { id } = await db.assignment.findFirstOrThrow({ where: { organisationId: f.organisationId, lessonId } });
    const corrected = { ...fields, description: "Контрольная № 2" };
    const reason = "исправлено по заявке";
    expect(await writeAssignment({ ...who(), reason, lessonId, assignmentId: id, fields: corrected })).toBe("ok");
    const protocol = { ...who(), lessonId, assignmentId: id, tasks: [2], results: [] };
    expect(await writeProtocol(protocol)).toBe("ok");
    expect(await writeAssignment({ ...who(), lessonId, assignmentId: id, fields: null })).toBe("ok");
    const rows = await db.journalChange.findMany({
      where: { organisationId: f.organisationId, entity: "ASSIGNMENT", entityKey: `assignment:${id}` },
      orderBy: { id: "asc" },
      select: { lessonId: true, userId: true, reason: true, oldValue: true, newValue: true },
    });
    const by = { lessonId, userId: f.users.teacher };
    expect(rows).toEqual([
      { ...by, reason: null, oldValue: null, newValue: fields },
      { ...by, reason, oldValue: fields, newValue: corrected },
      { ...by, reason: null, oldValue: null, newValue: { protocol: { tasks: [2], students: 0 } } },
      { ...by, reason: null, oldValue: corrected, newValue: null },
    ]);
  });

  it("writes nothing for the «delete» of an assignment that was never stored (JRN-7: no history row without a change)", async () => {
    const lessonId = f.lesson("2026-11-23");
    const before = await db.journalChange.count({ where: { organisationId: f.organisationId, lessonId } });
    expect(await writeAssignment({ ...who(), lessonId, assignmentId: null, fields: null })).toBe("nothing");
    expect(await db.journalChange.count({ where: { organisationId: f.organisationId, lessonId } })).toBe(before);
    expect(
      await db.journalChange.count({ where: { organisationId: f.organisationId, entityKey: "assignment:null" } }),
    ).toBe(0);
  });
});

describe("reasons of absence (JRN-4)", () => {
  it("turns the teacher's Н into УП with the class teacher recorded, and never into a lateness", async () => {
    const lessonId = f.lesson("2026-11-20");
    const s = f.students[2];
    await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: s, input: "н", version: 0 },
      NOW,
    );
    const set = (code: "UP" | "OP", version: number) =>
      writeAttendance({
        organisationId: f.organisationId,
        userId: f.users.classTeacher,
        lessonId,
        studentId: s,
        next: { code, missedHours: null },
        expectedVersion: version,
        asReason: true,
        allow: (current) => (current !== null && reasonApplies(current, code) ? "write" : "deny"),
        reason: null,
        now: NOW,
      });
    expect(await set("OP", 1)).toEqual({ ok: false, reason: "denied" });
    expect(await set("UP", 1)).toMatchObject({ ok: true, version: 2 });
    const row = await db.attendance.findUniqueOrThrow({
      where: { organisationId_lessonId_studentId: { organisationId: f.organisationId, lessonId, studentId: s } },
    });
    expect(row).toMatchObject({ code: "UP", reasonSetById: f.users.classTeacher });
    // The teacher typing «н» again keeps the reason (nothing changed silently).
    const again = await saveCell(
      f.actor(f.users.teacher),
      { kind: "attendance", lessonId, studentId: s, input: "н", version: 2 },
      NOW,
    );
    expect(again.body).toMatchObject({ ok: true, attendance: { code: "UP" } });
    const history = await changesOf(f.organisationId, [attendanceEntityKey(lessonId, s)]);
    expect(history.map((h) => h.user)).toEqual(["Классная Тест", "Соколова Тест"]);
  });
});
