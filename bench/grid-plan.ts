// `npx tsx bench/grid-plan.ts [--grid big|small] [--runs 200] [--plan] [--save f] [--dump f] [--setup f.sql] [--variant f …]`
// (issue 22 items 2 and 4, round 16): the journal page's one statement (GRID_PAGE) on the bench dataset,
// as the page sends it for the bench's grid (its teacher, the period asked, today): captured from the
// loader in this process, then run on a connection of its own — prepared once, `runs` executions,
// PostgreSQL's CPU for them (the backend's /proc stat) and the result's bytes as PostgreSQL sends them.
// `--plan`: EXPLAIN (ANALYZE, BUFFERS) of the plan it settles on after six executions (the app's mode)
// and of the custom plan. `--save f`: the row (parsed) to compare two trees' results. `--dump f`: the
// statement's text and parameters. `--variant f`: another statement (a .json of --dump, e.g. another
// tree's, a .sql text over these parameters, or `ablate:<column>`: this statement without that column's
// subquery, round 20) — whether its row equals the page's, then both in
// turn: CPU per execution (5 rounds) and 200 paired EXPLAIN (ANALYZE, TIMING OFF) executions (the
// median of their ratios is what a loaded shared machine still compares).
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { teacherUser } from "./fixtures";
import { withGridDataset } from "./grid-dataset";
import { counted } from "../tests/support/pg-queries";
import { runScript } from "./compare";
import { ablateColumn } from "./grid-ablate";

const log = (s: string): void => console.log(`[grid-plan] ${s}`);
const { values: args } = parseArgs({
  options: {
    grid: { type: "string", default: "big" },
    runs: { type: "string", default: "200" },
    save: { type: "string" },
    plan: { type: "boolean", default: false },
    port: { type: "string", default: "54362" },
    clients: { type: "string", default: "0" },
    dump: { type: "string" },
    variant: { type: "string", multiple: true },
    /** SQL run once on the bench database before the variants (e.g. a table a variant reads; the next run restores). */
    setup: { type: "string" },
  },
});

/**
 * Which columns of two GRID_PAGE rows differ, and whether a column of json arrays (lib/sql.ts jsonColumns: one array
 * per column of an unordered aggregate) holds the same tuples in another order — what the page's readers see alike.
 */
function differing(fields: { name: string }[], a: unknown[], b: unknown[]): string {
  const tuples = (x: unknown) =>
    Array.isArray(x) && x.length > 0 && x.every(Array.isArray)
      ? JSON.stringify((x[0] as unknown[]).map((_, i) => JSON.stringify(x.map((c) => (c as unknown[])[i]))).sort())
      : null;
  const out = fields.flatMap((f, i) => {
    if (JSON.stringify(a[i]) === JSON.stringify(b[i])) return [];
    const ta = tuples(a[i]);
    return [`${f.name} ${ta !== null && ta === tuples(b[i]) ? "(the same tuples in another order)" : "DIFFERS"}`];
  });
  return `columns not byte-equal: ${out.join(", ")}`;
}

