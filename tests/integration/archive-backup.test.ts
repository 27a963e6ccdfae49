// Backup and restore of the whole database (ARC-3): back up, change and delete rows, restore
// into a fresh database, compare every table's digest with the state at backup time. The
// built-in format always; pg_dump's custom format when pg_dump exists on this machine.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/mutations";
import { backupDatabase, findPgTool, restoreDatabase } from "@/prisma/tools/backup-core";
import { createAccessFixture, type AccessFixture } from "../support/access-fixture";
import { createTestDatabase, dropTestDatabase } from "../support/db";

let dir: string;
let f: AccessFixture;
const made: string[] = [];

async function digests(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ t: string }>(
        `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
      )
    ).rows;
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const r = await client.query<{ d: string | null; n: string }>(
        `SELECT md5(string_agg(row_to_json(x)::text, '|' ORDER BY row_to_json(x)::text)) AS d, count(*) AS n FROM "${t}" x`,
      );
      out[t] = `${r.rows[0].n}:${r.rows[0].d ?? "-"}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

async function fresh(): Promise<string> {
  const url = await createTestDatabase();
  made.push(url);
  return url;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ej-backup-"));
  f = await createAccessFixture();
  // Rows with JSON, bigint ids, decimals and timestamps.
  await recordAudit(db, {
    organisationId: f.organisationId,
    userId: f.users.ADMIN,
    action: "acl.change",
    details: { note: "«кавычки» и \\ слэш", n: 1.5 },
  });
  await db.journalChange.create({
    data: {
      organisationId: f.organisationId,
      entity: "TOPIC",
      lessonId: f.lessonA,
      entityKey: `lesson:${f.lessonA}`,
      newValue: { topic: "Дроби\nстрока 2" },
      userId: f.users.TEACHER,
    },
  });
  await db.lesson.update({
    where: { organisationId_id: { organisationId: f.organisationId, id: f.lessonA } },
    data: { hours: 1.5, topic: "Дроби" },
  });
}, 120_000);

afterAll(async () => {
  for (const url of made) await dropTestDatabase(url).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

const methods = ["builtin", "pg_dump"] as const;

describe.each(methods)("db:backup / db:restore with %s", (method) => {
  it("restores into a fresh database exactly the rows at backup time, sequences included", async (ctx) => {
    if (method === "pg_dump" && !(await findPgTool("pg_dump"))) ctx.skip();
    const source = process.env.DATABASE_URL!;
    const file = path.join(dir, `${method}.dump`);
    expect(await backupDatabase(source, file, { method })).toBe(method);
    const before = await digests(source);
    expect(before.AuditEvent.startsWith("0:")).toBe(false);

    // Changes after the backup are not in it.
    await db.lesson.update({
      where: { organisationId_id: { organisationId: f.organisationId, id: f.lessonA } },
      data: { topic: "Изменено" },
    });
    await db.parentLink.deleteMany({ where: { organisationId: f.organisationId } });
    expect(await digests(source)).not.toEqual(before);

    const target = await fresh();
    expect(await restoreDatabase(target, file)).toBe(method);
    expect(await digests(target)).toEqual(before);

    // Ids continue after the restored rows.
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: number }>(
        `INSERT INTO "Subject" ("organisationId", name, "shortName") VALUES ($1, 'Новый', 'Нов') RETURNING id`,
        [f.organisationId],
      );
      const max = await client.query<{ m: number }>(`SELECT max(id) AS m FROM "Subject" WHERE id <> $1`, [rows[0].id]);
      expect(rows[0].id).toBeGreaterThan(max.rows[0].m);
    } finally {
      await client.end();
    }
    // A second restore over data is refused without force, and replaces it with force.
    await expect(restoreDatabase(target, file)).rejects.toThrow(/--force/);
    await restoreDatabase(target, file, { force: true });
    expect(await digests(target)).toEqual(before);
    // Put the source back for the next format.
    await restoreDatabase(source, file, { force: true });
  }, 120_000);
});

it("refuses a file that is not a backup, writing nothing", async () => {
  const file = path.join(dir, "not-a-backup.dump");
  await writeFile(file, "hello");
  const target = await fresh();
  const before = await digests(target);
  await expect(restoreDatabase(target, file)).rejects.toThrow(/не является резервной копией/);
  expect(await digests(target)).toEqual(before);
});
