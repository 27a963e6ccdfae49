// NFR-2 (the evening peak: the diary and the journal stay fast while parents read the diary) is
// checked by the benchmark, not by tests: its targets are rows of RESULTS.md's «Targets» table
// (issue 22). This test holds that table to the evening-peak targets — every one is a row with its
// goal, a measured value gets «met» or «missed» against that goal, a missing one «not measured».
import { describe, expect, it } from "vitest";
import { computeRatios, markdown, scenarioResult, type Measured, type Results } from "../../bench/report";

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

function results(scenarios: Record<string, Measured>): Results {
  const r: Results = {
    date: "",
    machine: "",
    load_at_start: [],
    dataset: {},
    grid: { students: 35, lessons: 90, teacher: "t", big_students: 35, big_lessons: 90, big_teacher: "t" },
    peak_rss_mb: 0,
    scenarios: Object.fromEntries(Object.entries(scenarios).map(([k, v]) => [k, scenarioResult({ "10": v })])),
    ratios: {},
  };
  r.ratios = computeRatios(r);
  return r;
}

/** The «Targets» row whose label starts with `label`: [measured, goal, verdict]. */
function row(md: string, label: string): string[] {
  const line = md.split("\n").find((l) => l.startsWith(`| ${label}`));
  if (!line) throw new Error(`no target row «${label}»`);
  return line
    .split("|")
    .slice(2, 5)
    .map((c) => c.trim());
}

describe("the evening-peak targets in the benchmark's results (NFR-2)", () => {
  it("names the diary, the journal grid (both sizes) and the mark save with their goals, and judges each", () => {
    const md = markdown(
      results({
        trivial_page: m(20, 100),
        diary_week: m(30, 75),
        journal_grid: m(80, 60),
        journal_grid_35x90: m(140, 40),
        mark_save: m(45, 50),
      }),
    );
    expect(row(md, "diary_week rps / trivial_page rps")).toEqual(["0.75", "≥ 0.7", "met"]);
    expect(row(md, "journal_grid p95, ms")).toEqual(["80", "≤ 100", "met"]);
    expect(row(md, "journal_grid rps / trivial_page rps")).toEqual(["0.6", "≥ 0.5", "met"]);
    expect(row(md, "journal_grid_35x90 p95, ms")).toEqual(["140", "≤ 100", "**missed**"]);
    expect(row(md, "journal_grid_35x90 rps / trivial_page rps")).toEqual(["0.4", "≥ 0.5", "**missed**"]);
    expect(row(md, "mark_save p95, ms")).toEqual(["45", "≤ 30", "**missed**"]);
  });

  it("says «not measured» for an evening-peak target the run did not measure, never «met»", () => {
    const md = markdown(results({ trivial_page: m(20, 100) }));
    for (const label of ["diary_week rps", "journal_grid p95", "mark_save p95"])
      expect(row(md, label)[2]).toBe("not measured");
  });
});
