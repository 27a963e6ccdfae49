// No two-way imports between domains (issue 19 item 3, ARCHITECTURE «Layers»): if lib/a imports
// lib/b, lib/b imports nothing of lib/a — shared pieces live in their one home (lib/schema.ts,
// lib/org/time.ts, lib/journal/marks.ts, lib/errors.ts) instead. Reads the import lines of every
// file under lib/ (type imports too: they tie the domains as much).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceFiles } from "../support/source-files";

const root = path.resolve(__dirname, "../..");
const lib = path.join(root, "lib");

const filesUnder = (dir: string) => sourceFiles(dir);

/**
 * The one homes of shared pieces (ARCHITECTURE «Shared pieces»): every domain may import them, and
 * importing them ties no two domains together — each is a leaf that imports nothing under lib/
 * (checked below), pure vocabulary: dates, the clock, collation, mark wording, the home widget's
 * shape, the login roles and their labels, how people are named, the organisation's defaults (ORG-1,
 * ORG-2: every domain that reads a setting falls back to them; issue 22 round 19).
 */
const SHARED_HOMES = new Set([
  "org/time.ts",
  "org/defaults.ts",
  "org/clock.ts",
  "org/collation.ts",
  "journal/marks.ts",
  "home/widget.ts",
  "access/roles.ts",
  "people/names.ts",
  // DAY-6 (round 22): the organisation's words — the role labels (access/roles.ts) take a college's
  // «Преподаватель», «Студент», «Куратор» from here.
  "org/vocabulary.ts",
]);

const IMPORT_SPEC = /(?:import|export)[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** The domain of a file under lib/: its first folder (lib/db.ts and the like are no domain). */
function domainOf(file: string): string | null {
  const parts = path.relative(lib, file).split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

/** domain → the domains it imports from. */
export function domainGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of filesUnder(lib)) {
    const from = domainOf(file);
    if (!from) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(IMPORT_SPEC)) {
      const spec = m[1] ?? m[2];
      let target: string | null = null;
      if (spec.startsWith("@/lib/")) target = path.join(lib, spec.slice("@/lib/".length));
      else if (spec.startsWith(".")) target = path.resolve(path.dirname(file), spec);
      if (!target || !target.startsWith(lib + path.sep)) continue;
      if (
        SHARED_HOMES.has(
          path
            .relative(lib, target + ".ts")
            .split(path.sep)
            .join("/"),
        )
      )
        continue;
      const to = domainOf(target + ".ts");
      if (to && to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
    }
  }
  return graph;
}

describe("domains under lib/ (issue 19 item 3)", () => {
  const graph = domainGraph();

  it("reads the domains, the second wave's too (learning, portfolio, documents, resources, absences, risk, control)", () => {
    for (const d of [
      "journal",
      "diary",
      "org",
      "people",
      "learning",
      "portfolio",
      "documents",
      "resources",
      "absences",
      "risk",
      "control",
    ])
      expect(graph.has(d), d).toBe(true);
  });

  // The last six pairs (absences↔journal, access↔auth, archive↔org, auth↔people, control↔reports,
  // messages↔push) were broken in round 6: none may come back.
  it("has no pair of domains importing each other", () => {
    const twoWay: string[] = [];
    for (const [a, targets] of graph)
      for (const b of targets) if (a < b && graph.get(b)?.has(a)) twoWay.push(`${a} ↔ ${b}`);
    expect(twoWay.sort()).toEqual([]);
  });

  // A shared home may import another shared home (access/roles.ts → org/vocabulary.ts, DAY-6): both
  // are checked here, so nothing under lib/ but the shared homes is reached.
  it("keeps every shared home a leaf (it imports nothing under lib/ but shared homes, so it ties no domains)", () => {
    const tied: string[] = [];
    for (const home of SHARED_HOMES) {
      const text = readFileSync(path.join(lib, home), "utf8");
      for (const m of text.matchAll(IMPORT_SPEC)) {
        const spec = m[1] ?? m[2];
        const target = spec.startsWith("@/lib/")
          ? `${spec.slice("@/lib/".length)}.ts`
          : spec.startsWith(".")
            ? path.posix.join(path.posix.dirname(home), `${spec}.ts`)
            : null;
        if (target !== null && !SHARED_HOMES.has(target)) tied.push(`${home} → ${spec}`);
      }
    }
    expect(tied).toEqual([]);
  });

  it("would see a two-way pair (the check can fail)", () => {
    const bad = new Map([
      ["a", new Set(["b"])],
      ["b", new Set(["a"])],
    ]);
    const pairs = [...bad].flatMap(([a, t]) => [...t].filter((b) => a < b && bad.get(b)?.has(a)));
    expect(pairs).toEqual(["b"]);
  });
});
