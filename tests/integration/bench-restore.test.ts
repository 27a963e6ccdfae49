// The bench database restored before each run (issue 22 item 6): bench/dataset/generate's
// prepareDataset goes through restoreOrSeed, so a run's writes are gone at the next run's start and
// two runs of one build measure the same database. A tiny seed stands in for the bench school.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseMarker, pristineName, restoreOrSeed } from "../../bench/dataset/pristine";
import { createDatabase, dropDatabase, withClient, withDatabase } from "../../prisma/tools/pg-util";
import { testServerUrl } from "../support/db";

const base = testServerUrl();
const name = `bench_restore_${process.pid}`;
let seeds = 0;

const seed = async (): Promise<void> => {
  seeds++;
  const url = await createDatabase(base, name);
  await withClient(url, async (c) => {
    await c.query(`CREATE TABLE "JournalChange" (id serial PRIMARY KEY, note text NOT NULL)`);
    await c.query(`INSERT INTO "JournalChange" (note) VALUES ('seeded')`);
  });
};

const notes = async (): Promise<string[]> =>
  withClient(withDatabase(base, name), async (c) =>
    (await c.query<{ note: string }>(`SELECT note FROM "JournalChange" ORDER BY id`)).rows.map((r) => r.note),
  );

afterAll(async () => {
  await dropDatabase(base, name);
  await dropDatabase(base, pristineName(name));
});

describe("the bench database restored before each run (issue 22 item 6)", () => {
  it("seeds once, then every run starts without the previous run's writes", async () => {
    const first = await restoreOrSeed({ base, name, marker: "bench v1", seed });
    expect(seeds).toBe(1);
    expect(first.seededSeconds).not.toBeNull();
    expect(first.restoredSeconds).toBeNull();
    expect(await databaseMarker(base, pristineName(name))).toBe("bench v1");

    // A run writes (mark_save's JournalChange rows) and leaves a session open, as a crashed run would.
    const held = new pg.Client({ connectionString: withDatabase(base, name) });
    held.on("error", () => undefined); // terminated by the restore's DROP … WITH (FORCE)
    await held.connect();
    await held.query(`INSERT INTO "JournalChange" (note) VALUES ('run 1')`);
    expect(await notes()).toEqual(["seeded", "run 1"]);

    const second = await restoreOrSeed({ base, name, marker: "bench v1", seed });
    expect(seeds).toBe(1); // restored, not seeded
    expect(second.restoredSeconds).not.toBeNull();
    expect(await notes()).toEqual(["seeded"]);
    await held.end().catch(() => undefined);

    await withClient(withDatabase(base, name), (c) => c.query(`INSERT INTO "JournalChange" (note) VALUES ('run 2')`));
    await restoreOrSeed({ base, name, marker: "bench v1", seed });
    expect(await notes()).toEqual(["seeded"]);
  });

  it("a new marker (the dataset's version bump) seeds anew and replaces the pristine copy", async () => {
    const before = seeds;
    const r = await restoreOrSeed({ base, name, marker: "bench v2", seed });
    expect(seeds).toBe(before + 1);
    expect(r.seededSeconds).not.toBeNull();
    expect(await databaseMarker(base, pristineName(name))).toBe("bench v2");
    expect(await databaseMarker(base, name)).toBe("bench v2");
    await restoreOrSeed({ base, name, marker: "bench v2", seed });
    expect(seeds).toBe(before + 1);
  });
});
