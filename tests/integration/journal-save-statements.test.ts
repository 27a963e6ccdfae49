// The statements of one cell save (issue 22 item 6, round 14), counted at the PostgreSQL driver
// (pg.Client#query: BEGIN/COMMIT count too). At 10 clients the save's cost is its statements: each
// is a socket write that wakes a backend (≈ 0.5 ms of the app's CPU on the bench machine, ≈ 70 % of
// the save's socket writes in its profile), so the bound is exact — one more statement fails it.
// saveCell alone also reads the AccessVersion (the gate's actor facts, lib/access); in a request that
// read is the session's own, memoised per request (requestAccessVersion), so a save request sends
// exactly these three statements (ab.ts's PostgreSQL log of one POST shows the same three).
import { beforeAll, describe, expect, it } from "vitest";
import { saveCell } from "@/lib/journal/commands";
import { ACCESS_VERSION } from "@/lib/auth/data";
import { CELL_CONTEXT } from "@/lib/journal/data";
import { ATTENDANCE_SAVE, MARK_SAVE } from "@/lib/journal/mutations";
import { counted } from "../support/pg-queries";
import { addAssignment, createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";

let f: JournalFixture;

beforeAll(async () => {
  f = await createJournalFixture({ students: 4 });
});

/** The statement's text as it reaches pg (the `$n` form of the Prisma.Sql). */
const textOf = (sql: { text: string }) => sql.text;

/** The teacher's saves of one cell: `kind` with the cell's ids, then (input, version) per save. */
function cellOf(kind: "mark" | "attendance", ids: { lessonId: number; studentId: number; assignmentId?: number }) {
  const save = (input: string, version: number) =>
    saveCell(f.actor(f.users.teacher), { kind, ...ids, input, version }, NOW);
  return { save, counted: (input: string, version: number) => counted(() => save(input, version)) };
}

describe("the statements of a cell save (issue 22 item 6)", () => {
  it("changes a stored mark in THREE statements, no transaction: the cell's context, the access version, the one-statement write", async () => {
    const lessonId = f.lesson("2026-11-18");
    const assignmentId = await addAssignment(f, lessonId);
    const studentId = f.students[0];
    const cell = cellOf("mark", { lessonId, assignmentId, studentId });
    expect((await cell.save("4", 0)).body).toMatchObject({ ok: true, version: 1 });
    // The bench's mark_save: a stored mark changed (4 → 5).
    const { result, queries } = await cell.counted("5", 1);
    expect(result.body).toMatchObject({ ok: true, version: 2, mark: { value: 5 } });
    expect(queries.map((q) => q.text)).toEqual([
      textOf(CELL_CONTEXT.sql(f.organisationId, lessonId, studentId, NOW)),
      textOf(ACCESS_VERSION.sql(f.organisationId)),
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
          },
          assignmentId,
        ),
      ),
    ]);
    // The same again with the mark removed: still three (no push job in the statement, no re-read).
    const removed = await cell.counted("", 2);
    expect(removed.result.body).toMatchObject({ ok: true, version: 0, mark: null });
    expect(removed.queries).toHaveLength(3);
  });

  it("changes a stored absence in THREE statements", async () => {
    const lessonId = f.lesson("2026-11-19");
    const studentId = f.students[1];
    const cell = cellOf("attendance", { lessonId, studentId });
    expect((await cell.save("н", 0)).body).toMatchObject({ ok: true, version: 1 });
    const { result, queries } = await cell.counted("", 1);
    expect(result.body).toMatchObject({ ok: true, version: 0, attendance: null });
    expect(queries.map((q) => q.text)).toEqual([
      textOf(CELL_CONTEXT.sql(f.organisationId, lessonId, studentId, NOW)),
      textOf(ACCESS_VERSION.sql(f.organisationId)),
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
        }),
      ),
    ]);
  });

  it("writes into an empty cell in a batch of four after the context and the access version: BEGIN, the column's lock, the write, COMMIT", async () => {
    // An empty cell (expected version 0) takes the assignment's lock in a statement of its own, so the
    // write's snapshot sees every insert committed before it (lib/journal/mutations.ts, writeMarkInto).
    const lessonId = f.lesson("2026-11-17");
    const assignmentId = await addAssignment(f, lessonId);
    const { result, queries } = await cellOf("mark", { lessonId, assignmentId, studentId: f.students[2] }).counted(
      "3",
      0,
    );
    expect(result.body).toMatchObject({ ok: true, version: 1 });
    expect(queries).toHaveLength(6);
    expect(queries.map((q) => q.text.trim().split(/\s+/)[0].toUpperCase())).toEqual([
      "SELECT",
      "SELECT",
      "BEGIN",
      "SELECT",
      "WITH",
      "COMMIT",
    ]);
  });

  it("refuses a stale version with the cell re-read, and nothing else", async () => {
    const lessonId = f.lesson("2026-11-16");
    const assignmentId = await addAssignment(f, lessonId);
    const cell = cellOf("mark", { lessonId, assignmentId, studentId: f.students[3] });
    await cell.save("4", 0);
    await cell.save("5", 1);
    const { result, queries } = await cell.counted("3", 1);
    expect(result.status).toBe(409);
    // The context, the access version, the refused write, then the 409's answer: the cell now, its
    // last change and who made it.
    expect(queries).toHaveLength(6);
  });
});
