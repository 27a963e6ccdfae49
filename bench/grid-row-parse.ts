// `npx tsx bench/grid-row-parse.ts [--grid big|small] [--runs 8] [--calls 300]` (issue 22 item 2, round 18): the
// app's side of the journal page's one statement (GRID_PAGE) — the json columns parsed as the pg driver
// parses them (JSON.parse of PostgreSQL's text) and turned into the grid's rows (grid-reads rowsOf) — in
// this process, CPU µs per page (process.cpuUsage) in `runs` blocks of `calls`. The row is the bench
// teacher's, captured from the loader as bench/grid-plan.ts does, with PostgreSQL's own text. Uses only
// what every round since 15 exports: the same file run in an older tree's copy gives its «before».
import { createHash } from "node:crypto";
import { parseArgs } from "node:util";
import pg from "pg";
import { runScript } from "./compare";
import { cpuBlocks } from "./cpu-blocks";
import { teacherUser } from "./fixtures";
import { withGridDataset } from "./grid-dataset";
import { counted } from "../tests/support/pg-queries";

const log = (s: string): void => console.log(`[grid-row-parse] ${s}`);
const { values: args } = parseArgs({
  options: {
    grid: { type: "string", default: "big" },
    runs: { type: "string", default: "8" },
    calls: { type: "string", default: "300" },
    port: { type: "string", default: "54372" },
  },
});

async function main(): Promise<void> {
  await withGridDataset(Number(args.port), log, async (ds, fx) => {
    const { headWithPicker, loadGridPage } = await import("../lib/journal/loaders");
    const { rowsOf } = await import("../lib/journal/grid-reads/data");
    const g = args.grid === "big" ? fx.bigGrid! : fx.grid;
    const user = (await teacherUser(ds.url, ds.orgId, g.teacherLogin)) as unknown as Parameters<typeof loadGridPage>[0];
    const beside = headWithPicker(user);
    const req = { classId: g.classId, subjectId: g.subjectId, periodId: g.periodId };
    const { result, queries } = await counted(() => loadGridPage(user, req, undefined, beside.read, beside.head));
    if (result.kind !== "grid") throw new Error("no grid");
    const q = queries.find((x) => /\brg AS MATERIALIZED/.test(x.text));
    if (!q) throw new Error("GRID_PAGE not sent");
    const c = new pg.Client({ connectionString: ds.url });
    await c.connect();
    // PostgreSQL's text of each column and whether the driver parses it as json (oid 114).
    let text: (string | null)[];
    let json: boolean[];
    let names: string[];
    try {
      const raw = await c.query({
        text: q.text,
        values: q.values,
        rowMode: "array",
        types: { getTypeParser: () => (v: string) => v },
      });
      text = raw.rows[0] as (string | null)[];
      json = raw.fields.map((f) => f.dataTypeID === 114);
      names = raw.fields.map((f) => f.name);
    } finally {
      await c.end();
    }
    const bytes = text.reduce((n, s, i) => n + (json[i] ? Buffer.byteLength(s ?? "") : 0), 0);
    const head = result.head;
    const ix = (n: string) => names.indexOf(n);
    const range = {
      start: new Date(`${text[ix("rangeStart")]}T00:00:00.000Z`),
      end: new Date(`${text[ix("rangeEnd")]}T00:00:00.000Z`),
      periodId: Number(text[ix("rangePeriodId")]),
    };
    const lessonArgs = [ds.orgId, g.classId, g.subjectId, null, text[ix("rangeStart")]!, text[ix("rangeEnd")]!] as [
      number,
      number,
      number,
      null,
      string,
      string,
    ];
    const page = () => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++)
        row[names[i]] = json[i] && text[i] !== null ? JSON.parse(text[i]!) : text[i];
      return rowsOf(lessonArgs, head, range, row as never, row as never, true);
    };
    const first = page();
    // The rows as the grid takes them: equal between trees when the parse is a refactor.
    const digest = createHash("sha256")
      .update(JSON.stringify({ ...first, lock: null }))
      .digest("hex")
      .slice(0, 16);
    const blocks = cpuBlocks(page, Number(args.runs), Number(args.calls), 200);
    log(
      `${first.marks.length} marks, ${first.attendance.length} absences, ${Object.keys(first.sums).length} students summed; json ${bytes} bytes; rows ${digest}; ${blocks}`,
    );
  });
}

runScript(main);
