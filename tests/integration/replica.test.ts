// The replica path (issue 10, docs/SCALING.md): with DATABASE_REPLICA_URL set, diary reads go to a
// streaming hot standby through lib/db's readDb while every write goes to the primary. This file
// runs its own primary (embedded PostgreSQL) and a standby copied from it (bench/replica.ts).
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb, readDb } from "@/lib/db";
import { diaryWeek } from "@/lib/diary/data";
import { saveCell } from "@/lib/journal/commands";
import { startReplica, type Replica } from "../../bench/replica";
import { startEmbedded, type EmbeddedServer } from "../../prisma/tools/embedded";
import { applyMigrations } from "../../prisma/tools/migrate-runner";
import { DATA_DIR } from "../../prisma/tools/paths";
import { createDatabase } from "../../prisma/tools/pg-util";
import { addAssignment, createJournalFixture, day, NOW, type JournalFixture } from "./journal-fixture";

let primary: EmbeddedServer;
let replica: Replica;
let f: JournalFixture;
const DB = "ej_replica";
const primaryDir = path.join(DATA_DIR, `replica-test-${process.pid}`);

async function onReplica<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: replica.url(DB) });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

const diaryMarks = async (studentId: number) =>
  (await diaryWeek(f.organisationId, studentId, day("2026-11-16"))).lessons.flatMap((l) => l.marks.map((m) => m.value));

beforeAll(async () => {
  await disconnectDb();
  primary = await startEmbedded({ dataDir: primaryDir, durable: false });
  const url = await createDatabase(primary.url("postgres"), DB);
  await applyMigrations(url);
  replica = await startReplica(primary);
  process.env.DATABASE_URL = url;
  process.env.DATABASE_REPLICA_URL = replica.url(DB);
  f = await createJournalFixture({ students: 3 });
}, 180_000);

afterAll(async () => {
  await disconnectDb();
  delete process.env.DATABASE_REPLICA_URL;
  await replica?.stop();
  await primary?.stop();
  await rm(primaryDir, { recursive: true, force: true });
  await rm(`${primaryDir}.log`, { force: true });
}, 60_000);

describe("diary reads on the streaming replica (issue 10)", () => {
  it("shows a mark saved through the app on the primary once the replica has caught up — and not before", async () => {
    const lessonId = f.lesson("2026-11-18");
    const a = await addAssignment(f, lessonId);
    const s = f.students[0];
    await replica.caughtUp();
    // Replay paused: the primary has the mark, the diary (read from the replica) does not yet.
    await onReplica("SELECT pg_wal_replay_pause()");
    try {
      const saved = await saveCell(
        f.actor(f.users.teacher),
        { kind: "mark", lessonId, assignmentId: a, studentId: s, input: "5", version: 0 },
        NOW,
      );
      expect(saved.body).toMatchObject({ ok: true, version: 1 });
      const onPrimary = await db.mark.count({
        where: { organisationId: f.organisationId, assignmentId: a, studentId: s },
      });
      expect(onPrimary).toBe(1);
      expect(await diaryMarks(s)).not.toContain(5);
    } finally {
      await onReplica("SELECT pg_wal_replay_resume()");
    }
    await replica.caughtUp();
    expect(await diaryMarks(s)).toContain(5);
  });

  it("never writes to the replica: the standby refuses writes, and a write through readDb lands on the primary", async () => {
    await expect(onReplica(`INSERT INTO "Region" (name) VALUES ('запись в реплику')`)).rejects.toThrow(/read-only/);
    const region = await readDb.region.create({ data: { name: "Записано через readDb" } });
    expect(await db.region.findUnique({ where: { id: region.id } })).not.toBeNull();
    await replica.caughtUp();
    expect(await onReplica(`SELECT id FROM "Region" WHERE id = $1`, [region.id])).toHaveLength(1);
  });
});
