// `flock /tmp/bench.lock nice npx tsx bench/save-loop.ts [N=1500] [ROUNDS=3]` (issue 22 item 6, round 16): the
// CPU of the mark save outside Next.js, one client, on the bench PostgreSQL — the app's
// (process.cpuUsage) and PostgreSQL's (the postmaster's tree, as bench/ab.ts counts it) per save, for:
//   route  — saveCellIfCurrent as a kept session's request runs it (gate, rules, the kept context);
//   routeFresh — the same with the kept cell contexts emptied before each save (round 15's path);
//   fresh  — CELL_CONTEXT, then MARK_SAVE (a kept session's save of round 15; the path of a cell not kept);
//   kept   — MARK_SAVE alone, guarded by the kept context's fingerprint and the AccessVersion (round 16);
//   write  — MARK_SAVE alone, unguarded (what the guard adds: kept − write);
//   read   — CELL_CONTEXT alone.
// PUSH=1: fresh / kept / write queue the family's push in the write as the route does (route and
// routeFresh always do). Stored marks of the bench school's cells are changed 4 ↔ 5 in turn, as the bench's mark_save does. CPU
// time, not latency: steadier than ab.ts's windows on a shared machine, though contention still
// inflates it a little. Starts on the restored dataset (bench/dataset/pristine.ts). Not part of the bench; the figures are in bench/notes.md (round 16, saveP16).
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbedded } from "../prisma/tools/embedded";
import { DATA_DIR } from "../prisma/tools/paths";
import { prepareDataset } from "./dataset/generate";
import { datasetToday, loadFixtures } from "./fixtures";
import { cpuSeconds } from "./proc-cpu";

const N = Number(process.env.N ?? 1500);
const ROUNDS = Number(process.env.ROUNDS ?? 3);

const appCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
function pgCpu(postmaster: number): number {
  const f = readFileSync(`/proc/${postmaster}/stat`, "utf8");
  const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
  return cpuSeconds(postmaster) + (Number(fields[13]) + Number(fields[14])) / 100;
}

type Cell = {
  organisationId: number;
  lessonId: number;
  assignmentId: number;
  studentId: number;
  version: number;
  value: number;
};

