// Crash safety and recovery (issue 11, NFR-3):
//  - a bulk save (a lesson's control-work protocol: every student's points, the specification and
//    the history row in one transaction) killed with SIGKILL mid-transaction leaves all or nothing;
//  - the app's connection pool survives PostgreSQL dropping every connection (pg_terminate_backend):
//    the next requests are served on fresh connections, nothing hangs, the process does not crash;
//  - fifty parallel POST /api/journal/cell with one version: exactly one winner, 49 refused with
//    the current value (through the route handler, with a real session).
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from "vitest";
import { db } from "@/lib/db";
import { POST as cellRoute } from "@/app/api/journal/cell/route";
import { addAssignment, createJournalFixture, NOW, type JournalFixture } from "./journal-fixture";
import { signInAs, signOut } from "../support/session-harness";

vi.mock("@/lib/auth/session-cookie", async () => (await import("../support/session-harness")).sessionCookieMock());
vi.mock("next/cache", async (orig) => (await import("../support/session-harness")).nextCacheMock(orig));

const ROOT = path.resolve(__dirname, "../..");
let f: JournalFixture;

beforeAll(async () => {
  // The route handler reads the wall clock for the edit-lock window (JRN-6): it is the fixture's
  // NOW (2026-11-20), whatever day the suite runs on. Only Date is faked, not timers.
  vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  f = await createJournalFixture({ students: 12 });
});

afterAll(() => {
  vi.useRealTimers();
});

