// bench/results.json (merged: the main run, `--orgs N` runs under scale.orgsN, `--replica` under
// replica) and bench/RESULTS.md generated from it, with the issue's targets checked.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_MAX_HEAP_MB } from "../prisma/tools/heap-cap";
import { median } from "./repeat";
import { percentile, type LoadResult } from "./http-load";
import type { HeapFigures } from "./app-server";
import type { SweepResult } from "./page-sweep";
import { visitsTable, type VisitsResult } from "./visits";

export type Measured = LoadResult & {
  peak_rss_mb: number;
  skipped?: string;
  /** journal_grid_during_report: reports finished beside it, and the plain grid measured just before. */
  reports_beside?: number;
  baseline_p95_ms?: number;
  baseline_rps?: number;
  /** journal_grid_beside_20_org_reports: the report requests' answers by status (200 built, 202 queued, 429 …). */
  report_statuses?: Record<string, number>;
  /** Each request came right after a finished write, so the route built the file (no kept file). */
  after_write?: boolean;
  /** At the RSS peak: its anonymous part and the threads; after the level: the main thread's V8 heap (MB). */
  memory?: { anon_mb: number; threads: number } & Partial<HeapFigures>;
};
export interface ScenarioResult extends Partial<Measured> {
  levels: Record<string, Measured>;
  skipped?: string;
}
export interface RunResults {
  date: string;
  machine: string;
  load_at_start: number[];
  dataset: Record<string, number>;
  grid: Record<string, number | string>;
  scenarios: Record<string, ScenarioResult>;
  /** The page's SQL replayed sequentially through pg: the database's floor for it. */
  db_floor?: Record<string, { statements: number; rounds: number; p50_ms: number; p95_ms: number }>;
  /** Every page of every demo role's menu at one client, and sign-in to home (issue 22 item 7). */
  page_sweep?: SweepResult;
  /** Real browser visits: requests by kind, bytes and the app server's CPU per visit (issue 22). */
  browser_visits?: VisitsResult;
  /** --orgs N / --replica: the same scenarios without the change, measured in the same run. */
  baseline?: { label: string; scenarios: Record<string, ScenarioResult> };
  peak_rss_mb: number;
}
export interface Results extends RunResults {
  ratios: Record<string, number | null>;
  scale?: Record<string, RunResults>;
  replica?: RunResults;
  /** `--repeat N`: the N runs this result is the median of (bench/repeat.ts), in the order they ran. */
  runs?: RunResults[];
}

export const RESULTS_JSON = path.join(import.meta.dirname, "results.json");
const RESULTS_MD = path.join(import.meta.dirname, "RESULTS.md");
const NOTES_MD = path.join(import.meta.dirname, "notes.md");