async function main() {
  const dataDir = path.join(DATA_DIR, "bench-pg");
  const server = await startEmbedded({ dataDir, log: () => {} });
  try {
    // The dataset as seeded (round 17): no earlier run's JournalChange rows in the figures; then the
    // bench's own fixture step (it takes back the finals of the periods still open, as every bench run does).
    const { url, orgIds } = await prepareDataset(server.url("postgres"), 1, datasetToday(), () => {});
    await loadFixtures(url, orgIds[0]);
    process.env.DATABASE_URL = url;
    const { db } = await import("../lib/db");
    const { cellContext, cellContextGuardSql } = await import("../lib/journal/data");
    const { writeMark } = await import("../lib/journal/mutations");
    const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const cells = (
      await c.query(
        // Open cells (held in the last days, inside the lock's window), as the bench's mark_save saves.
        `SELECT m."organisationId", m."lessonId", m."assignmentId", m."studentId", m.version, m.value FROM "Mark" m
           JOIN "Lesson" l ON l."organisationId" = m."organisationId" AND l.id = m."lessonId"
          WHERE m.kind = 'GRADE' AND m.value IN (4, 5) AND l.date BETWEEN current_date - 5 AND current_date - 1
            AND l."subgroupId" IS NULL
          ORDER BY m.id DESC LIMIT 40`,
      )
    ).rows as Cell[];
    await c.end();
    const now = new Date();
    const kept = new Map<Cell, { fp: string; version: bigint }>();
    for (const cell of cells) {
      const ctx = await cellContext(cell.organisationId, cell.lessonId, cell.studentId, now);
      if (!ctx) throw new Error("no context");
      kept.set(cell, { fp: ctx.fp, version: ctx.accessVersion });
    }
    const write = async (cell: Cell, guarded: boolean) => {
      cell.value = cell.value === 4 ? 5 : 4;
      const r = await writeMark({
        organisationId: cell.organisationId,
        userId: 1,
        lessonId: cell.lessonId,
        studentId: cell.studentId,
        assignmentId: cell.assignmentId,
        typeId: null,
        mark: { kind: "GRADE", value: cell.value, isHospital: false },
        comment: undefined,
        expectedVersion: cell.version,
        reason: null,
        now,
        push: process.env.PUSH
          ? { event: "mark", lessonId: cell.lessonId, studentId: cell.studentId, label: `${cell.value}` }
          : null,
        ...(guarded
          ? {
              guard: cellContextGuardSql(cell.organisationId, cell.lessonId, cell.studentId, now, kept.get(cell)!),
            }
          : {}),
      });
      if (!r.ok) throw new Error(`save refused: ${JSON.stringify(r)}`);
      cell.version = r.version;
    };
    // Through the command (lib/journal/commands.ts) as a kept session's request runs it: the gate, the
    // rules and the kept context (`route`), or with the kept contexts emptied before each save (`routeFresh`).
    const { saveCellIfCurrent } = await import("../lib/journal/commands");
    const { processCache, tagVersion } = await import("../lib/auth/version");
    // Only the kept cell contexts: the session's user and the actor's facts stay kept, as in the app.
    const dropContexts = () => processCache("cell-context")?.clear();
    const { counted } = await import("../tests/support/pg-queries");
    const teachers = new Map<Cell, number>();
    for (const cell of cells) {
      const [l] = await db.$queryRawUnsafe<{ teacherId: number }[]>(
        `SELECT "teacherId" FROM "Lesson" WHERE "organisationId" = $1 AND id = $2`,
        cell.organisationId,
        cell.lessonId,
      );
      teachers.set(cell, l.teacherId);
    }
    const viaCommand = async (cell: Cell) => {
      cell.value = cell.value === 4 ? 5 : 4;
      // Tagged with the version its session was kept under, as requireUserForRoute's user is.
      const actor = tagVersion(
        { organisationId: cell.organisationId, id: teachers.get(cell)! },
        kept.get(cell)!.version,
      );
      const { lessonId, studentId, assignmentId, value, version } = cell;
      const body = { kind: "mark", lessonId, studentId, assignmentId, input: `${value}`, version };
      const r = await saveCellIfCurrent(actor, body, kept.get(cell)!.version);
      if (!r || r.status !== 200 || !r.body.ok) throw new Error(`command save: ${JSON.stringify(r)}`);
      cell.version = (r.body as { version: number }).version;
    };
    {
      // The statements of one kept save (a hit: 1) and of one after the kept contexts were emptied (2).
      await viaCommand(cells[0]);
      console.log("statements, kept:", (await counted(() => viaCommand(cells[0]))).queries.length);
      dropContexts();
      console.log("statements, emptied:", (await counted(() => viaCommand(cells[0]))).queries.length);
    }
    const variants: Record<string, (cell: Cell) => Promise<void>> = {
      route: viaCommand,
      routeFresh: async (cell) => {
        dropContexts();
        await viaCommand(cell);
      },
      fresh: async (cell) => {
        await cellContext(cell.organisationId, cell.lessonId, cell.studentId, now);
        await write(cell, false);
      },
      kept: (cell) => write(cell, true),
      write: (cell) => write(cell, false),
      read: async (cell) => {
        await cellContext(cell.organisationId, cell.lessonId, cell.studentId, now);
      },
    };
    const results = new Map<string, { app: number[]; pg: number[] }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of Object.entries(variants)) {
        for (let i = 0; i < 50; i++) await run(cells[i % cells.length]);
        const a0 = appCpu();
        const p0 = pgCpu(postmaster);
        for (let i = 0; i < N; i++) await run(cells[i % cells.length]);
        const r = results.get(name) ?? { app: [], pg: [] };
        r.app.push(((appCpu() - a0) * 1000) / N);
        r.pg.push(((pgCpu(postmaster) - p0) * 1000) / N);
        results.set(name, r);
      }
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    console.log(
      `| ${N} × ${ROUNDS} rounds, one client | app CPU ms / op (median; rounds) | PostgreSQL CPU ms / op (median; rounds) |`,
    );
    console.log("|---|---:|---:|");
    for (const [name, r] of results)
      console.log(
        `| ${name} | ${median(r.app).toFixed(3)} (${r.app.map((x) => x.toFixed(3)).join(", ")}) | ${median(r.pg).toFixed(3)} (${r.pg.map((x) => x.toFixed(3)).join(", ")}) |`,
      );
    await db.$disconnect();
  } finally {
    await server.stop();
  }
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => process.exit());
