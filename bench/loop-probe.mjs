// `BENCH_NODE_FLAGS="--import ./bench/loop-probe.mjs" npm run bench -- --quick --skip-build --only mark_save`
// (issue 22 item 6, round 17): preloaded into the app server, it prints one line a second on stderr —
// the process's CPU share, the event loop's delay percentiles (ms) and that second's GC pauses (count,
// total, longest, full collections) — so a level's tail can be set against the app's own stalls: a loop
// delay without a GC and without the CPU near 100 % is time the process waited for a core (the machine,
// the load generator), not work of its own. The lines interleave with the bench's own log in order.
//
// Round 18 (memG18, peak RSS): each line also gives the second's highest resident memory, sampled every
// 100 ms, split at that sample into the main thread's V8 heap (committed: old space, large objects, new
// space; used), external memory and the anonymous rest (malloc arenas, other isolates, stacks) — where
// a level's RSS peak sits and which part moved, without a heap snapshot.
import { readFileSync } from "node:fs";
import { constants, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import process from "node:process";
import { setInterval } from "node:timers";
import v8 from "node:v8";

const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
let gc = { n: 0, ms: 0, max: 0, major: 0, majorMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.n++;
    gc.ms += e.duration;
    gc.max = Math.max(gc.max, e.duration);
    if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
      gc.major++;
      gc.majorMs += e.duration;
    }
  }
}).observe({ entryTypes: ["gc"] });
let last = process.cpuUsage();
const ms = (ns) => (ns / 1e6).toFixed(1);
const mb = (b) => (b / 2 ** 20).toFixed(0);

/** One memory sample: RSS and its anonymous part (/proc), the main heap by space, external. */
function memory() {
  const status = readFileSync("/proc/self/status", "utf8");
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s]));
  const h = v8.getHeapStatistics();
  const u = process.memoryUsage();
  return {
    rss: kb("VmRSS"),
    anon: kb("RssAnon"),
    heap: h.total_heap_size,
    used: h.used_heap_size,
    old: spaces.old_space?.space_size ?? 0,
    lo: (spaces.large_object_space?.space_size ?? 0) + (spaces.code_large_object_space?.space_size ?? 0),
    young: spaces.new_space?.space_size ?? 0,
    ext: u.external,
  };
}
let top = memory();
setInterval(() => {
  const m = memory();
  if (m.rss >= top.rss) top = m;
}, 100).unref();

setInterval(() => {
  const cpu = process.cpuUsage(last);
  last = process.cpuUsage();
  const m = top;
  process.stderr.write(
    `[loop] t=${Date.now()} cpu=${((cpu.user + cpu.system) / 1e4).toFixed(0)}% p50=${ms(delay.percentile(50))} p95=${ms(delay.percentile(95))} p99=${ms(delay.percentile(99))} max=${ms(delay.max)} gc=${gc.n} gcms=${gc.ms.toFixed(1)} gcmax=${gc.max.toFixed(1)} major=${gc.major}/${gc.majorMs.toFixed(1)}` +
      ` rss=${mb(m.rss)} anon=${mb(m.anon)} heap=${mb(m.heap)}/${mb(m.used)} old=${mb(m.old)} lo=${mb(m.lo)} young=${mb(m.young)} ext=${mb(m.ext)} rest=${mb(m.anon - m.heap)}\n`,
  );
  delay.reset();
  gc = { n: 0, ms: 0, max: 0, major: 0, majorMs: 0 };
  top = memory();
}, 1000).unref();
