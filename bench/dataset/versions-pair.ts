// `npx tsx bench/dataset/versions-pair.ts --before <data dir> [--rounds 6] [--runs 10]` (issue 22, round 23):
// the same statements on two bench datasets side by side — this tree's `.data/bench-pg` (e.g. DATASET_VERSION 6,
// with the journal's history) and `--before` (a copy of an older one, e.g. v5 without it) — each on its own
// embedded server, in one process, in alternating rounds; per statement the PostgreSQL backend's CPU per
// execution (its /proc stat: what the server did, not the load around it), the median per side. The statements:
// the grid's, the big grid's and the diary week's own SQL as the last bench run on this tree captured it in
// `.data/bench-pg.log` (bench/run.ts's database floor: one request each, in that order), `/control`'s FILL_ROWS
// and TEACHER_SHARES for the whole organisation (bench/control-plan.ts's), and the mark save (MARK_SAVE, one
// cell of the bench's mark_save, in a transaction rolled back). Each side's working database is recreated from
// its pristine copy first (never re-seeded: the two markers differ on purpose). Run under the bench lock, niced.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startEmbedded, type EmbeddedServer } from "../../prisma/tools/embedded";
import { DATA_DIR } from "../../prisma/tools/paths";
import { dropDatabase, withClient } from "../../prisma/tools/pg-util";
import { statementsFromLog, type Statement } from "../db-floor";
import { loadFixtures } from "../fixtures";
import { pristineName } from "./pristine";

const { values: args } = parseArgs({
  options: {
    before: { type: "string" },
    rounds: { type: "string", default: "6" },
    runs: { type: "string", default: "10" },
    from: { type: "string", default: "2026-12-01" },
    to: { type: "string", default: "2026-12-07" },
    /** Each statement's rows (first execution, JSON) to `<save>.<side>.<n>.json`: the readers' answers compared. */
    save: { type: "string" },
  },
});
if (!args.before) {
  console.error("--before <каталог данных PostgreSQL со старым набором>");
  process.exit(2);
}
const log = (s: string): void => console.log(`[versions-pair] ${s}`);
const NAME = "ejournal_bench";

/** The last `n` statement captures of bench/run.ts's database floor in the tree's bench log, oldest first. */
function lastCaptures(n: number): Statement[][] {
  const file = `${path.join(DATA_DIR, "bench-pg")}.log`;
  const text = readFileSync(file, "utf8");
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const on = text.indexOf('parameter "log_min_duration_statement" changed to "0"', at);
    if (on < 0) break;
    const off = text.indexOf('parameter "log_min_duration_statement" removed from configuration file', on);
    parts.push(text.slice(on, off < 0 ? undefined : off));
    at = off < 0 ? text.length : off;
  }
  const tmp = path.join(os.tmpdir(), `versions-pair-${process.pid}.log`);
  return parts.slice(-n).map((p) => {
    writeFileSync(tmp, p);
    return statementsFromLog(tmp, 0);
  });
}

function backendCpu(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(f[11]) + Number(f[12])) * 10;
}

type Side = { label: string; server: EmbeddedServer; client: pg.Client; pid: number; marker: string };

async function side(label: string, dataDir: string, port: number): Promise<Side> {
  const server = await startEmbedded({ dataDir, port, log });
  const base = server.url("postgres");
  const marker = await withClient(base, async (c) => {
    const r = await c.query<{ d: string }>(
      `SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`,
      [pristineName(NAME)],
    );
    if (!r.rows.length) throw new Error(`${dataDir}: нет ${pristineName(NAME)}`);
    await dropDatabase(base, NAME);
    await c.query(`CREATE DATABASE ${NAME} TEMPLATE ${pristineName(NAME)} STRATEGY FILE_COPY`);
    return r.rows[0].d;
  });
  const client = new pg.Client({ connectionString: server.url(NAME) });
  await client.connect();
  const pid = Number((await client.query("SELECT pg_backend_pid() AS p")).rows[0].p);
  log(`${label}: ${dataDir} (${marker}), порт ${server.port}`);
  return { label, server, client, pid, marker };
}

