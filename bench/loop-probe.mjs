// `BENCH_NODE_FLAGS="--import ./bench/loop-probe.mjs" npm run bench -- --quick --skip-build --only mark_save`
// (issue 22 item 6, round 17): preloaded into the app server, it prints one line a second on stderr —
// the process's CPU share, the event loop's delay percentiles (ms) and that second's GC pauses (count,
// total, longest, full collections) — so a level's tail can be set against the app's own stalls: a loop
// delay without a GC and without the CPU near 100 % is time the process waited for a core (the machine,
// the load generator), not work of its own. The lines interleave with the bench's own log in order.
import { constants, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";
import process from "node:process";
import { setInterval } from "node:timers";

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
setInterval(() => {
  const cpu = process.cpuUsage(last);
  last = process.cpuUsage();
  process.stderr.write(
    `[loop] t=${Date.now()} cpu=${((cpu.user + cpu.system) / 1e4).toFixed(0)}% p50=${ms(delay.percentile(50))} p95=${ms(delay.percentile(95))} p99=${ms(delay.percentile(99))} max=${ms(delay.max)} gc=${gc.n} gcms=${gc.ms.toFixed(1)} gcmax=${gc.max.toFixed(1)} major=${gc.major}/${gc.majorMs.toFixed(1)}\n`,
  );
  delay.reset();
  gc = { n: 0, ms: 0, max: 0, major: 0, majorMs: 0 };
}, 1000).unref();
