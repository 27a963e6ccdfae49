// CPU seconds of a process tree from /proc, shared by bench/ab.ts (server CPU per request in each
// window) and bench/visits.ts (the app server's CPU over a browser visit, issue 22).
import { readFileSync, readdirSync } from "node:fs";

/** CPU seconds (user + system) used so far by `pid` and its live descendants, from /proc (clock ticks of 10 ms). */
export function cpuSeconds(pid: number): number {
  const parents = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone
    }
  }
  let ticks = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const f = readFileSync(`/proc/${p}/stat`, "utf8");
      const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      continue;
    }
    stack.push(...(parents.get(p) ?? []));
  }
  return ticks / 100;
}
