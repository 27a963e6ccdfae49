// `npx tsx bench/grid-reads.ts [--runs 20]` (issue 22 item 4, round 8): what the journal grid reads
// from the database for one page load and one scroll step, before (the whole period read, then cut
// to the window — the round-7 path, still callable: loadGridPage without a read) and after (the
// window's read, lib/journal/grid-load.ts), at ONE client in this process on the bench dataset's
// 35 × 90 grid (and the 25 × 48 one): SQL statements and their time (at the pg driver), rows
// returned, rows the server read (pg_stat_user_tables, index + sequential tuples, all tables and
// Mark + Attendance) and the server time of the loader + packing (no React render, no HTTP).
import { parseArgs } from "node:util";
import pg from "pg";
import { runScript } from "./compare";
import { teacherUser } from "./fixtures";
import { withGridDataset } from "./grid-dataset";
import { percentile } from "./http-load";
import { counted, type Captured } from "../tests/support/pg-queries";

const log = (s: string): void => console.log(`[grid-reads] ${s}`);
const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "20" }, port: { type: "string", default: "54352" } },
});
const RUNS = Number(args.runs);

/** Tuples read per table so far (stats are flushed by idle backends within ~10 s). */
async function tuplesRead(url: string): Promise<Map<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("SELECT pg_stat_clear_snapshot()");
    const r = await c.query<{ relname: string; n: string }>(
      `SELECT relname, (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::text AS n FROM pg_stat_user_tables`,
    );
    return new Map(r.rows.map((x) => [x.relname, Number(x.n)]));
  } finally {
    await c.end();
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(url: string, name: string, fn: () => Promise<unknown>) {
  await fn(); // warm
  await sleep(11_000);
  const t0 = await tuplesRead(url);
  const times: number[] = [];
  let stats: Captured[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const r = await counted(fn);
    times.push(performance.now() - start);
    if (i === RUNS - 1) stats = r.queries;
  }
  await sleep(11_000);
  const t1 = await tuplesRead(url);
  const delta = (tables?: string[]) =>
    [...t1].filter(([k]) => !tables || tables.includes(k)).reduce((n, [k, v]) => n + v - (t0.get(k) ?? 0), 0) / RUNS;
  times.sort((a, b) => a - b);
  const sqlMs = stats.reduce((n, s) => n + s.ms, 0);
  const slowest = [...stats].sort((a, b) => b.ms - a.ms)[0];
  log(
    `${name}: ${stats.length} statements (${stats.filter((s) => /^\s*SELECT|^\s*WITH/i.test(s.text)).length} reads), ` +
      `their time ${sqlMs.toFixed(1)} ms summed (slowest ${slowest?.ms.toFixed(1)} ms: ${slowest?.text.replace(/\s+/g, " ").slice(0, 70)}), ` +
      `rows returned ${stats.reduce((n, s) => n + s.rows, 0)}; tuples read ${delta().toFixed(0)} (Mark ${delta(["Mark"]).toFixed(0)}, Attendance ${delta(["Attendance"]).toFixed(0)}, Lesson ${delta(["Lesson"]).toFixed(0)}); ` +
      `server time p50 ${percentile(times, 50).toFixed(1)} ms, min ${times[0].toFixed(1)} ms (${RUNS} runs)`,
  );
}

async function main(): Promise<void> {
  await withGridDataset(Number(args.port), log, async (ds, fx) => {
    const { orgId } = ds;
    const { loadGridPage } = await import("../lib/journal/loaders");
    const { windowRead, stepRead } = await import("../lib/journal/grid-load");
    const { packGridView } = await import("../lib/journal/grid-pack");
    const { firstView, packStep, sliceView, windowStep } = await import("../lib/journal/grid-window");
    const grids = [["35 × 90", fx.bigGrid] as const, ["25 × 48", fx.grid] as const];
    for (const [label, g] of grids) {
      if (!g) continue;
      const user = (await teacherUser(ds.url, orgId, g.teacherLogin)) as unknown as Parameters<typeof loadGridPage>[0];
      const req = { classId: g.classId, subjectId: g.subjectId, periodId: g.periodId };
      const whole = await loadGridPage(user, req);
      if (whole.kind !== "grid") throw new Error("no grid");
      const w = firstView(whole.view);
      const [from, to] = [w.lessons[0].id, w.lessons[w.lessons.length - 1].id];
      log(
        `${label}: ${whole.view.students.length} students × ${whole.view.lessons.length} lessons, window ${w.lessons.length}`,
      );
      await measure(ds.url, `${label} page, before (whole period read, cut)`, async () => {
        const p = await loadGridPage(user, req);
        if (p.kind === "grid") JSON.stringify(packGridView(firstView(p.view)));
      });
      await measure(ds.url, `${label} page, after (window read)`, async () => {
        const p = await loadGridPage(user, req, undefined, windowRead());
        if (p.kind === "grid") JSON.stringify(packGridView(p.view));
      });
      await measure(ds.url, `${label} scroll step, before (period re-read)`, async () => {
        const p = await loadGridPage(user, req);
        if (p.kind !== "grid") return;
        // Round 7's step: the step's cells and the hidden sums once it is added, from the whole view.
        const step = windowStep(p.view, from, to, "before");
        const i = p.view.lessons.findIndex((l) => l.id === from);
        const j = p.view.lessons.findIndex((l) => l.id === to);
        JSON.stringify({ ...step, hidden: sliceView(p.view, Math.max(0, i - 25), j + 1).hidden });
      });
      await measure(ds.url, `${label} scroll step, after (its lessons only)`, async () => {
        const p = await loadGridPage(user, req, undefined, stepRead(from, to, "before"));
        if (p.kind === "grid" && p.view.hidden) JSON.stringify(packStep(p.view, p.view.hidden));
      });
    }
  });
}

runScript(main);
