// Issue 19 item 5: every raw SQL statement (lib/sql.ts `rawStatement`) runs on the demo data and
// each returned row has exactly the columns of the statement's declared shape, of the declared
// runtime types (the row type the code sees is inferred from the same shape). A column renamed,
// dropped or retyped in the SQL fails here. Each statement runs in a transaction that is rolled
// back, so the statements that write (claims, counters) leave the demo data as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { seedDemo } from "../../prisma/seed/index";
import { db } from "@/lib/db";
import type { RawClient, RawStatement } from "@/lib/sql";
import * as plansMutations from "@/lib/plans/mutations";
import * as plansData from "@/lib/plans/data";
import * as programmesMutations from "@/lib/programmes/mutations";

const TODAY = new Date("2026-11-23T12:00:00+04:00");

/** Ids of the demo data the statements run on. */
type Demo = {
  org: number;
  year: number;
  plan: number;
  programme: number;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyStatement = RawStatement<any, any[]>;
type Case = {
  statement: AnyStatement;
  args: (d: Demo) => unknown[];
  prepare?: (tx: RawClient, d: Demo) => Promise<void>;
};

/** The statements by module: every exported `rawStatement` must have a case (checked below). */
const MODULES: Record<string, Record<string, unknown>> = {
  "plans/mutations": plansMutations,
  "plans/data": plansData,
  "programmes/mutations": programmesMutations,
};

const CASES: Record<string, Case> = {
  "plans/mutations PLAN_LOCK": { statement: plansMutations.PLAN_LOCK, args: (d) => [d.org, d.plan] },
  "plans/data STREAM_HOURS": {
    statement: plansData.STREAM_HOURS,
    args: (d) => [d.org, d.year, null, "2026-09-01", "2026-11-23"],
  },
  "programmes/mutations PROGRAMME_LOCK": {
    statement: programmesMutations.PROGRAMME_LOCK,
    args: (d) => [d.org, d.programme],
  },
};

let demo: Demo;

async function one<T>(sql: string, ...params: unknown[]): Promise<T> {
  const rows = await db.$queryRawUnsafe<T[]>(sql, ...params);
  if (!rows[0]) throw new Error(`demo data: nothing for ${sql}`);
  return rows[0];
}

beforeAll(async () => {
  await seedDemo(process.env.DATABASE_URL!, { today: TODAY });
  const { id: org } = await one<{ id: number }>(
    `SELECT id FROM "Organisation" WHERE kind = 'SCHOOL' ORDER BY id LIMIT 1`,
  );
  const { id: year } = await one<{ id: number }>(
    `SELECT id FROM "AcademicYear" WHERE "organisationId" = $1 AND "isCurrent"`,
    org,
  );
  const { id: plan } = await one<{ id: number }>(
    `SELECT id FROM "LessonPlan" WHERE "organisationId" = $1 LIMIT 1`,
    org,
  );
  const { id: programme } = await one<{ id: number }>(
    `SELECT id FROM "WorkProgramme" WHERE "organisationId" = $1 LIMIT 1`,
    org,
  );
  demo = { org, year, plan, programme };
}, 180_000);

afterAll(async () => {
  await db.$disconnect();
});

class Rollback extends Error {}

/** Runs the case in a transaction that is rolled back; its rows. */
async function runCase(c: Case): Promise<unknown[]> {
  let rows: unknown[] = [];
  await db
    .$transaction(async (tx) => {
      if (c.prepare) await c.prepare(tx, demo);
      rows = await c.statement.run(tx, ...c.args(demo));
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return rows;
}

/** Every row has exactly the shape's columns, each of its runtime type. */
function expectShape(name: string, rows: unknown[], shape: z.ZodType): void {
  expect(rows.length, `${name}: the statement returned no rows on the demo data`).toBeGreaterThan(0);
  for (const row of rows) {
    const parsed = shape.safeParse(row);
    if (!parsed.success)
      throw new Error(
        `${name}: ${z.prettifyError(parsed.error)}\nrow: ${String(JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v)))}`,
      );
  }
}

describe("raw SQL statements against their row shapes (issue 19 item 5)", () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      expectShape(name, await runCase(c), c.statement.shape);
    });
  }

  it("every exported raw statement has a case here", () => {
    const exported = Object.entries(MODULES).flatMap(([module, exports]) =>
      Object.entries(exports)
        .filter(([, v]) => typeof v === "object" && v !== null && "shape" in v && "sql" in v && "run" in v)
        .map(([key]) => `${module} ${key}`),
    );
    expect(exported.length).toBeGreaterThan(0);
    expect(Object.keys(CASES).sort()).toEqual(exported.sort());
  });
});