export function machine(): string {
  const cpu = os.cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

/** The row for `concurrency` (default 10, else the only level) lifted to the scenario itself. */
export function scenarioResult(levels: Record<string, Measured>, skipped?: string): ScenarioResult {
  const main = levels["10"] ?? Object.values(levels)[0];
  return { ...(main ?? {}), levels, ...(skipped ? { skipped } : {}) };
}

/** One result of several runs of a single request each (run.ts measureAfterWrites): their latencies together. */
export function joinSingles(runs: LoadResult[]): LoadResult {
  const ms = runs.flatMap((r) => (r.requests ? [r.max_ms] : [])).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const seconds = runs.reduce((t, r) => t + r.duration_s, 0);
  const bytes = runs.reduce((t, r) => t + r.bytes_avg * r.requests, 0);
  const r2 = (x: number) => Math.round(x * 10) / 10;
  return {
    concurrency: 1,
    requests: ms.length,
    p50_ms: percentile(ms, 50),
    p95_ms: percentile(ms, 95),
    p99_ms: percentile(ms, 99),
    max_ms: ms.at(-1) ?? 0,
    rps: r2(ms.length / Math.max(seconds, 0.001)),
    errors: runs.reduce((t, r) => t + r.errors, 0),
    warmup_errors: 0,
    statuses,
    bytes_avg: ms.length ? Math.round(bytes / ms.length) : 0,
    duration_s: r2(seconds),
  };
}

type Scenarios = Record<string, ScenarioResult> | undefined;
const rpsOf = (s: Scenarios, name: string, c = "10") => s?.[name]?.levels?.[c]?.rps ?? null;
const p95Of = (s: Scenarios, name: string, c = "10") => s?.[name]?.levels?.[c]?.p95_ms ?? null;
const rps = (r: RunResults | undefined, name: string, c = "10") => rpsOf(r?.scenarios, name, c);
const p95 = (r: RunResults | undefined, name: string, c = "10") => p95Of(r?.scenarios, name, c);
const ratio = (a: number | null, b: number | null) =>
  a !== null && b !== null && b > 0 ? Math.round((a / b) * 100) / 100 : null;

export function computeRatios(r: Results): Record<string, number | null> {
  // `--repeat N`: each ratio is the median of the runs' own ratios (a ratio is fair only within one run).
  if (r.runs && r.runs.length > 1) {
    const each = r.runs.map((run) => runRatios({ ...run, ratios: {}, scale: r.scale, replica: r.replica }));
    return Object.fromEntries(
      Object.keys(each[0]).map((k) => {
        const xs = each.flatMap((x) => (x[k] === null || x[k] === undefined ? [] : [x[k]]));
        return [k, xs.length ? Math.round(median(xs) * 100) / 100 : null];
      }),
    );
  }
  return runRatios(r);
}

function runRatios(r: Results): Record<string, number | null> {
  const scaled = r.scale
    ? Object.entries(r.scale).sort(([a], [b]) => Number(b.slice(4)) - Number(a.slice(4)))[0]
    : undefined;
  // Within one run where possible: the scaled / replica run's own baseline, the grid just before the report.
  const vs1org = (run: RunResults | undefined) =>
    ratio(
      p95(run, "journal_grid"),
      run?.baseline ? p95Of(run.baseline.scenarios, "journal_grid") : p95(r, "journal_grid"),
    );
  const during = r.scenarios.journal_grid_during_report?.levels?.["10"];
  const burst = r.scenarios.journal_grid_beside_20_org_reports?.levels?.["10"];
  const territory = r.scenarios.journal_grid_beside_territory_report?.levels?.["10"];
  return {
    trivial_page_rps_vs_ceiling: ratio(rps(r, "trivial_page"), rps(r, "ceiling_page")),
    journal_grid_rps_vs_trivial: ratio(rps(r, "journal_grid"), rps(r, "trivial_page")),
    journal_grid_35x90_rps_vs_trivial: ratio(rps(r, "journal_grid_35x90"), rps(r, "trivial_page")),
    diary_week_rps_vs_trivial: ratio(rps(r, "diary_week"), rps(r, "trivial_page")),
    grid_p95_20orgs_vs_1org: vs1org(r.scale?.orgs20),
    ...(scaled && scaled[0] !== "orgs20" ? { [`grid_p95_${scaled[0]}_vs_1org`]: vs1org(scaled[1]) } : {}),
    grid_during_report_p95_vs_grid: ratio(during?.p95_ms ?? null, during?.baseline_p95_ms ?? p95(r, "journal_grid")),
    grid_beside_20_reports_p95_vs_grid: ratio(burst?.p95_ms ?? null, burst?.baseline_p95_ms ?? null),
    // REG-2: the grid beside a territory report in flight / the plain grid just before.
    grid_beside_territory_report_p95_vs_grid: ratio(territory?.p95_ms ?? null, territory?.baseline_p95_ms ?? null),
    diary_week_rps_replica_vs_primary: ratio(
      rps(r.replica, "diary_week"),
      r.replica?.baseline ? rpsOf(r.replica.baseline.scenarios, "diary_week") : rps(r, "diary_week"),
    ),
    mark_save_p95_replica_vs_primary: ratio(
      p95(r.replica, "mark_save"),
      r.replica?.baseline ? p95Of(r.replica.baseline.scenarios, "mark_save") : p95(r, "mark_save"),
    ),
  };
}

export function readResults(): Results | null {
  return existsSync(RESULTS_JSON) ? (JSON.parse(readFileSync(RESULTS_JSON, "utf8")) as Results) : null;
}

export function saveResults(
  run: RunResults,
  kind: { orgs: number; replica: boolean },
  /** `--repeat N`: the runs `run` is the median of (bench/repeat.ts medianRun). */
  runs?: RunResults[],
): Results {
  const prev = readResults();
  let r: Results;
  if (kind.replica) {
    if (!prev) throw new Error("сначала нужен основной прогон (npm run bench)");
    r = { ...prev, replica: run };
  } else if (kind.orgs > 1) {
    if (!prev) throw new Error("сначала нужен основной прогон (npm run bench)");
    r = { ...prev, scale: { ...prev.scale, [`orgs${kind.orgs}`]: run } };
  } else {
    r = { ...run, ratios: {}, scale: prev?.scale, replica: prev?.replica, ...(runs ? { runs } : {}) };
  }
  r.ratios = computeRatios(r);
  writeFileSync(RESULTS_JSON, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(RESULTS_MD, markdown(r));
  return r;
}

/** Re-renders RESULTS.md from results.json (ratios recomputed). */
export function writeRendered(): void {
  const r = readResults();
  if (!r) throw new Error("bench/results.json отсутствует — сначала npm run bench");
  r.ratios = computeRatios(r);
  writeFileSync(RESULTS_JSON, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(RESULTS_MD, markdown(r));
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? "—" : String(x));

/** Marks a row whose requests each followed a write: the file was built, not the kept one given. */
const AFTER_WRITE_MARK = " (built: a write before each)";

/** «; built …» when a report scenario's requests each followed a write, «; … kept file» when not; "" unmeasured. */
function reportKind(m: Measured | undefined): string {
  if (!m) return "";
  return m.after_write ? "; built: a write before each" : "; nothing written between: may be the kept file";
}

function table(run: Pick<RunResults, "scenarios">): string[] {
  const lines = [
    "| scenario | clients | requests | p50 ms | p95 ms | p99 ms | req/s | errors | peak RSS MB |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [name, s] of Object.entries(run.scenarios)) {
    if (s.skipped) {
      lines.push(`| ${name} | — | — | — | — | — | — | — | skipped: ${s.skipped} |`);
      continue;
    }
    for (const [c, m] of Object.entries(s.levels)) {
      const errs =
        (m.errors
          ? `${m.errors} (${Object.entries(m.statuses)
              .map(([k, v]) => `${k}×${v}`)
              .join(", ")})`
          : "0") + (m.warmup_errors ? ` + ${m.warmup_errors} in warm-up` : "");
      lines.push(
        `| ${name}${m.after_write ? AFTER_WRITE_MARK : ""} | ${c} | ${m.requests} | ${m.p50_ms} | ${m.p95_ms} | ${m.p99_ms} | ${m.rps} | ${errs} | ${m.peak_rss_mb} |`,
      );
      if (m.baseline_p95_ms !== undefined) {
        lines.push(
          `| ↳ plain journal_grid just before | ${c} | — | — | ${m.baseline_p95_ms} | — | ${m.baseline_rps} | — | (${m.reports_beside} org reports built beside) |`,
        );
        if (m.report_statuses)
          lines.push(
            `| ↳ org report requests beside it | — | ${m.reports_beside} | — | — | — | — | ${Object.entries(
              m.report_statuses,
            )
              .map(([k, v]) => `${k}×${v}`)
              .join(", ")} | — |`,
          );
      }
    }
  }
  return lines;
}

/** «25 students × 48 lessons» of the grid measured (`big_`: the class of 35, issue 22 item 2). */
function gridSize(r: RunResults, prefix: "" | "big_"): string {
  const students = r.grid[`${prefix}students`];
  const lessons = r.grid[`${prefix}lessons`];
  return students === undefined ? "not measured" : `${students} students × ${lessons} lessons`;
}

/** The server's V8 heap cap as the benchmark ran it (MAX_HEAP_MB, default of `npm start`). */
function heapCapMb(): number {
  const raw = Number(process.env.MAX_HEAP_MB?.trim() || DEFAULT_MAX_HEAP_MB);
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_MAX_HEAP_MB;
}

/** 5xx answers of the grid and of the report requests beside it. */
function burst5xx(m: Measured): number {
  const count = (statuses: Record<string, number> | undefined) =>
    Object.entries(statuses ?? {}).reduce((n, [k, v]) => n + (k.startsWith("5") ? v : 0), 0);
  return count(m.statuses) + count(m.report_statuses);
}

type TargetRow = { label: string; value: number | null; ok: (v: number) => boolean; goal: string };

/** The issue's targets as measured in `r`: one row each, in the table's order. */
function targetRows(r: Results): TargetRow[] {
  const t = (label: string, value: number | null, ok: (v: number) => boolean, goal: string): TargetRow => ({
    label,
    value,
    ok,
    goal,
  });
  const s = r.scenarios;
  const burstLevel = s.journal_grid_beside_20_org_reports?.levels?.["10"];
  const errors =
    Object.values(s).reduce(
      (n, x) => n + Object.values(x.levels ?? {}).reduce((m, y) => m + y.errors + (y.warmup_errors ?? 0), 0),
      0,
    ) + (r.page_sweep?.pages.filter((p) => p.status !== 200).length ?? 0);
  return [
    t("trivial_page rps / ceiling_page rps", r.ratios.trivial_page_rps_vs_ceiling ?? null, (v) => v >= 0.7, "≥ 0.7"),
    t(`journal_grid p95, ms (${gridSize(r, "")})`, p95(r, "journal_grid"), (v) => v <= 100, "≤ 100"),
    t("journal_grid rps / trivial_page rps", r.ratios.journal_grid_rps_vs_trivial, (v) => v >= 0.5, "≥ 0.5"),
    t(`journal_grid_35x90 p95, ms (${gridSize(r, "big_")})`, p95(r, "journal_grid_35x90"), (v) => v <= 100, "≤ 100"),
    t(
      "journal_grid_35x90 rps / trivial_page rps",
      r.ratios.journal_grid_35x90_rps_vs_trivial ?? null,
      (v) => v >= 0.5,
      "≥ 0.5",
    ),
    t("diary_week rps / trivial_page rps", r.ratios.diary_week_rps_vs_trivial, (v) => v >= 0.7, "≥ 0.7"),
    t("mark_save p95, ms", p95(r, "mark_save"), (v) => v <= 30, "≤ 30"),
    t(
      `report_rpt2_org_pdf, ms (p95 of sequential runs${reportKind(s.report_rpt2_org_pdf?.levels?.["1"])})`,
      s.report_rpt2_org_pdf?.levels?.["1"]?.p95_ms ?? null,
      (v) => v <= 3000,
      "≤ 3000",
    ),
    t(
      `printed_journal_pdf, ms (p95 of sequential runs${reportKind(s.printed_journal_pdf?.levels?.["1"])})`,
      s.printed_journal_pdf?.levels?.["1"]?.p95_ms ?? null,
      (v) => v <= 10000,
      "≤ 10000",
    ),
    t(
      `territory_report, ms (p95 of sequential runs; ${r.dataset.orgs ?? "?"} organisations, REG-2${reportKind(s.territory_report?.levels?.["1"])})`,
      s.territory_report?.levels?.["1"]?.p95_ms ?? null,
      (v) => v <= 3000,
      "≤ 3000",
    ),
    t("grid p95 during an org report / grid p95", r.ratios.grid_during_report_p95_vs_grid, (v) => v <= 1.5, "≤ 1.5"),
    t("grid p95 with 20 organisations / 1 organisation", r.ratios.grid_p95_20orgs_vs_1org, (v) => v <= 1.2, "≤ 1.2"),
    t(
      "page sweep: slowest page p95, ms (1 client)",
      r.page_sweep?.pages.length ? Math.max(...r.page_sweep.pages.map((p) => p.p95_ms)) : null,
      (v) => v <= 150,
      "≤ 150",
    ),
    t("page sweep: sign-in POST to home p95, ms", r.page_sweep?.signin.p95_ms ?? null, (v) => v <= 300, "≤ 300"),
    t("peak RSS, MB", r.peak_rss_mb, (v) => v <= 600, "≤ 600"),
    t(
      "grid p95 beside 20 parallel org reports / plain grid p95 (SEC-5)",
      r.ratios.grid_beside_20_reports_p95_vs_grid ?? null,
      (v) => v <= 1.5,
      "≤ 1.5",
    ),
    t(
      "grid p95 beside a territory report / plain grid p95 (REG-2)",
      r.ratios.grid_beside_territory_report_p95_vs_grid ?? null,
      (v) => v <= 1.5,
      "≤ 1.5",
    ),
    t(
      "5xx among the 20 parallel org reports and the grid beside them (SEC-5)",
      burstLevel ? burst5xx(burstLevel) : null,
      (v) => v === 0,
      "0",
    ),
    t(
      "peak RSS beside 20 parallel org reports, MB (SEC-5)",
      burstLevel?.peak_rss_mb ?? null,
      (v) => v <= heapCapMb() + 150,
      `≤ heap cap + 150 (${heapCapMb() + 150})`,
    ),
    t("errors (all scenarios)", errors, (v) => v === 0, "0"),
  ];
}

/**
 * The targets table. With `--repeat N` the measured value is the median of the runs (a ratio: of each run's
 * own ratio; peak RSS: the highest; errors: the sum) and a last column gives every run's own value, so a
 * target that crossed its line in one run shows it.
 */
function targets(r: Results): string[] {
  const rows = targetRows(r);
  const runs = r.runs && r.runs.length > 1 ? r.runs : undefined;
  // A run's own cell: not `--orgs N`'s or `--replica`'s figures, which come from one separate run each (round 21:
  // «0.91 · 0.91 · 0.91» read as three runs of the 20-organisation grid).
  const each = runs?.map((run) => {
    const one: Results = { ...run, ratios: {} };
    one.ratios = computeRatios(one);
    return targetRows(one);
  });
  const verdict = (x: TargetRow) => (x.value === null ? "not measured" : x.ok(x.value) ? "met" : "**missed**");
  if (!each)
    return [
      "| target (10 clients) | measured | goal | |",
      "|---|---:|---|---|",
      ...rows.map((x) => `| ${x.label} | ${fmt(x.value)} | ${x.goal} | ${verdict(x)} |`),
    ];
  return [
    `| target (10 clients) | median of ${each.length} runs | goal | | each run |`,
    "|---|---:|---|---|---|",
    ...rows.map((x, i) => {
      const runsCell = each
        .map((e) => e[i])
        .map((y) => (y.value === null ? "—" : y.ok(y.value) ? fmt(y.value) : `${fmt(y.value)}✗`))
        .join(" · ");
      return `| ${x.label} | ${fmt(x.value)} | ${x.goal} | ${verdict(x)} | ${runsCell} |`;
    }),
  ];
}

function sweepTable(sw: SweepResult): string[] {
  return [
    "## Page sweep (every page of every demo role's menu, 1 client)",
    "",
    `Sign-in (credentials POST, then the home page): p50 ${sw.signin.p50_ms} ms, p95 ${sw.signin.p95_ms} ms, max ${sw.signin.max_ms} ms (${sw.signin.requests} sign-ins).`,
    "",
    "| role | page | HTTP | requests | p50 ms | p95 ms | max ms | KB | |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ...sw.pages.map(
      (p) =>
        `| ${p.role} | ${p.href === p.path ? p.path : `${p.href} → ${p.path}`} | ${p.status} | ${p.requests} | ${p.p50_ms} | ${p.p95_ms} | ${p.max_ms} | ${Math.round(p.bytes / 1024)} | ${p.status !== 200 ? "**error**" : p.p95_ms > 150 ? "**slow**" : ""} |`,
    ),
  ];
}

const REPORT_ROWS_NOTE =
  "Report rows marked «built: a write before each» came each right after one finished write to the database " +
  "(the organisation's row set to itself), so the route built the file: while nothing is written it gives a " +
  "heavy report's kept file of the last identical build instead (SEC-5) — `printed_journal_pdf_kept` times that " +
  "answer. `report_rpt1_*` (one class) are never kept: every request is a build.";

export function markdown(r: Results): string {
  const notes = existsSync(NOTES_MD) ? readFileSync(NOTES_MD, "utf8").trim() : "";
  const out = [
    "# Benchmark results",
    "",
    "Generated by `npm run bench` from `bench/results.json` — do not edit by hand (notes: `bench/notes.md`).",
    "",
    `- date: ${r.date}`,
    `- machine: ${r.machine}; load average at start ${r.load_at_start.join(" / ")} (server, PostgreSQL and load generator on the same machine)`,
    ...(r.runs && r.runs.length > 1
      ? [
          `- runs: ${r.runs.length} back to back (\`--repeat ${r.runs.length}\`), each on the pristine dataset: ${r.runs
            .map((x) => `${x.date.slice(11, 16)} (load ${x.load_at_start[0]})`)
            .join(
              ", ",
            )} UTC; every figure below is the median of the runs (a ratio: of each run's own; peak RSS: the highest; errors: the sum; browser visits: the first run's)`,
        ]
      : []),
    `- dataset: ${Object.entries(r.dataset)
      .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
      .join(", ")}`,
    `- journal grids measured: \`journal_grid\` ${gridSize(r, "")} (teacher ${r.grid.teacher})${
      r.grid.big_students !== undefined
        ? `, \`journal_grid_35x90\` ${gridSize(r, "big_")} (teacher ${r.grid.big_teacher})`
        : " (`journal_grid_35x90` not in this run's dataset)"
    }; ${r.grid.seconds_per_level} s per level`,
    "",
    "## Targets",
    "",
    ...targets(r),
    "",
    "## Ratios",
    "",
    ...Object.entries(r.ratios).map(([k, v]) => `- ${k}: ${fmt(v)}`),
    "",
    "## One organisation",
    "",
    REPORT_ROWS_NOTE,
    "",
    ...table(r),
    ...Object.entries(r.db_floor ?? {}).flatMap(([k, f]) => [
      "",
      `Database floor of ${k}: its ${f.statements} SQL statements of one request replayed one after another through \`pg\` on one connection: p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms (${f.rounds} rounds).`,
    ]),
  ];
  if (r.page_sweep) out.push("", ...sweepTable(r.page_sweep));
  if (r.browser_visits) out.push("", ...visitsTable(r.browser_visits));
  const baseline = (run: RunResults) =>
    run.baseline ? ["", `Baseline in the same run — ${run.baseline.label}:`, "", ...table(run.baseline)] : [];
  for (const [k, run] of Object.entries(r.scale ?? {})) {
    out.push(
      "",
      `## ${k.slice(4)} organisations in one database (${run.date})`,
      "",
      `dataset: ${Object.entries(run.dataset)
        .map(([a, b]) => `${a} ${b.toLocaleString("en-US")}`)
        .join(", ")}; load average at start ${run.load_at_start.join(" / ")}`,
      "",
      ...table(run),
      ...baseline(run),
    );
  }
  if (r.replica) {
    out.push(
      "",
      `## Diary reads on a streaming replica (\`--replica\`, ${r.replica.date})`,
      "",
      `load average at start ${r.replica.load_at_start.join(" / ")}`,
      "",
      ...table(r.replica),
      ...baseline(r.replica),
    );
  }
  if (notes) out.push("", notes);
  return `${out.join("\n")}\n`;
}
