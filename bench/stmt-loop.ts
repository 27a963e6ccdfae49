// `[ALS=1] [ONLY=pg,raw,big] [N=4000] [ROUNDS=3] npx tsx bench/stmt-loop.ts` (issue 22, round 15): the app
// CPU of one SQL statement outside Next.js, on the bench PostgreSQL — a named `SELECT $1::int + 1` through pg
// directly (pool, one held client, 16 at once) and through lib/db's rawStatement (one by one, 16 at once),
// a ≈ 30 KB json row (`big`), a statement after an idle millisecond (`pgGap`, less `gapOnly`); ALS=1 runs
// every loop inside an AsyncLocalStorage store (its promise hooks on). Prints µs of CPU per statement.
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "../prisma/tools/embedded";
import { DATA_DIR } from "../prisma/tools/paths";

const N = Number(process.env.N ?? 4000);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function main() {
  const server = await startEmbedded({ dataDir: path.join(DATA_DIR, "bench-pg"), log: () => {} });
  try {
    process.env.DATABASE_URL = server.url("postgres");
    const { db, rawStatement } = await import("../lib/db");
    const { Prisma } = await import("../prisma/generated/prisma/client");
    const { col } = await import("../lib/sql");
    const PLUS = rawStatement({ n: col.int }, (i: number) => Prisma.sql`SELECT ${i}::int + 1 AS n`);
    const BIG = rawStatement(
      { j: col.jsonArray },
      (n: number) =>
        Prisma.sql`SELECT (SELECT json_agg(json_build_object('i', g, 's', repeat('ж', 12))) FROM generate_series(1, ${n}::int) g) AS j`,
    );
    const pool = new pg.Pool({ connectionString: server.url("postgres"), max: 4 });
    const q = { name: "abl_plus", text: "SELECT $1::int + 1 AS n" };
    const variants: Record<string, () => Promise<unknown>> = {
      pg: async () => {
        for (let i = 0; i < N; i++) await pool.query({ ...q, values: [i] });
      },
      pgClient: async () => {
        const c = await pool.connect();
        for (let i = 0; i < N; i++) await c.query({ ...q, values: [i] });
        c.release();
      },
      pgAll16: async () => {
        for (let i = 0; i < N; i += 16)
          await Promise.all(Array.from({ length: 16 }, (_, j) => pool.query({ ...q, values: [i + j] })));
      },
      big: async () => {
        for (let i = 0; i < N / 8; i++) await BIG.run(db, 800);
      },
      // an idle millisecond before each statement (the machine's other vCPU halts; a page's JS between its
      // statements does the same), and the idle milliseconds alone
      pgGap: async () => {
        for (let i = 0; i < N / 8; i++) {
          await new Promise((r) => setTimeout(r, 1));
          await pool.query({ ...q, values: [i] });
        }
      },
      gapOnly: async () => {
        for (let i = 0; i < N / 8; i++) await new Promise((r) => setTimeout(r, 1));
      },
      raw: async () => {
        for (let i = 0; i < N; i++) await PLUS.run(db, i);
      },
      rawAll16: async () => {
        for (let i = 0; i < N; i += 16) await Promise.all(Array.from({ length: 16 }, (_, j) => PLUS.run(db, i + j)));
      },
    };
    const als = new AsyncLocalStorage<object>();
    const order = (process.env.ONLY ?? Object.keys(variants).join(",")).split(",");
    const res: Record<string, number[]> = {};
    for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
      for (const name of order) {
        {
          const inAls = process.env.ALS === "1";
          const key = `${name}${inAls ? " +ALS" : ""}`;
          await variants[name](); // warm
          const c0 = cpu();
          const t0 = performance.now();
          if (inAls) await als.run({}, variants[name]);
          else await variants[name]();
          const per = /big|Gap|gap/.test(name) ? N / 8 : N;
          const c = ((cpu() - c0) / per) * 1000;
          const w = ((performance.now() - t0) / per) * 1000;
          (res[key] ??= []).push(c);
          console.log(`${key}: ${c.toFixed(1)} µs CPU, ${w.toFixed(1)} µs wall per statement`);
        }
      }
    }
    for (const [k, v] of Object.entries(res))
      console.log(`| ${k} | ${v.sort((a, b) => a - b)[Math.floor(v.length / 2)].toFixed(1)} |`);
    await pool.end();
    const { disconnectDb } = await import("../lib/db");
    await disconnectDb();
  } finally {
    await server.stop();
  }
}
main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
