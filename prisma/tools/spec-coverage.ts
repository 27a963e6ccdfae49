// `npm run spec:coverage [-- path/to/SPEC.md]`: lists the requirement IDs of SPEC.md (ACL-3, ORG-1 …)
// that no file under tests/ names (GUIDE: every rule has a test that cites its ID). Exits 1 when an
// ID is missing that is not in NOT_TESTED below, each entry with its reason — so the list of
// untested requirements is written down and only shrinks.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT as root } from "./paths";

// The team's SPEC.md sits in shared/ beside the checkout (or beside the worktrees' folder).
const specPath = path.resolve(
  process.argv[2] ??
    [path.join(root, "../shared/SPEC.md"), path.join(root, "../../shared/SPEC.md")].find((p) => existsSync(p)) ??
    "SPEC.md",
);

/** IDs not named by a test, each with why (not implemented yet, or checked outside tests/). */
const NOT_TESTED: Record<string, string> = {};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const spec = readFileSync(specPath, "utf8");
const ids = [...new Set([...spec.matchAll(/^[-*]\s*\**([A-Z]{2,4}-\d+)/gm)].map((m) => m[1]))];
const tests = files(path.join(root, "tests"))
  .map((f) => readFileSync(f, "utf8"))
  .join("\n");
const missing = ids.filter((id) => !new RegExp(`\\b${id}(?!\\d)`).test(tests));
const unexplained = missing.filter((id) => !(id in NOT_TESTED));

console.log(
  `${ids.length} requirement IDs in ${path.relative(process.cwd(), specPath)}; ${missing.length} named by no test`,
);
for (const id of missing) console.log(`  ${id}: ${NOT_TESTED[id] ?? "NOT NAMED BY ANY TEST"}`);
for (const id of Object.keys(NOT_TESTED))
  if (!missing.includes(id)) console.log(`  ${id} is now named by a test: remove it from NOT_TESTED`);
process.exit(unexplained.length > 0 ? 1 : 0);
