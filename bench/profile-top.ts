// `npx tsx bench/profile-top.ts <file.cpuprofile> [--top 30]` (issue 22 item 6): where a V8 CPU
// profile of the app server (BENCH_CPU_PROF=<dir> npm run bench …) spent its time — self time by
// function and by package (node_modules/<name>, Next.js's server chunks, node internals, idle/GC);
// `--fn a,b` adds the inclusive time of the functions named a, b (their whole call trees);
// `--window from,to` keeps the samples taken between those seconds after the profile's start
// (e.g. only the 1-client level of a run); "inclusive by package" counts a sample once for every
// package on its stack (what ran under pg, under @prisma/client, under next-auth…).
// `--phases 'session=requireUserForRoute;command=decide|save@lib_journal;…'` (issue 22 item 6, round 19):
// each busy sample goes to ONE phase (bench/profile-phases.ts: the innermost frame on its stack that a
// rule names), the rest by the package of its leaf frame; `--per <n>`: also ms per request (n requests
// in the profile's window).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { phaseOfStack, phaseRules } from "./profile-phases";

type Frame = { functionName: string; url: string; lineNumber: number };
type Node = { id: number; callFrame: Frame; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const { values, positionals } = parseArgs({
  options: {
    top: { type: "string", default: "30" },
    fn: { type: "string" },
    window: { type: "string" },
    phases: { type: "string" },
    per: { type: "string" },
  },
  allowPositionals: true,
});
if (positionals.length !== 1) throw new Error("usage: tsx bench/profile-top.ts <file.cpuprofile> [--top N]");
const profile = JSON.parse(readFileSync(positionals[0], "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
const [from, to] = (values.window ?? "0,1e9").split(",").map((v) => Number(v) * 1e6);
let at = 0;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

/** The package a frame belongs to: node_modules/<name>, next's compiled chunks, node internals, or the VM's own. */
function packageOf(f: Frame): string {
  if (!f.url) return f.functionName.startsWith("(") ? f.functionName : "(native)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f.url);
  if (m)
    return m[1] === "next" && /compiled\/([^/]+)/.test(f.url) ? `next/${/compiled\/([^/]+)/.exec(f.url)![1]}` : m[1];
  if (f.url.startsWith("node:")) return "node:internal";
  if (f.url.includes("/.next/")) return ".next (app bundle)";
  return f.url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
}

const total = [...self.values()].reduce((a, b) => a + b, 0);
const sum = (key: (f: Frame) => string) => {
  const out = new Map<string, number>();
  for (const [id, us] of self) {
    const k = key(byId.get(id)!.callFrame);
    out.set(k, (out.get(k) ?? 0) + us);
  }
  return [...out].sort((a, b) => b[1] - a[1]);
};
const pct = (us: number) =>
  `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(7)} ms`;
const top = Number(values.top);

console.log(
  `profile ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s, sampled ${(total / 1e6).toFixed(1)} s\n`,
);
console.log("self time by package:");
for (const [k, us] of sum(packageOf).slice(0, top)) console.log(`  ${pct(us)}  ${k}`);
{
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const onStack = new Map<string, number>();
  for (const [id, us] of self) {
    const seen = new Set<string>();
    for (let p: number | undefined = id; p !== undefined; p = parentOf.get(p))
      seen.add(packageOf(byId.get(p)!.callFrame));
    for (const k of seen) onStack.set(k, (onStack.get(k) ?? 0) + us);
  }
  console.log("\ninclusive by package (a sample counts for every package on its stack):");
  for (const [k, us] of [...onStack].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(us)}  ${k}`);
}
console.log("\nself time by function:");
for (const [k, us] of sum((f) => `${f.functionName || "(anonymous)"}  ${packageOf(f)}:${f.lineNumber + 1}`).slice(
  0,
  top,
))
  console.log(`  ${pct(us)}  ${k}`);

if (values.fn) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<number, number>();
  const visit = (id: number): number => {
    const n = byId.get(id)!;
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + visit(c), 0);
    inclusive.set(id, t);
    return t;
  };
  visit(profile.nodes[0].id);
  console.log("\ninclusive time (outermost calls only):");
  for (const name of values.fn.split(",")) {
    let us = 0;
    for (const n of profile.nodes) {
      if (n.callFrame.functionName !== name) continue;
      let p = parent.get(n.id);
      let nested = false;
      while (p !== undefined && !nested) {
        nested = byId.get(p)!.callFrame.functionName === name;
        p = parent.get(p);
      }
      if (!nested) us += inclusive.get(n.id) ?? 0;
    }
    console.log(`  ${pct(us)}  ${name}`);
  }
}

if (values.phases) {
  const rules = phaseRules(values.phases);
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const stackOf = (id: number) => {
    const frames = [];
    for (let p: number | undefined = id; p !== undefined; p = parentOf.get(p)) frames.push(byId.get(p)!.callFrame);
    return frames;
  };
  const out = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    if (f.functionName === "(idle)") continue;
    busy += us;
    const k = phaseOfStack(stackOf(id), rules) ?? `(no phase) ${packageOf(f)}`;
    out.set(k, (out.get(k) ?? 0) + us);
  }
  const per = values.per ? Number(values.per) : 0;
  console.log(`\nphases (busy ${(busy / 1000).toFixed(0)} ms${per ? `, ${per} requests` : ""}):`);
  for (const [k, us] of [...out].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(
      `  ${((100 * us) / busy).toFixed(1).padStart(5)} % of busy  ${(us / 1000).toFixed(0).padStart(7)} ms${per ? `  ${(us / 1000 / per).toFixed(3).padStart(7)} ms/request` : ""}  ${k}`,
    );
}
