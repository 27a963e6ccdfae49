// Issue 22, round 20: `npm run bench -- --repeat N` folds N back-to-back runs into one result — medians of
// the figures, each ratio the median of the runs' own ratios, the highest peak and the sum of the errors —
// and RESULTS.md shows every run's value of every target beside the median.
import { describe, expect, it } from "vitest";
import {
  computeRatios,
  markdown,
  scenarioResult,
  type Measured,
  type Results,
  type RunResults,
} from "../../bench/report";
import { median, medianLevel, medianRun } from "../../bench/repeat";
import { measured } from "../fixtures/bench-results";

const m = (p95: number, rps: number, extra: Partial<Measured> = {}): Measured =>
  measured(p95, rps, { statuses: { "200": 100 }, ...extra });
const run = (date: string, scenarios: Record<string, Measured>, peak = 100): RunResults => ({
  date,
  machine: "test",
  load_at_start: [1, 1, 1],
  dataset: {},
  grid: {},
  peak_rss_mb: peak,
  scenarios: Object.fromEntries(Object.entries(scenarios).map(([k, v]) => [k, scenarioResult({ "10": v })])),
});
const results = (runs: RunResults[]): Results => {
  const r: Results = { ...medianRun(runs), ratios: {}, runs };
  r.ratios = computeRatios(r);
  return r;
};

describe("bench --repeat: one level over several runs", () => {
  it("takes the median of latencies and throughput, the highest max and peak, the sum of errors and statuses", () => {
    const level = medianLevel([
      m(100, 50, { errors: 1, statuses: { "200": 99, "500": 1 }, peak_rss_mb: 300 }),
      m(300, 40, { max_ms: 900 }),
      m(200, 60, { warmup_errors: 2, peak_rss_mb: 500 }),
    ]);
    expect(level.p95_ms).toBe(200);
    expect(level.p50_ms).toBe(100);
    expect(level.rps).toBe(50);
    expect(level.max_ms).toBe(900);
    expect(level.peak_rss_mb).toBe(500);
    expect(level.errors).toBe(1);
    expect(level.warmup_errors).toBe(2);
    expect(level.statuses).toEqual({ "200": 299, "500": 1 });
  });

  it("keeps the plain grid measured beside a report as the median of the runs' own", () => {
    const level = medianLevel([
      m(400, 30, { baseline_p95_ms: 300, baseline_rps: 50, report_statuses: { "200": 10 } }),
      m(390, 31, { baseline_p95_ms: 260, baseline_rps: 52, report_statuses: { "200": 12, "202": 1 } }),
      m(380, 32, { baseline_p95_ms: 280, baseline_rps: 51, report_statuses: { "200": 11 } }),
    ]);
    expect(level.baseline_p95_ms).toBe(280);
    expect(level.report_statuses).toEqual({ "200": 33, "202": 1 });
  });
});

describe("bench --repeat: the runs' result", () => {
  // Three runs of one build on a machine whose speed moved: /ping and the ceiling page moved together.
  const runs = [
    run("2026-12-07T07:00:00.000Z", { ceiling_page: m(60, 150), trivial_page: m(90, 100), diary_week: m(300, 55) }),
    run("2026-12-07T07:12:00.000Z", { ceiling_page: m(40, 250), trivial_page: m(60, 170), diary_week: m(200, 110) }),
    run(
      "2026-12-07T07:24:00.000Z",
      { ceiling_page: m(50, 200), trivial_page: m(70, 130), diary_week: m(250, 80) },
      650,
    ),
  ];

  it("gives each ratio as the median of the runs' own ratios, not the ratio of the medians", () => {
    const r = results(runs);
    // Per run: 0.55, 0.65, 0.62 → median 0.62; the medians' ratio would be 80 / 130 = 0.62 too, so check the
    // ceiling: per run 0.67, 0.68, 0.65 → 0.67, while the medians' ratio is 130 / 200 = 0.65.
    expect(r.ratios.trivial_page_rps_vs_ceiling).toBe(0.67);
    expect(r.ratios.diary_week_rps_vs_trivial).toBe(0.62);
    expect(r.scenarios.trivial_page.levels["10"].rps).toBe(130);
  });

  it("keeps the highest peak of the runs, and the last run's date", () => {
    const r = results(runs);
    expect(r.peak_rss_mb).toBe(650);
    expect(r.date).toBe("2026-12-07T07:24:00.000Z");
  });

  it("shows every run's value of a target beside the median, marking the runs that missed", () => {
    const md = markdown(results(runs));
    const line = md.split("\n").find((l) => l.startsWith("| trivial_page rps / ceiling_page rps"));
    expect(line).toBeDefined();
    const cells = line!.split("|").map((c) => c.trim());
    expect(cells[2]).toBe("0.67");
    expect(cells[4]).toBe("**missed**");
    expect(cells[5]).toBe("0.67✗ · 0.68✗ · 0.65✗");
    const peak = md.split("\n").find((l) => l.startsWith("| peak RSS, MB"))!;
    expect(peak.split("|")[5].trim()).toBe("100 · 100 · 650✗");
    expect(md).toContain("- runs: 3 back to back (`--repeat 3`)");
    expect(md).toContain("| target (10 clients) | median of 3 runs | goal | | each run |");
  });

  it("gives --orgs N's ratio as its one run's, with no value in the runs' column (round 21)", () => {
    const r: Results = { ...medianRun(runs), ratios: {}, runs };
    r.scale = {
      orgs20: {
        ...run("2026-12-07T07:40:00.000Z", { journal_grid: m(110, 50) }),
        baseline: { label: "1", scenarios: { journal_grid: scenarioResult({ "10": m(100, 55) }) } },
      },
    };
    r.ratios = computeRatios(r);
    const line = markdown(r)
      .split("\n")
      .find((l) => l.startsWith("| grid p95 with 20 organisations / 1 organisation"))!;
    const cells = line.split("|").map((c) => c.trim());
    expect(cells[2]).toBe("1.1");
    expect(cells[5]).toBe("— · — · —");
  });

  it("renders a single run as before, without the runs' column", () => {
    const r: Results = { ...runs[0], ratios: {} };
    r.ratios = computeRatios(r);
    const md = markdown(r);
    expect(md).toContain("| target (10 clients) | measured | goal | |\n");
    expect(md).not.toContain("| each run |");
  });

  it("sums the errors of the runs, so one failing run cannot hide in the median", () => {
    const failing = run("2026-12-07T07:36:00.000Z", {
      ceiling_page: m(50, 200),
      trivial_page: m(70, 130, { errors: 3, statuses: { "200": 97, "502": 3 } }),
    });
    const r = results([runs[0], runs[1], failing]);
    expect(r.scenarios.trivial_page.levels["10"].errors).toBe(3);
    const line = markdown(r)
      .split("\n")
      .find((l) => l.startsWith("| errors (all scenarios)"))!;
    expect(line.split("|")[2].trim()).toBe("3");
  });
});

describe("bench --repeat: the median itself", () => {
  it("takes the middle of an odd count and the mean of the middle two of an even one", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([0.79, 2.18])).toBe(1.485);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
