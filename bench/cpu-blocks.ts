// The in-process CPU loops of bench/grid-js.ts and bench/grid-row-parse.ts (issue 22 item 2): CPU µs per
// call of `fn` (process.cpuUsage, user + system) after `warm` calls, in `runs` blocks of `calls`; as text —
// each block's figure and their median. Copy it beside those files when running them in an older tree.
export function cpuBlocks(fn: () => unknown, runs: number, calls: number, warm = 300): string {
  for (let i = 0; i < warm; i++) fn();
  const out: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t = process.cpuUsage();
    for (let i = 0; i < calls; i++) fn();
    const u = process.cpuUsage(t);
    out.push((u.user + u.system) / calls);
  }
  const median = [...out].sort((a, b) => a - b)[out.length >> 1];
  return `µs per page: ${out.map((x) => x.toFixed(0)).join(" ")}; median ${median.toFixed(0)}`;
}
