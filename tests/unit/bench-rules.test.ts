// The benchmark's own arithmetic (issue 10): percentiles, ratios computed within one run, and the
// SQL captured from the PostgreSQL log for the database floor.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { statementsFromLog } from "../../bench/db-floor";
import { percentile } from "../../bench/http-load";
import { computeRatios, scenarioResult, type Measured, type Results, type RunResults } from "../../bench/report";

const m = (p95: number, rps: number): Measured => ({
  concurrency: 10,
  requests: 100,
  p50_ms: p95 / 2,
  p95_ms: p95,
  p99_ms: p95,
  max_ms: p95,
  rps,
  errors: 0,
  warmup_errors: 0,
  statuses: {},
  bytes_avg: 1,
  duration_s: 10,
  peak_rss_mb: 100,
});
const run = (scenarios: Record<string, Measured>, baseline?: Record<string, Measured>): RunResults => ({
  date: "",
  machine: "",
  load_at_start: [],
  dataset: {},
  grid: {},
  peak_rss_mb: 0,
  scenarios: Object.fromEntries(Object.entries(scenarios).map(([k, v]) => [k, scenarioResult({ "10": v })])),
  ...(baseline
    ? {
        baseline: {
          label: "same run",
          scenarios: Object.fromEntries(Object.entries(baseline).map(([k, v]) => [k, scenarioResult({ "10": v })])),
        },
      }
    : {}),
});

describe("bench percentiles", () => {
  it("takes the nearest-rank percentile of sorted latencies", () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentile([], 95)).toBe(0);
  });
});

describe("bench ratios", () => {
  it("compares the grid and the diary with the trivial page at 10 clients", () => {
    const r: Results = {
      ...run({ trivial_page: m(50, 100), journal_grid: m(80, 60), diary_week: m(60, 75) }),
      ratios: {},
    };
    const ratios = computeRatios(r);
    expect(ratios.journal_grid_rps_vs_trivial).toBe(0.6);
    expect(ratios.diary_week_rps_vs_trivial).toBe(0.75);
  });

  it("takes the 20-organisation ratio against the baseline measured in the same run, not the main run", () => {
    const r: Results = {
      ...run({ journal_grid: m(500, 10) }),
      ratios: {},
      scale: { orgs20: run({ journal_grid: m(110, 10) }, { journal_grid: m(100, 10) }) },
    };
    expect(computeRatios(r).grid_p95_20orgs_vs_1org).toBe(1.1);
  });

  it("compares the grid beside a report with the plain grid measured just before it", () => {
    const during = { ...m(150, 5), baseline_p95_ms: 100, baseline_rps: 8, reports_beside: 3 };
    const r: Results = { ...run({ journal_grid: m(400, 10), journal_grid_during_report: during }), ratios: {} };
    expect(computeRatios(r).grid_during_report_p95_vs_grid).toBe(1.5);
  });
});

describe("bench database floor", () => {
  it("reads executed statements with their parameters from the PostgreSQL log", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bench-log-"));
    const file = path.join(dir, "pg.log");
    writeFileSync(
      file,
      [
        "2026-11-23 17:00:00.000 UTC [1] LOG:  duration: 0.100 ms  parse <unnamed>: SELECT 1",
        '2026-11-23 17:00:00.001 UTC [1] LOG:  duration: 0.210 ms  execute <unnamed>: SELECT "id" FROM "Mark" WHERE "organisationId" = $1 AND comment = $2',
        "2026-11-23 17:00:00.001 UTC [1] DETAIL:  parameters: $1 = '7', $2 = 'it''s'",
        "2026-11-23 17:00:00.002 UTC [1] LOG:  duration: 0.050 ms  execute <unnamed>: SELECT pg_reload_conf()",
        "2026-11-23 17:00:00.003 UTC [1] LOG:  duration: 0.300 ms  execute s1: SELECT now()",
      ].join("\n"),
    );
    expect(statementsFromLog(file, 0)).toEqual([
      { sql: 'SELECT "id" FROM "Mark" WHERE "organisationId" = $1 AND comment = $2', params: ["7", "it's"] },
      { sql: "SELECT now()", params: [] },
    ]);
  });
});
