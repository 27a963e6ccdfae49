// `npx tsx bench/control-plan.ts [--from 2026-12-01] [--to 2026-12-07] [--runs 20] [--plan]` (issue 22 item 7,
// round 22): `/control`'s two PostgreSQL-bound statements (FILL_ROWS, TEACHER_SHARES) as the page sends them
// for the whole organisation (ADMIN / DIRECTOR's scope), on the bench dataset: each run `runs` times on a
// connection of its own, PostgreSQL's CPU per execution (the backend's /proc stat); `--plan`: EXPLAIN
// (ANALYZE, BUFFERS) of each; `--save f`: their rows (two trees' answers compared); `--before old.ts`: FILL_ROWS
// against an older module's in alternating rounds; `--territory`: REG-2's territory fill instead (below). Run under
// the bench lock, niced.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { withGridDataset } from "./grid-dataset";

const { values: args } = parseArgs({
  options: {
    from: { type: "string", default: "2026-12-01" },
    to: { type: "string", default: "2026-12-07" },
    runs: { type: "string", default: "20" },
    plan: { type: "boolean", default: false },
    port: { type: "string", default: "54363" },
    only: { type: "string" },
    /** SQL run once before the statements (e.g. an index a variant needs; the next run restores the dataset). */
    setup: { type: "string" },
    /** Each statement's rows (JSON) to this file prefix: two trees' answers compared. */
    save: { type: "string" },
    /**
     * Paired A/B of FILL_ROWS in one process: `rounds` rounds, each running this tree's statement `runs` times
     * and the «before» one (from the module path given here: a copy of the old lib/control/data.ts), in
     * alternating order; the median per side.
     */
    before: { type: "string" },
    rounds: { type: "string", default: "6" },
    /**
     * Round 23 (ctlS23): the worker's `/control` store (lib/control/store) run once — its wall time and rows —,
     * then each statement paired, the stored class-days read vs all live (`useStore` false), in alternating
     * rounds; both answers compared row for row.
     */
    store: { type: "boolean", default: false },
    /**
     * Round 24 (regX24): REG-2's territory fill (lib/region/data.ts TERRITORY_FILL) as the territory report
     * sends it for the organisation — the worker's FillDay store run twice (its time, the days, the rows),
     * then the statement with the store, all live (`useStored` false) and, with `--before old.ts` (a copy of
     * the old lib/region/data.ts), the old statement on the same store, in rotating order; the answers compared.
     */
    territory: { type: "boolean", default: false },
    /** The clock of the stores and statements (default: the machine's); e.g. the dataset's own «today». */
    now: { type: "string" },
    /** `--territory`: the worker's clock when it stores (default `now`): earlier, the changes since stay after its watermark. */
    "store-at": { type: "string" },
  },
});
const log = (s: string): void => console.log(`[control-plan] ${s}`);