/** The backend's CPU so far in ms (utime + stime of /proc/<pid>/stat, clock ticks of 10 ms). */
function backendCpu(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

async function main(): Promise<void> {
  await withGridDataset(Number(args.port), log, async (ds, fx) => {
    const { orgId } = ds;
    const { headWithPicker, loadGridPage } = await import("../lib/journal/loaders");
    const g = args.grid === "big" ? fx.bigGrid! : fx.grid;
    const user = (await teacherUser(ds.url, orgId, g.teacherLogin)) as unknown as Parameters<typeof loadGridPage>[0];
    const req = { classId: g.classId, subjectId: g.subjectId, periodId: g.periodId };
    const beside = headWithPicker(user);
    const { result, queries } = await counted(() => loadGridPage(user, req, undefined, beside.read, beside.head));
    if (result.kind !== "grid") throw new Error("no grid");
    log(
      `${result.view.students.length} students × ${result.view.lessons.length} lessons; ${queries.length} statements`,
    );
    const q = queries.find((x) => /\brg AS MATERIALIZED/.test(x.text));
    if (!q) throw new Error("GRID_PAGE not sent");
    const c = new pg.Client({ connectionString: ds.url });
    await c.connect();
    try {
      if (args.setup) await c.query(readFileSync(args.setup, "utf8"));
      const pid = Number((await c.query<{ p: number }>("SELECT pg_backend_pid() AS p")).rows[0].p);
      const values = q.values.map((v) => (v instanceof Date ? v.toISOString() : v));
      const name = "grid_page";
      const first = await c.query({ name, text: q.text, values, rowMode: "array" });
      // The bytes as PostgreSQL sends them (its own json text, not re-serialised).
      const raw = await c.query({
        name,
        text: q.text,
        values,
        rowMode: "array",
        types: { getTypeParser: () => (v: string) => v },
      });
      const text = (raw.rows[0] as (string | null)[]).map((v) => v ?? "");
      const bytes = text.reduce((n, s) => n + Buffer.byteLength(s ?? ""), 0);
      log(`result: ${bytes} bytes in ${first.fields.length} columns; text ${q.text.length} chars`);
      const big = first.fields
        .map((f, i) => [f.name, Buffer.byteLength(text[i] ?? "")] as const)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8);
      log(`largest columns: ${big.map(([n, b]) => `${n} ${b}`).join(", ")}`);
      if (args.dump) writeFileSync(args.dump, JSON.stringify({ text: q.text, values }));
      // A parameter as EXPLAIN EXECUTE's literal (an array as PostgreSQL's array text).
      const literal = (v: unknown) =>
        v === null ? "NULL" : c.escapeLiteral(Array.isArray(v) ? `{${v.join(",")}}` : String(v));
      const lits = values.map(literal).join(", ");
      // A variant: a .json file (another build's statement with its own parameters, --dump's), `ablate:<column>`
      // (this statement with that column's subquery replaced by an empty array: what the column costs,
      // bench/grid-ablate.ts), else a .sql text over these parameters.
      const variantOf = (file: string): { text: string; values: unknown[] } =>
        file.startsWith("ablate:")
          ? { text: ablateColumn(q.text, file.slice("ablate:".length)), values }
          : file.endsWith(".json")
            ? (JSON.parse(readFileSync(file, "utf8")) as { text: string; values: unknown[] })
            : { text: readFileSync(file, "utf8"), values };
      for (const file of args.variant ?? []) {
        // A variant of the statement's text (same parameters): its rows must equal the page's, then its CPU.
        const given = variantOf(file);
        const vtext = given.text;
        const vvalues = given.values;
        const vlits = vvalues.map(literal).join(", ");
        const v = await c.query({ text: vtext, values: vvalues, rowMode: "array" });
        const same = JSON.stringify(v.rows[0]) === JSON.stringify(first.rows[0]);
        if (!same)
          log(`variant ${file}: ${differing(first.fields, first.rows[0] as unknown[], v.rows[0] as unknown[])}`);
        // EXECUTE takes the name unquoted (lower-cased by PostgreSQL): a file name with capitals was not found.
        const vname = `v_${file.replace(/\W/g, "_").toLowerCase()}`;
        for (let i = 0; i < 6; i++) await c.query({ name: vname, text: vtext, values: vvalues });
        // Interleaved: five rounds of the variant then the page's statement, the median of each; and the
        // least execution time of EXPLAIN (ANALYZE, TIMING OFF) over as many runs (less noisy on a shared machine).
        const n = Math.ceil(Number(args.runs) / 5);
        const mine: number[] = [];
        const page: number[] = [];
        const exec = async (stmt: string, params: string) => {
          const r = await c.query(`EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) EXECUTE ${stmt}(${params})`);
          return (r.rows[0] as { "QUERY PLAN": [{ "Execution Time": number }] })["QUERY PLAN"][0]["Execution Time"];
        };
        const mineX: number[] = [];
        const pageX: number[] = [];
        const ratio: number[] = [];
        for (let round = 0; round < 5; round++) {
          const t0 = backendCpu(pid);
          for (let i = 0; i < n; i++) await c.query({ name: vname, text: vtext, values: vvalues, rowMode: "array" });
          const t1 = backendCpu(pid);
          for (let i = 0; i < n; i++) await c.query({ name, text: q.text, values, rowMode: "array" });
          mine.push((t1 - t0) / n);
          page.push((backendCpu(pid) - t1) / n);
          // Paired: the variant's execution, then the page's, back to back (a change of load hits both).
          for (let i = 0; i < 40; i++) {
            const x = await exec(vname, vlits);
            const y = await exec(name, lits);
            mineX.push(x);
            pageX.push(y);
            ratio.push(x / y);
          }
        }
        const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
        log(
          `variant ${file}: rows ${same ? "EQUAL" : "DIFFER"}; CPU ${med(mine).toFixed(2)} ms vs the page's ${med(page).toFixed(2)} (medians of 5 × ${n}); execution (EXPLAIN, 200 pairs) median ${med(mineX).toFixed(2)} vs ${med(pageX).toFixed(2)} ms, least ${Math.min(...mineX).toFixed(2)} vs ${Math.min(...pageX).toFixed(2)}, median ratio ${med(ratio).toFixed(3)}`,
        );
      }
      // --clients N with variants: N connections at once (as the app's pool under 10 clients), the
      // variant and the page's statement in alternate 2-second phases, 5 rounds: PostgreSQL's CPU per
      // execution summed over the N backends.
      const clients = Number(args.clients);
      for (const file of clients > 0 ? (args.variant ?? []) : []) {
        const given = variantOf(file);
        const pool = await Promise.all(
          Array.from({ length: clients }, async () => {
            const k = new pg.Client({ connectionString: ds.url });
            await k.connect();
            const kpid = Number((await k.query<{ p: number }>("SELECT pg_backend_pid() AS p")).rows[0].p);
            return { k, kpid };
          }),
        );
        try {
          const phase = async (stmt: string, text: string, vals: unknown[]) => {
            const before = pool.reduce((n, x) => n + backendCpu(x.kpid), 0);
            const until = Date.now() + 2000;
            let count = 0;
            await Promise.all(
              pool.map(async ({ k }) => {
                while (Date.now() < until) {
                  await k.query({ name: stmt, text, values: vals, rowMode: "array" });
                  count++;
                }
              }),
            );
            return (pool.reduce((n, x) => n + backendCpu(x.kpid), 0) - before) / count;
          };
          const mine: number[] = [];
          const page: number[] = [];
          for (let round = 0; round < 6; round++) {
            const a = await phase("v", given.text, given.values);
            const b = await phase(name, q.text, values);
            if (round > 0) {
              mine.push(a);
              page.push(b);
            }
          }
          const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
          log(
            `variant ${file} at ${clients} connections: PostgreSQL CPU per execution ${med(mine).toFixed(2)} ms vs the page's ${med(page).toFixed(2)} (medians of 5 rounds × 2 s; ${mine.map((x, i) => `${x.toFixed(2)}/${page[i].toFixed(2)}`).join(" ")})`,
          );
        } finally {
          await Promise.all(pool.map(({ k }) => k.end()));
        }
      }
      if (args.save) {
        const row = first.fields.map((f, i) => [f.name, (first.rows[0] as unknown[])[i]]);
        writeFileSync(args.save, JSON.stringify(Object.fromEntries(row), null, 1));
      }
      for (let i = 0; i < 6; i++) await c.query({ name, text: q.text, values });
      const runs = Number(args.runs);
      const cpu0 = backendCpu(pid);
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) await c.query({ name, text: q.text, values, rowMode: "array" });
      const wall = (performance.now() - t0) / runs;
      const cpu = (backendCpu(pid) - cpu0) / runs;
      log(`${runs} executions: PostgreSQL CPU ${cpu.toFixed(2)} ms each, wall ${wall.toFixed(2)} ms`);
      if (args.plan) {
        for (const mode of ["auto", "force_custom_plan"]) {
          await c.query(`SET plan_cache_mode = ${mode}`);
          const r = await c.query(`EXPLAIN (ANALYZE, BUFFERS, VERBOSE) EXECUTE ${name}(${lits})`);
          console.log(`\n==== ${mode}\n${r.rows.map((x: { "QUERY PLAN": string }) => x["QUERY PLAN"]).join("\n")}`);
        }
      }
    } finally {
      await c.end();
    }
  });
}

runScript(main);