const sides: Side[] = [];
try {
  const [grid, bigGrid, diary] = lastCaptures(3);
  sides.push(await side("before", path.resolve(args.before), 54371));
  sides.push(await side("now", path.join(DATA_DIR, "bench-pg"), 54372));
  const orgId = Number((await sides[1].client.query(`SELECT min(id) AS id FROM "Organisation"`)).rows[0].id);
  for (const s of sides) await loadFixtures(s.server.url(NAME), orgId); // the run's own clean-up, on both
  const fx = await loadFixtures(sides[1].server.url(NAME), orgId);
  process.env.DATABASE_URL = sides[1].server.url(NAME);
  const { FILL_ROWS } = await import("../../lib/control/data");
  const { TEACHER_SHARES } = await import("../../lib/control/deadline/data");
  const { sharesFrom, shareRanges } = await import("../../lib/control/deadline/rules");
  const { MARK_SAVE } = await import("../../lib/journal/mutations");
  const from = new Date(`${args.from}T00:00:00Z`);
  const to = new Date(`${args.to}T00:00:00Z`);
  const now = new Date();
  const ranges = shareRanges(to);
  const cell = fx.cells[0];
  const version = Number(
    (
      await sides[1].client.query(
        `SELECT version FROM "Mark" WHERE "organisationId" = $1 AND "assignmentId" = $2 AND "studentId" = $3`,
        [orgId, cell.assignmentId, cell.studentId],
      )
    ).rows[0].version,
  );
  const teacher = Number(
    (
      await sides[1].client.query(
        `SELECT "createdById" AS u FROM "Mark" WHERE "organisationId" = $1 AND "assignmentId" = $2 AND "studentId" = $3`,
        [orgId, cell.assignmentId, cell.studentId],
      )
    ).rows[0].u,
  );
  const save = MARK_SAVE.sql(
    {
      organisationId: orgId,
      userId: teacher,
      lessonId: cell.lessonId,
      studentId: cell.studentId,
      assignmentId: cell.assignmentId,
      typeId: null,
      mark: { kind: "GRADE", value: 3, isHospital: false },
      comment: undefined,
      expectedVersion: version,
      reason: null,
      now,
    },
    cell.assignmentId,
  );
  const asList = (q: { text: string; values: unknown[] }): Statement[] => [
    { sql: q.text, params: q.values as string[] },
  ];
  // times: a cheap statement runs more often per round (the backend's CPU is counted in 10 ms ticks).
  const work: Array<{ name: string; statements: Statement[]; rollback?: boolean; times?: number }> = [
    { name: `journal_grid (${grid.length} statements)`, statements: grid },
    { name: `journal_grid_35x90 (${bigGrid.length})`, statements: bigGrid },
    { name: `diary_week (${diary.length})`, statements: diary },
    {
      name: "control FILL_ROWS",
      statements: asList(FILL_ROWS.sql(orgId, { from, to, classIds: null }, now) as never),
    },
    {
      name: "control TEACHER_SHARES",
      statements: asList(
        TEACHER_SHARES.sql(
          orgId,
          { from: sharesFrom(to), to, classIds: null },
          { day: to, weekFrom: ranges.week[0], monthFrom: ranges.month[0] },
          now,
        ) as never,
      ),
    },
    {
      name: `mark_save (version ${version}, rolled back)`,
      statements: asList(save as never),
      rollback: true,
      times: 20,
    },
  ];
  const runs = Number(args.runs);
  const rounds = Number(args.rounds);
  const exec = async (s: Side, w: (typeof work)[number], save?: string) => {
    if (w.rollback) await s.client.query("BEGIN");
    let rows = 0;
    const answers: unknown[] = [];
    for (const st of w.statements) {
      const r = await s.client.query(st.sql, st.params);
      rows += r.rowCount ?? 0;
      if (save !== undefined && args.save) answers.push(r.rows);
    }
    if (save !== undefined && args.save)
      writeFileSync(`${args.save}.${s.label}.${save}.json`, JSON.stringify(answers, null, 1));
    if (w.rollback) await s.client.query("ROLLBACK");
    return rows;
  };
  for (const w of work) {
    const cpu: Record<string, number[]> = { before: [], now: [] };
    const rowsOf: Record<string, number> = {};
    for (const s of sides) rowsOf[s.label] = await exec(s, w, `${work.indexOf(w)}`); // warm both (plans, caches)
    for (let r = 0; r < rounds; r++) {
      for (const s of r % 2 ? [...sides].reverse() : sides) {
        const c0 = backendCpu(s.pid);
        const n = runs * (w.times ?? 1);
        for (let i = 0; i < n; i++) await exec(s, w);
        cpu[s.label].push((backendCpu(s.pid) - c0) / n);
      }
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(" ");
    log(
      `${w.name}: PostgreSQL CPU ms per execution, median of ${rounds} rounds × ${runs}: before ${med(cpu.before).toFixed(1)} ` +
        `[${list(cpu.before)}] → now ${med(cpu.now).toFixed(1)} [${list(cpu.now)}]; rows ${rowsOf.before} → ${rowsOf.now}; load ${os
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(" ")}`,
    );
  }
} finally {
  for (const s of sides) {
    await s.client.end().catch(() => undefined);
    await s.server.stop();
  }
}
