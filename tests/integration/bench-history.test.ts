// The bench dataset's journal history (issue 22, DATASET_VERSION 6; bench/dataset/history.ts): after
// the seed, every mark, attendance code, topic, homework and assignment has the JournalChange rows its
// writes would have left, each cell's version equals its number of change rows (what the save's
// version check and nextVersion count expect: a save with the stored version is never a 409, a
// re-created cell gets a fresh version), no homework is created after «today», the bench parent and
// student have read the diary, and no queued job waits for the first server. The demo school stands in
// for the bench school (the same seed steps; the bench adds a scaled plan and more marks).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeMark } from "@/lib/journal/mutations";
import { runBenchDuties, type Duties } from "../../bench/dataset/duties";
import { finishBenchSchool } from "../../bench/dataset/history";
import { runDailySteps } from "@/lib/region/fill-store";
import { DEMO_ORG_NAMES, seedDemo } from "../../prisma/seed/index";

// The bench's own «today» (bench/fixtures datasetToday: 25 May, a Tuesday in 2027), after the real clock
// as on the bench: what a seed step stamps with now() is before it.
const TODAY_ISO = "2027-05-25";
const TODAY = new Date(`${TODAY_ISO}T00:00:00Z`);
let pool: pg.Pool;
let orgId = 0;
let counts: Awaited<ReturnType<typeof finishBenchSchool>>;
let duties: Duties;

const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> =>
  (await pool.query<T>(text, params)).rows;
const one = async (text: string, params: unknown[] = []): Promise<number> =>
  Number((await q<{ n: number }>(text, params))[0]?.n ?? 0);

beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  await seedDemo(url, { today: new Date(`${TODAY_ISO}T12:00:00+04:00`) });
  pool = new pg.Pool({ connectionString: url, max: 2 });
  orgId = await one(`SELECT id AS n FROM "Organisation" WHERE name = $1`, [DEMO_ORG_NAMES.school]);
  // The first server's background worker would run what is queued: a push job left by any seed step.
  await pool.query(
    `INSERT INTO "ReportJob" ("organisationId", "userId", report, format, params)
     SELECT $1, id, 'push', 'mark', '{}'::jsonb FROM "User" WHERE "organisationId" = $1 ORDER BY id LIMIT 1`,
    [orgId],
  );
  const client = await pool.connect();
  try {
    counts = await finishBenchSchool(client, orgId, TODAY);
  } finally {
    client.release();
  }
  duties = await runBenchDuties(url, new Date());
}, 240_000);

afterAll(async () => {
  await pool?.end();
});