const cellRequest = (body: object) =>
  new Request("http://localhost/api/journal/cell", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startChild(args: object) {
  const child = spawn(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    [path.join(ROOT, "tests/support/crash-child.ts"), JSON.stringify(args)],
    {
      cwd: ROOT,
      env: { ...process.env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => out };
}

async function withClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** The teacher's bulk save of every student's control-work protocol, in a child process. */
const startBulkSave = (lessonId: number, assignmentId: number) =>
  startChild({
    organisationId: f.organisationId,
    userId: f.users.teacher,
    lessonId,
    assignmentId,
    students: f.students,
  });

const protocolRows = (assignmentId: number) =>
  db.controlProtocol.count({ where: { organisationId: f.organisationId, assignmentId } });
const historyRows = (assignmentId: number) =>
  db.journalChange.count({ where: { organisationId: f.organisationId, entityKey: `assignment:${assignmentId}` } });

describe("a bulk save killed mid-transaction leaves all or nothing", () => {
  it("completes fully when not interrupted", { timeout: 120_000 }, async () => {
    const lessonId = f.lesson("2026-11-18");
    const assignmentId = await addAssignment(f, lessonId, f.types.test);
    const run = startBulkSave(lessonId, assignmentId);
    expect(await run.exited, run.output()).toBe(0);
    expect(await protocolRows(assignmentId)).toBe(f.students.length);
    expect(await historyRows(assignmentId)).toBe(1);
  });

  it("leaves nothing when the process is killed while the transaction is open", { timeout: 120_000 }, async () => {
    const lessonId = f.lesson("2026-11-19");
    const assignmentId = await addAssignment(f, lessonId, f.types.test);
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    holder.on("error", () => undefined); // dropped with the test database if the test fails midway
    await holder.connect();
    // Hold the history table: the save runs its specification update and every student's upsert,
    // then blocks on the final history insert — mid-transaction, with the rows written but not committed.
    await holder.query("BEGIN");
    await holder.query('LOCK TABLE "JournalChange" IN EXCLUSIVE MODE');
    const run = startBulkSave(lessonId, assignmentId);
    onTestFinished(() => {
      if (run.child.exitCode === null && run.child.signalCode === null) process.kill(-run.child.pid!, "SIGKILL");
    });
    // Polled from a third connection: pg_stat_activity is a snapshot per transaction.
    const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
    watcher.on("error", () => undefined);
    await watcher.connect();
    let blockedPid: number | null = null;
    for (let i = 0; i < 600 && blockedPid === null; i++) {
      const r = await watcher.query<{ pid: number }>(
        `SELECT a.pid FROM pg_stat_activity a
          WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.wait_event_type = 'Lock' AND a.query ILIKE '%JournalChange%'`,
      );
      blockedPid = r.rows[0]?.pid ?? null;
      if (blockedPid === null) await sleep(100);
    }
    if (blockedPid === null) {
      const all = await watcher.query(
        "SELECT pid, state, wait_event_type, wait_event, left(query, 120) AS q FROM pg_stat_activity WHERE datname = current_database()",
      );
      console.log(
        JSON.stringify(all.rows, null, 1),
        "child exit:",
        run.child.exitCode,
        run.child.signalCode,
        "output:",
        run.output(),
      );
    }
    expect(blockedPid, `the save never reached the history insert: ${run.output()}`).not.toBeNull();
    // The blocked backend has already written protocol rows in its open transaction.
    const held = await watcher.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
        WHERE l.pid = $1 AND l.granted AND c.relname = 'ControlProtocol' AND l.mode = 'RowExclusiveLock'`,
      [blockedPid],
    );
    expect(Number(held.rows[0].n)).toBe(1);

    process.kill(-run.child.pid!, "SIGKILL");
    await run.exited;
    await holder.query("ROLLBACK");
    // PostgreSQL notices the dead client and aborts its transaction.
    for (let i = 0; i < 600; i++) {
      const r = await watcher.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [blockedPid]);
      if (r.rowCount === 0) break;
      await sleep(100);
    }
    await holder.end();
    await watcher.end();

    expect(run.output()).not.toContain("saved");
    expect(await protocolRows(assignmentId)).toBe(0);
    expect(await historyRows(assignmentId)).toBe(0);
    const a = await db.assignment.findUniqueOrThrow({
      where: { organisationId_id: { organisationId: f.organisationId, id: assignmentId } },
    });
    expect(a.specification).toBeNull();
  });
});

describe("the app keeps serving after PostgreSQL drops every connection", () => {
  it("reconnects: no crash, no stuck request, the next requests answer", { timeout: 120_000 }, async () => {
    // Several pooled connections open and idle.
    await Promise.all(Array.from({ length: 5 }, () => db.$queryRawUnsafe("SELECT pg_sleep(0.05)::text AS slept")));
    const killed = await withClient(
      async (c) =>
        (
          await c.query(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
          )
        ).rowCount,
    );
    expect(killed).toBeGreaterThanOrEqual(1);
    await sleep(200);
    // Through the route handler: every request answers (no hang); after at most one failed
    // attempt per dead connection the answers are normal again.
    await signInAs(f.organisationId, f.users.teacher);
    const lessonId = f.lesson("2026-11-17");
    const answers: { status: number; message?: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await cellRoute(
        cellRequest({
          kind: "attendance",
          lessonId,
          studentId: f.students[i % f.students.length],
          input: "н",
          version: 0,
        }),
      );
      answers.push({ status: res.status, message: ((await res.json()) as { message?: string }).message });
    }
    const statuses = answers.map((a) => a.status).join(",");
    // While connections are being re-established: 503 with a clear Russian message, never a bare 500.
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a.status, statuses).toBe(503);
      expect(a.message).toMatch(/Повторите попытку/);
    }
    expect(
      answers.slice(-6).every((a) => a.status === 200),
      statuses,
    ).toBe(true);
    expect(await db.user.count({ where: { organisationId: f.organisationId } })).toBeGreaterThan(0);
    signOut();
  });
});

describe("fifty parallel saves of one cell through POST /api/journal/cell", () => {
  it("exactly one wins, 49 are refused with the current value", { timeout: 120_000 }, async () => {
    const lessonId = f.lesson("2026-11-16");
    const assignmentId = await addAssignment(f, lessonId);
    const studentId = f.students[3];
    await signInAs(f.organisationId, f.users.teacher);
    const send = (i: number) =>
      cellRoute(
        cellRequest({ kind: "mark", lessonId, assignmentId, studentId, input: String(2 + (i % 4)), version: 0 }),
      );
    const read = async (r: Response) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> });
    const bodies = await Promise.all(Array.from({ length: 50 }, async (_, i) => read(await send(i))));
    // A save that found no free connection in time answered 503 (nothing written): the grid
    // retries it, as here, with the version it had.
    for (let k = 0; k < bodies.length; k++) {
      for (let attempt = 0; bodies[k].status === 503 && attempt < 20; attempt++) bodies[k] = await read(await send(k));
    }
    const winners = bodies.filter((b) => b.status === 200);
    const refused = bodies.filter((b) => b.status === 409);
    expect(winners).toHaveLength(1);
    expect(refused).toHaveLength(49);
    const stored = await db.mark.findUniqueOrThrow({
      where: { organisationId_assignmentId_studentId: { organisationId: f.organisationId, assignmentId, studentId } },
    });
    for (const r of refused) {
      expect(r.body).toMatchObject({ ok: false, code: "CONFLICT", current: { version: stored.version } });
      expect(String(r.body.message)).toMatch(/[а-яё]/i);
    }
    expect(stored.version).toBe(1);
    signOut();
  });
});