function backendCpu(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

await withGridDataset(Number(args.port), log, async ({ url, orgId }) => {
  const { FILL_ROWS } = await import("../lib/control/data");
  const { TEACHER_SHARES } = await import("../lib/control/deadline/data");
  const { sharesFrom, shareRanges } = await import("../lib/control/deadline/rules");
  const from = new Date(`${args.from}T00:00:00Z`);
  const to = new Date(`${args.to}T00:00:00Z`);
  const now = args.now ? new Date(args.now) : new Date();
  const ranges = shareRanges(to);
  const statements = {
    FILL_ROWS: FILL_ROWS.sql(orgId, { from, to, classIds: null }, now),
    TEACHER_SHARES: TEACHER_SHARES.sql(
      orgId,
      { from: sharesFrom(to), to, classIds: null },
      { day: to, weekFrom: ranges.week[0], monthFrom: ranges.month[0] },
      now,
    ),
  };
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    if (args.setup) await c.query(readFileSync(args.setup, "utf8"));
    const pid = Number((await c.query("SELECT pg_backend_pid() AS p")).rows[0].p);
    const cpuOf = async (q: { text: string; values: unknown[] }) => {
      await c.query(q.text, q.values);
      const cpu0 = backendCpu(pid);
      for (let i = 0; i < Number(args.runs); i++) await c.query(q.text, q.values);
      return (backendCpu(pid) - cpu0) / Number(args.runs);
    };
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(" ");
    if (args.territory) {
      const { TERRITORY_FILL } = await import("../lib/region/data");
      const { lastClosedDay, storeFillDays } = await import("../lib/region/fill-store");
      const { deadlineSettings } = await import("../lib/control/deadline/data");
      const settings = await deadlineSettings(orgId);
      const storeAt = args["store-at"] ? new Date(args["store-at"]) : now;
      const last = lastClosedDay(storeAt, settings.timeZone, settings.minutes);
      for (const pass of ["first", "again"]) {
        const t0 = performance.now();
        const days = await storeFillDays({ organisationId: orgId }, last, storeAt);
        const rows = (await c.query('SELECT count(*)::int AS n FROM "FillDay"')).rows[0].n as number;
        log(
          `fill store (${pass} run at ${storeAt.toISOString()}, through ${last.toISOString().slice(0, 10)}): ` +
            `${days.length} days, ${rows} rows, ${(performance.now() - t0).toFixed(0)} ms`,
        );
      }
      const after = await c.query(
        'SELECT count(*)::int AS n FROM "JournalChange" j JOIN "FillStore" s ON s."organisationId" = j."organisationId" AND j.id > s."changeId"',
      );
      log(`journal changes after the watermark: ${after.rows[0].n}`);
      const sides: Record<string, { text: string; values: unknown[] }> = {
        live: TERRITORY_FILL.sql([orgId], from, to, now, false),
        store: TERRITORY_FILL.sql([orgId], from, to, now, true),
      };
      if (args.before) {
        const { resolve } = await import("node:path");
        const old = (await import(resolve(args.before))) as { TERRITORY_FILL: typeof TERRITORY_FILL };
        sides.before = old.TERRITORY_FILL.sql([orgId], from, to, now, true);
      }
      const names = Object.keys(sides);
      const answers = await Promise.all(names.map(async (n) => JSON.stringify((await c.query(sides[n])).rows)));
      const cpu = Object.fromEntries(names.map((n) => [n, [] as number[]]));
      for (let r = 0; r < Number(args.rounds); r++)
        for (const n of names.map((_, i) => names[(i + r) % names.length])) cpu[n].push(await cpuOf(sides[n]));
      log(
        `TERRITORY_FILL ${args.from}..${args.to}: ${answers[0]}, ${names.map((n, i) => `${n} ${answers[i] === answers[0] ? "=" : "≠"}`).join(", ")}; ` +
          `PostgreSQL CPU ms per execution, median of ${args.rounds} rounds: ` +
          names.map((n) => `${n} ${med(cpu[n]).toFixed(1)} [${list(cpu[n])}]`).join(", "),
      );
      if (args.plan) {
        const p = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${sides.store.text}`, sides.store.values);
        console.log(p.rows.map((x) => x["QUERY PLAN"]).join("\n"));
      }
      return;
    }
    if (args.store) {
      const { storeControlDays } = await import("../lib/control/store/mutations");
      const { lastClosedDay } = await import("../lib/region/fill-store");
      const { deadlineSettings } = await import("../lib/control/deadline/data");
      const settings = await deadlineSettings(orgId);
      const last = lastClosedDay(now, settings.timeZone, settings.minutes);
      for (const pass of ["first", "again"]) {
        const t0 = performance.now();
        const days = await storeControlDays({ organisationId: orgId }, last, now);
        const rows = (await c.query('SELECT count(*)::int AS n FROM "ControlDay"')).rows[0].n as number;
        log(
          `store (${pass} run, through ${last.toISOString().slice(0, 10)}): ${days} class-days, ${rows} rows, ${(performance.now() - t0).toFixed(0)} ms`,
        );
      }
      const live = {
        FILL_ROWS: FILL_ROWS.sql(orgId, { from, to, classIds: null }, now, false),
        TEACHER_SHARES: TEACHER_SHARES.sql(
          orgId,
          { from: sharesFrom(to), to, classIds: null },
          { day: to, weekFrom: ranges.week[0], monthFrom: ranges.month[0] },
          now,
          false,
        ),
      };
      for (const name of ["FILL_ROWS", "TEACHER_SHARES"] as const) {
        if (args.only && args.only !== name) continue;
        const key = (rows: object[]) => JSON.stringify(rows.map((r) => JSON.stringify(r)).sort());
        const a = await c.query(statements[name].text, statements[name].values as unknown[]);
        const b = await c.query(live[name].text, live[name].values as unknown[]);
        const sides = { store: [] as number[], live: [] as number[] };
        for (let r = 0; r < Number(args.rounds); r++)
          for (const side of r % 2 ? (["live", "store"] as const) : (["store", "live"] as const))
            sides[side].push(await cpuOf((side === "store" ? statements[name] : live[name]) as never));
        log(
          `${name} ${args.from}..${args.to}: ${a.rowCount} rows, store ${key(a.rows) === key(b.rows) ? "=" : "≠"} live; ` +
            `PostgreSQL CPU ms per execution, median of ${args.rounds} rounds: live ${med(sides.live).toFixed(1)} ` +
            `[${list(sides.live)}] → store ${med(sides.store).toFixed(1)} [${list(sides.store)}]`,
        );
        if (args.plan) {
          const p = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${statements[name].text}`, statements[name].values);
          console.log(p.rows.map((x) => x["QUERY PLAN"]).join("\n"));
        }
      }
      return;
    }
    if (args.before) {
      // The «before» statement from a copy of the old module (e.g. `git show <commit>:lib/control/data.ts >
      // lib/control/data-old.ts`, not committed), its text and parameters built by the same arguments.
      const { resolve } = await import("node:path");
      const old = (await import(resolve(args.before))) as { FILL_ROWS: typeof FILL_ROWS };
      const before = old.FILL_ROWS.sql(orgId, { from, to, classIds: null }, now);
      const sides = { now: [] as number[], before: [] as number[] };
      for (let r = 0; r < Number(args.rounds); r++)
        for (const side of r % 2 ? (["before", "now"] as const) : (["now", "before"] as const))
          sides[side].push(await cpuOf((side === "now" ? statements.FILL_ROWS : before) as never));
      log(
        `FILL_ROWS ${args.from}..${args.to} PostgreSQL CPU ms per execution, median of ${args.rounds} rounds: ` +
          `before ${med(sides.before).toFixed(1)} [${list(sides.before)}] → now ${med(sides.now).toFixed(1)} [${list(sides.now)}]`,
      );
      return;
    }
    for (const [name, q] of Object.entries(statements)) {
      if (args.only && args.only !== name) continue;
      const runs = Number(args.runs);
      const r0 = await c.query(q.text, q.values as unknown[]);
      if (args.save) {
        const key = (r: object) => JSON.stringify(r);
        writeFileSync(`${args.save}.${name}.json`, JSON.stringify(r0.rows.map(key).sort(), null, 0));
      }
      const cpu0 = backendCpu(pid);
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) await c.query(q.text, q.values as unknown[]);
      log(
        `${name} ${args.from}..${args.to}: ${r0.rowCount} rows, ${((performance.now() - t0) / runs).toFixed(1)} ms wall, ` +
          `${((backendCpu(pid) - cpu0) / runs).toFixed(1)} ms PostgreSQL CPU per execution`,
      );
      if (args.plan) {
        const p = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values as unknown[]);
        console.log(p.rows.map((x) => x["QUERY PLAN"]).join("\n"));
      }
    }
  } finally {
    await c.end();
  }
});
