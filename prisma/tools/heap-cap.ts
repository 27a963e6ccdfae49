// The V8 heap cap of the production server (issue 10: peak RSS ≤ 600 MB). With V8's defaults
// `next start` lets its old space grow to ~1.5 GB under 50 clients although the live heap after a
// full GC stays small (bench/soak/SOAK.md); a cap makes the collector work earlier instead. The
// flag goes on the command line of the node that runs the app server (`npm start`, the benchmark's
// server). An operator's NODE_OPTIONS with its own --max-old-space-size wins; MAX_HEAP_MB=0 turns
// the cap off.

import { compiledServer } from "../../server/entry";

type Env = { readonly [name: string]: string | undefined };

/** Default old-space cap in MB: the org-wide report and a year's printed journal build under it (bench/notes.md). */
export const DEFAULT_MAX_HEAP_MB = 512;

/** Node flags that cap the server's heap, to put before the script path; empty when no cap applies. */
export function heapCapArgs(env: Env): string[] {
  if (/--max-old-space-size(=|\s|$)/.test(env.NODE_OPTIONS ?? "")) return [];
  const raw = env.MAX_HEAP_MB?.trim();
  if (!raw) return [`--max-old-space-size=${DEFAULT_MAX_HEAP_MB}`];
  if (!/^\d+$/.test(raw))
    throw new Error(`MAX_HEAP_MB должен быть целым числом мегабайт (0 — без ограничения), получено «${raw}»`);
  const mb = Number(raw);
  if (mb === 0) return [];
  if (mb < 128) throw new Error(`MAX_HEAP_MB = ${mb} слишком мало: нужно не меньше 128 (0 — без ограничения)`);
  return [`--max-old-space-size=${mb}`];
}

/**
 * V8's old-generation growing factor for the app server, in percent over the live heap (issue 22, peak
 * RSS ≤ 600 MB). After each full GC V8 lets the old generation grow to live × factor before the next;
 * with a 512 MB cap its own factor runs up to 1.4 under load, and the committed heap follows that limit,
 * not the live set (bench/notes.md «Round 10, perfM10»). 20 % keeps the committed heap closer to what
 * is live for more frequent full GCs, whose marking runs mostly concurrently (bench/notes.md «Round 12,
 * memP12»: the RSS and the CPU per request with and without it). HEAP_GROWING_PERCENT moves it; 0 leaves
 * V8's own factor.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 20;

/** `--heap-growing-percent=N` from HEAP_GROWING_PERCENT (default above), or none for 0. */
export function heapGrowthArgs(env: Env): string[] {
  const raw = env.HEAP_GROWING_PERCENT?.trim();
  if (!raw) return [`--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`];
  if (!/^\d+$/.test(raw) || Number(raw) > 100)
    throw new Error(
      `HEAP_GROWING_PERCENT должен быть целым числом процентов 0–100 (0 — как решит V8), получено «${raw}»`,
    );
  return Number(raw) === 0 ? [] : [`--heap-growing-percent=${Number(raw)}`];
}

// Tried in round 12 and not kept (bench/notes.md «Round 12, memP12»): MALLOC_ARENA_MAX=2 in the
// server's environment. With glibc's default the server keeps 10–11 arenas besides the main one; with two,
// the same work lands in a fuller main arena (23 → 44–53 MB), and the malloc total and the RSS of
// the same ab.ts load and of the benchmark's runs did not come out lower.

/**
 * The argv (after process.execPath) that runs the app server (server/main.ts, issue 26) with the
 * heap cap. Production: `[...flags, <root>/.next/app-server.mjs, ...args]`, the server compiled ahead
 * by `npm run build` / `npm start` / the benchmark (server/build.ts) when it is fresh — plain node,
 * no tsx in the running server (issue 22, peak RSS: server/entry.ts). Development (`--dev`), or a
 * checkout whose compiled server is missing or older than its sources: `[...flags, --import, tsx/esm,
 * server/main.ts, ...args]`. Either way Next.js's build is loaded by Node as it is.
 */
export function appServerArgv(env: Env, projectRoot: string, args: string[] = []): string[] {
  const compiled = args.includes("--dev") ? null : compiledServer(projectRoot);
  return compiled
    ? [...heapCapArgs(env), ...heapGrowthArgs(env), compiled, ...args]
    : sourceServerArgv(env, projectRoot, args);
}

/** The app server from its sources through tsx, whatever is compiled (development; a benchmark's «before»). */
export function sourceServerArgv(env: Env, projectRoot: string, args: string[] = []): string[] {
  return [...heapCapArgs(env), ...heapGrowthArgs(env), "--import", "tsx/esm", `${projectRoot}/server/main.ts`, ...args];
}