describe("the bench school's journal history (issue 22, DATASET_VERSION 6)", () => {
  it("every mark and attendance code has as many change rows as its version, ≥ 1; a few marks were corrected", async () => {
    const marks = await one(`SELECT count(*)::int AS n FROM "Mark" WHERE "organisationId" = $1`, [orgId]);
    expect(marks).toBeGreaterThan(1000);
    const cells = (entity: string, table: string, key: string) =>
      q<{ n: number; version: number; rows: number }>(
        `SELECT count(*)::int AS n, c.version, coalesce(j.rows, 0)::int AS rows
           FROM ${table} c
           LEFT JOIN (SELECT "entityKey", count(*) AS rows FROM "JournalChange"
                       WHERE "organisationId" = $1 AND entity = '${entity}' GROUP BY 1) j ON j."entityKey" = ${key}
          WHERE c."organisationId" = $1 GROUP BY 2, 3 ORDER BY 2, 3`,
        [orgId],
      );
    const markCells = await cells("MARK", `"Mark"`, `'mark:' || c."assignmentId" || ':' || c."studentId"`);
    expect(markCells.map((x) => [x.version, x.rows])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    const corrected = markCells.find((x) => x.version === 2)!.n;
    expect(corrected).toBe(counts.corrected);
    expect(corrected / marks).toBeGreaterThan(0.01);
    expect(corrected / marks).toBeLessThan(0.06);
    const attCells = await cells("ATTENDANCE", `"Attendance"`, `'att:' || c."lessonId" || ':' || c."studentId"`);
    expect(attCells.map((x) => [x.version, x.rows])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    // Each row as the save leaves it: the cell's lesson and student, the value with its version.
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "JournalChange" j JOIN "Mark" m ON m."organisationId" = j."organisationId"
            AND j."entityKey" = 'mark:' || m."assignmentId" || ':' || m."studentId"
          WHERE j."organisationId" = $1 AND (j."lessonId" <> m."lessonId" OR j."studentId" <> m."studentId"
            OR (j."newValue"->>'version')::int NOT IN (1, 2) OR j.at < m."createdAt" OR j.at > m."updatedAt")`,
        [orgId],
      ),
    ).toBe(0);
    const [fixed] = await q<{ old: number; now: number; at: Date; updated: Date }>(
      `SELECT (j."oldValue"->>'value')::int AS old, m.value AS now, j.at, m."updatedAt" AS updated
         FROM "JournalChange" j JOIN "Mark" m ON m."organisationId" = j."organisationId"
          AND j."entityKey" = 'mark:' || m."assignmentId" || ':' || m."studentId"
        WHERE j."organisationId" = $1 AND j."oldValue" IS NOT NULL AND j.entity = 'MARK' ORDER BY j.id LIMIT 1`,
      [orgId],
    );
    expect(fixed.old).not.toBe(fixed.now);
    expect(fixed.at.getTime()).toBe(fixed.updated.getTime());
  });

  it("a save with the stored version is written (no 409); a removed and re-entered cell gets a fresh version", async () => {
    const cells = await q<{
      lessonId: number;
      assignmentId: number;
      studentId: number;
      version: number;
      userId: number;
    }>(
      `SELECT DISTINCT ON (m.version) m."lessonId", m."assignmentId", m."studentId", m.version, m."createdById" AS "userId"
         FROM "Mark" m WHERE m."organisationId" = $1 AND m.kind = 'GRADE' ORDER BY m.version, m.id`,
      [orgId],
    );
    expect(cells.map((c) => c.version)).toEqual([1, 2]);
    for (const c of cells) {
      const base = { organisationId: orgId, typeId: null, comment: undefined, reason: null, now: new Date() };
      const save = (mark: { value: number } | null, expectedVersion: number) =>
        writeMark({
          ...base,
          userId: c.userId,
          lessonId: c.lessonId,
          studentId: c.studentId,
          assignmentId: c.assignmentId,
          mark: mark && { kind: "GRADE", value: mark.value, isHospital: false },
          expectedVersion,
        });
      const stored = (
        await q<{ value: number }>(
          `SELECT value FROM "Mark" WHERE "organisationId" = $1 AND "assignmentId" = $2 AND "studentId" = $3`,
          [orgId, c.assignmentId, c.studentId],
        )
      )[0].value;
      const edited = await save({ value: stored === 5 ? 4 : 5 }, c.version);
      expect(edited).toMatchObject({ ok: true, version: c.version + 1 });
      expect(await save(null, c.version + 1)).toMatchObject({ ok: true, version: 0 });
      // Re-entered: 1 + its change rows (entry, edits, the edit now, the removal), above every earlier version.
      expect(await save({ value: 3 }, 0)).toMatchObject({ ok: true, version: c.version + 3 });
    }
  });

  it("topics, homework and columns have their rows; no homework is created after «today»", async () => {
    const byEntity = Object.fromEntries(
      (
        await q<{ entity: string; n: number }>(
          `SELECT entity::text, count(*)::int AS n FROM "JournalChange" WHERE "organisationId" = $1 GROUP BY 1`,
          [orgId],
        )
      ).map((r) => [r.entity, r.n]),
    );
    const table = (t: string, where = "true") =>
      one(`SELECT count(*)::int AS n FROM "${t}" WHERE "organisationId" = $1 AND ${where}`, [orgId]);
    expect(byEntity.ASSIGNMENT).toBe(await table("Assignment"));
    expect(byEntity.HOMEWORK).toBe(await table("Homework"));
    expect(byEntity.TOPIC).toBe(await table("Lesson", "topic IS NOT NULL"));
    expect(await table("Lesson", "topic IS NOT NULL AND version <> 2")).toBe(0);
    // «все присутствуют» (JRN-5): one row of each held, filled lesson without an absence — the grid's «taken».
    expect(counts.taken).toBeGreaterThan(0);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "JournalChange" WHERE "organisationId" = $1 AND entity = 'ATTENDANCE'
            AND "studentId" IS NULL AND "entityKey" = 'lesson:' || "lessonId" || ':attendance' AND "newValue" = '{"allPresent": true}'`,
        [orgId],
      ),
    ).toBe(counts.taken);
    expect(byEntity.ATTENDANCE).toBe((await table("Attendance")) + counts.reasoned + counts.taken);
    // Stored in UTC: «today» ends at 20:00 UTC in Samara (UTC+4).
    const after = (t: string, column: string) =>
      one(`SELECT count(*)::int AS n FROM "${t}" WHERE ${column} >= $1::date + interval '20 hours'`, [TODAY_ISO]);
    expect(await after("Homework", `"createdAt"`)).toBe(0);
    expect(await after("JournalChange", "at")).toBe(0);
  });

  it("the bench parent read each child's diary the evening before «today», the student their own", async () => {
    const rows = await q<{ login: string; lastSeenAt: string; sinceAt: string }>(
      `SELECT u.login, to_char(d."lastSeenAt", 'YYYY-MM-DD HH24:MI') AS "lastSeenAt",
              to_char(d."sinceAt", 'YYYY-MM-DD HH24:MI') AS "sinceAt" FROM "DiarySeen" d
         JOIN "User" u ON u."organisationId" = d."organisationId" AND u.id = d."userId"
        WHERE d."organisationId" = $1 ORDER BY u.login, d."studentId"`,
      [orgId],
    );
    expect(rows.map((r) => r.login)).toEqual(["parent", "parent", "student"]);
    for (const r of rows) {
      expect(r.lastSeenAt).toBe("2027-05-24 16:30"); // UTC: 20:30 in Samara
      expect(r.sinceAt).toBe("2027-05-23 16:00"); // the visit before, the evening before that
    }
  });

  it("no job is queued for the first server's worker", async () => {
    expect(await one(`SELECT count(*)::int AS n FROM "ReportJob" WHERE status = 'QUEUED'`)).toBe(0);
  });

  it("the worker's daily steps are done: a server started now finds nothing to run or deliver", async () => {
    expect(duties.fillDays).toBeGreaterThan(0); // the fill store over the past days, by the bench
    expect(await one(`SELECT count(*)::int AS n FROM "FillStore" WHERE "organisationId" = $1`, [orgId])).toBe(1);
    const again = (await runDailySteps(new Date())) as {
      duties: { reminders: unknown[]; absences: number };
      fillDays: number;
    };
    expect(again.fillDays).toBe(0);
    expect(again.duties.reminders).toEqual([]);
    expect(await one(`SELECT count(*)::int AS n FROM "ReportJob" WHERE status = 'QUEUED'`)).toBe(0);
  });
});
