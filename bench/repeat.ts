// `npm run bench -- --repeat N` (issue 22, round 20): the measuring protocol for targets that sit within one
// run's noise of their lines. On this machine one build's back-to-back runs put the ceiling page at 150–248
// req/s and moved trivial ÷ ceiling, the sweep and SEC-5 across their lines without a code change (bench/notes.md,
// round 19). N full runs one after another, each on the pristine dataset, are folded into one result: every
// figure is the median of the runs' figures, a ratio the median of each run's own ratio (a ratio is fair only
// within one run), peak memory the highest of the runs and errors the sum of the runs' — so the median never
// hides a failure or a peak.
import type { Measured, RunResults, ScenarioResult } from "./report";
import type { SweepPage, SweepResult } from "./page-sweep";

/** The median; of an even count the mean of the middle two (neither the optimistic nor the pessimistic one). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = Math.floor(s.length / 2);
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const mid = (xs: number[]) => r1(median(xs));
const sumStatuses = (all: Array<Record<string, number> | undefined>) => {
  const out: Record<string, number> = {};
  for (const s of all) for (const [k, v] of Object.entries(s ?? {})) out[k] = (out[k] ?? 0) + v;
  return out;
};
const optionalMid = (xs: Array<number | undefined>) => {
  const have = xs.filter((x): x is number => typeof x === "number");
  return have.length ? mid(have) : undefined;
};

/** One level (a scenario at a concurrency) over the runs that measured it. */
export function medianLevel(ms: Measured[]): Measured {
  const peakOf = ms.reduce((a, b) => (b.peak_rss_mb > a.peak_rss_mb ? b : a));
  const out: Measured = {
    ...ms[0],
    requests: Math.round(median(ms.map((m) => m.requests))),
    p50_ms: mid(ms.map((m) => m.p50_ms)),
    p95_ms: mid(ms.map((m) => m.p95_ms)),
    p99_ms: mid(ms.map((m) => m.p99_ms)),
    max_ms: r1(Math.max(...ms.map((m) => m.max_ms))),
    rps: mid(ms.map((m) => m.rps)),
    bytes_avg: Math.round(median(ms.map((m) => m.bytes_avg))),
    duration_s: mid(ms.map((m) => m.duration_s)),
    errors: ms.reduce((t, m) => t + m.errors, 0),
    warmup_errors: ms.reduce((t, m) => t + (m.warmup_errors ?? 0), 0),
    statuses: sumStatuses(ms.map((m) => m.statuses)),
    peak_rss_mb: peakOf.peak_rss_mb,
    ...(peakOf.memory ? { memory: peakOf.memory } : {}),
  };
  const baselineP95 = optionalMid(ms.map((m) => m.baseline_p95_ms));
  if (baselineP95 !== undefined) out.baseline_p95_ms = baselineP95;
  const baselineRps = optionalMid(ms.map((m) => m.baseline_rps));
  if (baselineRps !== undefined) out.baseline_rps = baselineRps;
  const beside = optionalMid(ms.map((m) => m.reports_beside));
  if (beside !== undefined) out.reports_beside = Math.round(beside);
  if (ms.some((m) => m.report_statuses)) out.report_statuses = sumStatuses(ms.map((m) => m.report_statuses));
  return out;
}

function medianScenario(all: ScenarioResult[]): ScenarioResult {
  const skipped = all.find((s) => s.skipped)?.skipped;
  if (skipped) return { levels: {}, skipped };
  const levels: Record<string, Measured> = {};
  for (const c of Object.keys(all[0].levels)) {
    const ms = all.flatMap((s) => (s.levels[c] ? [s.levels[c]] : []));
    levels[c] = medianLevel(ms);
  }
  const main = levels["10"] ?? Object.values(levels)[0];
  return { ...(main ?? {}), levels };
}

function medianSweep(all: SweepResult[]): SweepResult {
  const key = (p: SweepPage) => `${p.role} ${p.href}`;
  const pages = all[0].pages.map((first) => {
    const same = all.flatMap((sw) => sw.pages.filter((p) => key(p) === key(first)));
    const failed = same.find((p) => p.status !== 200);
    return {
      ...first,
      status: failed?.status ?? first.status,
      requests: same.reduce((t, p) => t + p.requests, 0),
      p50_ms: mid(same.map((p) => p.p50_ms)),
      p95_ms: mid(same.map((p) => p.p95_ms)),
      max_ms: r1(Math.max(...same.map((p) => p.max_ms))),
      bytes: Math.round(median(same.map((p) => p.bytes))),
    };
  });
  // A page only a later run reached (a menu that changed between runs cannot happen within one build) is kept.
  for (const sw of all.slice(1))
    for (const p of sw.pages) if (!pages.some((q) => key(q) === key(p))) pages.push({ ...p });
  const s = all.map((sw) => sw.signin);
  return {
    signin: {
      requests: s.reduce((t, x) => t + x.requests, 0),
      p50_ms: mid(s.map((x) => x.p50_ms)),
      p95_ms: mid(s.map((x) => x.p95_ms)),
      max_ms: r1(Math.max(...s.map((x) => x.max_ms))),
    },
    pages,
  };
}

/**
 * N runs of the same build and dataset folded into one RunResults (the runs themselves are kept beside it
 * by the caller, so RESULTS.md can show each run's value of each target). A scenario one run skipped is
 * skipped; a scenario only some runs measured is the median of those.
 */
export function medianRun(runs: RunResults[]): RunResults {
  if (runs.length === 0) throw new Error("medianRun: нет ни одного прогона");
  if (runs.length === 1) return runs[0];
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.scenarios)))];
  const scenarios: Record<string, ScenarioResult> = {};
  for (const n of names) scenarios[n] = medianScenario(runs.flatMap((r) => (r.scenarios[n] ? [r.scenarios[n]] : [])));
  const floors = runs.flatMap((r) => (r.db_floor ? [r.db_floor] : []));
  const db_floor: NonNullable<RunResults["db_floor"]> = {};
  for (const k of new Set(floors.flatMap((f) => Object.keys(f)))) {
    const fs = floors.flatMap((f) => (f[k] ? [f[k]] : []));
    db_floor[k] = {
      statements: fs[0].statements,
      rounds: fs.reduce((t, f) => t + f.rounds, 0),
      p50_ms: mid(fs.map((f) => f.p50_ms)),
      p95_ms: mid(fs.map((f) => f.p95_ms)),
    };
  }
  const sweeps = runs.flatMap((r) => (r.page_sweep ? [r.page_sweep] : []));
  const last = runs[runs.length - 1];
  return {
    ...last,
    load_at_start: runs[0].load_at_start,
    scenarios,
    ...(floors.length ? { db_floor } : {}),
    ...(sweeps.length ? { page_sweep: medianSweep(sweeps) } : {}),
    ...(runs[0].browser_visits ? { browser_visits: runs[0].browser_visits } : {}),
    peak_rss_mb: Math.max(...runs.map((r) => r.peak_rss_mb)),
  };
}
