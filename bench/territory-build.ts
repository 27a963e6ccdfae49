// REG-2: the territory report's build in-process over the benchmark dataset — `--orgs N` (default
// 20) copies of the bench school (bench/dataset, the same preparation as `npm run bench -- --orgs N`)
// on the bench's embedded PostgreSQL (.data/bench-pg; BENCH_DATABASE_URL for another server). Each
// kind is built `--rounds` times over every organisation for a month, a quarter-long range and the
// school year up to the dataset's today, and (`now`) from 1 September to the real today — the range
// the HTTP scenario `territory_report` asks for (bench/scenarios.ts), which holds the finished
// quarters' finals that the dataset's today's chosen periods do not; the figure is the build of the model (SQL aggregates +
// rules), without rendering. Run niced on a shared machine:
//   nice -n 10 npx tsx bench/territory-build.ts --orgs 20 [--rounds 3] [--port 54362]
// `--explain` prints EXPLAIN (ANALYZE, BUFFERS) of the fill and attendance statements for each range
// (`--ranges month,year` picks ranges) instead of timing the builds. `--fill-store stored` first
// stores every organisation's closed fill days as the worker's daily step would by the dataset's
// today (timed: the worker's cost; `stored-now`: at the machine's clock, as the app's worker would),
// `--fill-store live` empties the stored days (the all-live
// build), `keep` (default) uses what the database holds.
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbedded, type EmbeddedServer } from "../prisma/tools/embedded";
import { withDatabase } from "../prisma/tools/pg-util";
import { prepareDataset } from "./dataset/generate";
import { datasetToday, samaraToday } from "./fixtures";
import { territoryFrom } from "./scenarios";

const { values: args } = parseArgs({
  options: {
    orgs: { type: "string", default: "20" },
    rounds: { type: "string", default: "3" },
    port: { type: "string", default: "54362" },
    kinds: { type: "string", default: "progress,attendance,fill,contingent" },
    ranges: { type: "string", default: "month,quarter,year,now" },
    explain: { type: "boolean", default: false },
    "fill-store": { type: "string", default: "keep" },
  },
});
const log = (s: string) => console.log(s);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

async function main(): Promise<void> {
  const external = process.env.BENCH_DATABASE_URL?.trim();
  let server: EmbeddedServer | undefined;
  if (!external)
    server = await startEmbedded({
      dataDir: path.join(import.meta.dirname, "..", ".data", "bench-pg"),
      port: Number(args.port),
      log,
    });
  try {
    const base = external ? withDatabase(external, "postgres") : server!.url("postgres");
    const today = datasetToday();
    const ds = await prepareDataset(base, Number(args.orgs), today, log);
    process.env.DATABASE_URL = ds.url;
    const { buildTerritoryReport } = await import("../lib/region/report");
    const { disconnectDb } = await import("../lib/db");
    const y = today.getUTCFullYear();
    const realToday = samaraToday();
    const ranges: [string, Date, Date][] = [
      ["month", day(`${y}-03-01`), day(`${y}-03-31`)],
      ["quarter", day(`${y}-01-09`), day(`${y}-03-31`)],
      ["year", day(`${y - 1}-09-01`), today],
      ["now", day(territoryFrom(realToday)), day(realToday)],
    ].filter(([label]) => args.ranges.split(",").includes(label as string)) as [string, Date, Date][];
    const nowOf = (to: Date) => new Date(to.getTime() + 20 * 3_600_000);
    if (args["fill-store"] !== "keep") {
      const c = new pg.Client({ connectionString: ds.url });
      await c.connect();
      await c.query(`DELETE FROM "FillDay"; DELETE FROM "FillStore"; DELETE FROM "DutyRun" WHERE kind = 'fill-days'`);
      await c.end();
    }
    if (args["fill-store"].startsWith("stored")) {
      // The worker's own step: at the dataset's today (`stored`) or at the machine's clock, as the
      // app's worker would at start (`stored-now`: before an HTTP benchmark, so its backfill does not
      // run inside the measurements).
      const { runFillStore } = await import("../lib/region/fill-store");
      const started = performance.now();
      const days = await runFillStore(args["fill-store"] === "stored-now" ? new Date() : nowOf(today));
      log(`fill-store: ${days} дней сохранено за ${((performance.now() - started) / 1000).toFixed(1)} с`);
    }
    if (args.explain) {
      const { TERRITORY_ATTENDANCE, TERRITORY_FILL } = await import("../lib/region/data");
      const client = new pg.Client({ connectionString: ds.url });
      await client.connect();
      try {
        for (const [label, from, to] of ranges) {
          const statements = [
            ["fill", TERRITORY_FILL.sql(ds.orgIds, from, to, nowOf(to))],
            ["attendance", TERRITORY_ATTENDANCE.sql(ds.orgIds, from, to)],
          ] as const;
          for (const [kind, statement] of statements) {
            if (!args.kinds.split(",").includes(kind)) continue;
            const plan = await client.query<{ "QUERY PLAN": string }>(
              `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
              statement.values,
            );
            log(`--- ${kind} ${label}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
          }
        }
      } finally {
        await client.end();
      }
      return;
    }
    log(`${ds.orgIds.length} организаций, ${JSON.stringify(ds.sizes)}`);
    for (const kind of args.kinds.split(",") as ("progress" | "attendance" | "fill" | "contingent")[]) {
      for (const [label, from, to] of ranges) {
        const times: number[] = [];
        let rows = 0;
        for (let r = 0; r < Number(args.rounds); r++) {
          const started = performance.now();
          const model = await buildTerritoryReport({
            territoryName: "городской округ Самара",
            organisationIds: ds.orgIds,
            kind,
            from,
            to,
            now: nowOf(to),
          });
          times.push(performance.now() - started);
          rows = model.rows.length;
        }
        const sorted = [...times].sort((a, b) => a - b);
        log(
          `${kind.padEnd(10)} ${label.padEnd(7)} ${rows} орг.: медиана ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} мс, ` +
            `мин ${sorted[0].toFixed(0)} мс, макс ${sorted[sorted.length - 1].toFixed(0)} мс`,
        );
      }
    }
    await disconnectDb();
  } finally {
    await server?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
